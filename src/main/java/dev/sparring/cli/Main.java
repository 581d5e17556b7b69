package dev.sparring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.HttpServer;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.FollowUp;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Problem;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bench.BenchCommand;
import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.console.ConsoleAdapter;
import dev.sparring.console.ConsoleClock;
import dev.sparring.core.Gateway;
import dev.sparring.discord.DiscordAdapter;
import dev.sparring.discord.DiscordSettings;
import dev.sparring.ops.EraseCommand;
import dev.sparring.ops.GradeCommand;
import dev.sparring.ops.ImportCommand;
import dev.sparring.ops.OutboxCommand;
import dev.sparring.ops.PacksReportCommand;
import dev.sparring.ops.StoreCommand;
import dev.sparring.slack.SlackAdapter;
import dev.sparring.slack.SlackSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparring [run|console|packs|validate|config|...|help]}; no subcommand means {@code run}.
 */
@Command(
    name = "sparring",
    // Inherited: every subcommand, however deep, answers --help/-h (and --version/-V).
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Interview practice as a team habit, on Slack and Discord.",
    subcommands = {
      Main.Run.class,
      Main.Console.class,
      Main.Packs.class,
      Main.Validate.class,
      GradeCommand.class,
      ImportCommand.class,
      BenchCommand.class,
      StoreCommand.class,
      OutboxCommand.class,
      EraseCommand.class,
      Main.ShowConfig.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this directly). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException ce) {
            ce.problems().forEach(p -> cmd.getErr().println("config: " + p));
            return 2;
          }
          cmd.getErr().println("sparring: " + e.getMessage());
          LoggerFactory.getLogger(Main.class).debug("command failed", e);
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    return new Run().call();
  }

  @Command(name = "run", description = "Start the configured adapters (the console if none).")
  static final class Run implements Callable<Integer> {
    @CommandLine.Mixin Startup startup = new Startup();

    @Override
    public Integer call() throws Exception {
      SparringConfig config = startup.loadConfig();
      Map<String, String> env = System.getenv();
      SlackSettings slack = SlackSettings.fromEnv(env, config.slackMode());
      SparringConfig.DiscordConfig dc = config.discord();
      DiscordSettings discord =
          DiscordSettings.fromEnv(
              env,
              dc.messageContent(),
              dc.globalCommands(),
              dc.adminRoles(),
              dc.shardsTotal(),
              dc.shardFrom(),
              dc.shardTo());
      if (slack == null && discord == null) {
        // No platform is configured: the console is the adapter.
        Console console = new Console();
        console.startup = startup;
        return console.call();
      }
      Logger log = LoggerFactory.getLogger(Main.class);
      Clock clock = Clock.systemUTC();
      AtomicBoolean ready = new AtomicBoolean();
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.countDown();
                    try {
                      // Let the main thread stop serving, drain and close before the JVM halts.
                      closed.await(15, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "shutdown"));
      List<AutoCloseable> open = new java.util.ArrayList<>();
      try (Sparring app = Sparring.start(config, startup.data, clock, List.of())) {
        Map<String, jakarta.servlet.http.HttpServlet> servlets = new java.util.LinkedHashMap<>();
        servlets.put("/metrics", app.metrics().servlet());
        java.util.function.BooleanSupplier connected = () -> true;
        int port = 3000;
        if (slack != null) {
          SlackAdapter adapter = new SlackAdapter(slack, app.bot(), app.store(), clock);
          open.add(adapter);
          try {
            adapter.start();
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "Slack did not accept SLACK_BOT_TOKEN, or its API could not be reached ("
                    + e.getMessage()
                    + ")",
                e);
          }
          app.dispatcher().addGateway(adapter.gateway());
          port = slack.port();
          if (slack.socketMode()) {
            open.add(adapter.startSocketMode());
          } else {
            servlets.putAll(adapter.servlets());
          }
          log.info("Slack adapter started ({})", slack);
        } else {
          String p = env.get(SlackSettings.HTTP_PORT);
          port = p == null || p.isBlank() ? 3000 : Integer.parseInt(p.strip());
        }
        if (discord != null) {
          DiscordAdapter adapter = new DiscordAdapter(discord, app.bot(), app.bank());
          open.add(adapter);
          adapter.awaitReady(60);
          app.dispatcher().addGateway(adapter.gateway());
          connected = adapter::connected;
          log.info("Discord adapter started ({}); invite: {}", discord, adapter.inviteUrl());
        }
        java.util.function.BooleanSupplier platforms = connected;
        try (HttpServer http =
            new HttpServer(
                port,
                servlets,
                () -> ready.get() && app.store().ping() && platforms.getAsBoolean())) {
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
        for (int i = open.size() - 1; i >= 0; i--) {
          try {
            open.get(i).close();
          } catch (Exception e) {
            LoggerFactory.getLogger(Main.class).warn("closing {} failed", open.get(i), e);
          }
        }
        closed.countDown();
      }
      return 0;
    }
  }

  @Command(name = "console", description = "Chat with the bot in this terminal.")
  static final class Console implements Callable<Integer> {
    @CommandLine.Mixin Startup startup = new Startup();

    @Option(
        names = "--user",
        paramLabel = "NAME",
        description = "Acting user (default: ${DEFAULT-VALUE}).")
    String user = "you";

    @Option(
        names = "--channel",
        paramLabel = "NAME",
        description = "Channel (default: ${DEFAULT-VALUE}).")
    String channel = "general";

    @Override
    public Integer call() throws IOException {
      Startup.quietLogs();
      SparringConfig config = startup.loadConfig();
      Gateway gateway = ConsoleAdapter.newGateway();
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      ConsoleClock clock = new ConsoleClock(Clock.systemUTC());
      try (Sparring app = Sparring.start(config, startup.data, clock, List.of(gateway))) {
        app.bot().withRateLimit(null); // one local user, often a script: no pacing
        app.startMeaning();
        ConsoleAdapter console =
            new ConsoleAdapter(app.bot(), gateway, app.dispatcher(), out, user, channel);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        console.run(in, System.console() != null);
      }
      return 0;
    }
  }

  @Command(
      name = "packs",
      description =
          "List the loaded questions; `packs report` shows which key points people dispute.",
      subcommands = {PacksReportCommand.class})
  static final class Packs implements Callable<Integer> {
    @CommandLine.Mixin Startup startup = new Startup();

    @Option(names = "--json", description = "Print the whole bank as JSON.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Startup.quietLogs();
      QuestionBank bank = Sparring.loadBank(startup.loadConfig().bankPaths());
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      if (json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(toJson(bank)));
        return 0;
      }
      for (String pack : bank.packs()) {
        List<Question> qs = bank.select(pack, null, null);
        out.println(pack + " (" + qs.size() + " questions)");
        for (Question q : qs) {
          out.println(
              "  "
                  + q.id()
                  + "  "
                  + q.level().label()
                  + "  "
                  + q.followUps().size()
                  + " follow-ups  "
                  + String.join(",", q.topics()));
        }
      }
      return 0;
    }

    static ObjectNode toJson(QuestionBank bank) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode root = m.createObjectNode();
      ArrayNode questions = root.putArray("questions");
      for (Question q : bank.questions()) {
        ObjectNode n = questions.addObject();
        n.put("id", q.id());
        n.put("pack", q.pack());
        n.put("level", q.level().label());
        n.putPOJO("topics", q.topics());
        n.put("prompt", q.prompt());
        sources(n, q.sources());
        keyPoints(n, q.keyPoints());
        ArrayNode fus = n.putArray("followUps");
        for (FollowUp f : q.followUps()) {
          ObjectNode fn = fus.addObject();
          fn.put("prompt", f.prompt());
          sources(fn, f.sources());
          keyPoints(fn, f.keyPoints());
        }
      }
      return root;
    }

    private static void sources(ObjectNode n, List<String> sources) {
      ArrayNode a = n.putArray("sources");
      sources.forEach(a::add);
    }

    private static void keyPoints(ObjectNode n, List<KeyPoint> points) {
      ArrayNode a = n.putArray("keyPoints");
      points.forEach(k -> a.add(k.point()));
    }
  }

  @Command(
      name = "validate",
      description = "Check question packs; prints FILE:LINE:COL: message per problem.")
  static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Pack folders (default: prompts).")
    List<Path> dirs;

    @Option(
        names = "--seeds",
        paramLabel = "INDEX",
        description = "A seed index.tsv whose ids packs may cite in sources.")
    Path seeds;

    @Override
    public Integer call() throws IOException {
      Startup.quietLogs();
      Set<String> known = new HashSet<>();
      if (seeds != null) {
        for (String line : Files.readAllLines(seeds, StandardCharsets.UTF_8)) {
          String id = line.split("\t", 2)[0].strip();
          if (!id.isEmpty() && !id.equals("id")) {
            known.add(id);
          }
        }
      }
      List<Path> roots = dirs == null || dirs.isEmpty() ? List.of(Path.of("prompts")) : dirs;
      PackLoader.Result result = new PackLoader(known).load(roots);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      for (Problem p : result.problems()) {
        out.println(p);
      }
      List<dev.sparring.grading.RubricCheck.Finding> findings =
          new dev.sparring.grading.RubricCheck(new dev.sparring.grading.RubricGrader())
              .check(result.bank());
      for (var f : findings) {
        out.println(f);
      }
      if (!result.ok() || !findings.isEmpty()) {
        System.err.println((result.problems().size() + findings.size()) + " problem(s) found.");
        return 1;
      }
      out.println(
          "OK: "
              + result.bank().size()
              + " questions in "
              + result.bank().packs().size()
              + " pack(s).");
      return 0;
    }
  }

  @Command(name = "config", description = "Print the effective configuration, secrets masked.")
  static final class ShowConfig implements Callable<Integer> {
    @CommandLine.Mixin Startup startup = new Startup();

    @Override
    public Integer call() {
      Startup.quietLogs();
      ConfigLoader.describe(startup.loadConfig(), System.getenv()).forEach(System.out::println);
      return 0;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sparring " + (v == null ? "dev" : v)};
    }
  }
}
