package dev.sparring.slack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.sparring.store.Store;
import dev.sparring.store.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth installations kept in Sparring's own store, so every replica sees every workspace, with
 * their tokens encrypted ({@link TokenCipher}). One record per installation, keyed the way Slack
 * identifies it: {@code -:T…} for a workspace, {@code E…:T…} for a workspace of an Enterprise Grid
 * org, {@code E…:-} for an org-wide install. A request is served by the most specific installation
 * that covers it (the workspace's own, then the org's), as Slack's payloads name both ids.
 */
final class StoreInstallationService implements InstallationService {

  private static final Logger log = LoggerFactory.getLogger(StoreInstallationService.class);

  static final String SCOPE_BOT = "slack.bot";
  static final String SCOPE_INSTALLER = "slack.installer";

  /** Which Grid org a workspace belongs to (workspace id to enterprise id), from its payloads. */
  static final String SCOPE_ENTERPRISE = "slack.team-enterprise";

  private static final String NONE = "{}";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Store store;
  private final TokenCipher cipher;
  private boolean historical;

  /** {@code cipher} may be null when nothing is ever installed (one workspace, a bot token). */
  StoreInstallationService(Store store, TokenCipher cipher) {
    this.store = store;
    this.cipher = cipher;
  }

  static String key(String enterpriseId, String teamId) {
    return (enterpriseId == null ? "-" : enterpriseId) + ":" + (teamId == null ? "-" : teamId);
  }

  /** The installation keys that may cover a request, most specific first. */
  private static List<String> candidates(String enterpriseId, String teamId) {
    List<String> keys = new ArrayList<>(3);
    if (teamId != null) {
      if (enterpriseId != null) {
        keys.add(key(enterpriseId, teamId));
      }
      keys.add(key(null, teamId));
    }
    if (enterpriseId != null) {
      keys.add(key(enterpriseId, null));
    }
    return keys;
  }

  /**
   * The bot token for a workspace, if an installation covers it: its own, or its Grid org's (the
   * org is known once one of the workspace's payloads named it, or its install did).
   */
  Optional<String> botToken(String teamId) {
    Map<String, String> rows =
        store.transact(
            tx -> {
              String enterprise =
                  tx.kv().get(SCOPE_ENTERPRISE, teamId).filter(e -> !e.isBlank()).orElse(null);
              return rows(tx, SCOPE_BOT, candidates(enterprise, teamId));
            });
    return Optional.ofNullable(
            first(SCOPE_BOT, rows, DefaultBot.class, b -> b.getBotAccessToken() != null))
        .map(Bot::getBotAccessToken);
  }

