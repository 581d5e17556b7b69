package dev.sparring.compete;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.picture.PodiumPicture;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.util.List;

/**
 * What competitions say: the announcement, the cadence posts, replies to joins and answers, the
 * standings and the podium. Competition and group names are data, never markup.
 */
final class CompeteTexts {

  static final String NONE_RUNNING = "There is no running competition in this channel.";

  private CompeteTexts() {}

  // ---- starting and ending

  static String alreadyRunning() {
    return "A competition is already running in this channel; end it first with `/spar compete end`.";
  }

  static String nameTaken(String name) {
    return "This team already had a competition called "
        + Inline.code(name, Competitions.MAX_NAME)
        + "; pick another name.";
  }

  static Message announcement(Contest c, Duration length, Filter filter) {
    return Message.of(
        "Competition \u00b7 " + c.shown(),
        "Runs for "
            + Texts.duration(length)
            + ", "
            + filter.phrase()
            + " every "
            + Texts.duration(c.cadence())
            + ". "
            + (c.balanced() > 0
                ? "Join with `/spar compete join`: you are placed in one of "
                    + c.balanced()
                    + " groups ("
                    + String.join(", ", Balance.groups(c.balanced()))
                    + ") kept even by past points, so any group can win. Then answer"
                : "Join with `/spar compete join [GROUP]`, then answer")
            + " in each question's thread: your first answer to each question scores.");
  }

  static String confirmEnd(Duration left) {
    return "End this channel's competition now and post the podium? It has "
        + Texts.duration(left)
        + " left; it cannot be restarted.";
  }

  static String alreadyOver() {
    return "That competition is already over; nothing was done.";
  }

  /** The closing post: the podium of people, then of groups if any played in groups. */
  static Message over(Tx tx, Contest c, List<Standing> people, List<Standing> groups) {
    StringBuilder b = new StringBuilder();
    if (people.isEmpty()) {
      b.append("Nobody scored this time.");
    } else {
      b.append(podium(tx, c.team(), people, false));
      if (!groups.isEmpty()) {
        b.append("\n**Groups**\n").append(podium(tx, c.team(), groups, true));
      }
    }
    return Message.of("\uD83C\uDFC6 " + c.shown() + " is over", b.toString().strip());
  }

  /**
   * The podium as a picture: people by their remembered names, groups by theirs, with the
   * competition's length and members; its alt says the places in words.
   */
  static Message.Attachment podiumPicture(
      Tx tx, Contest c, long members, List<Standing> people, List<Standing> groups) {
    String title = c.name() + " \u00b7 final standings";
    String subtitle =
        Texts.duration(Duration.between(c.startedAt(), c.endsAt()))
            + " \u00b7 "
            + members
            + (members == 1 ? " member" : " members")
            + (groups.isEmpty()
                ? ""
                : " \u00b7 " + groups.size() + (groups.size() == 1 ? " group" : " groups"));
    List<PodiumPicture.Place> who =
        people.stream()
            .limit(9)
            .map(s -> new PodiumPicture.Place(Profiles.name(tx, c.team(), s.name()), s.points()))
            .toList();
    List<PodiumPicture.Place> teams =
        groups.stream().limit(3).map(s -> new PodiumPicture.Place(s.name(), s.points())).toList();
    return Message.Attachment.png(
        "podium.png",
        PodiumPicture.png(title, subtitle, who, teams),
        PodiumPicture.alt(title, who, teams));
  }

  private static String podium(Tx tx, String team, List<Standing> rows, boolean groups) {
    String[] medals = {"\uD83E\uDD47", "\uD83E\uDD48", "\uD83E\uDD49"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(3, rows.size()); i++) {
      Standing s = rows.get(i);
      b.append(medals[i])
          .append(' ')
          .append(groups ? Inline.data(s.name()) : Profiles.mention(tx, team, s.name()))
          .append(" \u2014 ")
          .append(s.points())
          .append(" points\n");
    }
    return b.toString();
  }

