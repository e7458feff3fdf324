package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Merchants by their publishable key: the key a merchant's web or app client sends, which only opens
 * what a payment's {@code client_secret} then opens (see the api-key filter). Not a secret: it is
 * stored as is.
 */
@Singleton
public class PublishableKeys {

    public static final String PREFIX = "pk_";

    private final JdbcOperations jdbc;

    public PublishableKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<MerchantId> merchantOf(String publishableKey) {
        if (!publishableKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT merchant_id FROM merchants WHERE publishable_key = ? "
                + "AND deleted_at IS NULL", statement -> {
            statement.setString(1, publishableKey);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(MerchantId.of(rows.getString(1))) : Optional.<MerchantId>empty();
            }
        });
    }
}
