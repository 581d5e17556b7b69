package dev.sparring.ops;

import dev.sparring.app.Platforms;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.store.Erased;
import dev.sparring.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparring erase --team T [--user U] [--yes]}: removes what Sparring stores about a team (or
 * one person in it) for good. Shows what it would remove and asks first unless {@code --yes}. Exit
 * codes: 0 erased, or nothing to erase; 1 not confirmed, or the store failed; 2 bad arguments.
 */
@Command(
    name = "erase",
    description = {
      "Erase a team's data, or one person's data in a team, for good.",
      "With --team only: its people, answers, scores, schedules, posts, drill cards,"
          + " competitions, conversations, threads, queued and sent messages, and its Slack"
          + " installation.",
      "With --user too: that person's answers, scores (leaderboard totals are corrected),"
          + " profile, drill cards, streaks, memberships and conversations in that team.",
      "Works beside a running bot on the same store."
    })
public final class EraseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin Startup startup = new Startup();

  @Option(
      names = "--team",
      required = true,
      paramLabel = "TEAM",
      description =
          "The team: slack:T024BE7LD or discord:81384788765712384 (a bare id starting with"
              + " a letter is Slack's, digits only Discord's).")
  String team;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description =
          "Only this person in the team: slack:U123, or a bare id on the team's platform.")
  String user;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  public Integer call() {
    TeamRef teamRef = teamRef();
    UserRef userRef = user == null ? null : userRef(teamRef.platform());
    String what = userRef == null ? teamRef.key() : userRef.key() + " in " + teamRef.key();
    Startup.quietLogs();
    try (Store store = Sparring.openStore(startup.loadConfig(), startup.data)) {
      Counts preview = rollBack(store, teamRef, userRef);
      if (preview.isEmpty()) {
        System.out.println("Nothing to erase for " + what + ".");
        return 0;
      }
      if (!yes) {
        System.out.println("This erases for good, for " + what + ":");
        preview.print();
        System.out.print("Erase it? Type 'yes' to go on: ");
        System.out.flush();
        if (!confirmed()) {
          System.out.println("Nothing was erased.");
          return 1;
        }
      }
      Counts done = store.transact(tx -> erase(tx, teamRef, userRef));
      System.out.println("Erased, for " + what + ":");
      done.print();
      return 0;
    }
  }

  /** What {@link #erase} removes, plus the Slack installation records. */
  private record Counts(Erased erased, int installation) {
    boolean isEmpty() {
      return erased.isEmpty() && installation == 0;
    }

    void print() {
      erased.counts().forEach((kind, n) -> System.out.printf("  %-16s %d%n", kind, n));
      System.out.printf("  %-16s %d%n", "installation", installation);
    }
  }

  private static Counts erase(dev.sparring.store.Tx tx, TeamRef team, UserRef user) {
    if (user != null) {
      return new Counts(tx.erase().user(team.key(), user.key()), 0);
    }
    Erased erased = tx.erase().team(team.key());
    int installation =
        Platforms.shipped().module(team.platform()).map(m -> m.eraseTeam(tx, team.id())).orElse(0);
    return new Counts(erased, installation);
  }

  /** Counts what would be erased: the same work in a transaction that is rolled back. */
  private static Counts rollBack(Store store, TeamRef team, UserRef user) {
    try {
      store.transact(
          tx -> {
            throw new Preview(erase(tx, team, user));
          });
      throw new IllegalStateException("unreachable");
    } catch (Preview p) {
      return p.counts;
    }
  }

  private static final class Preview extends RuntimeException {
    final transient Counts counts;

    Preview(Counts counts) {
      super(null, null, false, false);
      this.counts = counts;
    }
  }

  private static boolean confirmed() {
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line != null && line.strip().toLowerCase(Locale.ROOT).equals("yes");
    } catch (IOException e) {
      return false;
    }
  }

  private TeamRef teamRef() {
    return TeamArgs.team(spec, team);
  }

  private UserRef userRef(Platform platform) {
    try {
      UserRef u = user.contains(":") ? UserRef.parse(user) : new UserRef(platform, user);
      if (u.platform() != platform) {
        throw bad(
            "--user "
                + quoted(user)
                + " is on "
                + u.platform().prefix()
                + ", the team on "
                + platform.prefix()
                + ".");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw bad("--user " + quoted(user) + ": " + e.getMessage());
    }
  }

  private static String quoted(String s) {
    return TeamArgs.quoted(s);
  }

  private CommandLine.ParameterException bad(String message) {
    return TeamArgs.bad(spec, message);
  }
}
