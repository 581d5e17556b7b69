package dev.sparring.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packs shipped in {@code prompts/} are valid and cover every seed item. */
class ShippedPackTest {

  private static final Path PROMPTS = Path.of("prompts");
  private static final Path SOURCES = PROMPTS.resolve("serverless").resolve("sources.tsv");
  private static final Path SEED_INDEX = Path.of("..", "shared", "seeds", "index.tsv");
  private static final Set<String> COVERED_KINDS =
      Set.of("question", "scenario", "behavioral", "topic");
  private static final Pattern SEED_FOLLOW_UP = Pattern.compile("(s1-q\\d\\d)-f(\\d)");

  private static PackLoader.Result result;
  private static QuestionBank bank;

  @BeforeAll
  static void load() {
    result = new PackLoader().load(List.of(PROMPTS));
    bank = result.bank();
  }

  /** id → kind, from a TSV whose first columns are id, seed, kind. */
  private static Map<String, String> kinds(Path tsv) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      String[] cols = line.split("\t");
      out.put(cols[0], cols[2]);
    }
    return out;
  }

  @Test
  void validatesWithoutProblems() {
    assertThat(result.problems()).isEmpty();
    assertThat(bank.packs()).contains("serverless");
  }

  @Test
  void everySeedItemIsCoveredBySomeQuestion() throws IOException {
    Set<String> cited =
        bank.questions().stream().flatMap(q -> q.sources().stream()).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    kinds(SOURCES)
        .forEach(
            (id, kind) -> {
              if (COVERED_KINDS.contains(kind) && !cited.contains(id)) {
                missing.add(id);
              }
            });
    assertThat(missing).as("seed items no question cites").isEmpty();
  }

  @Test
  void seedFollowUpsComeFirstInTheSeedsOrder() throws IOException {
    Map<String, String> kinds = kinds(SOURCES);
    for (String id : kinds.keySet()) {
      Matcher m = SEED_FOLLOW_UP.matcher(id);
      if (!m.matches()) {
        continue;
      }
      String parent = m.group(1);
      int k = Integer.parseInt(m.group(2));
      List<Question> owners =
          bank.questions().stream().filter(q -> q.sources().contains(parent)).toList();
      assertThat(owners).as("questions citing %s", parent).isNotEmpty();
      for (Question q : owners) {
        assertThat(q.followUps().size()).as("%s follow-ups", q.id()).isGreaterThanOrEqualTo(k);
        assertThat(q.followUps().get(k - 1).sources())
            .as("%s follow-up %d", q.id(), k)
            .contains(id);
      }
    }
  }

  @Test
  void levelsAndMinimumsHold() {
    for (Question q : bank.questions()) {
      assertThat(q.keyPoints().size()).as(q.id()).isGreaterThanOrEqualTo(q.level().minKeyPoints());
      assertThat(q.followUps().size()).as(q.id()).isGreaterThanOrEqualTo(q.level().minFollowUps());
      assertThat(q.topics()).as(q.id()).isNotEmpty();
      q.followUps()
          .forEach(f -> assertThat(f.keyPoints().size()).as(q.id()).isGreaterThanOrEqualTo(2));
      if (q.sources().stream().anyMatch(s -> s.matches("s1-q\\d\\d"))) {
        assertThat(q.level()).as(q.id()).isEqualTo(Level.SENIOR);
      }
    }
    assertThat(bank.select("serverless", Level.SENIOR, null).size()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void theSourceListMatchesTheSeedIndexWhenItIsPresent() throws IOException {
    assumeTrue(Files.isRegularFile(SEED_INDEX), "../shared/seeds/index.tsv is not here");
    assertThat(kinds(SOURCES)).isEqualTo(kinds(SEED_INDEX));
  }
}
