package dev.sparring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core speaks no platform, servlet or JDBC: adapters and store implementations do. */
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
    "dev.sparring.core..",
    "dev.sparring.interview..",
    "dev.sparring.daily..",
    "dev.sparring.drill..",
    "dev.sparring.compete..",
    "dev.sparring.feedback..",
    "dev.sparring.bank..",
    "dev.sparring.grading.."
  };

  private static final String[] PLATFORM_AND_INFRA = {
    "com.slack..",
    "net.dv8tion..",
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
            "dev.sparring.console..",
            "dev.sparring.app..",
            "dev.sparring.store.jdbc..",
            "dev.sparring.store.memory..")
        .check(classes);
  }
}
