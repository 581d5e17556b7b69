package dev.sparring.compete;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a competition: it starts (one per channel, names unique per team), people join,
 * questions are posted on its cadence until it ends, and the end, by the clock or by a confirmed
 * {@code compete end}, posts the podium.
 */
final class CompeteRules {

  static final String CONFIRM = "compete.confirm";

  private final Banks banks;
  private final Points points;
  private final CompeteAnswers answers;

  CompeteRules(Banks banks, Points points, CompeteAnswers answers) {
    this.banks = banks;
    this.points = points;
    this.answers = answers;
  }

  /** Starts a competition in the asking channel and posts its first question. */
  void start(Context ctx, Inbound.CommandInvoked in, CompeteCommands.Start s) {
    if (CompeteRecords.active(ctx.tx(), in.channel().key()).isPresent()) {
      ctx.out().tell(in, CompeteTexts.alreadyRunning());
      return;
    }
    String id = CompeteRecords.id(in.team().key(), s.name());
    if (CompeteRecords.get(ctx.tx(), id).isPresent()) {
      ctx.out().tell(in, CompeteTexts.nameTaken(s.name()));
      return;
    }
    Contest c =
        new Contest(
            id,
            in.team().key(),
            in.channel().key(),
            s.name(),
            ctx.now(),
            ctx.now().plus(s.length()),
            s.cadence(),
            s.filter().pack(),
            s.filter().level() == null ? null : s.filter().level().label(),
            s.filter().topic(),
            false,
            List.of(),
            s.balanced());
    CompeteRecords.create(ctx.tx(), c, ctx.now());
    ctx.out().post(in.channel(), CompeteTexts.announcement(c, s.length(), s.filter()), null);
    tick(ctx); // posts the first question now
  }

  /**
   * Joins the channel's running competition, scoring what the person answered before; in a balanced
   * competition the group is assigned ({@link Balance}), whatever was asked.
   */
  void join(Context ctx, Inbound.CommandInvoked in, String asked) {
    Optional<Document> d = CompeteRecords.active(ctx.tx(), in.channel().key());
    if (d.isEmpty()) {
      ctx.out().tell(in, CompeteTexts.NONE_RUNNING);
      return;
    }
    Contest c = CompeteRecords.read(d.get());
    String user = in.actor().user().key();
    Optional<CompeteRecords.Member> existing = CompeteRecords.member(ctx.tx(), c, user);
    if (existing.isPresent()) {
      ctx.out().tell(in, CompeteTexts.alreadyIn(c, existing.get().group()));
      return;
    }
    String group = asked;
    long past = 0;
    if (c.balanced() > 0) {
      past = Balance.past(ctx.tx(), c, user, ctx.now());
      group = Balance.pick(c, CompeteRecords.roster(ctx.tx(), c), user);
    }
    CompeteRecords.join(ctx.tx(), c, new CompeteRecords.Member(user, group, past));
    int earlier = answers.scoreWaiting(ctx, c, user, group);
    String said = CompeteTexts.joined(c, group, earlier);
    if (c.balanced() > 0) {
      said += " " + CompeteTexts.balancedGroup(asked != null && !asked.equals(group));
    }
    ctx.out().tell(in, said);
  }

  /** {@code compete end} only asks; the confirmation is bound to the competition it would end. */
  void askToEnd(Context ctx, Inbound.CommandInvoked in) {
    CompeteRecords.active(ctx.tx(), in.channel().key())
        .map(CompeteRecords::read)
        .ifPresentOrElse(
            c ->
                Confirmations.ask(
                    ctx,
                    in,
                    CONFIRM,
                    "end",
                    c.id(),
                    CompeteTexts.confirmEnd(Duration.between(ctx.now(), c.endsAt()))),
            () -> ctx.out().tell(in, CompeteTexts.NONE_RUNNING));
  }

  /** A confirmed {@code compete end}, if the competition asked about is still running. */
  void confirmed(Context ctx, Inbound.ButtonPressed press) {
    Optional<Confirmations.Pending> p = Confirmations.take(ctx, press);
    if (p.isEmpty()) {
      return;
    }
    Optional<Document> d =
        CompeteRecords.active(ctx.tx(), p.get().channel())
            .filter(x -> CompeteRecords.read(x).id().equals(p.get().target()));
    if (d.isEmpty()) {
      ctx.out().tell(press, CompeteTexts.alreadyOver());
      return;
    }
    end(ctx, d.get());
  }

