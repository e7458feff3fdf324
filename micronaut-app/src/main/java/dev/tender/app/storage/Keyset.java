package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.vavr.control.Option;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keyset pagination over a merchant's rows, newest first by {@code (created_at, id)}, with the semantics
 * of the in-memory adapters' {@code Pages}:
 * <ul>
 *   <li>{@code createdFrom} is inclusive, {@code createdTo} exclusive (both rounded up to the microsecond,
 *       which on stored, microsecond times is the same comparison as with the exact bounds);</li>
 *   <li>a cursor ({@code startingAfter}, {@code endingBefore}) is looked up among the rows in that window;
 *       a cursor that is not there is ignored;</li>
 *   <li>{@code startingAfter}: the rows older than the cursor, the newest {@code limit} of them;</li>
 *   <li>{@code endingBefore}: the rows newer than the cursor (and older than {@code startingAfter}'s, if
 *       both are given), the {@code limit} closest to it — the oldest ones; {@code hasMore} says that
 *       newer ones exist. With no cursor found it is the oldest page.</li>
 * </ul>
 * Ids compare in the "C" collation (code point order), as Java's {@code String.compareTo} does for the
 * ids' characters, whatever the database's default collation; V2's indexes are in that collation.
 */
final class Keyset {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** The filter for {@code WHERE} (after the merchant's condition), its parameters, and the fetch order. */
    record Filter(String where, List<Binder> parameters, String orderBy, int fetch, boolean backwards) {

        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Binder binder : parameters) {
                binder.bind(statement, index++);
            }
            return index;
        }

        /** The page of the rows fetched in {@link #orderBy} order. */
        <T> Page<T> page(List<T> fetched, int limit) {
            boolean hasMore = fetched.size() > limit;
            List<T> page = new ArrayList<>(fetched.subList(0, Math.min(limit, fetched.size())));
            if (backwards) {
                Collections.reverse(page);
            }
            return new Page<>(io.vavr.collection.List.ofAll(page), hasMore);
        }
    }

    private Keyset() {
    }

    /**
     * @param table    the table, aliased {@code alias} in the query the filter goes into
     * @param idColumn the id column that breaks ties of {@code created_at}
     */
    static Filter filter(JdbcOperations jdbc, String table, String alias, String idColumn, MerchantId merchantId,
                         ListQuery query) {
        String created = alias + ".created_at";
        String id = alias + "." + idColumn + " COLLATE \"C\"";
        StringBuilder where = new StringBuilder();
        List<Binder> parameters = new ArrayList<>();
        window(query, created, where, parameters);
        for (String cursorId : query.startingAfter()) {
            for (Instant at : cursor(jdbc, table, idColumn, merchantId, cursorId, query)) {
                where.append(" AND (").append(created).append(", ").append(id).append(") < (?, ?)");
                parameters.add((s, i) -> Sql.setInstant(s, i, at));
                parameters.add((s, i) -> s.setString(i, cursorId));
            }
        }
        boolean backwards = query.endingBefore().isDefined();
        for (String cursorId : query.endingBefore()) {
            for (Instant at : cursor(jdbc, table, idColumn, merchantId, cursorId, query)) {
                where.append(" AND (").append(created).append(", ").append(id).append(") > (?, ?)");
                parameters.add((s, i) -> Sql.setInstant(s, i, at));
                parameters.add((s, i) -> s.setString(i, cursorId));
            }
        }
        String direction = backwards ? "ASC" : "DESC";
        String orderBy = created + " " + direction + ", " + id + " " + direction;
        return new Filter(where.toString(), parameters, orderBy, query.limit() + 1, backwards);
    }

    private static void window(ListQuery query, String created, StringBuilder where, List<Binder> parameters) {
        for (Instant from : query.createdFrom()) {
            where.append(" AND ").append(created).append(" >= ?");
            parameters.add((s, i) -> Sql.setInstant(s, i, Sql.microsUp(from)));
        }
        for (Instant to : query.createdTo()) {
            where.append(" AND ").append(created).append(" < ?");
            parameters.add((s, i) -> Sql.setInstant(s, i, Sql.microsUp(to)));
        }
    }

    /** The cursor row's creation time, if the merchant has that row inside the query's window. */
    private static Option<Instant> cursor(JdbcOperations jdbc, String table, String idColumn, MerchantId merchantId,
                                          String cursorId, ListQuery query) {
        StringBuilder where = new StringBuilder();
        List<Binder> parameters = new ArrayList<>();
        window(query, "c.created_at", where, parameters);
        String sql = "SELECT c.created_at FROM " + table + " c WHERE c.merchant_id = ? AND c." + idColumn + " = ?"
                + where;
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, merchantId.value());
            statement.setString(2, cursorId);
            int index = 3;
            for (Binder binder : parameters) {
                binder.bind(statement, index++);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Option.some(Sql.instant(rows, "created_at")) : Option.<Instant>none();
            }
        });
    }
}
