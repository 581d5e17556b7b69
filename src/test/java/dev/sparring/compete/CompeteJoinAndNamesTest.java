package dev.sparring.compete;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code compete join GROUP} and {@code compete start NAME} refuse, and in which order. */
class CompeteJoinAndNamesTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aGroupNameWithNothingInItIsRefusedOnlyWhenThereIsACompetitionToJoin() {
    assertThat(said(h.command("bo", "compete join !!!"))).contains("no running competition");
    h.admin("ana", "compete start Cup 2d demo");
    assertThat(said(h.command("bo", "compete join !!!")))
        .isEqualTo("Group names are letters, digits and dashes.");
    assertThat(said(h.command("bo", "compete join Red Team"))).contains("in group red-team");
    assertThat(said(h.command("bo", "compete join"))).contains("already in Cup (group red-team)");
  }

  @Test
  void aTeamCannotReuseTheNameOfAnEndedCompetition() {
    h.admin("ana", "compete start \"Spring Cup\" 1h demo every 1h");
    h.clock.advance(Duration.ofHours(1));
    h.tick();
    assertThat(said(h.command("bo", "compete status"))).contains("no running competition");
    assertThat(said(h.admin("ana", "compete start spring-cup 2d demo")))
        .contains("already had a competition called `spring-cup`; pick another name.");
    assertThat(h.admin("ana", "compete start \"Summer Cup\" 2d demo").ephemerals()).isEmpty();
    assertThat(said(h.command("bo", "compete status"))).contains("ends in 2 days");
  }
}