  // ---- the cadence

  /** The {@code number}th question of the competition, posted as the anchor of its thread. */
  static Message question(Contest c, int number, Question q, Duration left) {
    return Message.of(
        c.shown() + " \u00b7 question " + number + " \u00b7 " + q.level().label(),
        q.prompt()
            + "\n\n_Members: answer in this thread; your first answer scores. Ends "
            + Texts.duration(left)
            + " from now._");
  }

  // ---- joining and answering

  static String alreadyIn(Contest c, String group) {
    return "You are already in "
        + c.shown()
        + (group == null ? "" : " (group " + group + ")")
        + ".";
  }

  static String joined(Contest c, String group, int earlier) {
    return "You joined "
        + c.shown()
        + (group == null ? "" : " in group " + group)
        + ". Answer in the question threads to score."
        + (earlier > 0
            ? " The answers you gave before joining scored +" + earlier + " points."
            : "");
  }

  /** Added to the reply to a join in a balanced competition. */
  static String balancedGroup(boolean askedForAnother) {
    return askedForAnother
        ? "Groups here are assigned to keep them even by past points, so you were placed there."
        : "Groups here are kept even by past points.";
  }

  static String ended(Contest c) {
    return c.shown() + " has ended; answers no longer score.";
  }

  /** To someone answering before joining: whether their answer was kept to score on join. */
  static String notJoined(Contest c, boolean kept) {
    return "You have not joined "
        + c.shown()
        + " yet. "
        + (kept
            ? "Your answer is kept: join with `/spar compete join` (or `/spar compete join"
                + " GROUP` to play in a group) and it will score."
            : "Your first answer to this question is already kept; join with `/spar"
                + " compete join` (or `/spar compete join GROUP`) and it will score.");
  }

  /** The reply to a graded answer; {@code junkBelow} is the grade under which answers earn 0. */
  static String scored(CompeteAnswers.Scored s, String group, int junkBelow) {
    String said =
        !s.counted()
            ? "Only your first answer to each question scores; this one was not counted."
            : s.points() == 0
                ? "Scored "
                    + s.score()
                    + "/100: answers graded under "
                    + junkBelow
                    + " earn no points. Only your first answer to each question scores."
                : "Scored "
                    + s.score()
                    + "/100: +"
                    + s.points()
                    + " points for you"
                    + (group == null ? "" : " and " + group)
                    + ".";
    // What the answer said against a key point, whole, on a line of its own (one at most).
    if (s.counted() && !s.contradiction().isEmpty()) {
      said += "\n\u2717 " + s.contradiction();
    }
    return said;
  }

  // ---- standings

  static String noneToShow() {
    return NONE_RUNNING + " An admin can start one with `/spar compete start \"Week 3\" 7d`.";
  }

  /** {@code compete status}: members, time left, the top 10 people and every group. */
  static Message status(
      Tx tx, Contest c, long members, Duration left, List<Standing> people, List<Standing> groups) {
    StringBuilder b = new StringBuilder();
    b.append(members)
        .append(members == 1 ? " member" : " members")
        .append(", ends in ")
        .append(Texts.duration(left))
        .append(".\n\n");
    if (people.isEmpty()) {
      b.append("No points yet.");
    } else {
      for (int i = 0; i < Math.min(10, people.size()); i++) {
        b.append(i + 1)
            .append(". ")
            .append(Profiles.mention(tx, c.team(), people.get(i).name()))
            .append(" \u2014 ")
            .append(people.get(i).points())
            .append('\n');
      }
      if (!groups.isEmpty()) {
        b.append("\n**Groups**\n");
        for (int i = 0; i < groups.size(); i++) {
          b.append(i + 1)
              .append(". ")
              .append(Inline.data(groups.get(i).name()))
              .append(" \u2014 ")
              .append(groups.get(i).points())
              .append('\n');
        }
      }
    }
    return Message.of(c.shown(), b.toString().strip());
  }
}
