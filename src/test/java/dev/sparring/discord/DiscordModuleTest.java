package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.app.Platforms;
import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discord's section of the config file, read by its module. */
class DiscordModuleTest {

  @TempDir Path dir;

  private final DiscordModule module = new DiscordModule();

  private Path file(String yaml) throws Exception {
    Path f = Files.createTempFile(dir, "cfg", ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private Optional<PlatformModule.Configured> configure(
      Path file, Map<String, String> env, List<String> problems) {
    SparringConfig config = Platforms.shipped().loadConfig(file, env);
    return module.configure(config.platform("discord", problems), env);
  }

  @Test
  void adminRolesAreIdsBecauseAnyoneWhoManagesRolesCanCopyAName() throws Exception {
    List<String> problems = new ArrayList<>();
    Path ids = file("discord:\n  adminRoles: [400000000000000001, '400000000000000002']\n");
    assertThat(configure(ids, Map.of("DISCORD_TOKEN", "t0ken-value"), problems))
        .get()
        .extracting(PlatformModule.Configured::describe)
        .asString()
        .contains("400000000000000001")
        .contains("400000000000000002");
    assertThat(problems).isEmpty();

    Path names = file("discord:\n  adminRoles: [Mentors, 400000000000000001, '@Mods']\n");
    assertThat(configure(names, Map.of("DISCORD_TOKEN", "t0ken-value"), problems)).isEmpty();
    assertThat(problems)
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).startsWith("discord.adminRoles: '").contains("Copy Role ID"))
        .anySatisfy(p -> assertThat(p).contains("'Mentors' is not a role id"));
  }

  @Test
  void offWithoutATokenAndEveryBadKeyNamedWithItsSection() throws Exception {
    List<String> problems = new ArrayList<>();
    assertThat(configure(null, Map.of(), problems)).isEmpty();
    assertThat(problems).isEmpty();

    Path bad =
        file("discord:\n  commands: everywhere\n  shards:\n    total: 2\n    from: 1\n    to: 0\n");
    assertThat(configure(bad, Map.of("DISCORD_TOKEN", "t0ken-value"), problems)).isEmpty();
    assertThat(problems)
        .containsExactly(
            "discord.commands: must be guild or global (got 'everywhere')",
            "discord.shards: need from <= to < total (got from 1, to 0, total 2)");
  }

  @Test
  void readsMentionsInDiscordSyntaxOnly() {
    assertThat(module.mentions().userId("<@!123456789012>")).contains("123456789012");
    assertThat(module.mentions().userId("<@123456789012>")).contains("123456789012");
    assertThat(module.mentions().userId("@ana")).isEmpty();
    assertThat(module.mentions().userId("<@U123ABC>")).isEmpty();
  }
}
