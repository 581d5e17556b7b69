package dev.sparring.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who hides from the boards ({@code /spar leaderboard hide}) is not named in the daily
 * reveal, as on the boards: their answer is listed without name, points or streak, the best-answer
 * quote goes to the best of the others, and their answer still scores for them.
 */
class DailyRevealHiddenTest {

  private static final String BEST =
      "Make the handler idempotent, keep processed ids with a unique key in the same transaction,"
          + " send poison messages to a DLQ, retry with exponential backoff and jitter, and alarm on"
          + " the oldest message age. HIDDEN-WORDS";
  private static final String GOOD =
      "Make it idempotent with a dedup table and a DLQ for poison messages. SHOWN-WORDS";

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private Message revealWithBoHidden() {
    assertThat(Harness.said(h.command("bo", "leaderboard hide"))).contains("You are now hidden");
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now demo-senior");
    String t = h.drainAndLastThread();
    h.reply("bo", t, BEST);
    h.reply("ana", t, GOOD);
    h.reply("cy", t, "Retry it.");
    h.admin("boss", "reveal");
    h.dispatcher.drain();
    return h.gateway.sent().get(h.gateway.sent().size() - 1).message().message();
  }

  private static List<LedgerEntry> ledger(Harness h, String user) {
    return h.store.transact(
        tx -> tx.ledger().entries(Harness.TEAM.key(), Harness.user(user).key(), 100));
  }

  @Test
  void theRevealNamesNoOneWhoHidesAndQuotesTheBestOfTheOthers() {
    Message reveal = revealWithBoHidden();
    assertThat(reveal.titleText()).endsWith("3 answers");
    assertThat(reveal.body())
        .doesNotContain(Harness.user("bo").key())
        .doesNotContain("HIDDEN-WORDS");
    String body = reveal.bodyText();
    assertThat(body)
        .contains("**Best answer**: ")
        .contains("SHOWN-WORDS")
        .contains("- " + DailyTexts.HIDDEN_AUTHOR + ": ");
    // Their line has a grade but neither points nor a streak; the others' lines have both.
    String hiddenLine =
        body.lines().filter(l -> l.contains(DailyTexts.HIDDEN_AUTHOR)).findFirst().orElseThrow();
    assertThat(hiddenLine).doesNotContain("points");
    assertThat(body.lines().filter(l -> l.contains("/100, +"))).hasSize(2);
    // Listed best first, without a name: the top answer line is theirs.
    String answers = body.substring(body.indexOf("**Answers**"));
    assertThat(answers.lines().filter(l -> l.startsWith("- ")).findFirst().orElseThrow())
        .contains(DailyTexts.HIDDEN_AUTHOR);
    // Their answer still scores, for them.
    assertThat(ledger(h, "bo")).singleElement().satisfies(e -> assertThat(e.points()).isPositive());
    assertThat(ledger(h, "ana"))
        .singleElement()
        .satisfies(e -> assertThat(e.points()).isPositive());
  }

  @Test
  void theArchiveQuotesNobodyWhoHidesEvenAfterTheReveal() {
    revealWithBoHidden();
    String before = Harness.said(h.command("cy", "archive"));
    assertThat(before).contains("SHOWN-WORDS").doesNotContain("HIDDEN-WORDS");
    // Ana hides later: her quote leaves the archive too.
    h.command("ana", "leaderboard hide");
    String after = Harness.said(h.command("cy", "archive"));
    assertThat(after).doesNotContain("SHOWN-WORDS").doesNotContain("Best answer");
    h.command("ana", "leaderboard show");
    assertThat(Harness.said(h.command("cy", "archive"))).contains("SHOWN-WORDS");
  }
}
