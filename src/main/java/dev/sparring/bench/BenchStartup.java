package dev.sparring.bench;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.Question;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Inbound;
import dev.sparring.slack.SlackModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench startup}: the time from launching {@code sparring console} (a new JVM, the embedded
 * store, the full bank) to its first answer, and its resident memory then; then the memory of a
 * process holding 10,000 interviews in progress.
 */
@Command(
    name = "startup",
    description = "Time to the console's first answer, and memory (idle and 10,000 interviews).")
final class BenchStartup implements Callable<Integer> {

  /**
   * The program the bench launches in a child JVM, named rather than referenced: the command line
   * sits above the benches ({@code sparring bench} is one of its commands).
   */
  static final String ENTRY_POINT = "dev.sparring.cli.Main";

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();

  @Option(
      names = "--interviews",
      description = "Interviews in progress for the second figure (default ${DEFAULT-VALUE}).")
  int interviews = 10_000;

  @Option(names = "--holder", hidden = true, description = "Internal: run as the holding process.")
  boolean holder;

  @Override
  public Integer call() throws Exception {
    if (holder) {
      return hold();
    }
    Startup.quietLogs();
    try (BenchSupport.Scratch scratch = new BenchSupport.Scratch()) {
      long[] console = console(scratch.dir.resolve("console"));
      long[] held = holding(scratch.dir.resolve("holder"));
      Map<String, Object> f = BenchSupport.figures("startup");
      f.put("readyMs", console[0]);
      f.put("rssMb", console[1]);
      f.put("interviews", interviews);
      f.put("rssMbWithInterviews", held[1]);
      f.put("heapUsedMbWithInterviews", held[2]);
      output.print(f);
    }
    return 0;
  }

  private List<String> command(Path data, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), ENTRY_POINT));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--data", data.toString()));
    if (startup.config != null) {
      cmd.addAll(List.of("--config", startup.config.toString()));
    }
    return cmd;
  }

  /** {readyMs, rssMb}: launch to the first answer of {@code /spar help}. */
  private long[] console(Path data) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command(data, "console"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      try (Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
        in.write("/spar help\n");
        in.flush();
        long ready = awaitLine(p, "Sparring commands", start);
        long rss = BenchSupport.rssMb(p.pid());
        return new long[] {ready, rss};
      }
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** {readyMs, rssMb, heapMb} of a process holding the interviews open. */
  private long[] holding(Path data) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(
                command(data, "bench", "startup", "--holder", "--interviews", "" + interviews))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("HOLDING ")) {
          long heap = Long.parseLong(line.substring("HOLDING ".length()).strip());
          return new long[] {
            (System.nanoTime() - start) / 1_000_000, BenchSupport.rssMb(p.pid()), heap
          };
        }
      }
      throw new IllegalStateException("the holding process ended early");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long awaitLine(Process p, String marker, long start) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.contains(marker)) {
        return (System.nanoTime() - start) / 1_000_000;
      }
    }
    throw new IllegalStateException("the console ended without answering");
  }

  /** The holding process: the bot on the embedded store with the interviews open, then waits. */
  private int hold() throws Exception {
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    try (Sparring app = Sparring.start(config, startup.data, Clock.systemUTC(), List.of())) {
      List<Question> questions = app.bank().questions();
      TeamRef team = new TeamRef(SlackModule.PLATFORM, "TBENCH");
      for (int i = 0; i < interviews; i++) {
        app.bot()
            .handle(
                new Inbound.CommandInvoked(
                    "bench:hold:" + i,
                    team,
                    new ChannelRef(SlackModule.PLATFORM, "C" + (i % 500)),
                    new Actor(new UserRef(SlackModule.PLATFORM, "U" + i), "u" + i, false),
                    "interview " + questions.get(i % questions.size()).id()));
      }
      long active = app.store().transact(tx -> tx.conversations().countActive("interview"));
      if (active != interviews) {
        throw new IllegalStateException(active + " interviews open, not " + interviews);
      }
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.println("HOLDING " + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
      System.out.flush();
      new java.util.concurrent.CountDownLatch(1).await(5, TimeUnit.MINUTES);
    }
    return 0;
  }
}
