package dev.sparring.cli;

import dev.sparring.app.HttpServer;
import dev.sparring.app.Platforms;
import dev.sparring.app.Server;
import dev.sparring.app.Startup;
import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sparring run}: serves every platform the environment configures ({@link Server}) until the
 * process is told to stop. With no platform configured it is the console.
 */
@Command(name = "run", description = "Start the configured adapters (the console if none).")
final class RunCommand implements Callable<Integer> {

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
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(stop, closed), "shutdown"));
    try (Server server =
        Server.start(platforms, configured, config, startup.data, Clock.systemUTC(), port)) {
      stop.await();
      LoggerFactory.getLogger(RunCommand.class).info("shutting down");
    } finally {
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
