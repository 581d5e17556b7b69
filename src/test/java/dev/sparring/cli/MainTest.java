package dev.sparring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.ChildProgram;
import dev.sparring.testing.Cli;
import dev.sparring.testing.Cli.Run;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path dir;

  private static Run run(String... args) {
    return Cli.run("", args);
  }

  private Path config() throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "bank:\n  paths: ['" + TestPacks.root() + "']\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void packsJsonHasTheDocumentedShape() throws Exception {
    Run r = run("packs", "--json", "--config", config().toString());
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode q = root.get("questions").get(0);
    assertThat(root.get("questions")).hasSize(2);
    for (String field :
        new String[] {"id", "pack", "level", "prompt", "sources", "keyPoints", "followUps"}) {
      assertThat(q.has(field)).as(field).isTrue();
    }
    JsonNode senior = root.get("questions").get(1);
    assertThat(senior.get("id").asText()).isEqualTo("demo-senior");
    assertThat(senior.get("followUps")).hasSize(3);
    assertThat(senior.get("followUps").get(0).get("sources").get(0).asText())
        .isEqualTo("s1-q01-f1");
    assertThat(senior.get("followUps").get(1).get("prompt").asText())
        .isEqualTo("Follow-up two about ordering?");
  }

  @Test
  void packsListsQuestionsPerPack() throws Exception {
    Run r = run("packs", "--config", config().toString());
    assertThat(r.out())
        .contains("demo (2 questions)")
        .contains("demo-senior  senior  3 follow-ups");
  }

  @Test
  void validateExitsOneAndPrintsFileLineColumn() throws Exception {
    Path pack = dir.resolve("packs").resolve("broken");
    Files.createDirectories(pack);
    Files.writeString(
        pack.resolve("x.yaml"), "questions:\n  - id: Bad Id\n", StandardCharsets.UTF_8);
    Run r = run("validate", dir.resolve("packs").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).containsPattern("x\\.yaml:2:\\d+: ");
    assertThat(r.err()).contains("problem(s) found");
    Run ok = run("validate", TestPacks.root().toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("OK: 2 questions in 1 pack(s).");
  }

  @Test
  void validateChecksMisconceptionsShapeAndThatTheirClaimsAreRecognised() throws Exception {
    Path pack = dir.resolve("packs").resolve("myths");
    Files.createDirectories(pack);
    String question =
        """
        questions:
          - id: m1
            level: beginner
            topics: [basics]
            prompt: How long can a Lambda function run?
            keyPoints:
              - point: A single invocation runs for at most 15 minutes.
                terms: [15 minutes, fifteen minutes]
                wrong:
                  - claim: %s
                    terms: [runs for an hour, no time limit]
                    correction: %s
              - point: Longer work is split into steps or moved to containers.
                terms: [Step Functions, split the work, Fargate]
              - point: Memory can be set between 128 MB and 10,240 MB.
                terms: [memory setting, 10 GB]
              - point: CPU power grows with the memory setting.
                terms: [CPU scales with memory, more memory more CPU]
            followUps:
              - prompt: What happens at the timeout?
                keyPoints:
                  - point: The invocation is stopped and counted as an error.
                    terms: [stopped, timed out]
                  - point: Asynchronous invocations are retried.
                    terms: [retried, retries]
              - prompt: How do you find slow invocations?
                keyPoints:
                  - point: The duration metric shows how long each invocation ran.
                    terms: [Duration metric]
                  - point: Traces show where the time went.
                    terms: [X-Ray, tracing]
        """;
    Files.writeString(
        pack.resolve("q.yaml"),
        question.formatted("Lambda can run for as long as it likes.", "At most 15 minutes."),
        StandardCharsets.UTF_8);
    Run unrecognised = run("validate", dir.resolve("packs").toString());
    assertThat(unrecognised.code()).isEqualTo(1);
    assertThat(unrecognised.out())
        .contains(
            "m1 step 0 key point 1: misconception \"Lambda can run for as long as it likes.\"")
        .contains("is not recognised in its own claim");

    Files.writeString(
        pack.resolve("q.yaml"),
        question.formatted("A function happily runs for an hour.", "\"At most 15\\nminutes.\""),
        StandardCharsets.UTF_8);
    Run multiline = run("validate", dir.resolve("packs").toString());
    assertThat(multiline.code()).isEqualTo(1);
    assertThat(multiline.out()).containsPattern("q\\.yaml:12:\\d+: a correction is one line");

    Files.writeString(
        pack.resolve("q.yaml"),
        question.formatted("A function happily runs for an hour.", "At most 15 minutes."),
        StandardCharsets.UTF_8);
    Run ok = run("validate", dir.resolve("packs").toString());
    assertThat(ok.code()).as(ok.out()).isZero();
  }

  @Test
  void configErrorsExitTwoAndNameTheKey() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "interview:\n  idleTimeout: never\n", StandardCharsets.UTF_8);
    Run r = run("config", "--config", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("config: interview.idleTimeout: must be a duration");
    Run unknown = run("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument");
  }

  /** Two dead letters (ids 1 and 2) in the store of a bot that keeps running. */
  private static Store runningBotWithDeadLetters(Path data) {
    Store bot = SqliteStore.open(data.resolve("sparring.db"), SqliteStore.Durability.NORMAL);
    bot.transact(
        tx -> {
          ChannelRef channel = new ChannelRef(SlackModule.PLATFORM, "C1");
          long a =
              tx.outbox()
                  .enqueue(
                      new Outbound.Post(channel, Message.text("lost one"), null), Instant.EPOCH);
          long b =
              tx.outbox()
                  .enqueue(new Outbound.Post(channel, Message.text("other"), null), Instant.EPOCH);
          tx.outbox().dead(a, "channel_not_found", Instant.EPOCH);
          tx.outbox().dead(b, "timeout", Instant.EPOCH);
          return null;
        });
    bot.transact(tx -> tx.outbox().pending()); // and goes on working
    return bot;
  }

  @Test
  void deadLettersAreListedRetriedAndDroppedBesideARunningBot() throws Exception {
    Path data = dir.resolve("data");
    try (Store bot = runningBotWithDeadLetters(data)) {
      String[] where = {"--data", data.toString(), "--config", config().toString()};
      Run list = run(concat(new String[] {"outbox", "dead"}, where));
      assertThat(list.out())
          .contains("1  ")
          .contains("slack:C1")
          .contains("channel_not_found")
          .contains("\"lost one\"")
          .contains("2 dead letter(s)");
      assertThat(run(concat(new String[] {"outbox", "retry", "1"}, where)).out())
          .contains("Queued 1 again");
      assertThat(run(concat(new String[] {"outbox", "drop", "2"}, where)).out())
          .contains("Dropped 2.");
      Run again = run(concat(new String[] {"outbox", "drop", "2"}, where));
      assertThat(again.code()).isEqualTo(1);
      assertThat(run(concat(new String[] {"outbox", "dead"}, where)).out())
          .contains("No dead letters.");
      // The running bot sees the operator's changes at once: the retried letter is due again.
      assertThat(bot.transact(tx -> tx.outbox().pending()).longValue()).isEqualTo(1);
      assertThat(bot.transact(tx -> tx.outbox().deadCount()).longValue()).isZero();
    }
  }

  @Test
  void operatorCommandsExplainALockedStoreWithoutAStackTrace() throws Exception {
    Path data = dir.resolve("data");
    runningBotWithDeadLetters(data).close();
    try (Connection backup =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("sparring.db"));
        Statement st = backup.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      Run r =
          run("outbox", "drop", "2", "--data", data.toString(), "--config", config().toString());
      st.execute("ROLLBACK");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("locked").contains("try again").doesNotContain("\tat ");
      assertThat(r.err().lines()).hasSize(1);
    }
    assertThat(
            run("outbox", "drop", "2", "--data", data.toString(), "--config", config().toString())
                .out())
        .contains("Dropped 2.");
  }

  /**
   * {@code sparring run} in a child process with only {@code slackEnv} of the platform variables.
   */
  private Run runWithEnv(Map<String, String> slackEnv) throws Exception {
    ProcessBuilder pb =
        ChildProgram.of(
            "run", "--data", dir.resolve("data").toString(), "--config", config().toString());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
    pb.environment().putAll(slackEnv);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().close(); // a console that starts by mistake ends at once
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void theConsoleStartsWithItsBankPreloadedAndLogsEachWarningOnceWithNothingFromSlf4j()
      throws Exception {
    Path config = dir.resolve("retired.yaml");
    Files.writeString(
        config,
        "bank:\n  paths: ['" + TestPacks.root() + "']\nscoring:\n  interviewCompletion: 20\n",
        StandardCharsets.UTF_8);
    ProcessBuilder pb =
        ChildProgram.of(
            // The program's own logging (to stderr), not the tests' quiet one.
            List.of("-D" + dev.sparring.app.LogSetup.BUILTIN + "=true"),
            "console",
            "--data",
            dir.resolve("data").toString(),
            "--config",
            config.toString());
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    try (java.io.Writer in = p.outputWriter(StandardCharsets.UTF_8)) {
      in.write("/spar help\n");
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains("Sparring commands");
    // The configuration is read twice (the preload, the command): its warning is said once.
    assertThat(err.split("is no longer used", -1)).hasSize(2);
    assertThat(err).doesNotContain("SLF4J").doesNotContain("\tat ");
  }

  @Test
  void aHalfConfiguredSlackStopsTheStartAndNamesWhatIsMissing() throws Exception {
    Run r = runWithEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-token-value"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("config: SLACK_SIGNING_SECRET is not set")
        .contains("Signing Secret")
        .doesNotContain("xoxb-secret-token-value")
        .doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("Sparring console");
  }

  /** Every command's path under {@code sparring}, subcommands included, e.g. [outbox, retry]. */
  private static List<List<String>> commandPaths(CommandLine cli, List<String> prefix) {
    List<List<String>> paths = new ArrayList<>();
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> path = new ArrayList<>(prefix);
              path.add(name);
              paths.add(path);
              paths.addAll(commandPaths(sub, path));
            });
    return paths;
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    List<List<String>> paths = commandPaths(Main.wholeCommandLine(), List.of());
    assertThat(paths).contains(List.of("run"), List.of("outbox", "retry"), List.of("help"));
    for (List<String> path : paths) {
      String usage = "Usage: sparring " + String.join(" ", path);
      for (String flag : new String[] {"--help", "-h"}) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as("%s", args).isZero();
        assertThat(r.out()).as("%s", args).contains(usage);
        assertThat(r.err()).as("%s", args).isEmpty();
      }
    }
    Run help = run("help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: sparring").contains("outbox").contains("console");
    assertThat(run("help", "outbox").out()).contains("Usage: sparring outbox").contains("retry");
    assertThat(run("outbox", "help", "retry").out()).contains("Usage: sparring outbox retry");
    Run unknown = run("help", "frobnicate");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("frobnicate");
  }

  @Test
  void onlyTheNamedCommandIsBuiltAndEverythingOtherwise() {
    assertThat(Main.commandLine("console", "--user", "ana").getSubcommands().keySet())
        .containsExactly("console");
    assertThat(Main.commandLine("outbox", "retry").getSubcommands().get("outbox").getSubcommands())
        .containsKey("retry");
    assertThat(Main.wholeCommandLine().getSubcommands()).hasSize(Main.subcommands().size());
    for (String[] args : new String[][] {{"help"}, {"--help"}, {"-V"}, {"consle"}, {"@args.txt"}}) {
      assertThat(Main.commandLine(args).getSubcommands())
          .as("%s", List.of(args))
          .hasSize(Main.subcommands().size());
    }
    assertThat(Main.wholeCommandLine().getSubcommands().keySet())
        .startsWith("run", "console", "packs", "validate")
        .endsWith("config", "help");
    assertThat(Main.commandLine().getSubcommands()).isEmpty(); // no arguments: run
    Run typo = run("consle");
    assertThat(typo.code()).isNotZero();
    assertThat(typo.err()).contains("console");
  }

  @Test
  void eachCommandIsFoundByTheNamesItsAnnotationGives() {
    for (Class<?> c : Main.subcommands()) {
      CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
      List<String> names = new ArrayList<>(List.of(command.aliases()));
      names.add(command.name());
      for (String name : names) {
        assertThat(Main.subcommand(name))
            .as(name)
            .isEqualTo(c == CommandLine.HelpCommand.class ? null : c);
      }
    }
    assertThat(Main.subcommand("frobnicate")).isNull();
    assertThat(Main.subcommand("--help")).isNull();
  }

  @Test
  void thePreloadReadsTheConfigFileTheCommandLineGives() {
    assertThat(Main.configured(List.of("console")).config).isNull();
    assertThat(Main.configured(List.of("console", "--user", "ana", "--config", "a.yaml")).config)
        .isEqualTo(Path.of("a.yaml"));
    assertThat(Main.configured(List.of("run", "--config=b.yaml", "--data", "d")).config)
        .isEqualTo(Path.of("b.yaml"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void configDumpShowsEffectiveValues() throws Exception {
    Run r = run("config", "--config", config().toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("store.type = ").contains("interview.idleTimeout = PT24H");
  }
}
