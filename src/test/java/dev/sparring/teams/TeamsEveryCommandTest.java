package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.testing.Features;
import dev.sparring.testing.HelpExamples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin command in the help, typed as {@code @Sparring <command>} in a Teams channel: a
 * member who neither owns the team nor is a configured admin is refused and nothing is posted,
 * while a team owner (per the connector's roster) and a configured admin are not refused.
 */
class TeamsEveryCommandTest {

  @TempDir Path dir;

  @Test
  void adminCommandsFollowTheRosterAndTheConfiguredAdmins() throws Exception {
    List<String> commands = HelpExamples.of(Features.all(), true);
    assertThat(commands).contains("daily on 09:00 UTC", "season reset", "deadletters");
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      for (String command : commands) {
        int before = ms.sends().size();
        assertThat(rig.post(rig.command("29:member", command)).statusCode()).isEqualTo(200);
        List<TeamsStandIn.Call> said = ms.sends().subList(before, ms.sends().size());
        assertThat(said).as(command).hasSize(1);
        assertThat(said.get(0).cardText().toLowerCase()).as(command).contains("admin");
        assertThat(said.get(0).path()).as(command).contains("/activities/act-");
      }
      assertThat(ms.threads()).as("nothing was posted to the channel").isEmpty();
      for (String admin : List.of("29:owner", "29:admin")) {
        int before = ms.sends().size();
        rig.post(rig.command(admin, "deadletters"));
        List<TeamsStandIn.Call> said = ms.sends().subList(before, ms.sends().size());
        assertThat(said).as(admin).isNotEmpty();
        assertThat(said.get(0).cardText()).as(admin).doesNotContainIgnoringCase("only admins");
      }
    }
  }
}
