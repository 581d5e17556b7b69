package dev.sparring.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLoaderTest {

  @TempDir Path root;

  private static final String GOOD =
      """
      questions:
        - id: q1
          level: beginner
          topics: [fundamentals]
          prompt: What is a queue?
          sources: [s0-b01]
          keyPoints:
            - {point: one, terms: [alpha, beta, gamma]}
            - {point: two, terms: [delta, epsilon, zeta]}
            - {point: three, terms: [eta, theta, iota]}
            - {point: four, terms: [kappa, lambda-x, mu]}
          followUps:
            - prompt: First?
              keyPoints:
                - {point: a, terms: [aa, ab, ac]}
                - {point: b, terms: [ba, bb, bc]}
            - prompt: Second?
              keyPoints:
                - {point: c, terms: [ca, cb, cc]}
                - {point: d, terms: [da, db, dc]}
      """;

  private Path write(String pack, String name, String text) throws Exception {
    Path dir = root.resolve(pack);
    Files.createDirectories(dir);
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private PackLoader.Result load() {
    return new PackLoader(Set.of("s0-b01")).load(List.of(root));
  }

  private List<String> problems() {
    return load().problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aGoodPackLoadsIntoAnImmutableBank() throws Exception {
    write("basics", "a.yaml", GOOD);
    PackLoader.Result r = load();
    assertThat(r.problems()).isEmpty();
    Question q = r.bank().get("q1").orElseThrow();
    assertThat(q.pack()).isEqualTo("basics");
    assertThat(q.level()).isEqualTo(Level.BEGINNER);
    assertThat(q.stepCount()).isEqualTo(3);
    assertThat(q.step(2).prompt()).isEqualTo("Second?");
    assertThat(r.bank().select("basics", Level.BEGINNER, "fundamentals")).containsExactly(q);
    assertThat(r.bank().packs()).containsExactly("basics");
  }

  @Test
  void theDemoTestPackIsValid() {
    assertThat(TestPacks.demo().size()).isEqualTo(2);
  }

  @Test
  void duplicateIdsAcrossFilesPointAtBothPlaces() throws Exception {
    Path a = write("basics", "a.yaml", GOOD);
    write("basics", "b.yaml", GOOD);
    assertThat(problems())
        .singleElement()
        .asString()
        .matches(".*b\\.yaml:2:5: duplicate id 'q1' \\(first defined at .*a\\.yaml:2\\)");
    assertThat(load().bank().size()).isEqualTo(1);
    assertThat(a).exists();
  }

  @Test
  void schemaProblemsAreReportedWithFileLineAndColumn() throws Exception {
    String broken =
        GOOD.replace("level: beginner", "level: expert")
            .replace("prompt: What is a queue?", "prompt: ''")
            .replace("sources: [s0-b01]", "sources: [s9-zz]")
            .replace("    - prompt: Second?\n", "    - prompt:\n");
    write("basics", "a.yaml", broken);
    List<String> p = problems();
    assertThat(p)
        .anySatisfy(
            s ->
                assertThat(s)
                    .endsWith(
                        "a.yaml:3:12: unknown level 'expert' (use beginner, intermediate, advanced or senior)"))
        .anySatisfy(s -> assertThat(s).contains("a.yaml:5:13: 'prompt' is empty"))
        .anySatisfy(s -> assertThat(s).contains("a.yaml:6:15: unknown source id 's9-zz'"))
        .anySatisfy(s -> assertThat(s).contains("'prompt'"));
    assertThat(load().bank().size()).isZero();
  }

  @Test
  void tooFewKeyPointsOrFollowUpsForTheLevel() throws Exception {
    write("basics", "a.yaml", GOOD.replace("level: beginner", "level: senior"));
    assertThat(problems())
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("too few key points: 4 (a senior question needs at least 6)"))
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("too few follow-ups: 2 (a senior question needs at least 3)"));
  }

  @Test
  void aliasBombsAreRefusedBeforeExpansion() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    write("basics", "bomb.yaml", bomb + "questions: []\n");
    assertThat(problems())
        .singleElement()
        .asString()
        .contains("bomb.yaml:2:")
        .contains("YAML aliases (*a) are not allowed");
  }

  @Test
  void oversizedNonUtf8AndSyntaxBrokenFilesAreReportedNotFatal() throws Exception {
    write("basics", "big.yaml", "# " + "x".repeat((int) PackLoader.MAX_FILE_BYTES) + "\n");
    Path latin = root.resolve("basics").resolve("latin.yaml");
    Files.write(latin, new byte[] {'q', ':', ' ', (byte) 0xE9, '\n'});
    write("basics", "syntax.yaml", "questions:\n  - id: [unclosed\n");
    write("basics", "good.yaml", GOOD);
    List<String> p = problems();
    assertThat(p)
        .anySatisfy(s -> assertThat(s).contains("big.yaml:1:1: file is ").contains("at most 1 MiB"))
        .anySatisfy(s -> assertThat(s).contains("latin.yaml:1:1: file is not valid UTF-8"))
        .anySatisfy(s -> assertThat(s).contains("syntax.yaml:").contains("YAML syntax"));
    assertThat(load().bank().get("q1")).isPresent();
  }

  @Test
  void unknownKeysAreSpelledOut() throws Exception {
    write("basics", "a.yaml", GOOD.replace("    topics:", "    topcs: [x]\n    topics:"));
    assertThat(problems()).anySatisfy(s -> assertThat(s).contains("topcs"));
  }

  @Test
  void aFigureCarriesItsReferenceAndTheDayItWasChecked() throws Exception {
    write(
        "basics",
        "a.yaml",
        GOOD.replace(
                "- {point: one, terms: [alpha, beta, gamma]}",
                "- {point: Payloads up to 6 MB, terms: [alpha, beta, gamma],"
                    + " ref: 'https://docs.aws.amazon.com/lambda/limits.html', asOf: 2025-01-15}")
            .replace(
                "- {point: two, terms: [delta, epsilon, zeta]}",
                "- {point: Runs at most 15 minutes, terms: [delta, epsilon, zeta]}"));
    PackLoader.Result r = load();
    assertThat(r.problems()).isEmpty();
    KeyPoint sourced = r.bank().get("q1").orElseThrow().keyPoints().get(0);
    assertThat(sourced.ref()).isEqualTo("https://docs.aws.amazon.com/lambda/limits.html");
    assertThat(sourced.asOf()).isEqualTo(java.time.LocalDate.of(2025, 1, 15));
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("a.yaml:")
        .contains("Runs at most 15 minutes")
        .contains("without 'ref' and 'asOf'");
    assertThat(
            Sourcing.stale(
                r.bank(), java.time.Period.ofMonths(12), java.time.LocalDate.of(2026, 11, 30)))
        .extracting(s -> s.point().point())
        .containsExactly("Payloads up to 6 MB");
    assertThat(
            Sourcing.stale(
                r.bank(), java.time.Period.ofMonths(24), java.time.LocalDate.of(2026, 11, 30)))
        .isEmpty();
  }

  @Test
  void aReferenceMustBeAnHttpsPageWithADay() throws Exception {
    write(
        "basics",
        "a.yaml",
        GOOD.replace(
                "- {point: one, terms: [alpha, beta, gamma]}",
                "- {point: one, terms: [alpha, beta, gamma], ref: 'http://example.com/x'}")
            .replace(
                "- {point: two, terms: [delta, epsilon, zeta]}",
                "- {point: two, terms: [delta, epsilon, zeta], ref: 'https://example.com/y'}")
            .replace(
                "- {point: three, terms: [eta, theta, iota]}",
                "- {point: three, terms: [eta, theta, iota], asOf: 2026-13-01}"));
    assertThat(problems())
        .anySatisfy(p -> assertThat(p).contains("'ref' must be an https:// URL"))
        .anySatisfy(p -> assertThat(p).contains("'ref' needs 'asOf'"))
        .anySatisfy(p -> assertThat(p).contains("'asOf' needs 'ref'"))
        .anySatisfy(p -> assertThat(p).contains("'asOf' must be a date like 2026-11-30"))
        .allSatisfy(p -> assertThat(p).matches(".*a\\.yaml:\\d+:\\d+: .*"));
    assertThat(load().bank().size()).isZero();
  }

  @Test
  void aDraftWithTodoPlaceholdersIsNeverServed() throws Exception {
    write(
        "basics", "a.yaml", GOOD.replace("prompt: First?", "prompt: 'TODO: follow-up question 1'"));
    PackLoader.Result r = load();
    assertThat(r.problems()).isEmpty();
    assertThat(r.bank().size()).isZero();
    assertThat(r.drafts()).singleElement().asString().contains("TODO placeholder");
    assertThat(new PackLoader(Set.of("s0-b01")).keepingDrafts().load(List.of(root)).bank().size())
        .isEqualTo(1);
  }
}
