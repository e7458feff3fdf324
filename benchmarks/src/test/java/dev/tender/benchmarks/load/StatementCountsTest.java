package dev.tender.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement count reads what PostgreSQL ran: the embedded server loads {@code pg_stat_statements}, each
 * statement is counted per operation, transaction control apart, and only writing transactions get an id.
 */
class StatementCountsTest {

    @Test
    void countsEachStatementPerOperationAndTheTransactionsThatWrote() throws Exception {
        try (Database database = Database.embeddedCountingStatements()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE counted (id int PRIMARY KEY, note text)");
            }
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                // given
                StatementCounts.Mark mark = StatementCounts.reset(database);

                // when: four "operations", each a read alone and a transaction of two inserts
                for (int i = 0; i < 4; i++) {
                    statement.executeQuery("SELECT count(*) FROM counted").close();
                    connection.setAutoCommit(false);
                    statement.executeUpdate("INSERT INTO counted VALUES (" + (2 * i) + ", 'a')");
                    statement.executeUpdate("INSERT INTO counted VALUES (" + (2 * i + 1) + ", 'b')");
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                StatementCounts counts = StatementCounts.read(database, mark, "insert twice", 4);

                // then
                assertThat(counts.statements()).isEqualTo(3.0);
                assertThat(counts.begins()).isEqualTo(1.0);
                assertThat(counts.writingTransactions()).isEqualTo(1.0);
                assertThat(counts.rollbacks()).isZero();
                assertThat(counts.walBytesPerOperation()).isPositive();
                assertThat(counts.entries()).anySatisfy(entry -> {
                    assertThat(entry.text()).startsWith("INSERT INTO counted VALUES");
                    assertThat(entry.perOperation()).isEqualTo(2.0);
                });
                assertThat(StatementsRun.markdown(java.util.List.of(counts)))
                        .contains("| insert twice | 3.00 | 1.00 | 1.00 | 0.00 |");
            }
        }
    }
}
