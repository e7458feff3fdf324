package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A new, empty database in the tests' embedded PostgreSQL, for a test whose rows or keys would disturb the
 * shared one (rows under keys the other tests do not hold, instances started with other keys).
 */
record SeparateDatabase(String url) {

    static SeparateDatabase create(String prefix) {
        String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             Statement s = connection.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String shared = (String) EmbeddedDatabase.properties().get("datasources.default.url");
        String url = shared.replaceFirst("/postgres\\?", "/" + name + "?");
        if (url.equals(shared)) {
            throw new IllegalStateException("unexpected form of the embedded database's URL");
        }
        return new SeparateDatabase(url);
    }

    /** The datasource properties of a service over this database. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.properties());
        properties.put("datasources.default.url", url);
        return properties;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    void sql(String statement) {
        try (Connection connection = connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String query) {
        try (Connection connection = connect(); Statement s = connection.createStatement();
             var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