  /** Records that a workspace belongs to a Grid org, unless that is already known. */
  void rememberEnterprise(String teamId, String enterpriseId) {
    if (teamId == null || enterpriseId == null) {
      return;
    }
    store.transact(
        tx -> {
          if (!tx.kv().get(SCOPE_ENTERPRISE, teamId).equals(Optional.of(enterpriseId))) {
            tx.kv().put(SCOPE_ENTERPRISE, teamId, enterpriseId);
          }
          return null;
        });
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
    if (cipher == null) {
      throw new IllegalStateException("installations are stored only with SPARRING_SECRET_KEY set");
    }
    // An org-wide install covers every workspace of the org: it is kept under the org alone.
    String team =
        Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? null : installer.getTeamId();
    String k = key(installer.getEnterpriseId(), team);
    String installerJson = seal(SCOPE_INSTALLER, k, JSON.writeValueAsString(installer));
    String botJson = seal(SCOPE_BOT, k, JSON.writeValueAsString(installer.toBot()));
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_INSTALLER, k, installerJson);
          tx.kv().put(SCOPE_BOT, k, botJson);
          if (team != null && installer.getEnterpriseId() != null) {
            tx.kv().put(SCOPE_ENTERPRISE, team, installer.getEnterpriseId());
          }
          return null;
        });
  }

  @Override
  public void deleteBot(Bot bot) {
    String k =
        key(
            bot.getEnterpriseId(),
            Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_BOT, k, NONE);
          return null;
        });
  }

  @Override
  public void deleteInstaller(Installer installer) {
    String k =
        key(
            installer.getEnterpriseId(),
            Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? null : installer.getTeamId());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE_INSTALLER, k, NONE);
          return null;
        });
  }

  /**
   * Forgets the installation that served a workspace (bot and installer tokens), after {@code
   * app_uninstalled} or the revocation of its bot token: nothing is sent with a dead token
   * afterwards. A workspace's own installation goes first; the org-wide one only when the workspace
   * had none of its own (then the uninstall was the org's) or the payload names no workspace.
   */
  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    store.transact(
        tx -> {
          List<String> own = new ArrayList<>();
          for (String k : candidates(enterpriseId, teamId)) {
            boolean orgWide = k.endsWith(":-");
            if (orgWide && !own.isEmpty()) {
              break;
            }
            if (tx.kv().get(SCOPE_BOT, k).filter(v -> !v.equals(NONE)).isPresent()) {
              own.add(k);
            }
          }
          for (String k : own) {
            tx.kv().put(SCOPE_INSTALLER, k, NONE);
            tx.kv().put(SCOPE_BOT, k, NONE);
          }
          return null;
        });
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    List<String> keys = candidates(enterpriseId, teamId);
    Map<String, String> rows = store.transact(tx -> rows(tx, SCOPE_BOT, keys));
    return first(SCOPE_BOT, rows, DefaultBot.class, b -> b.getBotAccessToken() != null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    List<String> keys = candidates(enterpriseId, teamId);
    Map<String, String> rows = store.transact(tx -> rows(tx, SCOPE_INSTALLER, keys));
    return first(
        SCOPE_INSTALLER, rows, DefaultInstaller.class, i -> i.getInstallerUserId() != null);
  }

  /** The stored rows of {@code keys} that hold an installation, in the order of the keys. */
  private static Map<String, String> rows(Tx tx, String scope, List<String> keys) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String k : keys) {
      tx.kv().get(scope, k).filter(v -> !v.equals(NONE)).ifPresent(v -> rows.put(k, v));
    }
    return rows;
  }

  /** The first of {@code rows} that opens and passes {@code usable}. */
  private <T> T first(String scope, Map<String, String> rows, Class<T> type, Predicate<T> usable) {
    for (Map.Entry<String, String> row : rows.entrySet()) {
      T value = open(scope, row.getKey(), row.getValue(), type);
      if (value != null && usable.test(value)) {
        return value;
      }
    }
    return null;
  }

  /** What is stored for a record: encrypted, bound to its scope and key. */
  private String seal(String scope, String key, String json) {
    return cipher.encrypt(json, scope + "/" + key);
  }

  /**
   * A stored record, decrypted; a plaintext one (stored before encryption) is read and encrypted in
   * place. One this key cannot open counts as absent, with a warning naming the record.
   */
  private <T> T open(String scope, String key, String row, Class<T> type) {
    Optional<String> stored = Optional.of(row);
    String json;
    if (TokenCipher.encrypted(stored.get())) {
      if (cipher == null) {
        log.warn("Slack installation {} is encrypted, but SPARRING_SECRET_KEY is not set", key);
        return null;
      }
      try {
        json = cipher.decrypt(stored.get(), scope + "/" + key);
      } catch (TokenCipher.UnreadableException e) {
        log.warn("Slack installation {} {}", key, e.getMessage());
        return null;
      }
    } else {
      json = stored.get();
      if (cipher != null) {
        String sealed = seal(scope, key, json);
        store.transact(
            tx -> {
              // Only if still the same plaintext: a concurrent install or uninstall wins.
              if (tx.kv().get(scope, key).equals(stored)) {
                tx.kv().put(scope, key, sealed);
              }
              return null;
            });
      }
    }
    try {
      return JSON.readValue(json, type);
    } catch (Exception e) {
      log.warn("Slack installation {} is unreadable: {}", key, e.getClass().getSimpleName());
      return null;
    }
  }
}
