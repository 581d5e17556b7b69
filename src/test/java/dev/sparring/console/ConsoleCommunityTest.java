package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.Store;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.CsvRows;
import dev.sparring.testing.Features;
import dev.sparring.testing.TappedGateway;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hiding from boards, exporting results and balanced groups typed into {@code sparring console}
 * (where everyone is an admin), as a person would.
 */
class ConsoleCommunityTest {

  private static final String TEAM = ConsoleAdapter.TEAM.key();
  private static final String CHANNEL = "console:general";

  private final Store store = new MemoryStore();
  private final ConsoleClock clock =
      new ConsoleClock(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
  private TappedGateway tap;

  private void scored(String user, int points) {
    store.transact(
        tx ->
            tx.ledger()
                .append(
                    new LedgerEntry(
                        "past:" + user,
                        TEAM,
                        CHANNEL,
                        "console:" + user,
                        null,
                        "S1",
                        null,
                        "daily",
                        points,
                        clock.instant())));
  }

  @BeforeEach
  void aTeamWithScores() {
    scored("ana", 30);
    scored("bo", 20);
    scored("cy", 10);
  }

  private String session(String user, String... lines) throws Exception {
    Gateway gateway = ConsoleAdapter.newGateway();
    tap = new TappedGateway(gateway);
    Bot bot = new Bot(store, clock, Features.all());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(tap), OutboxDispatcher.Settings.defaults(), "console");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConsoleAdapter(bot, gateway, dispatcher, out, user, "general")
        .run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), false);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hideThenTheBoardWithoutYouAndYourOwnRankThenShow() throws Exception {
    assertThat(session("bo", "/spar leaderboard hide")).contains("You are now hidden");
    String others = session("cy", "/spar leaderboard");
    assertThat(others).contains("1. \uD83E\uDD47 @ana").contains("2. \uD83E\uDD48 @cy (you)");
    assertThat(others).doesNotContain("@bo");
    assertThat(session("bo", "/spar leaderboard"))
        .contains("You are hidden from public boards")
        .contains("You would be #2 with 20 points.");
    assertThat(session("bo", "/spar leaderboard show")).contains("You are back");
    assertThat(session("cy", "/spar leaderboard")).contains("2. \uD83E\uDD48 @bo");
  }

  @Test
  void exportPostsTheCsvInTheChannelWithoutHiddenPeople() throws Exception {
    session("bo", "/spar leaderboard hide");
    String out = session("ana", "/spar export");
    assertThat(out)
        .contains("Posted results-S1-general.csv (2 people, 40 points) in this channel")
        .contains("[#general] Sparring\nResults \u00b7 this channel \u00b7 season S1")
        .contains("Exported by ana: 2 people, 40 points");
    Message.Attachment file =
        tap.asked().stream()
            .filter(o -> o instanceof Outbound.Post)
            .flatMap(o -> o.message().attachments().stream())
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(CsvRows.records(file.data()))
        .extracting(m -> m.get("rank") + " " + m.get("user_id") + " " + m.get("points"))
        .containsExactly("1 console:ana 30", "2 console:cy 10");
  }

  @Test
  void balancedGroupsPlaceEachJoiner() throws Exception {
    String started = session("ana", "/spar compete start Cup 2d beginner balanced 2");
    assertThat(started).contains("one of 2 groups (amber, blue) kept even by past points");
    String ana = session("ana", "/spar compete join");
    String group = ana.replaceAll("(?s).*You joined Cup in group (\\w+)\\..*", "$1");
    assertThat(group).isIn("amber", "blue");
    // Bo (20 points) goes to the other group; Cy (10) joins Bo, whose group has fewer points.
    assertThat(session("bo", "/spar compete join")).doesNotContain("in group " + group + ".");
    assertThat(session("cy", "/spar compete join"))
        .doesNotContain("in group " + group + ".")
        .contains("Groups here are kept even by past points.");
    assertThat(session("cy", "/spar compete status")).contains("3 members");
  }
}
