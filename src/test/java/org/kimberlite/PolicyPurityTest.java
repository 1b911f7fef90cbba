package org.kimberlite;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Policy;

/**
 * Policies and the shared kernel are plain Java: no framework, no database, no web. A policy that
 * reaches for Spring, JDBC or the servlet API fails here, and so does a shared value type.
 */
class PolicyPurityTest {
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.kimberlite");

  static final String[] IMPURE = {
    "org.springframework..",
    "java.sql..",
    "javax.sql..",
    "jakarta.servlet..",
    "jakarta.persistence..",
    "tools.jackson.databind..",
    "org.kimberlite..web..",
    "org.kimberlite.platform.."
  };

  @Test
  void policiesDependOnNoFrameworkDatabaseOrWebType() {
    ArchRule rule =
        noClasses()
            .that()
            .areAnnotatedWith(Policy.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(IMPURE)
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("a policy is a pure function, unit-tested without a container");
    rule.check(MAIN);
  }

  @Test
  void policiesReadNoClockOfTheirOwn() {
    ArchRule rule =
        noClasses()
            .that()
            .areAnnotatedWith(Policy.class)
            .should()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("time is given to a policy, as a date or an injected Clock");
    rule.check(MAIN);
  }

  @Test
  void theSharedKernelIsPlainValues() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.kimberlite.shared")
            .and()
            .doNotHaveSimpleName("package-info") // the module declaration itself
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(IMPURE)
            .because("shared holds plain value types every module may use");
    rule.check(MAIN);
  }

  @Test
  void thePoliciesAreFound() {
    // The rules above pass vacuously if nothing is annotated: name the policies we know of.
    assertThat(
            MAIN.stream()
                .filter(c -> c.isAnnotatedWith(Policy.class))
                .map(JavaClass::getSimpleName)
                .toList())
        .contains(
            "KpRules",
            "ParticipantHistory",
            "MirrorCheck",
            "AnomalyCheck",
            "MissingSubmissionsCheck",
            "WarrantyStatements",
            "Nomenclature",
            "Segregation",
            "Yield",
            "CarryForward",
            "PriceBookCsv",
            "ReferenceValues",
            "PlausibilityBands");
  }
}
