package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.sparring.store.memory.MemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Installations at rest: encrypted, bound to their record, and older plaintext rows still work. */
class StoreInstallationServiceTest {

  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String OTHER_KEY = "HxwdHhscGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwI=";

  private final MemoryStore store = new MemoryStore();

  private static DefaultInstaller install(String enterprise, String team, String token) {
    DefaultInstaller i = new DefaultInstaller();
    i.setEnterpriseId(enterprise);
    i.setTeamId(team);
    i.setIsEnterpriseInstall(team == null);
    i.setInstallerUserId("U1");
    i.setInstallerUserAccessToken("xoxp-user-" + token);
    i.setBotAccessToken(token);
    i.setBotUserId("UBOT");
    return i;
  }

  private String raw(String scope, String key) {
    return store.transact(tx -> tx.kv().get(scope, key)).orElseThrow();
  }

  /** Runs {@code body} with the service's log lines captured instead of printed. */
  private static List<String> quietly(Runnable body) {
    Logger logger = (Logger) LoggerFactory.getLogger(StoreInstallationService.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    logger.setAdditive(false);
    try {
      body.run();
    } finally {
      logger.detachAppender(seen);
      logger.setAdditive(true);
    }
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void plaintextRowsFromBeforeEncryptionAreReadAndEncryptedInPlace() {
    String legacy = "{\"teamId\":\"T1\",\"botAccessToken\":\"xoxb-legacy\",\"botUserId\":\"UBOT\"}";
    store.transact(
        tx -> {
          tx.kv().put(StoreInstallationService.SCOPE_BOT, "-:T1", legacy);
          return null;
        });
    StoreInstallationService installs = new StoreInstallationService(store, new TokenCipher(KEY));
    assertThat(installs.botToken("T1")).contains("xoxb-legacy");
    assertThat(raw(StoreInstallationService.SCOPE_BOT, "-:T1"))
        .startsWith("v1:")
        .doesNotContain("xoxb");
    assertThat(installs.botToken("T1")).contains("xoxb-legacy");
  }

  @Test
  void aRowMovedToAnotherWorkspaceOrReadWithAnotherKeyOpensForNobody() throws Exception {
    StoreInstallationService installs = new StoreInstallationService(store, new TokenCipher(KEY));
    installs.saveInstallerAndBot(install(null, "T1", "xoxb-one"));
    installs.saveInstallerAndBot(install(null, "T2", "xoxb-two"));
    String t1 = raw(StoreInstallationService.SCOPE_BOT, "-:T1");
    assertThat(t1).doesNotContain("xoxb");
    assertThat(raw(StoreInstallationService.SCOPE_INSTALLER, "-:T1")).doesNotContain("xoxp");

    // Someone with write access to the database copies T1's row over T2's.
    store.transact(
        tx -> {
          tx.kv().put(StoreInstallationService.SCOPE_BOT, "-:T2", t1);
          return null;
        });
    List<String> warned = quietly(() -> assertThat(installs.botToken("T2")).isEmpty());
    assertThat(warned).singleElement().asString().contains("-:T2").contains("SPARRING_SECRET_KEY");

    StoreInstallationService otherKey =
        new StoreInstallationService(store, new TokenCipher(OTHER_KEY));
    List<String> changed = quietly(() -> assertThat(otherKey.botToken("T1")).isEmpty());
    assertThat(changed).singleElement().asString().contains("was the key changed?");
    assertThat(changed.get(0)).doesNotContain(KEY).doesNotContain(OTHER_KEY);
    assertThat(installs.botToken("T1")).contains("xoxb-one");
  }

  @Test
  void noInstallationIsStoredWithoutAKey() {
    StoreInstallationService keyless = new StoreInstallationService(store, null);
    assertThatThrownBy(() -> keyless.saveInstallerAndBot(install(null, "T1", "xoxb-one")))
        .hasMessageContaining("SPARRING_SECRET_KEY");
    java.util.Optional<String> row =
        store.transact(tx -> tx.kv().get(StoreInstallationService.SCOPE_BOT, "-:T1"));
    assertThat(row).isEmpty();
  }

  @Test
  void aWorkspaceIsServedByItsOwnInstallationBeforeItsOrgs() throws Exception {
    StoreInstallationService installs = new StoreInstallationService(store, new TokenCipher(KEY));
    installs.saveInstallerAndBot(install("E1", null, "xoxb-org"));
    installs.saveInstallerAndBot(install("E1", "T2", "xoxb-own"));
    assertThat(installs.findBot("E1", "T2").getBotAccessToken()).isEqualTo("xoxb-own");
    assertThat(installs.findBot("E1", "T3").getBotAccessToken()).isEqualTo("xoxb-org");
    assertThat(installs.findBot(null, "T3")).as("the org is unknown without its id").isNull();
    installs.rememberEnterprise("T3", "E1");
    assertThat(installs.botToken("T3")).contains("xoxb-org");

    // The workspace's own uninstall leaves the org's install; the org's then removes it.
    installs.deleteAll("E1", "T2");
    assertThat(installs.findBot("E1", "T2").getBotAccessToken()).isEqualTo("xoxb-org");
    installs.deleteAll("E1", "T2");
    assertThat(installs.findBot("E1", "T2")).isNull();
    assertThat(installs.botToken("T3")).isEmpty();
  }

  @Test
  void theCipherRefusesAlteredValues() {
    TokenCipher cipher = new TokenCipher(KEY);
    String sealed = cipher.encrypt("xoxb-secret", "slack.bot/-:T1");
    assertThat(cipher.encrypt("xoxb-secret", "slack.bot/-:T1")).isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed, "slack.bot/-:T1")).isEqualTo("xoxb-secret");
    char[] c = sealed.toCharArray();
    c[c.length - 3] = c[c.length - 3] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> cipher.decrypt(new String(c), "slack.bot/-:T1"))
        .isInstanceOf(TokenCipher.UnreadableException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:!!!", "slack.bot/-:T1"))
        .isInstanceOf(TokenCipher.UnreadableException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", "slack.bot/-:T1"))
        .isInstanceOf(TokenCipher.UnreadableException.class);
  }
}
