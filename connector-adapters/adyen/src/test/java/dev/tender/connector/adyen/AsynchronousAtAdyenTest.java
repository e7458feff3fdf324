package dev.tender.connector.adyen;

import dev.tender.connector.kit.ConnectorConformanceTest;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/** Every conformance test skipped for Adyen is a real test of the kit: a renamed one must not slip through. */
class AsynchronousAtAdyenTest {

    @Test
    void everySkippedNameIsATestOfTheKit() {
        List<String> kitTests = List.of(ConnectorConformanceTest.class.getDeclaredClasses())
                .flatMap(nested -> List.of(nested.getDeclaredMethods()))
                .map(Method::getName);

        assertThat(AsynchronousAtAdyen.skipped().toJavaSet()).isNotEmpty()
                .allSatisfy(name -> assertThat(kitTests).as("kit tests").contains(name));
    }
}
