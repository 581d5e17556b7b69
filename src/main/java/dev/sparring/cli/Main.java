package dev.sparring.cli;

import dev.sparring.app.Platforms;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bench.BenchCommand;
import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.console.ConsoleAdapter;
import dev.sparring.console.ConsoleClock;
import dev.sparring.core.Gateway;
import dev.sparring.ops.EraseCommand;
import dev.sparring.ops.ExportCommand;
import dev.sparring.ops.GradeCommand;
import dev.sparring.ops.ImportCommand;
import dev.sparring.ops.OutboxCommand;
import dev.sparring.ops.StoreCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparring [run|console|packs|validate|config|...|help]}; no subcommand means {@code run}.
 */
@Command(
    name = "sparring",
    // Inherited: every subcommand, however deep, answers --help/-h (and --version/-V).
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Interview practice as a team habit, on Slack and Discord.")
public final class Main implements Callable<Integer> {

  /**
   * The subcommands, in the order help lists them. They are registered in {@link #commandLine}
   * rather than in {@code @Command}: picocli builds (and instantiates) every registered command up
   * front, which costs a third of a second at start-up when the command line names only one.
   */
  static List<Class<?>> subcommands() {
    return List.of(
        RunCommand.class,
        Main.Console.class,
        PacksCommand.class,
        ValidateCommand.class,
        GradeCommand.class,
        ImportCommand.class,
        BenchCommand.class,
        StoreCommand.class,
        OutboxCommand.class,
        EraseCommand.class,
        ExportCommand.class,
        Main.ShowConfig.class,
        CommandLine.HelpCommand.class);
  }

  static {
    // Pictures are drawn with AWT: headless (no display on a server), set before any AWT class
    // loads.
    System.setProperty("java.awt.headless", "true");
  }

  public static void main(String[] args) {
    preload(args);
    System.exit(execute(args));
  }

  /**
   * When the command line starts the bot ({@code console}, {@code run}), starts reading the bank
   * its configuration names right away, on another core, while the command line is parsed: parsing
   * the packs is the longest part of start-up. The configuration file is the {@code --config} the
   * arguments give, found as {@link Startup} will find it; {@link dev.sparring.app.Sparring#start}
   * takes the reading over when its paths are the same ({@link
   * dev.sparring.app.BankReading#preload}).
   */
  static void preload(String[] args) {
    if (args.length > 0 && !args[0].equals("console") && !args[0].equals("run")) {
      return;
    }
    // Logging is set up first, before another thread can log: one that logs while logging is being
    // set up gets a stand-in logger (SLF4J replays its lines, and says so on the console), and
    // quietLogs needs the real one.
    LoggerFactory.getILoggerFactory();
    List<String> given = List.of(args);
    dev.sparring.app.BankReading.preload(() -> configured(given).loadConfig().bankPaths());
  }

  /** The {@link Startup} options with the {@code --config} that {@code args} give, if any. */
  static Startup configured(List<String> args) {
    Startup startup = new Startup();
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i).equals("--config") && i + 1 < args.size()) {
        startup.config = java.nio.file.Path.of(args.get(i + 1));
      } else if (args.get(i).startsWith("--config=")) {
        startup.config = java.nio.file.Path.of(args.get(i).substring("--config=".length()));
      }
    }
    return startup;
  }

  /** Runs the command line and returns the exit code (tests call this directly). */
  public static int execute(String... args) {
    CommandLine cli = commandLine(args);
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

  /** The whole command tree: every subcommand, however deep. */
  public static CommandLine wholeCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    subcommands().forEach(cli::addSubcommand);
    return cli;
  }

  /**
   * The command tree {@code args} need: only the subcommand their first word names (with its own
   * subcommands), none when there are no arguments (that is {@code run}), else the whole tree (for
   * help, {@code --version}, and picocli's suggestions for a mistyped command).
   */
  static CommandLine commandLine(String... args) {
    if (args.length > 0) {
      Class<?> named = subcommand(args[0]);
      if (named == null) {
        return wholeCommandLine();
      }
      CommandLine cli = new CommandLine(new Main());
      cli.addSubcommand(named);
      return cli;
    }
    return new CommandLine(new Main());
  }

  /**
   * The subcommand {@code word} names, except help; null if none. By name, not by reading each
   * command's {@code @Command}: that would load every command class (a test holds the two to the
   * same names).
   */
  static Class<?> subcommand(String word) {
    return switch (word) {
      case "run" -> RunCommand.class;
      case "console" -> Main.Console.class;
      case "packs" -> PacksCommand.class;
      case "validate" -> ValidateCommand.class;
      case "grade" -> GradeCommand.class;
      case "import" -> ImportCommand.class;
      case "bench" -> BenchCommand.class;
      case "store" -> StoreCommand.class;
      case "outbox" -> OutboxCommand.class;
      case "erase" -> EraseCommand.class;
      case "export" -> ExportCommand.class;
      case "config" -> Main.ShowConfig.class;
      default -> null;
    };
  }

  @Override
  public Integer call() throws Exception {
    return new RunCommand().call();
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
      Gateway gateway = ConsoleAdapter.newGateway(startup.data.resolve("pictures"));
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      ConsoleClock clock = new ConsoleClock(Clock.systemUTC());
      try (Sparring app = Sparring.start(config, startup.data, clock, List.of(gateway))) {
        app.bot().withRateLimit(null); // one local user, often a script: no pacing
        ConsoleAdapter console =
            new ConsoleAdapter(app.bot(), gateway, app.dispatcher(), out, user, channel);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // The meaning model and the metrics registry load once the first answer is out.
        console.run(in, System.console() != null, app::startDeferred);
      }
      return 0;
    }
  }

  @Command(name = "config", description = "Print the effective configuration, secrets masked.")
  static final class ShowConfig implements Callable<Integer> {
    @CommandLine.Mixin Startup startup = new Startup();

    @Override
    public Integer call() {
      Startup.quietLogs();
      ConfigLoader.describe(startup.loadConfig(), System.getenv(), Platforms.shipped().secrets())
          .forEach(System.out::println);
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
