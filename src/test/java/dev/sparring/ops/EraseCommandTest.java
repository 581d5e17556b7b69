package dev.sparring.ops;

import static dev.sparring.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.Cli.Run;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparring erase} against the SQLite store of a running bot with two teams' data. */
class EraseCommandTest {

  @TempDir Path dir;

  private static final TeamRef ACME = new TeamRef(SlackModule.PLATFORM, "TACME");
  private static final TeamRef OTHER = new TeamRef(SlackModule.PLATFORM, "TOTHER");
  private static final UserRef ANA = new UserRef(SlackModule.PLATFORM, "UANA");
  private static final UserRef BO = new UserRef(SlackModule.PLATFORM, "UBO");

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private Store store;
  private Bot bot;
  private int keys;

  private String[] where(String... args) throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config, "bank:\n  paths: ['" + TestPacks.root() + "']\n", StandardCharsets.UTF_8);
    String[] base = {"--data", dir.resolve("data").toString(), "--config", config.toString()};
    String[] all = new String[args.length + base.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(base, 0, all, args.length, base.length);
    return all;
  }

  private ChannelRef channel(TeamRef team) {
    return new ChannelRef(SlackModule.PLATFORM, "C" + team.id());
  }

  private Bot.Result command(TeamRef team, UserRef user, String text) {
    return bot.handle(
        new Inbound.CommandInvoked(
            "slack:k" + (++keys), team, channel(team), new Actor(user, user.id(), true), text));
  }

  private void answer(TeamRef team, UserRef user, String thread, String text) {
    bot.handle(
        new Inbound.MessagePosted(
            "slack:k" + (++keys),
            team,
            channel(team),
            new ThreadRef(SlackModule.PLATFORM, thread),
            new Actor(user, user.id(), false),
            text));
  }

  /** The platform id the outbox would get for the thread opened by the newest post. */
  private String deliverAndLastThread() {
    var sent = new dev.sparring.testing.RecordingGateway(SlackModule.PLATFORM);
    new dev.sparring.outbox.OutboxDispatcher(
            store,
            clock,
            List.of(sent),
            dev.sparring.outbox.OutboxDispatcher.Settings.defaults(),
            "t")
        .drain();
    return sent.sent().stream()
        .filter(s -> s.message() instanceof dev.sparring.chat.Outbound.Post p && p.anchor() != null)
        .reduce((a, b) -> b)
        .map(dev.sparring.testing.RecordingGateway.Sent::platformId)
        .orElseThrow();
  }

  /** Both teams run a daily question answered by Ana and Bo, revealed and scored. */
  @BeforeEach
  void aBotWithTwoTeams() {
    store =
        SqliteStore.open(dir.resolve("data").resolve("sparring.db"), SqliteStore.Durability.NORMAL);
    bot = new Bot(store, clock, Features.all(), Set.of());
    for (TeamRef team : List.of(ACME, OTHER)) {
      command(team, ANA, "daily now");
      String thread = deliverAndLastThread();
      answer(team, ANA, thread, "a queue absorbs bursts of load and decouples producers");
      answer(team, BO, thread, "queues decouple producers from consumers and absorb bursts");
      command(team, ANA, "reveal");
      command(team, BO, "interview demo-senior");
      deliverAndLastThread();
    }
    clock.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void stopBot() {
    store.close();
  }

  private List<Standing> board(TeamRef team) {
    return store.transact(tx -> tx.ledger().top(LedgerQuery.team(team.key()), 10));
  }

  @Test
  void erasingATeamAsksFirstThenRemovesItAllBesideTheRunningBot() throws Exception {
    List<Standing> other = board(OTHER);
    assertThat(board(ACME)).hasSize(2);

    Run no = run("no\n", where("erase", "--team", "slack:TACME"));
    assertThat(no.code()).isEqualTo(1);
    assertThat(no.out()).contains("This erases for good").contains("Nothing was erased.");
    assertThat(board(ACME)).hasSize(2);

    Run yes = run("yes\n", where("erase", "--team", "TACME"));
    assertThat(yes.code()).isEqualTo(0);
    assertThat(yes.out()).contains("Erased, for slack:TACME:").containsPattern("ledger entries +2");
    assertThat(board(ACME)).isEmpty();
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("daily.answer", ACME.key(), 10)))
        .isEmpty();
    assertThat(
            store.<List<dev.sparring.store.Conversation>>transact(
                tx -> tx.conversations().activeIn(ACME.key(), "interview", 10)))
        .isEmpty();
    assertThat(board(OTHER)).isEqualTo(other);
    // The bot goes on serving the other team on the same store.
    assertThat(command(OTHER, ANA, "leaderboard").ephemerals()).isNotEmpty();

    Run again = run("", where("erase", "--team", "slack:TACME", "--yes"));
    assertThat(again.code()).isEqualTo(0);
    assertThat(again.out()).contains("Nothing to erase for slack:TACME.");
  }

  @Test
  void erasingOnePersonKeepsTheOthersScoresAndCorrectsTheBoard() throws Exception {
    Standing bo =
        board(ACME).stream().filter(s -> s.name().equals(BO.key())).findFirst().orElseThrow();
    List<Standing> other = board(OTHER);

    Run r = run("", where("erase", "--team", "slack:TACME", "--user", "UANA", "--yes"));

    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("Erased, for slack:UANA in slack:TACME:");
    assertThat(board(ACME)).containsExactly(bo);
    assertThat(
            store.<List<dev.sparring.store.LedgerEntry>>transact(
                tx -> tx.ledger().entries(ACME.key(), ANA.key(), 10)))
        .isEmpty();
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("daily.answer", ACME.key(), 10)))
        .singleElement()
        .satisfies(d -> assertThat(d.id()).endsWith("#" + BO.key()));
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("profile", ACME.key(), 10)))
        .noneMatch(d -> d.id().contains(ANA.key()));
    assertThat(board(OTHER)).isEqualTo(other);
  }

  @Test
  void badArgumentsAreExplainedWithoutAStackTrace() throws Exception {
    Run missing = run("", where("erase", "--yes"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--team");

    Run platform = run("", where("erase", "--team", "irc:T1", "--yes"));
    assertThat(platform.code()).isEqualTo(2);
    assertThat(platform.err()).contains("--team 'irc:T1'").doesNotContain("Exception");

    Run mixed = run("", where("erase", "--team", "slack:TACME", "--user", "discord:42", "--yes"));
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err()).contains("is on discord").doesNotContain("\tat ");
    assertThat(board(ACME)).hasSize(2);

    Run help = run("", "erase", "--help");
    assertThat(help.code()).isEqualTo(0);
    assertThat(help.out()).contains("Usage: sparring erase").contains("--team").contains("--user");
  }
}
