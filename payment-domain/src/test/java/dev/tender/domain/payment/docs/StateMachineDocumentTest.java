package dev.tender.domain.payment.docs;

import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.StateMachineDocument;
import dev.tender.domain.payment.TransitionTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/state-machine.md} must show the code's table. When the table changes, regenerate with
 * {@code mvn -pl payment-domain test -Dtest=StateMachineDocumentTest -Dtender.docs.write=true} and commit.
 */
class StateMachineDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "state-machine.md");

    @Test
    void theCommittedDocumentShowsTheTransitionTableOfTheCode() throws IOException {
        // given
        String committed = Files.readString(DOCUMENT);
        int begin = committed.indexOf(StateMachineDocument.BEGIN);
        int end = committed.indexOf(StateMachineDocument.END);
        assertThat(begin).as("generated section in %s", DOCUMENT).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = committed.substring(0, begin) + StateMachineDocument.generatedSection()
                + committed.substring(end + StateMachineDocument.END.length() + 1);
        if (Boolean.getBoolean("tender.docs.write")) {
            Files.writeString(DOCUMENT, expected);
        }

        // then
        assertThat(committed).as("docs/state-machine.md is out of date; regenerate it (see this test's javadoc)")
                .isEqualTo(expected);
    }

    @Test
    void theDiagramHasAnArrowForEveryTransitionAndEveryStatusAppears() {
        // when
        String diagram = StateMachineDocument.diagram();

        // then
        TransitionTable.transitions().forEach(t -> assertThat(diagram).contains(
                t.from().map(PaymentStatus::wireName).getOrElse("[*]") + " --> " + t.to().wireName()));
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(diagram).contains(status.wireName());
        }
        assertThat(diagram).startsWith("```mermaid\nstateDiagram-v2\n").endsWith("```\n");
    }

    @Test
    void theAllowedTableHasARowPerOperationListingExactlyItsStatuses() {
        // when
        String table = StateMachineDocument.allowedTable();

        // then
        for (Operation operation : Operation.values()) {
            String row = table.lines().filter(l -> l.startsWith("| `" + operation.wireName() + "` |"))
                    .findFirst().orElseThrow();
            for (PaymentStatus status : PaymentStatus.values()) {
                assertThat(row.contains("`" + status.wireName() + "`"))
                        .as("%s allowed from %s", operation, status)
                        .isEqualTo(TransitionTable.allows(operation, status));
            }
        }
        assertThat(StateMachineDocument.transitionTable().lines().count())
                .isEqualTo(TransitionTable.transitions().size() + 2L);
    }
}
