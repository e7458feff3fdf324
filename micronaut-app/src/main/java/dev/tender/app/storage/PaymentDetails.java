package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request fields of a payment that the payment does not model, kept as sent (table
 * {@code payment_details}) so responses can echo them. Not a port: only the HTTP API knows these
 * fields; an embedder of the domain has its own place for such data.
 */
@Singleton
public class PaymentDetails {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    public PaymentDetails(JdbcOperations jdbc, TransactionOperations<Connection> transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Adds the fields to the payment's, replacing those of the same name. Nothing to add, nothing done. */
    public void merge(MerchantId merchant, PaymentId payment, Map<String, JsonNode> fields, Instant at) {
        if (fields.isEmpty()) {
            return;
        }
        String object = write(fields);
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO payment_details (merchant_id, "
                + "payment_id, fields, updated_at) VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (merchant_id, payment_id) "
                + "DO UPDATE SET fields = payment_details.fields || EXCLUDED.fields, updated_at = EXCLUDED.updated_at",
                s -> {
                    s.setString(1, merchant.value());
                    s.setString(2, payment.value());
                    s.setString(3, object);
                    Sql.setInstant(s, 4, at);
                    return s.executeUpdate();
                }));
    }

    /** The payment's kept fields, by name; none kept, an empty map. */
    public Map<String, JsonNode> find(MerchantId merchant, PaymentId payment) {
        return findAll(merchant, java.util.List.of(payment)).getOrDefault(payment, Map.of());
    }

    /** The kept fields of each of the payments that has some, in one query. */
    public Map<PaymentId, Map<String, JsonNode>> findAll(MerchantId merchant, Collection<PaymentId> payments) {
        if (payments.isEmpty()) {
            return Map.of();
        }
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT payment_id, fields::text AS fields "
                + "FROM payment_details WHERE merchant_id = ? AND payment_id = ANY (?)", s -> {
                    s.setString(1, merchant.value());
                    Array ids = s.getConnection().createArrayOf("varchar",
                            payments.stream().map(PaymentId::value).toArray());
                    s.setArray(2, ids);
                    Map<PaymentId, Map<String, JsonNode>> found = new HashMap<>();
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            found.put(PaymentId.of(rows.getString("payment_id")), read(rows.getString("fields")));
                        }
                    }
                    return found;
                }));
    }

    private String write(Map<String, JsonNode> fields) {
        try {
            return json.writeValueAsString(JsonNode.createObjectNode(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, JsonNode> read(String text) {
        try {
            JsonNode object = json.readValue(text, JsonNode.class);
            Map<String, JsonNode> fields = new TreeMap<>();
            object.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
