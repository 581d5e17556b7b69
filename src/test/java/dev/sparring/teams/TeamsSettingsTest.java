package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.app.Platforms;
import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams is configured like the other platforms: secrets from the environment, masked; URLs checked.
 */
class TeamsSettingsTest {

  @TempDir Path dir;

  private final Platforms platforms = Platforms.shipped();
  private final Map<String, String> env =
      Map.of(
          TeamsModule.APP_ID, "11111111-2222-3333-4444-555555555555",
          TeamsModule.APP_PASSWORD, "Xq8~very-s3cret-password",
          TeamsModule.TENANT_ID, "contoso-tenant-id");

  @Test
  void itIsOnWithItsVariablesAndTheirValuesAreMaskedEverywhere() throws Exception {
    SparringConfig config = platforms.loadConfig(null, env);
    List<PlatformModule.Configured> on = platforms.configure(config, env);
    assertThat(on).hasSize(1);
    String described = on.get(0).describe();
    assertThat(described).contains("tenant contoso-tenant-id").doesNotContain("s3cret");
    String dump = String.join("\n", ConfigLoader.describe(config, env, platforms.secrets()));
    assertThat(dump)
        .contains("teams.openIdMetadata = " + TeamsSettings.DEFAULT_OPENID)
        .contains("env TEAMS_APP_PASSWORD = Xq****")
        .doesNotContain("s3cret")
        .doesNotContain("contoso-tenant-id");
    assertThat(platforms.configure(config, Map.of())).isEmpty();
  }

  @Test
  void aPartialSetOrABadUrlIsRefusedWithEveryProblemNamed() throws Exception {
    Map<String, String> partial = Map.of(TeamsModule.APP_ID, "11111111");
    SparringConfig config = platforms.loadConfig(null, partial);
    assertThatThrownBy(() -> platforms.configure(config, partial))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TEAMS_APP_PASSWORD is not set");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "teams:\n  openIdMetadata: 'file:///etc/passwd'\n");
    SparringConfig badUrl = platforms.loadConfig(bad, env);
    assertThatThrownBy(() -> platforms.configure(badUrl, env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("teams.openIdMetadata: must be an http(s) address");
  }

  @Test
  void theTokenEndpointNamesTheTenantOrTheBotFramework() {
    TeamsSettings single =
        new TeamsSettings(
            "a", "p", "t-1", "u", "i", TeamsSettings.DEFAULT_TOKEN, "msteams", java.util.Set.of());
    assertThat(single.tokenUrl())
        .isEqualTo("https://login.microsoftonline.com/t-1/oauth2/v2.0/token");
    TeamsSettings multi =
        new TeamsSettings(
            "a", "p", null, "u", "i", TeamsSettings.DEFAULT_TOKEN, "msteams", java.util.Set.of());
    assertThat(multi.tokenUrl())
        .isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
  }
}
