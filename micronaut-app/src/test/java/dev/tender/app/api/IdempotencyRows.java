package dev.tender.app.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;

import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** TEST FIXTURE: {@code http_idempotency} rows as another instance leaves them, alive or killed. */
final class IdempotencyRows {

    private IdempotencyRows() {
    }

    /**
     * A key claimed {@code claimedSecondsAgo} (negative: later than now) for a POST of {@code body} to
     * {@code path}, with no response yet and a lease ending {@code leaseSeconds} from now (negative: over, its
     * instance is gone).
     */
    static void claimed(JdbcOperations jdbc, String merchantId, String idemKey, String path, String body,
                        int claimedSecondsAgo, int leaseSeconds) {
        String fingerprint = HttpIdempotency.fingerprint(HttpRequest.POST(path, body), body);
        jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO http_idempotency (merchant_id, "
                    + "idem_key, fingerprint, created_at, lease_until) VALUES (?, ?, ?, "
                    + "now() - make_interval(secs => ?), now() + make_interval(secs => ?))")) {
                insert.setString(1, merchantId);
                insert.setString(2, idemKey);
                insert.setString(3, fingerprint);
                insert.setInt(4, claimedSecondsAgo);
                insert.setInt(5, leaseSeconds);
                return insert.executeUpdate();
            }
        });
    }

    /** As a killed instance leaves a key it was running: the response never stored, the lease over. */
    static void abandoned(JdbcOperations jdbc, String merchantId, String idemKey) {
        jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE http_idempotency SET status_code = "
                    + "NULL, response_body = NULL, lease_until = now() - interval '1 second' "
                    + "WHERE merchant_id = ? AND idem_key = ?")) {
                update.setString(1, merchantId);
                update.setString(2, idemKey);
                assertThat(update.executeUpdate()).isEqualTo(1);
                return 1;
            }
        });
    }
}
