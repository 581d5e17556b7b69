package dev.sparring.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import dev.sparring.feedback.PackReport;
import dev.sparring.feedback.Tally;
import dev.sparring.store.Dispute;
import dev.sparring.store.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparring packs report [--json]}: for pack authors, how answers fare against each key point
 * (covered, missed, contradicted; see {@link PackReport}) and which key points people dispute, with
 * how many disputes and the latest reasons (every team's).
 */
@Command(
    name = "report",
    description =
        "Disputed grades per question and key point: how many, and the latest reasons, so pack"
            + " authors see which key points people contest.")
public final class PacksReportCommand implements Callable<Integer> {

  /** Disputes read at most; the report says when there were more. */
  static final int MAX_READ = 100_000;

  /** Key points listed per section of the outcome report. */
  static final int KEY_POINTS_SHOWN = 15;

  /** Reasons shown per key point, newest first. */
  static final int REASONS = 3;

  /** The longest reason quoted. */
  static final int MAX_REASON = 200;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Mixin Startup startup = new Startup();

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  /** The disputes of one key point (or of the score overall: point 0) of one step. */
  record Point(String question, int step, int point, String keyPoint, List<Dispute> disputes) {}

  @Override
  public Integer call() throws Exception {
    Startup.quietLogs();
    List<Dispute> all;
    Map<String, Tally.PointStats> stats;
    var config = startup.loadConfig();
    QuestionBank bank = Sparring.loadBank(config.bankPaths());
    try (Store store = Sparring.openStore(config, startup.data)) {
      all = store.transact(tx -> tx.disputes().all(MAX_READ));
      stats = store.transact(tx -> Tally.stats(tx, null, PackReport.MAX_READ));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, List<Point>> report = group(all);
    if (json) {
      ObjectNode root = toJson(report, all.size());
      ArrayNode points = root.putArray("keyPoints");
      for (PackReport.Row r : PackReport.rows(bank, stats, all)) {
        ObjectNode n = points.addObject();
        n.put("question", r.question().id());
        n.put("step", r.step());
        n.put("point", r.index() + 1);
        n.put("keyPoint", r.point().point());
        n.put("covered", r.stats().covered());
        n.put("missed", r.stats().missed());
        n.put("contradicted", r.stats().contradicted());
        n.put("disputes", r.disputes());
      }
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
      return 0;
    }
    out.println("How answers fare against the key points, every team's:");
    PackReport.lines(bank, stats, all, KEY_POINTS_SHOWN).forEach(l -> out.println(Inline.plain(l)));
    out.println();
    if (all.isEmpty()) {
      out.println("No disputes yet.");
      return 0;
    }
    out.println(
        all.size()
            + (all.size() == 1 ? " dispute" : " disputes")
            + (all.size() >= MAX_READ ? " (the newest " + MAX_READ + ")" : "")
            + " on "
            + report.size()
            + (report.size() == 1 ? " question" : " questions")
            + ", most disputed first:");
    report.forEach(
        (question, points) -> {
          int n = points.stream().mapToInt(p -> p.disputes().size()).sum();
          out.println();
          out.println(question + " (" + count(n) + ")");
          for (Point p : points) {
            out.println(
                "  "
                    + (p.step() == 0 ? "question" : "follow-up " + p.step())
                    + ", "
                    + (p.point() == 0
                        ? "the score overall"
                        : "key point " + p.point() + ": " + shown(p.keyPoint(), 10_000))
                    + " ("
                    + count(p.disputes().size())
                    + ")");
            for (Dispute d : reasons(p)) {
              out.println(
                  "    "
                      + DAY.format(d.at())
                      + "  \u201c"
                      + shown(d.reason(), MAX_REASON)
                      + "\u201d");
            }
          }
        });
    return 0;
  }

  private static String count(int n) {
    return n + (n == 1 ? " dispute" : " disputes");
  }

  /** Text from a person on one terminal line: controls and disguises removed, clipped. */
  static String shown(String text, int max) {
    return Texts.clip(Inline.clean(text).replaceAll("\\s+", " ").strip(), max);
  }

  /** The latest disputes of a point that give a reason. */
  private static List<Dispute> reasons(Point p) {
    return p.disputes().stream().filter(d -> !d.reason().isBlank()).limit(REASONS).toList();
  }

  /** Question id to its disputed points (step, then point order); most disputed questions first. */
  static Map<String, List<Point>> group(List<Dispute> all) {
    Map<String, TreeMap<String, List<Dispute>>> byQuestion = new TreeMap<>();
    for (Dispute d : all) {
      String key = String.format(Locale.ROOT, "%06d/%06d", d.step(), d.pointNo());
      byQuestion
          .computeIfAbsent(d.questionId(), q -> new TreeMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(d); // all() is newest first, so each list is too
    }
    List<Map.Entry<String, List<Point>>> entries = new ArrayList<>();
    byQuestion.forEach(
        (q, points) -> {
          List<Point> list = new ArrayList<>();
          points
              .values()
              .forEach(
                  ds -> {
                    Dispute first = ds.get(0);
                    list.add(new Point(q, first.step(), first.pointNo(), first.keyPoint(), ds));
                  });
          entries.add(Map.entry(q, list));
        });
    entries.sort(
        Comparator.comparingInt(
                (Map.Entry<String, List<Point>> e) ->
                    -e.getValue().stream().mapToInt(p -> p.disputes().size()).sum())
            .thenComparing(Map.Entry::getKey));
    Map<String, List<Point>> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static ObjectNode toJson(Map<String, List<Point>> report, int total) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("disputes", total);
    ArrayNode questions = root.putArray("questions");
    report.forEach(
        (question, points) -> {
          ObjectNode q = questions.addObject();
          q.put("question", question);
          q.put("disputes", points.stream().mapToInt(p -> p.disputes().size()).sum());
          ArrayNode ps = q.putArray("points");
          for (Point p : points) {
            ObjectNode n = ps.addObject();
            n.put("step", p.step());
            n.put("point", p.point());
            n.put("keyPoint", p.keyPoint());
            n.put("disputes", p.disputes().size());
            ArrayNode reasons = n.putArray("latestReasons");
            for (Dispute d : reasons(p)) {
              ObjectNode r = reasons.addObject();
              r.put("at", d.at().toString());
              r.put("reason", Inline.clean(d.reason()));
            }
          }
        });
    return root;
  }
}
