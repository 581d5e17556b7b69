package dev.sparring.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcingTest {

  // The rule as plain regexes: statesAFigure only skips running them when they cannot match.
  private static boolean byRegex(String point) {
    return Sourcing.FIGURE.matcher(point).find() || Sourcing.CLAIM_WORDS.matcher(point).find();
  }

  @Test
  void decidesAsTheRegexesDoOnEveryShippedPointAndOnEdgeCases() {
    List<String> points = new ArrayList<>();
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    for (Question q : bank.questions()) {
      for (int s = 0; s < q.stepCount(); s++) {
        q.step(s).keyPoints().forEach(k -> points.add(k.point()));
      }
    }
    assertThat(points).hasSizeGreaterThan(1_000);
    points.addAll(
        List.of(
            "Lambda is PRICED per request",
            "It is Billed by the millisecond",
            "Per GB-second of memory",
            "the FREE TIER covers it",
            "service quotas apply",
            "a quota-free design",
            "Generally Available since spring",
            "generally, it works",
            "still In Preview",
            "Deprecated runtimes",
            "End Of Support dates",
            "MAINTENANCE MODE",
            "unpriced",
            "reprice the quotasx",
            "S3 and EC2 are names, not figures",
            "up to 15 minutes",
            "10GB of memory",
            "v2 of the API",
            "İn previewİ",
            ""));
    long figures = 0;
    for (String p : points) {
      assertThat(Sourcing.statesAFigure(p)).as(p).isEqualTo(byRegex(p));
      figures += byRegex(p) ? 1 : 0;
    }
    assertThat(figures).isPositive().isLessThan(points.size());
  }
}
