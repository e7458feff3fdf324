package dev.tender.benchmarks.load;

import dev.tender.benchmarks.chaos.Campaign;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement budget of each payment operation, counted by PostgreSQL on the packaged service
 * ({@link StatementsRun}, the counts of docs/benchmarks.md): a change that adds a statement or a commit to
 * an operation fails here and shows which statements ran (one that saves some should lower the budget). The half statement of slack is for what runs once
 * per run, not per operation (a connection opened, an API key looked up again when its cache lapses).
 */
class StatementsPerOperationTest {

    private static final double SLACK = 0.5;

    @Test
    void eachOperationStaysWithinItsStatementsAndCommits() throws Exception {
        // given
        Path out = Files.createDirectories(Path.of("target/statements-test"));

        // when
        List<StatementCounts> counts = StatementsRun.measure(
                Campaign.root().resolve("micronaut-app/target/tender-service.jar"),
                List.of(LoadRun.SERVICE_JVM.split(" ")), out, 20, 5);

        // then
        String report = StatementsRun.markdown(counts);
        assertThat(counts).extracting(StatementCounts::operation).containsExactlyElementsOf(StatementsRun.OPERATIONS);
        // create + confirm names its customer (customer_id): one statement creates it or finds it there
        assertBudget(counts.get(0), 4, 2, report);
        assertBudget(counts.get(1), 6, 2, report);
        assertBudget(counts.get(2), 6, 2, report);
    }

    private static void assertBudget(StatementCounts counts, int statements, int commits, String report) {
        // at least one: a count of nothing would pass any budget
        assertThat(counts.statements()).as(report).isBetween(1.0, statements + SLACK);
        assertThat(counts.writingTransactions()).as(report).isBetween(1.0, commits + SLACK);
        assertThat(counts.rollbacks()).as(report).isZero();
    }
}
