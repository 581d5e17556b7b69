package dev.sparring.core;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Dates;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Help for one command, did-you-mean for subcommands, and one way of saying durations. */
class HelpAndWordingTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private String help(String args) {
    Bot.Result r = h.command("ana", ("help " + args).strip());
    Message m = r.ephemerals().get(0).message();
    return m.titleText() + "\n" + m.bodyText();
  }

  @Test
  void helpForOneCommandShowsOnlyThatCommandsLines() {
    String daily = help("daily");
    assertThat(daily.lines().filter(l -> l.startsWith("- ")))
        .allMatch(l -> l.startsWith("- `/spar daily"));
    assertThat(daily).contains("`/spar daily on HH:MM ZONE").contains("`/spar daily setup`");
    assertThat(daily).doesNotContain("interview").doesNotContain("/spar reveal");
    assertThat(help("DRILL")).contains("`/spar drill stats`").doesNotContain("/spar daily");
    // An alias has no lines of its own: it shows its command's.
    assertThat(help("lb")).contains("`/spar leaderboard");
    assertThat(help("dialy")).contains("No command `dialy`. Did you mean `/spar help daily`?");
    assertThat(help("zzzzzz")).contains("No command `zzzzzz`.").doesNotContain("Did you mean");
    assertThat(help(""))
        .contains("`/spar interview")
        .contains("`/spar daily")
        .contains("`/spar topics`");
  }

  @Test
  void topicsAreListedWithPacksAndLevelsEverywhere() {
    Message topics = h.command("ana", "topics").ephemerals().get(0).message();
    assertThat(topics.body())
        .contains("**Packs**\n- demo (2 questions)")
        .contains("- beginner (1 question)")
        .contains("- senior (1 question)")
        .contains("- intermediate (0 questions)")
        .contains(
            "**Topics**\n- fundamentals (1 question)\n- messaging (1 question)\n- reliability")
        .contains("`/spar drill senior`");
    assertThat(said(h.command("ana", "questions")))
        .contains("`demo-senior` senior \u00b7 reliability, messaging: ");
    // Wherever a wrong word lists packs and levels, topics are listed too.
    for (String command : List.of("interview nonsense", "drill nonsense", "questions nonsense")) {
      assertThat(said(h.command("ana", command)))
          .as(command)
          .contains("Packs: demo")
          .contains("levels: beginner, intermediate, advanced, senior")
          .contains("topics: fundamentals, messaging, reliability");
    }
    assertThat(said(h.admin("ana", "daily on 09:00 UTC nonsense")))
        .contains("topics: fundamentals, messaging, reliability");
  }

  @Test
  void subcommandTyposGetTheClosestSubcommand() {
    assertThat(said(h.command("ana", "drill stat")))
        .isEqualTo("Unknown `drill` option `stat`. Did you mean `/spar drill stats`?");
    assertThat(said(h.command("ana", "compete stauts")))
        .contains("Did you mean `/spar compete status`?");
    assertThat(said(h.admin("ana", "season rest"))).contains("Did you mean `/spar season reset`?");
    assertThat(said(h.admin("ana", "daily stauts"))).contains("Did you mean `/spar daily status`?");
    assertThat(said(h.command("ana", "leaderboard tema")))
        .contains("Did you mean `/spar leaderboard team`?");
    // A real filter word is still a filter, not a typo of "stats".
    assertThat(said(h.command("ana", "drill senior"))).contains("Your drill");
  }

  @Test
  void durationsReadTheSameEverywhere() {
    assertThat(Texts.duration(Duration.ofHours(47))).isEqualTo("1 day 23 h");
    assertThat(Texts.duration(Duration.ofHours(48))).isEqualTo("2 days");
    assertThat(Texts.duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(Texts.duration(Duration.ofMinutes(60))).isEqualTo("1 h");
    assertThat(Texts.duration(Duration.ofSeconds(20))).isEqualTo("1 min");
    assertThat(Texts.duration(Duration.ofDays(2).plusMinutes(59))).isEqualTo("2 days");

    // A competition 47 hours from its end says so the same way in its status and its posts.
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.admin("ana", "compete start Cup 2d demo every 1d");
    h.clock.advance(Duration.ofHours(1));
    assertThat(said(h.command("bo", "compete status"))).contains("ends in 1 day 23 h");
    h.clock.advance(Duration.ofHours(23));
    h.tick();
    h.dispatcher.drain();
    List<String> bodies =
        h.gateway.sent().stream().map(s -> s.message().message().bodyText()).toList();
    assertThat(bodies).anySatisfy(b -> assertThat(b).contains("Ends 1 day from now"));
    assertThat(String.join("\n", bodies)).contains("Ends 2 days from now").doesNotContain(" 24 h");
  }

  @Test
  void datesThatDoNotExistAreNamedAsSuch() {
    assertThat(Inline.unwrap(Dates.parse("2026-02-30").error()))
        .isEqualTo("`2026-02-30` is not a real date (February 2026 has 28 days).");
    assertThat(Dates.parse("2028-02-29").date()).hasToString("2028-02-29");
    assertThat(Dates.parse("2026-13-01").error()).contains("there is no month 13");
    assertThat(Dates.parse("tomorrow").error()).contains("is not a date; write it as YYYY-MM-DD");
    assertThat(Dates.parse("x".repeat(500)).error().length()).isLessThan(120);
  }
}
