package dev.sparring.interview;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.core.Context;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.store.Conversation;
import java.util.Optional;

/**
 * Which interview answers can be disputed and how a dispute names one: {@code
 * iv:CONVERSATION:STEP}, a graded (answered, not skipped) step of a finished interview.
 */
final class InterviewDisputes {

  static final String PREFIX = "iv:";

  private final Banks banks;

  InterviewDisputes(Banks banks) {
    this.banks = banks;
  }

  static String ref(String conversation, int step) {
    return PREFIX + conversation + ":" + step;
  }

  /** The answer {@code ref} names, if it is a graded step of a finished interview. */
  Optional<DisputeSubject> subject(Context ctx, String ref) {
    String rest = ref.substring(PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    int step;
    try {
      step = Integer.parseInt(rest.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Conversation> found = ctx.tx().conversations().get(rest.substring(0, colon));
    if (found.isEmpty() || !found.get().kind().equals(Interviews.KIND) || found.get().active()) {
      return Optional.empty();
    }
    Conversation c = found.get();
    Optional<Question> q = banks.forTeam(ctx.tx(), c.team().key()).get(c.questionId());
    if (q.isEmpty() || step < 0 || step >= q.get().stepCount()) {
      return Optional.empty();
    }
    return ctx.tx().answers().of(c.id()).stream()
        .filter(a -> a.step() == step && !a.text().equals(Interviews.SKIPPED))
        .findFirst()
        .map(
            a ->
                new DisputeSubject(
                    ref,
                    c.team().key(),
                    c.channel().key(),
                    a.user().key(),
                    c.questionId(),
                    step,
                    q.get().step(step).keyPoints(),
                    a.text()));
  }
}
