package dev.tender.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain is pure: Java and vavr, nothing else — no framework, no logging, no I/O. Each rule is
 * guarded against passing vacuously because the classes it names were not imported.
 */
class DomainArchitectureTest {

    static final String DOMAIN = "dev.tender.domain..";

    private static JavaClasses tender;

    @BeforeAll
    static void importProductionClasses() {
        tender = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tender");
    }

    @Test
    void theRulesSeeTheDomain() {
        assertThat(tender.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(DOMAIN)))
                .as("classes in %s", DOMAIN)
                .hasSizeGreaterThan(20);
    }

    @Test
    void theDomainDependsOnlyOnJavaAndVavr() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "io.vavr..")
                .because("payment-domain is pure Java 21 + vavr (DESIGN.md)");
        rule.check(tender);
    }

    @Test
    void theDomainReadsNoClockAndMakesNoRandomIds() {
        ArchRule rule = noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "java.util.logging..", "java.sql..", "java.util.random..")
                .because("time and ids are parameters; the domain does no I/O and no logging");
        rule.check(tender);
    }

    @Test
    void theDomainHasNoPackageCycles() {
        slices().matching("dev.tender.domain.(*)..").should().beFreeOfCycles().check(tender);
    }
}
