package dev.sparring.daily;

import static dev.sparring.daily.DailyQuestions.ANSWER;
import static dev.sparring.daily.DailyQuestions.CHANNEL;
import static dev.sparring.daily.DailyQuestions.LATE;
import static dev.sparring.daily.DailyQuestions.POST;
import static dev.sparring.daily.DailyQuestions.SCHEDULE;

import dev.sparring.chat.Inline;
import dev.sparring.core.Json;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The daily question's stored documents and their read/write over a {@link Tx}: each channel's
 * {@link Schedule} ({@code daily.schedule}, due at its next slot), its {@link ChannelState} ({@code
 * daily.channel}), the posts ({@code daily.post}, whose insert is the one claim per channel and
 * local date), and the answers to them ({@code daily.answer}, and {@code daily.late} for practice
 * after the reveal).
 */
final class DailyRecords {

  private static final String ANCHOR_PREFIX = "dp:";

  private DailyRecords() {}

  /** Someone's latest answer to a post. */
  record Answer(String user, String name, String text, Instant at) {
    /** Who answered, as a mention (names are shown by the platform, never as markup). */
    String who() {
      try {
        return Inline.mention(dev.sparring.chat.UserRef.parse(user), name);
      } catch (IllegalArgumentException e) {
        return Inline.data(name);
      }
    }
  }

  /** Per channel: the open post, questions already used, and the dates posted. */
  record ChannelState(String open, List<String> used, List<LocalDate> dates) {
    ChannelState {
      used = List.copyOf(used == null ? List.of() : used);
      dates = List.copyOf(dates == null ? List.of() : dates);
    }
  }

  // ---- schedules

  static Optional<Document> scheduleDoc(Tx tx, String channel) {
    return tx.documents().get(SCHEDULE, channel);
  }

  static Optional<Schedule> schedule(Tx tx, String channel) {
    return scheduleDoc(tx, channel).map(DailyRecords::schedule);
  }

  static Schedule schedule(Document doc) {
    return Json.read(doc.body(), Schedule.class);
  }

  /** Saves {@code s} over {@code existing} (if any), due at {@code next}. */
  static void saveSchedule(Tx tx, Optional<Document> existing, Schedule s, Instant next) {
    String body = Json.write(s);
    tx.documents().put(Document.saved(existing, SCHEDULE, s.channel(), s.team(), body, next));
  }

  static void deleteSchedule(Tx tx, String channel) {
    tx.documents().delete(SCHEDULE, channel);
  }

  /** Up to {@code limit} schedules due at {@code now}. */
  static List<Document> dueSchedules(Tx tx, Instant now, int limit) {
    return tx.documents().due(SCHEDULE, now, limit);
  }

  /** Moves a schedule on to {@code next}, unless another transaction changed it meanwhile. */
  static void advance(Tx tx, Document schedule, Instant next, String channel) {
    if (!tx.documents().compareAndSet(schedule.next(schedule.body(), next), schedule.version())) {
      throw new ConcurrentUpdateException("schedule " + channel);
    }
  }

  /** Deletes every schedule of {@code team}, {@code batch} at a time. */
  static void deleteSchedules(Tx tx, String team, int batch) {
    for (List<Document> docs; !(docs = tx.documents().byTeam(SCHEDULE, team, batch)).isEmpty(); ) {
      docs.forEach(d -> tx.documents().delete(SCHEDULE, d.id()));
    }
  }

  // ---- channel state

  static Optional<ChannelState> channelState(Tx tx, String channel) {
    return tx.documents().get(CHANNEL, channel).map(d -> Json.read(d.body(), ChannelState.class));
  }

  static void saveChannel(Tx tx, String team, String channel, ChannelState state) {
    Optional<Document> doc = tx.documents().get(CHANNEL, channel);
    String body = Json.write(state);
    tx.documents().put(Document.saved(doc, CHANNEL, channel, team, body, null));
  }

  // ---- posts

  /** The anchor (document id and thread) of a channel's post for a local date. */
  static String anchor(String channel, LocalDate date) {
    return ANCHOR_PREFIX + channel + "#" + date;
  }

  static Optional<Document> postDoc(Tx tx, String anchor) {
    return tx.documents().get(POST, anchor);
  }

  static Post post(Document doc) {
    return Json.read(doc.body(), Post.class);
  }

