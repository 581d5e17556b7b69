package dev.sparring.platform;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigSection;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.store.Store;
import dev.sparring.store.Tx;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one chat platform contributes to Sparring, behind one interface: its id, its mention
 * syntax, its settings (a section of the config file) and secrets (environment variables), and how
 * it starts: its inbound transport (servlets on the bot's HTTP server, or a connection of its own),
 * its {@link Gateway} for what the bot says, the registration of its commands, and the admin check
 * it puts on every actor. A platform is one package with one class implementing this, registered in
 * one line of {@code dev.sparring.app.Platforms}.
 */
public interface PlatformModule {

  /** Which platform this is; its id prefixes every ref and names its config section. */
  Platform platform();

  /** A user named in a command, in this platform's syntax. */
  Mentions.Syntax mentions();

  /**
   * The platform's section of the configuration with its defaults and comments, as YAML under a
   * top-level key equal to {@link Platform#prefix()}; empty when it has no settings beyond secrets.
   */
  default String configDefaults() {
    return "";
  }

  /** Names of the environment variables holding its secrets: masked wherever they are shown. */
  Set<String> secrets();

  /**
   * This platform, ready to start, when the environment configures it (its credentials are set);
   * empty when it is off. Problems (a partial set of credentials, a bad value in its section) are
   * recorded on {@code section}, and the caller then stops with all of them.
   */
  Optional<Configured> configure(ConfigSection section, Map<String, String> env);

  /**
   * Erases what this platform keeps of its own about team {@code teamId} (an installation's
   * tokens), with the rest of the team's data in {@code sparring erase}; how many records went.
   */
  default int eraseTeam(Tx tx, String teamId) {
    return 0;
  }

  /** A configured platform. */
  interface Configured {
    /**
     * Connects: checks its credentials with the platform, registers its commands, opens its
     * transport. Fails with a message an operator can act on when the platform refuses.
     */
    Running start(Host host) throws Exception;

    /** One line for the start-up log, secrets masked. */
    String describe();
  }

  /** A started platform; closing it disconnects. */
  interface Running extends AutoCloseable {
    /** Where the outbox delivers this platform's messages. */
    Gateway gateway();

    /** Servlets to mount on the bot's HTTP server, by path; none for a platform that dials out. */
    default Map<String, HttpServlet> servlets() {
      return Map.of();
    }

    /** Whether it is connected now, for the readiness probe. */
    default boolean connected() {
      return true;
    }

    /** More for the start-up log (an invite link), or empty. */
    default String detail() {
      return "";
    }

    @Override
    void close() throws Exception;
  }

  /**
   * What a platform gets from the bot it joins: {@code bank} is the shared file packs, {@code
   * banks} each team's view of them with its own questions (for listings such as autocomplete).
   */
  record Host(Bot bot, Store store, QuestionBank bank, Banks banks, Clock clock) {}
}
