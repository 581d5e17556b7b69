package dev.sparring.slack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.sparring.store.Store;
import java.util.Optional;

/**
 * OAuth installations kept in Sparring's own store, so every replica sees every workspace. One
 * record per workspace (Enterprise Grid org-wide installs are keyed by enterprise).
 */
final class StoreInstallationService implements InstallationService {

  static final String SCOPE_BOT = "slack.bot";
  static final String SCOPE_INSTALLER = "slack.installer";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Store store;
  private boolean historical;

  StoreInstallationService(Store store) {
    this.store = store;
  }

  static String key(String enterpriseId, String teamId) {
    return (enterpriseId == null ? "-" : enterpriseId) + ":" + (teamId == null ? "-" : teamId);
  }

  /** The bot token for a workspace, if the app is installed there. */
  static Optional<String> botToken(Store store, String teamId) {
    return store
        .transact(tx -> tx.kv().get(SCOPE_BOT, key(null, teamId)))
        .map(json -> read(json, DefaultBot.class))
        .map(DefaultBot::getBotAccessToken);
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return historical;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    this.historical = enabled;
  }

  @Override
  public void saveInstallerAndBot(Installer installer) throws Exception {
    String installerJson = JSON.writeValueAsString(installer);
    String botJson = JSON.writeValueAsString(installer.toBot());
    String k = key(installer.getEnterpriseId(), installer.getTeamId());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_INSTALLER, k, installerJson);
          tx.kv().put(SCOPE_BOT, k, botJson);
          return null;
        });
  }

  @Override
  public void deleteBot(Bot bot) {
    String k = key(bot.getEnterpriseId(), bot.getTeamId());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_BOT, k, "{}");
          return null;
        });
  }

  @Override
  public void deleteInstaller(Installer installer) {
    String k = key(installer.getEnterpriseId(), installer.getTeamId());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_INSTALLER, k, "{}");
          return null;
        });
  }

  /**
   * Forgets a workspace's installation (bot and installer tokens), after {@code app_uninstalled} or
   * the revocation of its bot token: nothing is sent with a dead token afterwards.
   */
  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    String k = key(enterpriseId, teamId);
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_INSTALLER, k, "{}");
          tx.kv().put(SCOPE_BOT, k, "{}");
          return null;
        });
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    return store
        .transact(tx -> tx.kv().get(SCOPE_BOT, key(enterpriseId, teamId)))
        .map(json -> read(json, DefaultBot.class))
        .filter(b -> b.getBotAccessToken() != null)
        .orElse(null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return store
        .transact(tx -> tx.kv().get(SCOPE_INSTALLER, key(enterpriseId, teamId)))
        .map(json -> read(json, DefaultInstaller.class))
        .filter(i -> i.getInstallerUserId() != null)
        .orElse(null);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (Exception e) {
      throw new IllegalStateException("stored Slack installation is unreadable", e);
    }
  }
}
