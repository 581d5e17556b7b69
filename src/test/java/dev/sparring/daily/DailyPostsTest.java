package dev.sparring.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which question a channel gets next: unused ones first, in a stable per-channel order. */
class DailyPostsTest {

  private static final List<Question> QUESTIONS =
      IntStream.range(0, 12)
          .mapToObj(
              i -> new Question("q" + i, "p", Level.BEGINNER, null, "?", null, null, null, null))
          .toList();

  @Test
  void aRoundGoesThroughEveryQuestionOnceThenStartsAgainInTheSameOrder() {
    List<String> used = new ArrayList<>();
    List<String> round = new ArrayList<>();
    for (int i = 0; i < QUESTIONS.size(); i++) {
      String id = DailyPosts.pick(QUESTIONS, used, "console:C1").id();
      round.add(id);
      used.add(id);
    }
    assertThat(round).doesNotHaveDuplicates().hasSize(QUESTIONS.size());
    assertThat(DailyPosts.pick(QUESTIONS, used, "console:C1").id()).isEqualTo(round.get(0));
  }

  @Test
  void thePickDoesNotDependOnTheCandidatesOrderButOnTheChannel() {
    List<Question> shuffled = new ArrayList<>(QUESTIONS);
    Collections.shuffle(shuffled, new Random(7));
    List<String> used = List.of("q3", "q5");
    assertThat(DailyPosts.pick(shuffled, used, "console:C1"))
        .isEqualTo(DailyPosts.pick(QUESTIONS, used, "console:C1"));
    Set<String> firsts = new HashSet<>();
    for (int c = 0; c < 20; c++) {
      firsts.add(DailyPosts.pick(QUESTIONS, List.of(), "console:C" + c).id());
    }
    assertThat(firsts).hasSizeGreaterThan(1);
  }
}
