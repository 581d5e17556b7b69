package dev.sparring.feedback;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.store.Conversation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /spar history [n]}: the person's latest practice with its grades (interviews, drills,
 * daily and competition answers), said to them only, with the way back into an interview that
 * expired.
 */
public final class HistoryCommand implements Feature {

  static final int DEFAULT = 10;
  static final int MAX = 50;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  static final String USAGE =
      "Usage: `/spar history [n]`, n from 1 to " + MAX + " (default " + DEFAULT + ").";

  static final String EMPTY =
      "Nothing in your history yet. Answer the daily question, or try `/spar drill` or"
          + " `/spar interview`.";

  @Override
  public Set<String> commands() {
    return Set.of("history");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "history [n]",
            "your last n interviews, drills and answers with their grades (only you see it)"));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    int n = DEFAULT;
    if (command.args().size() > 1) {
      ctx.out().tell(in, USAGE);
      return;
    }
    if (command.args().size() == 1) {
      n = count(command.args().get(0));
      if (n < 1) {
        ctx.out().tell(in, Inline.code(command.args().get(0), 20) + " is not a count. " + USAGE);
        return;
      }
    }
    List<History.Entry> entries =
        History.latest(ctx.tx(), in.team().key(), in.actor().user().key(), n);
    if (entries.isEmpty()) {
      ctx.out().tell(in, EMPTY);
      return;
    }
    List<String> lines = new ArrayList<>();
    boolean offered = false;
    for (int i = 0; i < entries.size(); i++) {
      History.Entry e = entries.get(i);
      String line = (i + 1) + ". " + line(e);
      if (!offered && resumable(ctx, e)) {
        line += " \u2014 continue with `/spar interview resume " + e.questionId() + "`";
        offered = true;
      }
      lines.add(line);
    }
    lines.add("");
    lines.add("_Dates in UTC. Only you see this._");
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(
                "Your practice \u00b7 latest " + entries.size(),
                Feedback.fit(lines, Feedback.MAX_BODY, "entries")));
  }

  /** One entry: day, mode, question, grade, and how an interview ended. */
  static String line(History.Entry e) {
    StringBuilder s =
        new StringBuilder()
            .append(DAY.format(e.at()))
            .append(" \u00b7 ")
            .append(e.mode().label())
            .append(" `")
            .append(e.questionId())
            .append("` \u00b7 ")
            .append(e.score())
            .append("/100");
    if (e.mode() == History.Mode.INTERVIEW) {
      s.append(" \u00b7 ")
          .append(e.answered())
          .append(" of ")
          .append(e.steps())
          .append(" answered");
      switch (e.outcome()) {
        case STOPPED -> s.append(" \u00b7 stopped");
        case EXPIRED -> s.append(" \u00b7 expired");
        default -> {}
      }
    }
    return s.toString();
  }

  /** An expired interview that is still expired (not resumed since) can be picked up again. */
  private static boolean resumable(Context ctx, History.Entry e) {
    return e.mode() == History.Mode.INTERVIEW
        && e.outcome() == History.Outcome.EXPIRED
        && ctx.tx()
            .conversations()
            .get(e.ref())
            .map(c -> c.status() == Conversation.Status.EXPIRED)
            .orElse(false);
  }

  /** The count typed, or -1 when it is none in 1..MAX. */
  private static int count(String text) {
    if (!text.matches("\\d{1,3}")) {
      return -1;
    }
    int n = Integer.parseInt(text);
    return n >= 1 && n <= MAX ? n : -1;
  }
}
