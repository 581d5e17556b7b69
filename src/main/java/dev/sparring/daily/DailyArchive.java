package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature.Help;
import dev.sparring.core.Inbound;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.daily.DailyRecords.ChannelState;
import dev.sparring.feedback.Feedback;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /spar archive [n | topic]}: the channel's past daily questions, newest first, with their
 * key points and the best-graded answer (quoted only if its author has not kept their answers
 * private: {@code /spar archive private} and {@code public}).
 */
final class DailyArchive {

  static final int DEFAULT = 5;
  static final int MAX = 20;

  /** Posts looked at for a topic: a channel's last year of questions. */
  private static final int SCAN = 366;

  static final List<Help> HELP =
      List.of(
          Help.of(
              "archive [n | topic]",
              "past daily questions of this channel with their key points and best answer"),
          Help.of(
              "archive private|public",
              "keep your answers out of the archive and reveal quotes, or allow them again"));

  static final String USAGE =
      "Usage: `/spar archive [n | topic]` (n from 1 to "
          + MAX
          + "), or `/spar archive private` / `/spar archive public` for your own answers.";

  private final Banks banks;

  DailyArchive(Banks banks) {
    this.banks = banks;
  }

  void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    String team = in.team().key();
    String user = in.actor().user().key();
    if (command.args().size() > 1) {
      ctx.out().tell(in, USAGE);
      return;
    }
    String arg = command.arg(0);
    if (arg.equals("private") || arg.equals("public")) {
      DailyRecords.keepAnswersPrivate(ctx.tx(), team, user, arg.equals("private"));
      ctx.out().tell(in, DailyTexts.consent(arg.equals("private")));
      return;
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), team);
    int n = DEFAULT;
    String topic = null;
    if (arg.matches("\\d{1,3}")) {
      n = Integer.parseInt(arg);
      if (n < 1 || n > MAX) {
        ctx.out().tell(in, USAGE);
        return;
      }
    } else if (!arg.isEmpty()) {
      if (!bank.hasTopic(arg)) {
        ctx.out()
            .tell(
                in,
                "No topic called "
                    + Inline.code(command.args().get(0), 40)
                    + ". Topics: "
                    + String.join(", ", bank.topics())
                    + ". "
                    + USAGE);
        return;
      }
      topic = arg.toLowerCase(Locale.ROOT);
    }
    List<String> entries = entries(ctx, bank, in.channel().key(), team, n, topic);
    if (entries.isEmpty()) {
      ctx.out()
          .tell(
              in,
              topic == null
                  ? "No daily question has been revealed in this channel yet."
                  : "No revealed daily question in this channel is about " + topic + " yet.");
      return;
    }
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(
                "Archive \u00b7 " + entries.size() + (topic == null ? "" : " \u00b7 " + topic),
                Feedback.fit(entries, Feedback.MAX_BODY, "questions")));
  }

  private static List<String> entries(
      Context ctx, QuestionBank bank, String channel, String team, int n, String topic) {
    List<LocalDate> dates =
        DailyRecords.channelState(ctx.tx(), channel).map(ChannelState::dates).orElse(List.of());
    List<String> entries = new ArrayList<>();
    int scanned = 0;
    for (int i = dates.size() - 1; i >= 0 && entries.size() < n && scanned < SCAN; i--, scanned++) {
      String anchor = DailyRecords.anchor(channel, dates.get(i));
      Optional<Post> post = DailyRecords.postDoc(ctx.tx(), anchor).map(DailyRecords::post);
      if (post.isEmpty() || post.get().revealedAt() == null) {
        continue;
      }
      Optional<Question> q = bank.get(post.get().questionId());
      if (topic != null && q.map(x -> !x.topics().contains(topic)).orElse(true)) {
        continue;
      }
      entries.add(entry(ctx, team, post.get(), q));
    }
    return entries;
  }

  private static String entry(Context ctx, String team, Post post, Optional<Question> q) {
    StringBuilder b =
        new StringBuilder("**")
            .append(post.date())
            .append("** \u00b7 `")
            .append(post.questionId())
            .append('`');
    if (q.isEmpty()) {
      return b.append(" _(no longer in the question bank)_\n").toString();
    }
    b.append(" \u00b7 ").append(q.get().level().label()).append('\n');
    b.append(Texts.clip(q.get().prompt(), 300)).append('\n');
    for (KeyPoint k : q.get().keyPoints()) {
      Feedback.wrap("- " + k.shown(), Feedback.MAX_LINE).forEach(l -> b.append(l).append('\n'));
    }
    DailyRecords.best(ctx.tx(), post.anchor())
        .filter(best -> !DailyRecords.keepsAnswersPrivate(ctx.tx(), team, best.user()))
        .filter(best -> !dev.sparring.scoring.Hidden.isHidden(ctx.tx(), team, best.user()))
        .flatMap(
            best ->
                DailyRecords.answer(ctx.tx(), post.anchor(), best.user())
                    .map(a -> DailyTexts.bestAnswer(a, best.score()).strip()))
        .ifPresent(line -> b.append(line).append('\n'));
    return b.toString();
  }
}
