package dev.sparring.ops;

import dev.sparring.app.Platforms;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.discord.DiscordModule;
import dev.sparring.slack.SlackModule;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads the {@code --team} (and people's and channels' ids) of the operator's commands: {@code
 * slack:T024BE7LD}, {@code discord:81384788765712384}, or a bare id (one starting with a letter is
 * Slack's, digits only Discord's). Mistakes are picocli parameter errors (exit code 2).
 */
final class TeamArgs {

  private TeamArgs() {}

  /** The team {@code --team} names. */
  static TeamRef team(CommandSpec spec, String team) {
    try {
      if (team.contains(":")) {
        TeamRef ref = TeamRef.parse(team);
        if (Platforms.shipped().module(ref.platform()).isEmpty()) {
          throw new IllegalArgumentException(
              "no platform '"
                  + ref.platform().prefix()
                  + "' (platforms: "
                  + Platforms.shipped().ids()
                  + ")");
        }
        return ref;
      }
      return new TeamRef(guess(team), team);
    } catch (IllegalArgumentException e) {
      throw bad(spec, "--team " + quoted(team) + ": " + e.getMessage());
    }
  }

  static Platform guess(String id) {
    return !id.isEmpty() && id.chars().allMatch(Character::isDigit)
        ? DiscordModule.PLATFORM
        : SlackModule.PLATFORM;
  }

  /** An argument as it goes into an error: quoted, control characters shown as {@code ?}, cut. */
  static String quoted(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return "'" + (clean.length() > 60 ? clean.substring(0, 59) + "\u2026" : clean) + "'";
  }

  static CommandLine.ParameterException bad(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
