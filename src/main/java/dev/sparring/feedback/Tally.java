package dev.sparring.feedback;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.chat.Ids;
import dev.sparring.core.Context;
import dev.sparring.core.Json;
import dev.sparring.grading.Contradiction;
import dev.sparring.grading.Grade;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How answers fare against each key point, for pack authors: every graded answer leaves one record
 * of which of its step's key points it covered, missed and contradicted. The record holds no text
 * and names no person (only the team, so each team's admins see their own), and it is written in
 * the transaction that grades, so a retried event records once.
 */
public final class Tally {

  /** The stored kind of one graded answer's outcome. */
  public static final String KIND = "grading.outcome";

  /** What one answer did to each key point of its step, by the points' positions. */
  public record Outcome(
      String question,
      int step,
      int points,
      List<Integer> covered,
      List<Integer> missed,
      List<Integer> contradicted) {}

  /** Counts for one key point. */
  public record PointStats(
      String question, int step, int index, int covered, int missed, int contradicted) {
    public int answers() {
      return covered + missed + contradicted;
    }
  }

  private Tally() {}

  /** Records how an answer to step {@code step} of {@code q} in {@code team} was graded. */
  public static void record(Context ctx, String team, Question q, int step, Grade g) {
    List<KeyPoint> points = q.step(step).keyPoints();
    List<Integer> contradicted = new ArrayList<>();
    for (Contradiction c : g.contradicted()) {
      int i = points.indexOf(c.point());
      if (i >= 0 && !contradicted.contains(i)) {
        contradicted.add(i);
      }
    }
    List<Integer> covered = indexes(points, g.covered(), contradicted);
    List<Integer> missed = indexes(points, g.missed(), contradicted);
    Outcome o = new Outcome(q.id(), step, points.size(), covered, missed, contradicted);
    String id = q.id() + "#" + step + "#" + Ids.random("", 16);
    ctx.tx().documents().insert(Document.create(KIND, id, team, Json.write(o), null));
  }

  private static List<Integer> indexes(
      List<KeyPoint> points, List<KeyPoint> some, List<Integer> except) {
    List<Integer> out = new ArrayList<>();
    for (KeyPoint k : some) {
      int i = points.indexOf(k);
      if (i >= 0 && !except.contains(i) && !out.contains(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Counts per key point over the outcomes of {@code team} (every team's when null), at most {@code
   * limit} outcomes read, keyed {@code question/step/index}.
   */
  public static Map<String, PointStats> stats(Tx tx, String team, int limit) {
    List<Document> docs =
        team == null
            ? tx.documents().byPrefix(KIND, "", limit)
            : tx.documents().byTeam(KIND, team, limit);
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Document d : docs) {
      Outcome o;
      try {
        o = Json.read(d.body(), Outcome.class);
      } catch (RuntimeException e) {
        continue; // a record this version cannot read counts for nothing
      }
      add(counts, o, o.covered(), 0);
      add(counts, o, o.missed(), 1);
      add(counts, o, o.contradicted(), 2);
    }
    Map<String, PointStats> out = new LinkedHashMap<>();
    counts.forEach(
        (key, c) -> {
          String[] p = key.split("/");
          out.put(
              key,
              new PointStats(
                  p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), c[0], c[1], c[2]));
        });
    return out;
  }

  private static void add(Map<String, int[]> counts, Outcome o, List<Integer> which, int slot) {
    if (which == null) {
      return;
    }
    for (int i : which) {
      counts.computeIfAbsent(o.question() + "/" + o.step() + "/" + i, k -> new int[3])[slot]++;
    }
  }
}
