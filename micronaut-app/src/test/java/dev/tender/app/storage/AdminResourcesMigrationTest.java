package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3 over a database that already holds V2 data (in a schema of its own): every merchant gets its default
 * profile and an organization, its connector accounts join that profile, and labels that two connectors of
 * one merchant shared are told apart, so the new uniqueness cannot fail the migration.
 */
class AdminResourcesMigrationTest {

    private static final String SCHEMA = "v3_migration_" + Long.toString(System.nanoTime(), 36);

    @Test
    void existingMerchantsGetADefaultProfileAndTheirAccountsJoinItWithLabelsMadeUnique() throws SQLException {
        // given: V2, with two connectors of one merchant sharing a label
        migrate("2");
        sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) VALUES "
                + "('m_old', 'Old', 'pk_old', now()), ('m_other', 'Other', 'pk_other', now())");
        sql("INSERT INTO connector_accounts (account_id, merchant_id, connector_name, label, credentials, settings, "
                + "created_at) VALUES ('a1', 'm_old', 'simulator', 'main', '{}', '{}', now()), "
                + "('a2', 'm_old', 'stripe', 'main', '{}', '{}', now()), "
                + "('a3', 'm_old', 'adyen', 'eu', '{}', '{}', now()), "
                + "('a4', 'm_other', 'simulator', 'main', '{}', '{}', now())");

        // when
        migrate("3");

        // then
        assertThat(rows("SELECT m.merchant_id, p.profile_name, m.organization_id LIKE 'org_%' FROM merchants m "
                + "JOIN business_profiles p ON p.profile_id = m.default_profile_id AND p.merchant_id = m.merchant_id "
                + "ORDER BY m.merchant_id")).containsExactly("m_old default true", "m_other default true");
        assertThat(rows("SELECT a.account_id, a.label, a.profile_id = m.default_profile_id, a.status, a.deleted_at IS NULL "
                + "FROM connector_accounts a JOIN merchants m ON m.merchant_id = a.merchant_id ORDER BY a.account_id"))
                .containsExactly("a1 main_simulator true active true", "a2 main_stripe true active true",
                        "a3 eu true active true", "a4 main true active true");
    }

    private static void migrate(String target) {
        Flyway.configure().dataSource(EmbeddedDatabase.direct()).schemas(SCHEMA).locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            s.execute(statement);
        }
    }

    /** Each row as its columns joined by spaces. */
    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            try (ResultSet r = s.executeQuery(query)) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(r.getString(i).equals("t") ? "true" : r.getString(i).equals("f") ? "false"
                                : r.getString(i));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }
}
