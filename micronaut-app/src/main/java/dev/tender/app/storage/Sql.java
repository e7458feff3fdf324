package dev.tender.app.storage;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Binding and reading the column types the adapters share.
 *
 * <p><b>Time.</b> PostgreSQL's {@code timestamptz} keeps microseconds. Every Instant written to such a
 * column is truncated to microseconds first ({@link #micros}), and the adapters return what they saved
 * with the same truncation, so a value read back always equals the value a save returned. (Instants
 * inside JSON text columns — a customer acceptance's time — are kept exactly.)
 */
public final class Sql {

    /** PostgreSQL's SQLSTATE for a unique-key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /**
     * Runs a read of one statement on a connection without a transaction of its own: the statement is
     * atomic by itself, and a transaction would add two round trips (BEGIN, COMMIT) to each read. Inside a
     * unit of work (or any transaction) it runs on that transaction's connection and sees its writes.
     */
    public static <T> T oneStatement(ConnectionOperations<Connection> connections, Supplier<T> read) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> read.get());
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The first microsecond at or after {@code instant}: for bounds compared with stored times. */
    static Instant microsUp(Instant instant) {
        Instant down = micros(instant);
        return down.equals(instant) ? down : down.plus(1, ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
    }

    static void setInstant(PreparedStatement statement, int index, Option<Instant> instant) throws SQLException {
        if (instant.isDefined()) {
            setInstant(statement, index, instant.get());
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value.toInstant();
    }

    static Option<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
        return Option.of(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static void setString(PreparedStatement statement, int index, Option<String> value) throws SQLException {
        statement.setString(index, value.getOrNull());
    }

    static Option<String> optionalString(ResultSet rows, String column) throws SQLException {
        return Option.of(rows.getString(column));
    }

    static String string(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
