package dev.sparring.app;

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
      BenchSlack.class,
      BenchStartup.class,
      CommandLine.HelpCommand.class
    })
final class BenchCommand {

  /** Grades realistic answers on one thread and reports answers per second. */
  @Command(name = "grader", description = "Grading throughput on one core (answers per second).")
  static final class Grader implements Callable<Integer> {
    @Mixin Main.Startup startup = new Main.Startup();
    @Mixin BenchSupport.Output output = new BenchSupport.Output();

    @Option(names = "--seconds", description = "Measured run length (default ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(
        names = "--warmup",
        description = "Warm-up length in seconds (default ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Override
    public Integer call() {
      Main.quietLogs();
      QuestionBank bank = Sparring.loadBank(startup.loadConfig().bankPaths());
      List<Step> steps = new ArrayList<>();
      bank.questions().forEach(q -> steps.addAll(q.steps()));
      if (steps.isEmpty()) {
        System.err.println("sparring bench: no questions loaded");
        return 1;
      }
      List<String> answers = answers(bank.questions(), new Random(7));
      RubricGrader grader = new RubricGrader();
      run(grader, steps, answers, warmup * 1_000_000_000L);
      long start = System.nanoTime();
      long graded = run(grader, steps, answers, seconds * 1_000_000_000L);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double avgChars = answers.stream().mapToInt(String::length).average().orElse(0);
      java.util.Map<String, Object> f = BenchSupport.figures("grader");
      f.put("answersPerSec", Math.round(graded / elapsed));
      f.put("threads", 1);
      f.put("rubrics", steps.size());
      f.put("averageAnswerChars", Math.round(avgChars));
      output.print(f);
      return 0;
    }

    private static long run(RubricGrader g, List<Step> steps, List<String> answers, long nanos) {
      long n = 0;
      long deadline = System.nanoTime() + nanos;
      int sink = 0;
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < 256; i++, n++) {
          Step s = steps.get((int) (n % steps.size()));
          sink += g.grade(answers.get((int) (n % answers.size())), s.keyPoints()).score();
        }
      }
      if (sink == 42) {
        System.out.print("");
      }
      return n;
    }

    /** Answers built from the bank's own key points, padded with connecting prose. */
    static List<String> answers(List<Question> questions, Random random) {
      String[] filler = {
        "because", "so that", "which means", "and then", "in practice", "for example", "while"
      };
      List<String> out = new ArrayList<>();
      for (Question q : questions) {
        StringBuilder b = new StringBuilder();
        for (KeyPoint k : q.keyPoints()) {
          if (random.nextInt(3) > 0) {
            b.append(k.point())
                .append(' ')
                .append(filler[random.nextInt(filler.length)])
                .append(' ')
                .append(k.terms().get(random.nextInt(k.terms().size())))
                .append(". ");
          }
        }
        out.add(b.toString());
      }
      return out;
    }
  }
}
