package dev.tender.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static org.assertj.core.api.Assertions.assertThat;

/** Tender's production classes, imported once, and the guard that keeps every rule from passing vacuously. */
final class TenderClasses {

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tender");

    private TenderClasses() {
    }

    /** Fails unless {@code packagePattern} names at least {@code minimum} imported classes. */
    static void assertPopulated(String packagePattern, int minimum) {
        assertThat(ALL.that(JavaClass.Predicates.resideInAPackage(packagePattern)))
                .as("classes in %s (a rule over an empty package proves nothing)", packagePattern)
                .hasSizeGreaterThanOrEqualTo(minimum);
    }
}
