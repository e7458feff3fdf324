package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.data.connection.ConnectionOperations;
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
 * The request fields of a payment or a refund that Tender does not model, kept as sent (table
 * {@code kept_request_fields}) so responses can echo them. Not a port: only the HTTP API knows these
 * fields; an embedder of the domain has its own place for such data.
 */
@Singleton
public class KeptFields {

    /** Whose fields: a payment's or a refund's (their ids are chosen apart, so they may coincide). */
    public enum Kind {
        PAYMENT, REFUND;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final JsonMapper json;

    public KeptFields(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                      ConnectionOperations<Connection> connections, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.json = json;
    }

    /** Adds the fields to those kept for the id, replacing those of the same name. Nothing to add, nothing done. */
    public void merge(MerchantId merchant, Kind kind, String id, Map<String, JsonNode> fields, Instant at) {
        if (fields.isEmpty()) {
            return;
        }
        String object = write(fields);
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO kept_request_fields (merchant_id, "
                + "kind, id, fields, updated_at) VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (merchant_id, kind, id) "
                + "DO UPDATE SET fields = kept_request_fields.fields || EXCLUDED.fields, "
                + "updated_at = EXCLUDED.updated_at",
                s -> {
                    s.setString(1, merchant.value());
                    s.setString(2, kind.column());
                    s.setString(3, id);
                    s.setString(4, object);
                    Sql.setInstant(s, 5, at);
                    return s.executeUpdate();
                }));
    }

    /** The fields kept for the id, by name; none kept, an empty map. */
    public Map<String, JsonNode> find(MerchantId merchant, Kind kind, String id) {
        return findAll(merchant, kind, java.util.List.of(id)).getOrDefault(id, Map.of());
    }

    /** The kept fields of each of the ids that has some, by id, in one query. */
    public Map<String, Map<String, JsonNode>> findAll(MerchantId merchant, Kind kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT id, fields::text AS fields "
                + "FROM kept_request_fields WHERE merchant_id = ? AND kind = ? AND id = ANY (?)", s -> {
                    s.setString(1, merchant.value());
                    s.setString(2, kind.column());
                    Array array = s.getConnection().createArrayOf("varchar", ids.toArray());
                    s.setArray(3, array);
                    Map<String, Map<String, JsonNode>> found = new HashMap<>();
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString("id"), read(rows.getString("fields")));
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
