package dev.sparring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: the core speaks no platform, servlet or JDBC (adapters and store
 * implementations do); packages form no cycle; and every package depends only on the layers below
 * it, drawn once in {@link #LAYERS} (and in the README's Architecture section).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sparring");
  }

  private static final String[] CORE = {
    "dev.sparring.chat..",
    "dev.sparring.core..",
    "dev.sparring.outbox..",
    "dev.sparring.scoring..",
    "dev.sparring.leaderboard..",
    "dev.sparring.interview..",
    "dev.sparring.daily..",
    "dev.sparring.drill..",
    "dev.sparring.remind..",
    "dev.sparring.compete..",
    "dev.sparring.feedback..",
    "dev.sparring.bank..",
    "dev.sparring.grading..",
    "dev.sparring.fsrs..",
    "dev.sparring.review..",
    "dev.sparring.picture.."
  };

  private static final String[] PLATFORM_AND_INFRA = {
    "com.slack..",
    "net.dv8tion..",
    "com.nimbusds..",
    "java.sql..",
    "javax.sql..",
    "jakarta.servlet..",
    "javax.servlet..",
    "org.eclipse.jetty..",
    "org.flywaydb..",
    "com.zaxxer..",
    "org.sqlite..",
    "org.postgresql..",
    "okhttp3.."
  };

  @Test
  void coreUsesNoPlatformServletOrJdbcTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLATFORM_AND_INFRA)
        .check(classes);
  }

  @Test
  void fsrsUsesNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.sparring.fsrs..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.sparring.fsrs..", "java..")
        .check(classes);
  }

  @Test
  void theStoreInterfaceIsFreeOfJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.sparring.store", "dev.sparring.store.memory..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLATFORM_AND_INFRA)
        .check(classes);
  }

  @Test
  void coreDoesNotReachIntoAdaptersOrWiring() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sparring.slack..",
            "dev.sparring.discord..",
            "dev.sparring.teams..",
            "dev.sparring.console..",
            "dev.sparring.app..",
            "dev.sparring.store.jdbc..",
            "dev.sparring.store.memory..")
        .check(classes);
  }

  /**
   * The layers, bottom first: a package may use its own layer and those below, never one above.
   * Packages on one layer may use each other as long as no cycle forms.
   */
  static final List<List<String>> LAYERS =
      List.of(
          List.of("chat", "fsrs"),
          List.of("store", "bank", "picture"),
          List.of("grading"),
          List.of("core"),
          List.of("outbox", "feedback", "scoring", "review"),
          List.of("compete"),
          List.of("leaderboard", "daily", "interview", "drill", "suggest", "remind"),
          List.of("config"),
          List.of("platform"),
          List.of("slack", "discord", "teams", "console"),
          List.of("app"),
          List.of("ops", "bench"),
          List.of("cli"));

  private static String[] packages(List<List<String>> layers) {
    return layers.stream()
        .flatMap(List::stream)
        .map(p -> "dev.sparring." + p + "..")
        .toArray(String[]::new);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.sparring.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsOnALayer() {
    classes()
        .that()
        .resideOutsideOfPackage("dev.sparring")
        .should()
        .resideInAnyPackage(packages(LAYERS))
        .check(classes);
  }

  @Test
  void noPackageDependsOnALayerAboveIt() {
    for (int i = 0; i < LAYERS.size() - 1; i++) {
      noClasses()
          .that()
          .resideInAnyPackage(packages(LAYERS.subList(i, i + 1)))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages(LAYERS.subList(i + 1, LAYERS.size())))
          .because("layer " + LAYERS.get(i) + " sits below " + LAYERS.subList(i + 1, LAYERS.size()))
          .check(classes);
    }
  }
}
