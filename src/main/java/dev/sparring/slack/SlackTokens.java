package dev.sparring.slack;

import dev.sparring.chat.ChannelRef;
import dev.sparring.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token and installation bookkeeping: which bot token serves a workspace or a channel, a
 * single-workspace token Slack said is dead, installations removed, and what payloads tell about
 * where things belong (a workspace's Grid org, a channel's workspace).
 */
final class SlackTokens {

  /** Fingerprints of single-workspace bot tokens Slack revoked (or whose app was uninstalled). */
  private static final String SCOPE_REVOKED = "slack.revoked-token";

  /** Which workspace a channel belongs to, by channel key. */
  static final String SCOPE_CHANNEL_TEAM = "slack.channel-team";

  private final SlackSettings settings;
  private final Store store;
  private final StoreInstallationService installations;

  /** Workspace-to-org pairs already recorded ("T…:E…"), so a payload costs no extra write. */
  private final Set<String> knownEnterprises = ConcurrentHashMap.newKeySet();

  /** Set once Slack says the configured single-workspace bot token is dead (uninstall, revoke). */
  private volatile boolean botTokenRevoked;

  SlackTokens(SlackSettings settings, Store store) {
    if (settings.oauth() && settings.secretKey() == null) {
      throw new IllegalArgumentException(
          "OAuth installs (SLACK_CLIENT_ID) need SPARRING_SECRET_KEY to encrypt the stored tokens");
    }
    this.settings = settings;
    this.store = store;
    this.installations =
        new StoreInstallationService(
            store, settings.secretKey() == null ? null : new TokenCipher(settings.secretKey()));
    this.botTokenRevoked = !settings.oauth() && revoked(store, settings.botToken());
  }

  /** The installations of OAuth installs, tokens encrypted in the store. */
  StoreInstallationService installations() {
    return installations;
  }

  Optional<String> tokenForTeam(String teamId) {
    if (!settings.oauth()) {
      return botTokenRevoked ? Optional.empty() : Optional.of(settings.botToken());
    }
    return installations.botToken(teamId);
  }

  Optional<String> tokenForChannel(String channelKey) {
    if (!settings.oauth()) {
      return botTokenRevoked ? Optional.empty() : Optional.of(settings.botToken());
    }
    return store
        .transact(tx -> tx.kv().get(SCOPE_CHANNEL_TEAM, channelKey))
        .flatMap(this::tokenForTeam);
  }

  /**
   * Forgets the workspace's tokens (with OAuth, its installation; else the configured token is
   * marked dead), so nothing more is sent with them.
   */
  void removeInstallation(String enterprise, String team, String why) {
    if (settings.oauth()) {
      installations.deleteAll(enterprise, team);
    } else {
      store.transact(
          tx -> {
            tx.kv().put(SCOPE_REVOKED, fingerprint(settings.botToken()), team + " " + why);
            return null;
          });
      botTokenRevoked = true;
    }
  }

  /**
   * Records which Grid org a workspace belongs to (from a payload that names both), so work for it
   * later (a daily post, a follow-up on another replica) finds the org's installation too.
   */
  void rememberTeam(String enterprise, String team) {
    if (!settings.oauth() || enterprise == null || team == null) {
      return;
    }
    if (knownEnterprises.add(team + ":" + enterprise)) {
      installations.rememberEnterprise(team, enterprise);
    }
  }

  /** Records which workspace a channel belongs to, so posts to it use that workspace's token. */
  void rememberChannel(String enterprise, String team, String channel) {
    rememberTeam(enterprise, team);
    if (settings.oauth() && channel != null) {
      String key = new ChannelRef(SlackModule.PLATFORM, channel).key();
      store.transact(
          tx -> {
            if (tx.kv().get(SCOPE_CHANNEL_TEAM, key).isEmpty()) {
              tx.kv().put(SCOPE_CHANNEL_TEAM, key, team);
            }
            return null;
          });
    }
  }

  /**
   * Whether Slack said this single-workspace token is dead. Kept by a fingerprint of the token, so
   * a new token (the app reinstalled, the bot restarted with it) works at once.
   */
  private static boolean revoked(Store store, String token) {
    return store.transact(tx -> tx.kv().get(SCOPE_REVOKED, fingerprint(token))).isPresent();
  }

  private static String fingerprint(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
