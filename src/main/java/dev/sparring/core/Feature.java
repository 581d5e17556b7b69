package dev.sparring.core;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.store.ThreadLink;
import java.util.List;
import java.util.Set;

/**
 * One capability of the bot (interviews, daily questions, drills, ...). {@link Bot} routes each
 * event to the feature that owns it: commands by name, thread messages by the kind of thread,
 * buttons by the prefix of their action, and every tick to every feature.
 */
public interface Feature {

  /** The {@code /spar} subcommands this feature answers. */
  Set<String> commands();

  /** Help lines, one per subcommand form: {@code "interview [question-id | pack [level]]"}. */
  List<Help> help();

  void command(Context ctx, Command command);

  /** Kinds of threads ({@link ThreadLink#kind()}) whose messages this feature handles. */
  default Set<String> threadKinds() {
    return Set.of();
  }

  default void threadMessage(Context ctx, Inbound.MessagePosted message, ThreadLink thread) {}

  /** Prefix of the button actions this feature handles ("interview."). */
  default String buttonPrefix() {
    return null;
  }

  default void button(Context ctx, Inbound.ButtonPressed press) {}

  default void modal(Context ctx, Inbound.ModalSubmitted submit) {}

  default void tick(Context ctx) {}

  /**
   * The team removed the bot (Slack uninstall or revoked bot token, Discord server left): stop its
   * time-driven work so nothing more is posted for it, and keep its history (answers, ledger,
   * profiles). Say nothing: the team can no longer be reached, so what {@code ctx} queues is
   * dropped. Must be idempotent (a platform may report the removal twice).
   */
  default void teamRemoved(Context ctx, TeamRef team) {}

  /**
   * The platform will not deliver direct messages to {@code user} of {@code team} ({@code reason}
   * says why, as the platform put it): stop what would write to them privately. Say nothing through
   * {@code ctx} (there is nobody to tell). Must be idempotent.
   */
  default void unreachable(Context ctx, TeamRef team, UserRef user, String reason) {}

  /**
   * Sections this feature adds to a person's home view (Slack App Home): read-only, so write
   * nothing in {@code ctx}.
   */
  default List<Message> home(Context ctx, TeamRef team, Actor actor) {
    return List.of();
  }

  /** One line of help. */
  record Help(String usage, String description, boolean adminOnly) {
    public static Help of(String usage, String description) {
      return new Help(usage, description, false);
    }
  }
}
