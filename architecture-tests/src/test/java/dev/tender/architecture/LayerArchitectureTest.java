package dev.tender.architecture;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of DESIGN.md: ports on the domain, vavr and resilience4j only; connectors on the ports,
 * never on each other; nothing below the service on Micronaut.
 */
class LayerArchitectureTest {

    private static final String[] PORTS = {"dev.tender.ports..", "dev.tender.application..", "dev.tender.inmemory.."};

    @Test
    void thePortsDependOnlyOnTheDomainVavrAndResilience4j() {
        for (String layer : PORTS) {
            TenderClasses.assertPopulated(layer, 5);
        }
        classes().that().resideInAnyPackage(PORTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tender.domain..", "dev.tender.ports..",
                        "dev.tender.application..", "dev.tender.inmemory..", "java..", "javax.crypto..",
                        "io.vavr..", "io.github.resilience4j..")
                .because("payment-ports is framework-free (DESIGN.md)")
                .check(TenderClasses.ALL);
    }

    @Test
    void useCasesAndServicesDoNotDependOnAdapters() {
        noClasses().that().resideInAnyPackage("dev.tender.ports..", "dev.tender.application..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tender.inmemory..", "dev.tender.connector..",
                        "dev.tender.client..", "dev.tender.app..")
                .because("ports are implemented by adapters, never the other way round")
                .check(TenderClasses.ALL);
    }

    @Test
    void connectorsDoNotDependOnEachOther() {
        TenderClasses.assertPopulated("dev.tender.connector.kit..", 2);
        TenderClasses.assertPopulated("dev.tender.connector.simulator..", 2);
        TenderClasses.assertPopulated("dev.tender.connector.stripe..", 2);
        TenderClasses.assertPopulated("dev.tender.connector.adyen..", 2);
        slices().matching("dev.tender.connector.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("dev.tender.connector.."),
                        resideInAPackage("dev.tender.connector.kit.."))
                .because("a connector module stands alone; only the shared kit is common")
                .check(TenderClasses.ALL);
    }

    @Test
    void connectorsAndTheClientDependOnPortsNotOnServices() {
        TenderClasses.assertPopulated("dev.tender.client..", 2);
        noClasses().that().resideInAnyPackage("dev.tender.connector..", "dev.tender.client..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tender.inmemory..", "dev.tender.app..")
                .check(TenderClasses.ALL);
    }

    @Test
    void nothingBelowTheServiceKnowsMicronaut() {
        noClasses().that(resideInAnyPackage("dev.tender.domain..", "dev.tender.ports..", "dev.tender.application..",
                        "dev.tender.inmemory..", "dev.tender.connector..", "dev.tender.client.."))
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..")
                .check(TenderClasses.ALL);
    }

    @Test
    void noPackageCyclesAcrossTheLayers() {
        slices().matching("dev.tender.(*)..").should().beFreeOfCycles().check(TenderClasses.ALL);
    }
}