  /** The channel's open (posted, not yet revealed) post. */
  static Optional<Document> openPostDoc(Tx tx, String channel) {
    return channelState(tx, channel).map(ChannelState::open).flatMap(id -> postDoc(tx, id));
  }

  static boolean posted(Tx tx, String channel, LocalDate date) {
    return postDoc(tx, anchor(channel, date)).isPresent();
  }

  /** Claims the post's date in its channel: false when another post holds it already. */
  static boolean claim(Tx tx, Post post) {
    return tx.documents()
        .insert(Document.create(POST, post.anchor(), post.team(), Json.write(post), null));
  }

  /** Marks the post revealed, unless another transaction changed it meanwhile. */
  static void saveRevealed(Tx tx, Document doc, Post revealed) {
    if (!tx.documents().compareAndSet(doc.next(Json.write(revealed), null), doc.version())) {
      throw new ConcurrentUpdateException("daily post " + revealed.anchor());
    }
  }

  // ---- answers

  /** Up to {@code limit} latest answers to the post with {@code anchor}. */
  static List<Answer> answers(Tx tx, String anchor, int limit) {
    return tx.documents().byPrefix(ANSWER, anchor + "#", limit).stream()
        .map(d -> Json.read(d.body(), Answer.class))
        .toList();
  }

  static long answerCount(Tx tx, String anchor, int limit) {
    return tx.documents().byPrefix(ANSWER, anchor + "#", limit).size();
  }

  static Optional<Answer> answer(Tx tx, String anchor, String user) {
    return tx.documents()
        .get(ANSWER, anchor + "#" + user)
        .map(d -> Json.read(d.body(), Answer.class));
  }

  /** Keeps {@code a} as its author's answer to {@code post}; true if it replaced an earlier one. */
  static boolean saveAnswer(Tx tx, Post post, Answer a) {
    return save(tx, ANSWER, post, a);
  }

  /** Keeps {@code a} as its author's practice answer to the revealed {@code post}. */
  static void saveLate(Tx tx, Post post, Answer a) {
    save(tx, LATE, post, a);
  }

  private static boolean save(Tx tx, String kind, Post post, Answer a) {
    String id = post.anchor() + "#" + a.user();
    String body = Json.write(a);
    Optional<Document> previous = tx.documents().get(kind, id);
    tx.documents().put(Document.saved(previous, kind, id, post.team(), body, null));
    return previous.isPresent();
  }

  // ---- how a channel answers, and who keeps their answers out of the archive

  private static final String ANSWERING = "daily.answering";
  private static final String CONSENT = "daily.consent";
  private static final String BEST = "daily.best";

  /** Whether the channel answers in the thread only (no private Answer button). */
  static boolean threadAnswers(Tx tx, String channel) {
    return tx.documents()
        .get(ANSWERING, channel)
        .map(d -> d.body().contains("thread"))
        .orElse(false);
  }

  static void setThreadAnswers(Tx tx, String team, String channel, boolean thread) {
    Optional<Document> doc = tx.documents().get(ANSWERING, channel);
    String body = thread ? "{\"mode\":\"thread\"}" : "{\"mode\":\"private\"}";
    tx.documents().put(Document.saved(doc, ANSWERING, channel, team, body, null));
  }

  /** Whether the person asked that their answers are never quoted (archive, reveal). */
  static boolean keepsAnswersPrivate(Tx tx, String team, String user) {
    return tx.documents().get(CONSENT, team + "#" + user).isPresent();
  }

  static void keepAnswersPrivate(Tx tx, String team, String user, boolean keep) {
    String id = team + "#" + user;
    if (keep) {
      tx.documents()
          .put(Document.saved(tx.documents().get(CONSENT, id), CONSENT, id, team, "{}", null));
    } else {
      tx.documents().delete(CONSENT, id);
    }
  }

  /** The best-graded answer of a revealed post: whose, and its grade. */
  record Best(String user, int score) {}

  static void saveBest(Tx tx, Post post, Best best) {
    String id = post.anchor() + "#" + best.user();
    tx.documents().put(Document.create(BEST, id, post.team(), Json.write(best), null));
  }

  static Optional<Best> best(Tx tx, String anchor) {
    return tx.documents().byPrefix(BEST, anchor + "#", 1).stream()
        .map(d -> Json.read(d.body(), Best.class))
        .findFirst();
  }
}
