package dev.sparring.bench;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import dev.sparring.grading.RubricGrader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparring bench ...}: throughput figures measured on this machine. */
@Command(
    name = "bench",
    description = "Measure performance on this machine.",
    subcommands = {
      BenchCommand.Grader.class,
      BenchEngine.class,
      BenchLeaderboard.class,
      BenchFanout.class,
      BenchNudges.class,
      BenchSlack.class,
      BenchStartup.class,
      CommandLine.HelpCommand.class
    })
public final class BenchCommand {

  private BenchCommand() {}

  /**
   * Grades realistic answers on one thread and reports answers per second and the time per answer
   * (p50, p99, max), with the grader the config selects (terms, and meaning with {@code
   * grading.meaning}).
   */
  @Command(
      name = "grader",
      description = "Grading speed on one thread: answers per second and p50/p99 per answer.")
  static final class Grader implements Callable<Integer> {
    @Mixin Startup startup = new Startup();
    @Mixin BenchSupport.Output output = new BenchSupport.Output();

    @Option(names = "--seconds", description = "Measured run length (default ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(
        names = "--warmup",
        description = "Warm-up length in seconds (default ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(
        names = "--terms-only",
        description = "Grade by terms alone, even when grading.meaning is true.")
    boolean termsOnly;

    @Override
    public Integer call() {
      Startup.quietLogs();
      var config = startup.loadConfig();
      QuestionBank bank = Sparring.loadBank(config.bankPaths());
      List<Step> steps = new ArrayList<>();
      bank.questions().forEach(q -> steps.addAll(q.steps()));
      if (steps.isEmpty()) {
        System.err.println("sparring bench: no questions loaded");
        return 1;
      }
      // Each step is graded with an answer to it: an answer to another question is off its topic,
      // and the grader takes a shortcut there that real answers do not.
      List<String> answers = answersPerStep(steps, new Random(7));
      boolean meaning = config.gradeByMeaning() && !termsOnly;
      long loadStart = System.nanoTime();
      RubricGrader grader =
          meaning
              ? Sparring.offlineGrader(config, bank)
              : new RubricGrader(
                  dev.sparring.grading.Meaning.NONE, dev.sparring.grading.Falsehoods.of(bank));
      if (meaning) {
        Sparring.awaitMeaning(config);
      }
      long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
      // Warm up: every rubric once (its key points are embedded once per process), then a while.
      for (int i = 0; i < steps.size(); i++) {
        grader.grade(answers.get(i % answers.size()), steps.get(i));
      }
      run(grader, steps, answers, warmup * 1_000_000_000L, null);
      long[] times = new long[1 << 20];
      long start = System.nanoTime();
      int graded = (int) run(grader, steps, answers, seconds * 1_000_000_000L, times);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] sorted = java.util.Arrays.copyOf(times, Math.min(graded, times.length));
      java.util.Arrays.sort(sorted);
      double avgChars = answers.stream().mapToInt(String::length).average().orElse(0);
      java.util.Map<String, Object> f = BenchSupport.figures("grader");
      f.put("grading", meaning ? "terms and meaning" : "terms");
      f.put("answersPerSec", Math.round(graded / elapsed));
      f.put("p50Millis", millis(sorted, 0.50));
      f.put("p99Millis", millis(sorted, 0.99));
      f.put("maxMillis", millis(sorted, 1.0));
      if (meaning) {
        f.put("modelLoadMillis", loadMillis);
      }
      f.put("threads", 1);
      f.put("rubrics", steps.size());
      f.put("averageAnswerChars", Math.round(avgChars));
      output.print(f);
      return 0;
    }

    private static double millis(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
      return Math.round(sorted[Math.max(0, i)] / 10_000.0) / 100.0;
    }

    private static long run(
        RubricGrader g, List<Step> steps, List<String> answers, long nanos, long[] times) {
      long n = 0;
      long deadline = System.nanoTime() + nanos;
      int sink = 0;
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < 16; i++, n++) {
          Step s = steps.get((int) (n % steps.size()));
          long t0 = System.nanoTime();
          sink += g.grade(answers.get((int) (n % answers.size())), s).score();
          if (times != null && n < times.length) {
            times[(int) n] = System.nanoTime() - t0;
          }
        }
      }
      if (sink == 42) {
        System.out.print("");
      }
      return n;
    }

    /** Answers built from the bank's own key points, padded with connecting prose. */
    /** One answer per step, made of about two thirds of its own key points, as {@link #answers}. */
    static List<String> answersPerStep(List<Step> steps, Random random) {
      return steps.stream().map(s -> answer(s.keyPoints(), random)).toList();
    }

    static List<String> answers(List<Question> questions, Random random) {
      List<String> out = new ArrayList<>();
      for (Question q : questions) {
        out.add(answer(q.keyPoints(), random));
      }
      return out;
    }

    private static String answer(List<KeyPoint> keyPoints, Random random) {
      String[] filler = {
        "because", "so that", "which means", "and then", "in practice", "for example", "while"
      };
      StringBuilder b = new StringBuilder();
      for (KeyPoint k : keyPoints) {
        if (random.nextInt(3) > 0) {
          b.append(k.point())
              .append(' ')
              .append(filler[random.nextInt(filler.length)])
              .append(' ')
              .append(k.terms().get(random.nextInt(k.terms().size())))
              .append(". ");
        }
      }
      return b.toString();
    }
  }
}