  /** The clock: posts the next question of each competition due, or ends it when its time is up. */
  void tick(Context any) {
    for (Document d : CompeteRecords.due(any.tx(), any.now())) {
      Context ctx = any.forTeam(d.team()); // its posts are for the competition's team
      Contest c = CompeteRecords.read(d);
      if (c.ended()) {
        continue;
      }
      if (!ctx.now().isBefore(c.endsAt())) {
        end(ctx, d);
        continue;
      }
      postNext(ctx, d, c);
    }
  }

  /** Posts a question not used yet (all again once every one was), and the next one's due time. */
  private void postNext(Context ctx, Document d, Contest c) {
    QuestionBank bank = banks.forTeam(ctx.tx(), c.team());
    List<Question> candidates = c.filter().select(bank);
    if (candidates.isEmpty()) {
      candidates = bank.questions();
    }
    Set<String> used = new HashSet<>(c.used());
    List<Question> fresh = candidates.stream().filter(q -> !used.contains(q.id())).toList();
    List<Question> pool = fresh.isEmpty() ? candidates : fresh;
    Question q = pool.get(Texts.pick(c.id() + "#" + used.size(), pool.size()));
    List<String> nowUsed = new ArrayList<>(fresh.isEmpty() ? List.of() : c.used());
    nowUsed.add(q.id());
    Instant next = ctx.now().plus(c.cadence());
    Instant due = next.isBefore(c.endsAt()) ? next : c.endsAt();
    CompeteRecords.save(ctx.tx(), d, c.with(false, nowUsed), due);
    String anchor =
        "cq:"
            + Integer.toHexString(c.id().hashCode())
            + ":"
            + nowUsed.size()
            + ":"
            + ctx.now().toEpochMilli();
    CompeteRecords.post(ctx.tx(), anchor, c, q.id());
    ctx.tx().threads().open(anchor, c.channel(), Competitions.THREAD_KIND, ctx.now());
    ctx.out()
        .post(
            ChannelRef.parse(c.channel()),
            CompeteTexts.question(c, nowUsed.size(), q, Duration.between(ctx.now(), c.endsAt())),
            anchor);
  }

  /**
   * The team removed the bot: its running competitions end where they stand, without a podium post
   * nobody could receive (their ledger stays, so the standings can still be read after a
   * reinstall).
   */
  void teamRemoved(Context ctx, String team) {
    for (Document d : CompeteRecords.ofTeam(ctx.tx(), team)) {
      Contest c = CompeteRecords.read(d);
      if (!c.ended()) {
        CompeteRecords.save(ctx.tx(), d, c.with(true, c.used()), null);
      }
    }
  }

  private void end(Context ctx, Document d) {
    Contest c = CompeteRecords.read(d);
    CompeteRecords.save(ctx.tx(), d, c.with(true, c.used()), null);
    LedgerQuery in = LedgerQuery.team(c.team()).inCompetition(c.id());
    // People who hide are not on the podium; their points still count for their group.
    List<Standing> people =
        Hidden.without(ctx.tx().ledger().standings(in), Hidden.in(ctx.tx(), c.team()));
    List<Standing> groups = ctx.tx().ledger().standings(in.groups());
    Message over = CompeteTexts.over(ctx.tx(), c, people, groups);
    if (!people.isEmpty()) {
      // The podium as a picture too; the text above says the same for every platform.
      over =
          over.withAttachments(
              List.of(
                  CompeteTexts.podiumPicture(
                      ctx.tx(), c, CompeteRecords.members(ctx.tx(), c), people, groups)));
    }
    ctx.out().post(ChannelRef.parse(c.channel()), over, null);
  }

  /** {@code compete status}: the running competition's standings, to the asker only. */
  void status(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> d = CompeteRecords.active(ctx.tx(), in.channel().key());
    if (d.isEmpty()) {
      ctx.out().tell(in, CompeteTexts.noneToShow());
      return;
    }
    Contest c = CompeteRecords.read(d.get());
    LedgerQuery of = LedgerQuery.team(c.team()).inCompetition(c.id());
    List<Standing> people = points.publicStandings(ctx.tx(), of);
    List<Standing> groups = points.standings(ctx.tx(), of.groups());
    long members = CompeteRecords.members(ctx.tx(), c);
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            CompeteTexts.status(
                ctx.tx(), c, members, Duration.between(ctx.now(), c.endsAt()), people, groups));
  }
}
