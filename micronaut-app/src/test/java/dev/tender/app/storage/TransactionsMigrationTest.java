package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V10 moves a payment's transactions into its row. A database filled by the V9 code ({@code migration/v9-payments.json}:
 * the rows the V9 storage wrote for payments with every field and every kind of transaction, and the payments
 * the V9 code read back from them) is migrated, and every payment reads back as it did before.
 */
class TransactionsMigrationTest {

    private static final MerchantId MERCHANT = MerchantId.of("m_v9_fixture");

    private final SeparateDatabase database = SeparateDatabase.create("v10_migration");
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyPaymentTheV9CodeStoredReadsBackUnchanged() throws Exception {
        // given: the V9 schema holding the V9 code's rows
        Map<String, Object> fixture = fixture();
        Flyway.configure().dataSource(database.url(), "postgres", "postgres").locations("classpath:db/migration")
                .target("9").load().migrate();
        JsonMapper json = JsonMapper.createDefault();
        try (Connection connection = database.connect()) {
            for (String table : List.of("merchants", "payments", "payment_transactions")) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                        + " SELECT * FROM json_populate_recordset(NULL::" + table + ", ?::json)")) {
                    insert.setString(1, json.writeValueAsString(fixture.get(table)));
                    assertThat(insert.executeUpdate()).as(table).isPositive();
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> expected = (Map<String, String>) fixture.get("expected");

        // when: a service starts on it (Flyway migrates) and reads each payment
        context = start();
        JdbcPayments payments = context.getBean(JdbcPayments.class);
        Map<String, String> read = new LinkedHashMap<>();
        for (String id : expected.keySet()) {
            read.put(id, payments.find(MERCHANT, PaymentId.of(id)).map(PaymentCanonical::of).getOrElse("missing"));
        }

        // then
        assertThat(expected).hasSize(8);
        assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(tables()).doesNotContain("payment_transactions");
        assertThat(database.count("SELECT count(*) FROM payments WHERE json_typeof(transactions) = 'array'"))
                .isEqualTo(8);
    }

    private ApplicationContext start() {
        Map<String, Object> properties = database.properties();
        properties.put("tender.secrets.keys.k1", SecretKeyFixtures.randomKey());
        properties.put("tender.secrets.active-key", "k1");
        properties.put("tender.reconciler.enabled", "false");
        properties.put("tender.expiry.enabled", "false");
        properties.put("tender.cards.purge-enabled", "false");
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (Connection connection = database.connect(); Statement s = connection.createStatement();
             var rows = s.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture() throws IOException {
        try (InputStream in = TransactionsMigrationTest.class.getResourceAsStream("/migration/v9-payments.json")) {
            return JsonMapper.createDefault().readValue(in.readAllBytes(), Map.class);
        }
    }
}
