package dev.sparring.discord;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;

/**
 * Translates Discord (through JDA) to the core and back. Slash command interactions, buttons,
 * modals and thread messages become {@link Inbound} events handled before the interaction is
 * answered (well within Discord's 3 s). Answers arrive either as messages in the thread (with the
 * privileged Message Content intent) or through the Answer button's modal, which needs no
 * privileged intent.
 *
 * <p>This class wires the parts: {@link DiscordConnection} (JDA or shards), {@link
 * DiscordLifecycle} (readiness, servers, command registration), {@link DiscordListener}
 * (interactions and thread messages as events) and {@link DiscordReplies} (the answers).
 */
public final class DiscordAdapter implements AutoCloseable {

  /** The Answer button's action and its modal's id. */
  static final String ANSWER = "answer";

  static final Permission[] PERMISSIONS = {
    Permission.VIEW_CHANNEL,
    Permission.MESSAGE_SEND,
    Permission.MESSAGE_SEND_IN_THREADS,
    Permission.CREATE_PUBLIC_THREADS,
    Permission.MESSAGE_EMBED_LINKS,
    Permission.MESSAGE_HISTORY,
    Permission.MESSAGE_ADD_REACTION // the ✅ on an accepted answer
  };

  static final String NOT_HERE = "Sparring works in server channels.";
  static final String NOT_A_MEMBER =
      "Sparring is not a member of this server, so it cannot work here. Ask a server admin to add"
          + " it with this link, then use `/spar` in a channel: ";

  static {
    DiscordMentions.installDefaults();
  }

  private final DiscordSettings settings;
  private final DiscordLifecycle lifecycle;
  private final DiscordConnection connection;

  public DiscordAdapter(DiscordSettings settings, Bot bot, QuestionBank bank) {
    this(settings, bot, bank, Clock.systemUTC());
  }

  /**
   * Logs in to Discord. Fails with a message that says what to check when Discord's API cannot be
   * reached or does not accept the token.
   */
  public DiscordAdapter(DiscordSettings settings, Bot bot, QuestionBank bank, Clock clock) {
    this(settings, bot, Banks.of(bank), clock);
  }

  /**
   * As above, with each server's view of the bank (its own questions) for question autocomplete.
   */
  public DiscordAdapter(DiscordSettings settings, Bot bot, Banks banks, Clock clock) {
    this.settings = settings;
    this.lifecycle = new DiscordLifecycle(settings, bot, banks, this::inviteUrl);
    DiscordReplies replies = new DiscordReplies(bot, new ChatterLimit(clock, ChatterLimit.WINDOW));
    this.connection =
        DiscordConnection.open(
            settings, bot, lifecycle, new DiscordListener(settings, bot, replies, this::inviteUrl));
  }

  public Gateway gateway() {
    return connection.gateway();
  }

  /** Waits until the gateway session is ready (READY received), or fails after the timeout. */
  public DiscordAdapter awaitReady(long seconds) throws Exception {
    try {
      lifecycle.ready().get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IllegalStateException(DiscordStartup.gatewayTimeout(settings, seconds));
    }
    return this;
  }

  public boolean connected() {
    return connection.connected();
  }

  /** The invite URL with the bot and application-commands scopes and the permissions used. */
  public String inviteUrl() {
    return connection
        .any()
        .getInviteUrl(PERMISSIONS)
        .replace("scope=bot", "scope=bot+applications.commands");
  }

  @Override
  public void close() {
    connection.close();
  }
}
