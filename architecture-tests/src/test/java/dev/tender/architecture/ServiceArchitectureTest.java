package dev.tender.architecture;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the Micronaut service ({@code micronaut-app}): web packages ({@code api}, {@code admin},
 * {@code auth}, {@code http}) on top, {@code storage} below them and the only one that speaks SQL.
 */
class ServiceArchitectureTest {

    private static final String APP = "dev.tender.app..";
    private static final String STORAGE = "dev.tender.app.storage..";

    @Test
    void theServicesPackagesHaveNoCycles() {
        TenderClasses.assertPopulated("dev.tender.app.api..", 20);
        TenderClasses.assertPopulated("dev.tender.app.admin..", 10);
        TenderClasses.assertPopulated("dev.tender.app.auth..", 2);
        TenderClasses.assertPopulated(STORAGE, 10);
        slices().matching("dev.tender.app.(*)..").should().beFreeOfCycles()
                .because("each package of the service can be read and changed on its own (issue 13)")
                .check(TenderClasses.ALL);
    }

    /**
     * The admin API and the payments API are two APIs side by side: both read typed requests and answer
     * errors through {@code http}, and neither uses the other.
     */
    @Test
    void theAdminApiAndThePaymentsApiDoNotUseEachOther() {
        noClasses().that().resideInAPackage("dev.tender.app.admin..")
                .should().dependOnClassesThat().resideInAPackage("dev.tender.app.api..")
                .check(TenderClasses.ALL);
        noClasses().that().resideInAPackage("dev.tender.app.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.tender.app.admin..")
                .check(TenderClasses.ALL);
    }

    @Test
    void storageKnowsNoWebPackage() {
        TenderClasses.assertPopulated("dev.tender.app.http..", 3);
        noClasses().that().resideInAPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.tender.app.api..", "dev.tender.app.admin..",
                        "dev.tender.app.auth..", "dev.tender.app.http..", "io.micronaut.http..")
                .because("storage returns records of its own; the web packages map them and their errors")
                .check(TenderClasses.ALL);
    }

    /**
     * JDBC ({@code java.sql}, Micronaut Data's {@link io.micronaut.data.jdbc.runtime.JdbcOperations}) only in
     * {@code storage}: a controller, filter or job asks a storage class, never the database. The whole of
     * {@code java.sql} is named, not only its statements, since a {@code ResultSet} or a {@code Connection}
     * in hand is SQL too; so are {@code javax.sql.DataSource} and the transaction manager's connection.
     */
    @Test
    void onlyStorageTalksToTheDatabase() {
        TenderClasses.assertPopulated(APP, 100);
        ArchRule rule = noClasses().that().resideInAPackage(APP).and().resideOutsideOfPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.micronaut.data.jdbc.runtime.JdbcOperations")
                .because("no SQL outside the storage package (issue 13)");
        rule.check(TenderClasses.ALL);
    }
}
