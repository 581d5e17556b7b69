package dev.sparring.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackImporterTest {

  @TempDir Path root;

  private PackLoader.Result validate(String yaml) throws Exception {
    Path pack = root.resolve("imported");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("questions.yaml"), yaml, StandardCharsets.UTF_8);
    PackLoader.Result served = new PackLoader().load(List.of(root));
    assertThat(served.bank().size()).as("drafts are never served").isZero();
    assertThat(served.drafts()).isNotEmpty();
    return new PackLoader().keepingDrafts().load(List.of(root));
  }

  @Test
  void csvWithQuotingBecomesASkeletonThatValidates() throws Exception {
    String csv =
        "prompt,level,topics,followups,hint\n"
            + "\"What is a cold start, and when does it happen?\",beginner,cold-starts,"
            + "\"How would you measure it?|What does provisioned concurrency change?\",Think init\n"
            + "\"Design a \"\"fan-out\"\" pipeline\nfor 10k events/s\",senior,architecture|messaging,,\n"
            + ",,,,\n";
    PackImporter.Result r = new PackImporter().csv(csv);
    assertThat(r.problems()).isEmpty();
    assertThat(r.drafts()).hasSize(2);
    PackImporter.Draft second = r.drafts().get(1);
    assertThat(second.prompt()).isEqualTo("Design a \"fan-out\" pipeline\nfor 10k events/s");
    assertThat(second.topics()).containsExactly("architecture", "messaging");
    assertThat(second.id()).isEqualTo("design-a-fan-out-pipeline-for");

    PackLoader.Result loaded = validate(PackWriter.skeleton(r.drafts()));
    assertThat(loaded.problems()).isEmpty();
    Question cold = loaded.bank().get("what-is-a-cold-start-and").orElseThrow();
    assertThat(cold.followUps())
        .extracting(FollowUp::prompt)
        .containsExactly("How would you measure it?", "What does provisioned concurrency change?");
    assertThat(cold.hint()).isEqualTo("Think init");
    Question design = loaded.bank().get("design-a-fan-out-pipeline-for").orElseThrow();
    assertThat(design.keyPoints()).hasSize(6);
    assertThat(design.followUps()).hasSize(3);
  }

  @Test
  void csvProblemsAreReportedPerRow() {
    PackImporter.Result r =
        new PackImporter().csv("prompt,level,colour\nok?,expert,red\n,beginner,\nfine?,,\n\"open");
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p).contains("unknown column 'colour'"))
        .anySatisfy(p -> assertThat(p).contains("row 2: unknown level 'expert'"))
        .anySatisfy(p -> assertThat(p).contains("row 3: empty prompt"))
        .anySatisfy(p -> assertThat(p).contains("quoted field is not closed"));
    assertThat(r.drafts()).extracting(PackImporter.Draft::prompt).contains("fine?");
    assertThat(new PackImporter().csv("level\nbeginner\n").problems())
        .anySatisfy(p -> assertThat(p).contains("'prompt' column is required"));
  }

  @Test
  void markdownListsWithLevelsTopicsAndFollowUps() throws Exception {
    String md =
        "# My pack\n\n## Beginner\n\n- What is FaaS?\n  - Name two providers.\n"
            + "  - What is billed?\n- What is an event source?\n\n## Senior\n\n"
            + "1. Design an idempotent payment consumer\n   that survives retries.\n"
            + "   * What if the DLQ fills up?\n\n## Cold starts\n\n- Why are JVM cold starts slow?\n"
            + "- What is FaaS?\n";
    PackImporter.Result r = new PackImporter().markdown(md);
    assertThat(r.problems()).isEmpty();
    assertThat(r.drafts())
        .extracting(PackImporter.Draft::id)
        .containsExactly(
            "what-is-faas",
            "what-is-an-event-source",
            "design-an-idempotent-payment-consumer-that",
            "why-are-jvm-cold-starts-slow",
            "what-is-faas-2");
    PackImporter.Draft design = r.drafts().get(2);
    assertThat(design.level()).isEqualTo(Level.SENIOR);
    assertThat(design.prompt())
        .isEqualTo("Design an idempotent payment consumer that survives retries.");
    assertThat(design.followUps()).containsExactly("What if the DLQ fills up?");
    assertThat(r.drafts().get(3).topics()).containsExactly("cold-starts");
    assertThat(r.drafts().get(0).followUps())
        .containsExactly("Name two providers.", "What is billed?");
    assertThat(validate(PackWriter.skeleton(r.drafts())).problems()).isEmpty();
    assertThat(new PackImporter().markdown("just prose\n").problems())
        .singleElement()
        .asString()
        .contains("no list items");
  }
}
