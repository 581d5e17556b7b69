package dev.sparring.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import dev.sparring.chat.Inline;
import dev.sparring.config.SparringConfig;
import dev.sparring.grading.Contradiction;
import dev.sparring.grading.Grade;
import dev.sparring.grading.judge.JudgedGrader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparring grade}: one answer ({@code --question ID}), or JSON Lines on stdin ({@code
 * --json} without {@code --question}), one result line per input line, in input order.
 */
@Command(
    name = "grade",
    description = {
      "Grade an answer against a question's key points.",
      "Batch: `sparring grade --json` reads {\"question\": ID, \"answer\": TEXT[, \"step\": N]}"
          + " lines on stdin and prints one {\"question\",\"score\",\"covered\",\"missed\"}"
          + " line each (and \"contradicted\": [{\"point\",\"said\"}] when the answer"
          + " contradicts a key point).",
      "With grading.judge.enabled, each answer waits for the LLM judge (up to its timeout) and"
          + " keeps the offline grade if it fails; --no-judge grades offline."
    })
public final class GradeCommand implements Callable<Integer> {

  /** Longest answer graded; longer ones are cut, as in interviews. */
  static final int MAX_ANSWER_CHARS = 20_000;

  @Mixin Startup startup = new Startup();

  @Option(names = "--question", paramLabel = "ID", description = "Question id.")
  String question;

  @Option(
      names = "--step",
      paramLabel = "N",
      description = "0 = the question (default), 1.. = its follow-ups.")
  int step;

  @Option(
      names = "--answer-file",
      paramLabel = "FILE",
      description = "Read the answer from FILE (default: stdin).")
  Path answerFile;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(
      names = "--no-judge",
      description = "Grade offline even when grading.judge.enabled is true.")
  boolean noJudge;

  private final ObjectMapper mapper = new ObjectMapper();

  /** The offline grader, or the LLM judge waited for (up to its timeout) when it is on. */
  private BiFunction<String, Step, Grade> grader;

  @Override
  public Integer call() throws IOException {
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    Sparring.awaitMeaning(config);
    QuestionBank bank = Sparring.loadBank(config.bankPaths());
    if (config.judge().enabled() && !noJudge) {
      try (JudgedGrader judge =
          (JudgedGrader) Sparring.grader(config, bank, System.getenv(), Clock.systemUTC(), null)) {
        grader = judge::gradeNow;
        return run(bank);
      }
    }
    grader = Sparring.offlineGrader(config, bank)::grade;
    return run(bank);
  }

  private int run(QuestionBank bank) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (question == null) {
      if (!json) {
        System.err.println("sparring grade: give --question ID, or --json for JSON Lines on stdin");
        return 2;
      }
      return batch(bank, out);
    }
    Question q = bank.get(question).orElse(null);
    if (q == null) {
      System.err.println("sparring grade: no question '" + question + "' (see `sparring packs`)");
      return 1;
    }
    if (step < 0 || step >= q.stepCount()) {
      System.err.println(
          "sparring grade: --step must be 0.." + (q.stepCount() - 1) + " for " + q.id());
      return 2;
    }
    String answer =
        answerFile != null
            ? Files.readString(answerFile, StandardCharsets.UTF_8)
            : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    Step s = q.step(step);
    Grade g = grader.apply(clip(answer), s);
    if (json) {
      ObjectNode n = result(q.id(), g);
      n.put("step", step);
      n.put("feedback", g.feedback());
      if (!n.has("contradicted")) {
        n.putArray("contradicted");
      }
      out.println(mapper.writeValueAsString(n));
    } else {
      out.println(q.id() + (step == 0 ? "" : " follow-up " + step) + ": " + g.score() + "/100");
      g.covered().forEach(k -> out.println("  \u2713 " + k.point()));
      // A contradicted point shows what the answer said against it: "You said “…”; in fact: …".
      g.missed().forEach(k -> out.println("  \u2717 " + Inline.plain(g.missedLine(k))));
      out.println(g.feedback());
    }
    return 0;
  }

  private int batch(QuestionBank bank, PrintStream out) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int errors = 0;
    int lineNo = 0;
    for (String line; (line = in.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      ObjectNode n;
      try {
        n = gradeLine(bank, line);
      } catch (IllegalArgumentException e) {
        n = mapper.createObjectNode();
        n.put("line", lineNo);
        n.put("error", e.getMessage());
        errors++;
      }
      out.println(mapper.writeValueAsString(n));
    }
    if (errors > 0) {
      System.err.println(errors + " line(s) could not be graded.");
    }
    return errors > 0 ? 1 : 0;
  }

  private ObjectNode gradeLine(QuestionBank bank, String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode id = node.get("question");
    JsonNode answer = node.get("answer");
    if (id == null || !id.isTextual()) {
      throw new IllegalArgumentException("missing \"question\" (a question id)");
    }
    if (answer == null || !answer.isTextual()) {
      throw new IllegalArgumentException("missing \"answer\" (text)");
    }
    Question q =
        bank.get(id.asText())
            .orElseThrow(() -> new IllegalArgumentException("no question '" + id.asText() + "'"));
    int s = node.has("step") ? node.get("step").asInt(-1) : 0;
    if (s < 0 || s >= q.stepCount()) {
      throw new IllegalArgumentException("\"step\" must be 0.." + (q.stepCount() - 1));
    }
    return result(q.id(), grader.apply(clip(answer.asText()), q.step(s)));
  }

  private ObjectNode result(String id, Grade g) {
    ObjectNode n = mapper.createObjectNode();
    n.put("question", id);
    n.put("score", g.score());
    points(n.putArray("covered"), g.covered());
    points(n.putArray("missed"), g.missed());
    if (!g.contradicted().isEmpty()) {
      ArrayNode a = n.putArray("contradicted");
      for (Contradiction c : g.contradicted()) {
        ObjectNode o = a.addObject();
        o.put("point", c.point().point());
        o.put("said", c.said());
      }
    }
    return n;
  }

  private static void points(ArrayNode a, List<KeyPoint> points) {
    points.forEach(k -> a.add(k.point()));
  }

  private static String clip(String answer) {
    return answer.length() <= MAX_ANSWER_CHARS ? answer : answer.substring(0, MAX_ANSWER_CHARS);
  }
}
