package dev.sparring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Bot;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /spar packs report}: admins see how this workspace's answers fare per key point. */
class PackReportTest {

  private final Harness h =
      new Harness(new MemoryStore(), Features.all(), Set.of(Harness.user("ana").key()));

  @AfterEach
  void close() {
    h.close();
  }

  private static String said(Bot.Result r) {
    return r.ephemerals().get(0).message().bodyText();
  }

  @Test
  void countsEachGradedAnswerPerKeyPointForAdminsOnly() {
    assertThat(said(h.command("ana", "packs report"))).contains("No graded answers yet");
    for (String who : new String[] {"ana", "bo", "cy"}) {
      h.command(who, "interview demo-senior");
      String t = h.drainAndLastThread();
      h.reply(
          who,
          t,
          "Make the handler idempotent and record processed ids under a unique key."
              + " A DLQ is unnecessary because retries handle everything.");
      h.reply(who, t, "Redrive from the DLQ after the fix.");
    }
    assertThat(said(h.command("bo", "packs report"))).contains("Only admins");
    assertThat(said(h.command("ana", "packs oops"))).contains("Usage: `/spar packs report`");
    String report = said(h.command("ana", "packs report"));
    assertThat(report)
        .contains("**Always covered**")
        .contains("`demo-senior #1` Make the handler idempotent")
        .contains("covered 3, missed 0, contradicted 0 of 3")
        .contains("**Most often contradicted**")
        .contains("`demo-senior #3` Send poison messages")
        .contains("covered 0, missed 0, contradicted 3 of 3")
        .contains("`demo-senior follow-up 1 #1` Redrive");
  }
}
