package dev.sparring.app;

import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot serving its platforms, as {@code sparring run} runs it: one {@link Sparring} (store,
 * bank, features, outbox), every configured platform started on it with its gateway added to the
 * outbox, and one HTTP server with {@code /metrics}, {@code /healthz}, {@code /readyz} and the
 * platforms' servlets. Ready once everything is up, the store answers and every platform is
 * connected.
 */
public final class Server implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Server.class);

  private final Sparring app;
  private final List<PlatformModule.Running> running;
  private final AtomicBoolean ready = new AtomicBoolean();
  private HttpServer http;

  private Server(Sparring app, List<PlatformModule.Running> running) {
    this.app = app;
    this.running = running;
  }

  /**
   * Starts the bot and {@code configured} (platforms from {@link Platforms#configure}), then the
   * HTTP server on {@code port} (0 picks a free one) and the background work. On failure whatever
   * started is closed again.
   */
  public static Server start(
      Platforms platforms,
      List<PlatformModule.Configured> configured,
      SparringConfig config,
      Path dataDir,
      Clock clock,
      int port)
      throws Exception {
    Sparring app = Sparring.start(config, dataDir, clock, List.of(), platforms);
    Server server = new Server(app, new ArrayList<>());
    try {
      Map<String, HttpServlet> servlets = new LinkedHashMap<>();
      servlets.put("/metrics", app.metrics().servlet());
      PlatformModule.Host host =
          new PlatformModule.Host(app.bot(), app.store(), app.bank(), app.banks(), clock);
      for (PlatformModule.Configured platform : configured) {
        PlatformModule.Running started = platform.start(host);
        server.running.add(started);
        app.dispatcher().addGateway(started.gateway());
        servlets.putAll(started.servlets());
        log.info(
            "platform started ({}){}",
            platform.describe(),
            started.detail().isEmpty() ? "" : "; " + started.detail());
      }
      server.http = new HttpServer(port, servlets, server::ready);
      app.startBackground(clock);
      server.ready.set(true);
      log.info(
          "Sparring is up: HTTP on port {}, store {}, {} questions",
          server.http.port(),
          app.store().describe(),
          app.bank().size());
      return server;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  private boolean ready() {
    return ready.get()
        && app.store().ping()
        && running.stream().allMatch(PlatformModule.Running::connected);
  }

  /** The HTTP port it listens on. */
  public int port() {
    return http.port();
  }

  /** The bot it serves. */
  public Sparring app() {
    return app;
  }

  /**
   * Stops serving (readiness first), then the bot (its outbox and ticks), then the platforms,
   * newest first.
   */
  @Override
  public void close() {
    ready.set(false);
    if (http != null) {
      try {
        http.close();
      } catch (Exception e) {
        log.warn("stopping the HTTP server failed", e);
      }
    }
    app.close();
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        log.warn("closing {} failed", running.get(i), e);
      }
    }
  }
}
