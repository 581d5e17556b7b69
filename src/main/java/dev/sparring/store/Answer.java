package dev.sparring.store;

import dev.sparring.chat.UserRef;
import java.time.Instant;
import java.util.Objects;

/** What someone answered at one step of a conversation. */
public record Answer(String conversationId, int step, UserRef user, String text, Instant at) {
  public Answer {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
