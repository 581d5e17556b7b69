package dev.sparring.store;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A threaded exchange between the bot and one person: a mock interview today, other kinds later.
 * {@code id} is also the anchor of its thread. {@code step} is the prompt now awaiting an answer (0
 * = the question, 1.. = follow-ups). Every change bumps {@code version} by compare-and-set.
 */
public record Conversation(
    String id,
    String kind,
    TeamRef team,
    ChannelRef channel,
    UserRef owner,
    String questionId,
    int step,
    Status status,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0");
    }
  }

  /** The next version of this conversation at {@code step} with {@code status}. */
  public Conversation advance(int nextStep, Status nextStatus, Instant at) {
    return new Conversation(
        id,
        kind,
        team,
        channel,
        owner,
        questionId,
        nextStep,
        nextStatus,
        version + 1,
        createdAt,
        at);
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }

  public enum Status {
    ACTIVE,
    DONE,
    STOPPED,
    EXPIRED
  }
}
