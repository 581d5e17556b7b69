package dev.sparring.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty serving the given servlets, plus {@code GET /healthz} and {@code GET /readyz}: 200
 * once the bot is ready for traffic (started, store reachable, platform adapters connected), 503
 * before and while any of that fails.
 */
public final class HttpServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  /** Starts on {@code port} (0 picks a free one); {@code ready} decides /healthz's answer. */
  public HttpServer(int port, Map<String, HttpServlet> servlets, BooleanSupplier ready)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setMaxFormContentSize(1024 * 1024);
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    context.addServlet(new ServletHolder(new Health(ready)), "/healthz");
    context.addServlet(new ServletHolder(new Health(ready)), "/readyz");
    server.setHandler(context);
    server.setStopTimeout(5_000);
    server.start();
  }

  /** The environment variable naming the HTTP port. */
  public static final String PORT = "SPARRING_HTTP_PORT";

  /** The port {@link #PORT} names, 3000 when unset; a bad value fails with its name. */
  public static int port(java.util.Map<String, String> env) {
    String p = env.get(PORT);
    if (p == null || p.isBlank()) {
      return 3000;
    }
    try {
      int port = Integer.parseInt(p.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new dev.sparring.config.ConfigException(
        java.util.List.of(PORT + " must be a port number between 0 and 65535 (got '" + p + "')"));
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** 200 "ok" once ready, 503 before (or when the store stops answering). */
  static final class Health extends HttpServlet {
    private final transient BooleanSupplier ready;

    Health(BooleanSupplier ready) {
      this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      boolean ok = ready.getAsBoolean();
      resp.setStatus(ok ? 200 : 503);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write(ok ? "ok" : "starting");
    }
  }
}
