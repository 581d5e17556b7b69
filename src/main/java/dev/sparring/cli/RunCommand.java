package dev.sparring.cli;

import dev.sparring.app.HttpServer;
import dev.sparring.app.Platforms;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sparring run}: starts every platform the environment configures, on one bot, one store and
 * one HTTP server ({@code /metrics}, {@code /healthz}, {@code /readyz} and the platforms'
 * servlets), until the process is told to stop. With no platform configured it is the console.
 */
@Command(name = "run", description = "Start the configured adapters (the console if none).")
final class RunCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @CommandLine.Mixin Startup startup = new Startup();

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    Platforms platforms = Platforms.shipped();
    SparringConfig config = startup.loadConfig();
    List<PlatformModule.Configured> configured = platforms.configure(config, env);
    if (configured.isEmpty()) {
      Main.Console console = new Main.Console();
      console.startup = startup;
      return console.call();
    }
    int port = HttpServer.port(env);
    Clock clock = Clock.systemUTC();
    AtomicBoolean ready = new AtomicBoolean();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(stop, closed), "shutdown"));
    List<PlatformModule.Running> running = new ArrayList<>();
    try (Sparring app = Sparring.start(config, startup.data, clock, List.of())) {
      Map<String, HttpServlet> servlets = new LinkedHashMap<>();
      servlets.put("/metrics", app.metrics().servlet());
      PlatformModule.Host host = new PlatformModule.Host(app.bot(), app.store(), app.bank(), clock);
      for (PlatformModule.Configured platform : configured) {
        PlatformModule.Running started = platform.start(host);
        running.add(started);
        app.dispatcher().addGateway(started.gateway());
        servlets.putAll(started.servlets());
        log.info(
            "platform started ({}){}",
            platform.describe(),
            started.detail().isEmpty() ? "" : "; " + started.detail());
      }
      try (HttpServer http =
          new HttpServer(
              port,
              servlets,
              () ->
                  ready.get()
                      && app.store().ping()
                      && running.stream().allMatch(PlatformModule.Running::connected))) {
        app.startBackground(clock);
        ready.set(true);
        log.info(
            "Sparring is up: HTTP on port {}, store {}, {} questions",
            http.port(),
            app.store().describe(),
            app.bank().size());
        stop.await();
        ready.set(false);
        log.info("shutting down");
      }
    } finally {
      for (int i = running.size() - 1; i >= 0; i--) {
        try {
          running.get(i).close();
        } catch (Exception e) {
          log.warn("closing {} failed", running.get(i), e);
        }
      }
      closed.countDown();
    }
    return 0;
  }

  /** The shutdown hook: lets the main thread stop serving, drain and close before the JVM halts. */
  private static void drain(CountDownLatch stop, CountDownLatch closed) {
    stop.countDown();
    try {
      closed.await(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
