package dev.tender.app.storage;

import io.vavr.control.Either;
import jakarta.inject.Singleton;

/**
 * Seals a merchant's webhook secrets ({@code webhook_password}, {@code payment_response_hash_key}) for
 * {@code merchants.settings} with the credentials' keys ({@link CredentialsCipher}), under a purpose of their
 * own and bound to the merchant and to which secret it is: a sealed password never opens as a connector
 * credential, a held card, another merchant's secret or the hash key, nor any of those as it.
 */
@Singleton
public final class WebhookSecrets {

    /** Which secret a value is; its wire name is bound into the sealed value. */
    public enum Kind {
        WEBHOOK_PASSWORD("webhook_password"), PAYMENT_RESPONSE_HASH_KEY("payment_response_hash_key");

        private final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    static final String PURPOSE = "merchants.webhook_secrets";

    private final CredentialsCipher cipher;

    WebhookSecrets(SecretKeys keys) {
        this.cipher = new CredentialsCipher(keys, PURPOSE);
    }

    public String seal(String merchantId, Kind kind, String plaintext) {
        return cipher.seal(plaintext, merchantId, kind.field);
    }

    /** The secret, or why it does not open (never quoting it). */
    public Either<String, String> open(String merchantId, Kind kind, String sealed) {
        return cipher.open(sealed, merchantId, kind.field);
    }
}
