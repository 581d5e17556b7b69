package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.sparring.config.ConfigException;
import dev.sparring.store.memory.MemoryStore;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void startsOnlyWithASigningSecretAndACredentialSet() {
    assertThat(SlackSettings.fromEnv(Map.of(), "http")).isNull();
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_API_URL", "http://127.0.0.1:1"), "http"))
        .isNull();
    SlackSettings single =
        SlackSettings.fromEnv(
            Map.of(
                "SLACK_SIGNING_SECRET",
                "s",
                "SLACK_BOT_TOKEN",
                "xoxb-123456789",
                "SLACK_API_URL",
                "http://127.0.0.1:1/api"),
            "http");
    assertThat(single.oauth()).isFalse();
    assertThat(single.port()).isEqualTo(3000);
    assertThat(single.apiUrl()).isEqualTo("http://127.0.0.1:1/api/");
    assertThat(single.toString()).doesNotContain("123456789");
    SlackSettings oauth =
        SlackSettings.fromEnv(
            Map.of(
                "SLACK_SIGNING_SECRET",
                "s",
                "SLACK_CLIENT_ID",
                "1.2",
                "SLACK_CLIENT_SECRET",
                "c",
                "SPARRING_HTTP_PORT",
                "8080",
                "SPARRING_SECRET_KEY",
                KEY,
                "SPARRING_PUBLIC_URL",
                "https://sparring.example.com/"),
            "http");
    assertThat(oauth.oauth()).isTrue();
    assertThat(oauth.port()).isEqualTo(8080);
    assertThat(oauth.publicUrl()).isEqualTo("https://sparring.example.com");
    assertThat(oauth.authorizeUrl()).isEqualTo("https://slack.com/oauth/v2/authorize");
    assertThat(oauth.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(4, 20));
  }

  @Test
  void oauthRefusesToStartWithoutAUsableTokenKey() {
    Map<String, String> oauth =
        Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "c");
    assertThat(refused(oauth))
        .singleElement()
        .asString()
        .contains("SPARRING_SECRET_KEY is not set")
        .contains("openssl rand -base64 32");
    Map<String, String> shortKey = new java.util.HashMap<>(oauth);
    shortKey.put("SPARRING_SECRET_KEY", "c2hvcnQ=");
    assertThat(refused(shortKey))
        .singleElement()
        .asString()
        .contains("must be 32 bytes")
        .doesNotContain("c2hvcnQ=");
    Map<String, String> notBase64 = new java.util.HashMap<>(oauth);
    notBase64.put("SPARRING_SECRET_KEY", "not base64 at all!");
    assertThat(refused(notBase64)).singleElement().asString().contains("is not base64");
    Map<String, String> badUrl = new java.util.HashMap<>(oauth);
    badUrl.put("SPARRING_SECRET_KEY", KEY);
    badUrl.put("SPARRING_PUBLIC_URL", "sparring.example.com");
    assertThat(refused(badUrl)).singleElement().asString().contains("SPARRING_PUBLIC_URL");
    // One workspace with a bot token needs no key.
    assertThat(
            SlackSettings.fromEnv(
                Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1"), "http"))
        .isNotNull();
  }

  /** The problems a partial set of Slack variables is refused with. */
  private static List<String> refused(Map<String, String> env) {
    try {
      SlackSettings.fromEnv(env, "http");
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("accepted " + env.keySet());
  }

  @Test
  void aPartialSetOfSlackVariablesIsRefusedWithWhatIsMissing() {
    assertThat(refused(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("SLACK_SIGNING_SECRET is not set")
        .contains("Basic Information")
        .doesNotContain("xoxb-1");
    assertThat(refused(Map.of("SLACK_SIGNING_SECRET", "s")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("neither SLACK_BOT_TOKEN")
        .contains("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET");
    assertThat(refused(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_ID", "1.2")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("SLACK_CLIENT_SECRET is not set, but SLACK_CLIENT_ID is");
    assertThat(refused(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_SECRET", "c")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("SLACK_CLIENT_ID is not set, but SLACK_CLIENT_SECRET is");
    // With a bot token, it is one workspace: an OAuth variable beside it is simply unused.
    SlackSettings single =
        SlackSettings.fromEnv(
            Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "x", "SLACK_CLIENT_SECRET", "c"),
            "http");
    assertThat(single.oauth()).isFalse();
    assertThat(refused(Map.of("SLACK_APP_TOKEN", "xapp-1")))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).doesNotContain("xapp-1"));
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of(
                        "SLACK_SIGNING_SECRET",
                        "s",
                        "SLACK_BOT_TOKEN",
                        "x",
                        "SPARRING_HTTP_PORT",
                        "http"),
                    "http"))
        .hasMessageContaining("SPARRING_HTTP_PORT");
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "x"), "socket"))
        .hasMessageContaining("SLACK_APP_TOKEN");
  }

  @Test
  void oauthInstallationsLiveInTheStore() throws Exception {
    MemoryStore store = new MemoryStore();
    StoreInstallationService installs = new StoreInstallationService(store, new TokenCipher(KEY));
    DefaultInstaller i = new DefaultInstaller();
    i.setTeamId("T9");
    i.setInstallerUserId("U1");
    i.setBotAccessToken("xoxb-team-9");
    i.setBotUserId("UB");
    i.setBotId("B1");
    installs.saveInstallerAndBot(i);
    assertThat(installs.findBot(null, "T9").getBotAccessToken()).isEqualTo("xoxb-team-9");
    assertThat(installs.botToken("T9")).contains("xoxb-team-9");
    assertThat(installs.findInstaller(null, "T9", "U1").getInstallerUserId()).isEqualTo("U1");
    assertThat(installs.findBot(null, "T8")).isNull();
    installs.deleteBot(installs.findBot(null, "T9"));
    assertThat(installs.findBot(null, "T9")).isNull();
  }
}
