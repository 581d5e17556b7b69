package dev.sparring.feedback;

import dev.sparring.chat.UserRef;
import dev.sparring.core.Context;
import java.util.Optional;

/** A feature whose graded answers can be disputed: it finds them by the refs it hands out. */
public interface Disputable {

  /** The start of every ref this feature hands out ("iv:"). */
  String disputePrefix();

  /**
   * The graded answer {@code ref} names, as stored; {@code who} is the person asking (a ref may
   * stand for "my answer to this", as on a daily reveal). Empty when there is no graded answer.
   */
  Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who);
}
