package dev.sparring.feedback;

import dev.sparring.bank.Question;
import dev.sparring.core.Context;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person's practice history: one {@code history.entry} document per graded piece of practice (a
 * finished, stopped or expired interview, a drill answer, a daily answer at its reveal, a
 * competition answer), written in the transaction that graded it. Ids are {@code
 * TEAM#USER#<newest-first time>#<mode>#<ref>}, so a prefix read returns the latest first, and the
 * {@code #USER} segment puts them under {@code sparring erase}.
 */
public final class History {

  public static final String KIND = "history.entry";

  /** Entries kept per person; older ones are read past and pruned as new ones arrive. */
  public static final int KEEP = 200;

  private History() {}

  /** What kind of practice an entry records. */
  public enum Mode {
    INTERVIEW("Interview"),
    DRILL("Drill"),
    DAILY("Daily question"),
    COMPETE("Competition");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How the practice ended. */
  public enum Outcome {
    GRADED,
    COMPLETE,
    STOPPED,
    EXPIRED
  }

  /**
   * One entry. {@code score} is the grade out of 100 (the mean over the answered steps of an
   * interview, skips counting 0); {@code answered} of {@code steps} steps were answered; {@code
   * ref} names what it came from (the conversation id of an interview or drill, the channel of a
   * daily or competition answer).
   */
  public record Entry(
      Mode mode,
      String questionId,
      int score,
      int answered,
      int steps,
      Outcome outcome,
      String ref,
      Instant at) {
    public Entry {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(questionId, "questionId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(at, "at");
    }

    /** One graded answer to a single-step question (a drill, a daily or competition answer). */
    public static Entry single(Mode mode, Question q, int score, String ref, Instant at) {
      return new Entry(mode, q.id(), score, 1, 1, Outcome.GRADED, ref, at);
    }
  }

  private static String prefix(String team, String user) {
    return team + "#" + user + "#";
  }

  /** Records {@code entry} for {@code user} in {@code team}. */
  public static void record(Context ctx, String team, String user, Entry entry) {
    String id =
        prefix(team, user)
            + String.format("%019d", Long.MAX_VALUE - entry.at().toEpochMilli())
            + "#"
            + entry.mode().name().toLowerCase()
            + "#"
            + entry.ref();
    ctx.tx().documents().put(Document.create(KIND, id, team, Json.write(entry), null));
    // Pruning reads the whole kept history: do it on about one entry in sixteen, not every one.
    if (Math.floorMod(id.hashCode(), 16) == 0) {
      prune(ctx.tx(), team, user);
    }
  }

  /** The person's latest {@code n} entries, newest first. */
  public static List<Entry> latest(Tx tx, String team, String user, int n) {
    return tx.documents().byPrefix(KIND, prefix(team, user), n).stream()
        .map(d -> Json.read(d.body(), Entry.class))
        .toList();
  }

  /** Keeps the newest {@link #KEEP} entries: a long history stays cheap to read and to erase. */
  private static void prune(Tx tx, String team, String user) {
    List<Document> all = tx.documents().byPrefix(KIND, prefix(team, user), KEEP + 100);
    if (all.size() > KEEP) {
      for (Document old : all.subList(KEEP, all.size())) {
        tx.documents().delete(KIND, old.id());
      }
    }
  }
}
