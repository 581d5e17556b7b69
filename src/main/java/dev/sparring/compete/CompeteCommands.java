package dev.sparring.compete;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Filter;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Durations;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Profiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /spar compete start|join|status|end}: reads the arguments, answers mistakes with the usage
 * text, checks who may start and end, and hands what was asked to {@link CompeteRules}.
 */
final class CompeteCommands {

  static final String START_USAGE =
      "Usage: `/spar compete start NAME DURATION [pack|level|topic] [every CADENCE] [balanced N]`,"
          + " e.g. `/spar compete start \"Week 3\" 7d advanced every 1d balanced 3` (quote names"
          + " with spaces; `balanced N` places joiners in N groups of even past points).";
  private static final Duration MAX_LENGTH = Duration.ofDays(90);

  /**
   * A well-formed {@code compete start}: name, length, cadence, the questions it draws and how many
   * balanced groups it places joiners in (0: people pick their own).
   */
  record Start(String name, Duration length, Duration cadence, Filter filter, int balanced) {}

  private final Banks banks;
  private final CompeteRules rules;

  CompeteCommands(Banks banks, CompeteRules rules) {
    this.banks = banks;
    this.rules = rules;
  }

  void handle(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    String sub = command.arg(0);
    List<String> rest =
        command.args().isEmpty() ? List.of() : command.args().subList(1, command.args().size());
    switch (sub) {
      case "start" -> {
        if (admin(ctx, in, "start")) {
          start(ctx, in, rest);
        }
      }
      case "join" -> join(ctx, in, rest);
      case "end" -> {
        if (admin(ctx, in, "end")) {
          rules.askToEnd(ctx, in);
        }
      }
      case "", "status" -> rules.status(ctx, in);
      default ->
          ctx.out()
              .tell(
                  in,
                  Texts.unknown(
                      "option",
                      sub,
                      "compete",
                      List.of("start", "join", "status", "end"),
                      "Use `compete start`, `compete join`, `compete status` or `compete end`."));
    }
  }

  private boolean admin(Context ctx, Inbound.CommandInvoked in, String what) {
    if (ctx.isAdmin(in.actor())) {
      return true;
    }
    ctx.out()
        .tell(
            in,
            "Only admins can "
                + what
                + " a competition. Ask a workspace admin, or anyone on"
                + " the bot's admin list.");
    return false;
  }

  private void join(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String group = args.isEmpty() ? null : CompeteRecords.slug(String.join(" ", args));
    // With no competition running, that is what rules.join says first.
    if (group != null
        && group.isEmpty()
        && CompeteRecords.active(ctx.tx(), in.channel().key()).isPresent()) {
      ctx.out().tell(in, "Group names are letters, digits and dashes.");
      return;
    }
    rules.join(ctx, in, group);
  }

  /** {@code compete start NAME DURATION [pack|level|topic] [every CADENCE | daily]}. */
  private void start(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    if (args.size() < 2) {
      ctx.out().tell(in, START_USAGE);
      return;
    }
    String name = Inline.name(args.get(0), Competitions.MAX_NAME);
    if (name.isEmpty()) {
      ctx.out()
          .tell(in, "Give the competition a name with something visible in it. " + START_USAGE);
      return;
    }
    Duration length;
    try {
      length = Durations.parse(args.get(1));
    } catch (RuntimeException e) {
      ctx.out()
          .tell(
              in,
              Inline.code(args.get(1), 20) + " is not a duration like 7d or 48h. " + START_USAGE);
      return;
    }
    if (length.compareTo(Duration.ofHours(1)) < 0 || length.compareTo(MAX_LENGTH) > 0) {
      ctx.out().tell(in, "A competition lasts between 1 hour and 90 days.");
      return;
    }
    List<String> words = new ArrayList<>(args.subList(2, args.size()));
    Duration cadence;
    int balanced;
    try {
      cadence = cadence(words);
      balanced = balanced(words);
    } catch (IllegalArgumentException e) {
      ctx.out().tell(in, e.getMessage() + " " + START_USAGE);
      return;
    }
    if (cadence.compareTo(Duration.ofMinutes(30)) < 0) {
      ctx.out().tell(in, "Post at most every 30 minutes.");
      return;
    }
    if (cadence.compareTo(length) > 0) {
      ctx.out()
          .tell(
              in,
              "A question every "
                  + Texts.duration(cadence)
                  + " in a competition of "
                  + Texts.duration(length)
                  + " would post only the first question. Make the cadence at most as long as"
                  + " the competition. "
                  + START_USAGE);
      return;
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), in.team().key());
    Filter.Parsed f = Filter.parse(bank, words);
    if (f.error() != null) {
      ctx.out().tell(in, f.error() + " " + START_USAGE);
      return;
    }
    if (f.filter().select(bank).isEmpty()) {
      ctx.out()
          .tell(
              in,
              f.filter().nothingMatches(bank, "No questions match " + f.filter().describe() + "."));
      return;
    }
    rules.start(ctx, in, new Start(name, length, cadence, f.filter(), balanced));
  }

  /**
   * Takes {@code balanced N} out of {@code words} and returns N (0 when not given); throws with
   * what is wrong when it is given twice, without a number, or with one outside 2..10.
   */
  private static int balanced(List<String> words) {
    int groups = 0;
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).equalsIgnoreCase("balanced")) {
        continue;
      }
      if (groups > 0) {
        throw new IllegalArgumentException("Give `balanced N` once.");
      }
      String n = i + 1 < words.size() ? words.get(i + 1) : "";
      groups = n.matches("\\d{1,2}") ? Integer.parseInt(n) : -1;
      if (groups < Balance.MIN_GROUPS || groups > Balance.MAX_GROUPS) {
        throw new IllegalArgumentException(
            "`balanced` needs a number of groups from "
                + Balance.MIN_GROUPS
                + " to "
                + Balance.MAX_GROUPS
                + (n.isEmpty() ? "." : ", not " + Inline.code(n, 20) + "."));
      }
      words.remove(i + 1);
      words.remove(i--);
    }
    return groups;
  }

  /**
   * Takes {@code every CADENCE} or {@code daily} out of {@code words} and returns the cadence (a
   * day when neither is given); throws with what is wrong when it is given twice or unreadable.
   */
  private static Duration cadence(List<String> words) {
    Duration cadence = Duration.ofDays(1);
    boolean given = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).toLowerCase(Locale.ROOT);
      if (!w.equals("every") && !w.equals("daily")) {
        continue;
      }
      if (given) {
        throw new IllegalArgumentException("Give the cadence once (`every 1d`, or `daily`).");
      }
      given = true;
      if (w.equals("daily")) {
        words.remove(i--);
        continue;
      }
      if (i + 1 >= words.size()) {
        throw new IllegalArgumentException("`every` needs a cadence like 1d or 12h.");
      }
      try {
        cadence = Durations.parse(words.get(i + 1));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "`every` " + Inline.code(words.get(i + 1), 20) + ": give a cadence like 1d or 12h.");
      }
      words.remove(i + 1);
      words.remove(i--);
    }
    return cadence;
  }
}
