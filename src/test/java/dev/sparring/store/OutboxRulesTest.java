package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.store.OutboxRules.Change;
import dev.sparring.store.OutboxRules.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxRulesTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(30);

  @Test
  void statusesAreStoredInLowerCase() {
    assertThat(Status.PENDING.key()).isEqualTo("pending");
    assertThat(Status.DELIVERED.key()).isEqualTo("delivered");
    assertThat(Status.DEAD.key()).isEqualTo("dead");
  }

  @Test
  void deliveringAndDyingCountTheAttemptAndEndTheQueue() {
    assertThat(Change.DELIVER.status(Status.PENDING)).isEqualTo(Status.DELIVERED);
    assertThat(Change.DELIVER.attempts().after(2)).isEqualTo(3);
    assertThat(Change.DELIVER.nextAttempt(NOW, LATER)).isEqualTo(NOW);
    assertThat(Change.DELIVER.lastError("429", "ignored")).isEqualTo("429");

    assertThat(Change.DEAD.status(Status.PENDING)).isEqualTo(Status.DEAD);
    assertThat(Change.DEAD.attempts().after(2)).isEqualTo(3);
    assertThat(Change.DEAD.lastError("429", "channel_not_found")).isEqualTo("channel_not_found");
  }

  @Test
  void aRetryCountsTheAttemptWaitsAndKeepsTheState() {
    assertThat(Change.RETRY.attempts().after(0)).isEqualTo(1);
    assertThat(Change.RETRY.nextAttempt(NOW, LATER)).isEqualTo(LATER);
    assertThat(Change.RETRY.lastError(null, "timeout")).isEqualTo("timeout");
    assertThat(Change.RETRY.status(Status.PENDING)).isEqualTo(Status.PENDING);
    // A late retry never brings back an entry another replica delivered.
    assertThat(Change.RETRY.status(Status.DELIVERED)).isEqualTo(Status.DELIVERED);
  }

  @Test
  void pacingAndReroutingCountNoAttempt() {
    assertThat(Change.POSTPONE.attempts().after(2)).isEqualTo(2);
    assertThat(Change.POSTPONE.nextAttempt(NOW, LATER)).isEqualTo(LATER);
    assertThat(Change.POSTPONE.lastError("429", null)).isEqualTo("429");
    assertThat(Change.REROUTE.attempts().after(2)).isEqualTo(2);
    assertThat(Change.REROUTE.nextAttempt(NOW, LATER)).isEqualTo(NOW);
  }

  @Test
  void onlyAPendingEntryIsReroutedAndOnlyADeadLetterRequeuedOrDropped() {
    assertThat(Change.REROUTE.appliesTo(Status.PENDING)).isTrue();
    assertThat(Change.REROUTE.appliesTo(Status.DELIVERED)).isFalse();
    for (Change c : Set.of(Change.REQUEUE, Change.DROP)) {
      assertThat(c.appliesTo(Status.DEAD)).as(c.name()).isTrue();
      assertThat(c.appliesTo(Status.PENDING)).as(c.name()).isFalse();
      assertThat(c.appliesTo(Status.DELIVERED)).as(c.name()).isFalse();
    }
    for (Change c : Set.of(Change.DELIVER, Change.RETRY, Change.POSTPONE, Change.DEAD)) {
      for (Status s : Status.values()) {
        assertThat(c.appliesTo(s)).as(c + " in " + s).isTrue();
      }
    }
  }

  @Test
  void aRequeuedDeadLetterStartsAfreshKeepingItsError() {
    assertThat(Change.REQUEUE.status(Status.DEAD)).isEqualTo(Status.PENDING);
    assertThat(Change.REQUEUE.attempts().after(5)).isZero();
    assertThat(Change.REQUEUE.nextAttempt(NOW, LATER)).isEqualTo(LATER);
    assertThat(Change.REQUEUE.lastError("timeout", null)).isEqualTo("timeout");
  }

  @Test
  void anEntryIsClaimableWhenDueAndNotLeasedWithTheBoundaryIncluded() {
    assertThat(OutboxRules.claimable(NOW, null, NOW)).isTrue();
    assertThat(OutboxRules.claimable(LATER, null, NOW)).isFalse();
    assertThat(OutboxRules.claimable(NOW, LATER, NOW)).isFalse();
    assertThat(OutboxRules.claimable(NOW, NOW, NOW)).isTrue(); // a lease ending now has ended
    assertThat(OutboxRules.leased(LATER, NOW)).isTrue();
    assertThat(OutboxRules.leased(null, NOW)).isFalse();
  }

  @Test
  void aClaimerServesEntriesOfNoPartitionOrOneOfItsOwn() {
    assertThat(OutboxRules.serves(null, Set.of())).isTrue();
    assertThat(OutboxRules.serves("discord:0/2", Set.of("discord:0/2"))).isTrue();
    assertThat(OutboxRules.serves("discord:1/2", Set.of("discord:0/2"))).isFalse();
    assertThat(OutboxRules.serves("discord:1/2", Set.of())).isFalse();
  }

  @Test
  void anEntryIsResumedOnceAnAttemptCountedOrALeaseWasTaken() {
    assertThat(OutboxRules.resumed(0, null)).isFalse();
    assertThat(OutboxRules.resumed(1, null)).isTrue();
    assertThat(OutboxRules.resumed(0, NOW)).isTrue();
    assertThat(OutboxRules.leaseEnd(NOW, Duration.ofSeconds(30))).isEqualTo(LATER);
  }
}
