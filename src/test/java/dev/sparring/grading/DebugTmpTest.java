package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.QuestionBank;
import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;

class DebugTmpTest {
  @Test
  void show() throws Exception {
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    StringBuilder out = new StringBuilder();
    for (String res : List.of("/eval/grading-eval-v2.yaml")) {
      for (var step : GradingMeasurementTest.load(bank, res)) {
        Set<String> vocab = new HashSet<>();
        for (KeyPoint kp : step.points()) {
          vocab.addAll(RubricGrader.contentStems(Text.of(kp.point())));
          for (String t : kp.terms()) vocab.addAll(RubricGrader.contentStems(Text.of(t)));
        }
        vocab.addAll(
            RubricGrader.contentStems(
                Text.of(step.asked().prompt() == null ? "" : step.asked().prompt())));
        for (var a : step.answers().values()) {
          Set<String> ans = RubricGrader.contentStems(Text.of(a.text()));
          long in = ans.stream().filter(vocab::contains).count();
          out.append(a.kind())
              .append(' ')
              .append(in)
              .append(' ')
              .append(ans.size())
              .append(' ')
              .append(String.format("%.2f", ans.isEmpty() ? 0 : (double) in / ans.size()))
              .append('\n');
        }
      }
    }
    java.nio.file.Files.writeString(Path.of("/tmp/share.txt"), out.toString());
  }
}
