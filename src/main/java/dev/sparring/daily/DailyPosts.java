package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.core.Context;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.daily.DailyRecords.ChannelState;
import dev.sparring.store.Document;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The posting rules: the clock's ticks post each due schedule's question, exactly one per channel
 * and local date (the post's insert is the claim, so this holds across restarts and replicas), the
 * open question is revealed when the next one is posted, and the question is the first of the
 * filter not used in this round.
 */
final class DailyPosts {

  private static final int TICK_BATCH = 100;

  private final Banks banks;
  private final DailyReveal reveal;

  DailyPosts(Banks banks, DailyReveal reveal) {
    this.banks = banks;
    this.reveal = reveal;
  }

  /** Posts today's question for every schedule due now, and moves each on to its next slot. */
  void tick(Context ctx) {
    for (Document doc : DailyRecords.dueSchedules(ctx.tx(), ctx.now(), TICK_BATCH)) {
      Schedule s = DailyRecords.schedule(doc);
      LocalDate today = s.localDate(ctx.now());
      Instant slot = s.slot(today);
      if (s.postsOn(today) && !slot.isAfter(ctx.now())) {
        // Late (after downtime) is fine the same local day; earlier missed days are not replayed.
        post(
            ctx.forTeam(doc.team()),
            s.team(),
            ChannelRef.parse(s.channel()),
            today,
            s.filter(),
            null);
      }
      DailyRecords.advance(ctx.tx(), doc, s.nextSlot(ctx.now()), s.channel());
    }
  }

  /**
   * The team removed the bot: its schedules go, as after {@code daily off} (posts, answers and
   * streaks stay), so nothing more is posted; {@code daily on} starts again after a reinstall.
   */
  void teamRemoved(Context ctx, TeamRef team) {
    DailyRecords.deleteSchedules(ctx.tx(), team.key(), TICK_BATCH);
  }

  /**
   * When the schedule is next due: today's slot if it is still ahead, or (set up after today's
   * slot) the next one. Setting a schedule never posts immediately; {@code daily now} does.
   */
  static Instant firstDue(Schedule s, Instant now) {
    return s.nextSlot(now);
  }

  /** After a change: the next slot, but today's late post stays due if today is still owed. */
  static Instant dueAfterChange(Schedule s, Context ctx) {
    LocalDate today = s.localDate(ctx.now());
    Instant slot = s.slot(today);
    if (s.postsOn(today)
        && !slot.isAfter(ctx.now())
        && !DailyRecords.posted(ctx.tx(), s.channel(), today)) {
      return slot;
    }
    return s.nextSlot(ctx.now());
  }

  /**
   * Posts the channel's question for {@code date} unless one is already posted (returns false
   * then). The open question, if any, is revealed first.
   */
  boolean post(
      Context ctx,
      String team,
      ChannelRef channel,
      LocalDate date,
      Filter filter,
      Question forced) {
    String anchor = DailyRecords.anchor(channel.key(), date);
    QuestionBank bank = banks.forTeam(ctx.tx(), team);
    List<Question> candidates = filter.select(bank);
    if (forced == null && candidates.isEmpty()) {
      candidates = bank.questions();
    }
    if (forced == null && candidates.isEmpty()) {
      return false;
    }
    ChannelState state =
        DailyRecords.channelState(ctx.tx(), channel.key())
            .orElse(new ChannelState(null, List.of(), List.of()));
    Question q = forced != null ? forced : pick(candidates, state.used(), channel.key());
    Post post = new Post(team, channel.key(), date, q.id(), anchor, ctx.now(), null);
    if (!DailyRecords.claim(ctx.tx(), post)) {
      return false;
    }
    if (state.open() != null) {
      DailyRecords.postDoc(ctx.tx(), state.open())
          .ifPresent(d -> reveal.reveal(ctx, d, DailyRecords.post(d)));
    }
    DailyRecords.saveChannel(
        ctx.tx(), team, channel.key(), posted(state, candidates, q, date, anchor));
    ctx.tx().threads().open(anchor, channel.key(), DailyQuestions.THREAD_KIND, ctx.now());
    ctx.out()
        .post(
            channel,
            DailyTexts.question(
                q, date, anchor, DailyRecords.threadAnswers(ctx.tx(), channel.key())),
            anchor);
    return true;
  }

  /**
   * The channel's state once {@code q} is posted on {@code date} as {@code anchor}: open, used in
   * this round (a new round starts when the filter is exhausted), and the dates posted (bounded).
   */
  private static ChannelState posted(
      ChannelState state, List<Question> candidates, Question q, LocalDate date, String anchor) {
    Set<String> inFilter = new HashSet<>();
    candidates.forEach(c -> inFilter.add(c.id()));
    List<String> used = new ArrayList<>(state.used());
    if (inFilter.stream().allMatch(used::contains)) {
      used.removeIf(inFilter::contains); // the filter is exhausted: start a new round
    }
    used.add(q.id());
    List<LocalDate> dates = new ArrayList<>(state.dates());
    dates.add(date);
    if (dates.size() > 400) {
      dates = dates.subList(dates.size() - 400, dates.size());
    }
    if (used.size() > 5000) {
      used = used.subList(used.size() - 5000, used.size());
    }
    return new ChannelState(anchor, used, dates);
  }

  /** The first question of the filter not used in this round, in a stable per-channel order. */
  static Question pick(List<Question> candidates, List<String> used, String channel) {
    return QuestionBank.unseenFirst(candidates, used).stream()
        .min(
            Comparator.comparingLong((Question q) -> Texts.spread(channel + "|" + q.id()))
                .thenComparing(Question::id))
        .orElseThrow();
  }
}
