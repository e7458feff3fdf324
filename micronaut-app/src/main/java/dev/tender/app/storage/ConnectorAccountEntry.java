package dev.tender.app.storage;

import dev.tender.ports.out.ConnectorAccount;
import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * A connector account as the admin API manages it: the account routing uses, the business profile it belongs
 * to (null only for an account of a merchant made without one, as some tests do), Hyperswitch's
 * {@code disabled} and {@code status} — the account takes payments when it is not disabled and its status is
 * {@code active} — and {@code test_mode}, kept for the API.
 */
public record ConnectorAccountEntry(ConnectorAccount account, @Nullable String profileId, boolean disabled,
                                    String status, boolean testMode) {

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    public ConnectorAccountEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(status, "status");
        if (!status.equals(ACTIVE) && !status.equals(INACTIVE)) {
            throw new IllegalArgumentException("status must be active or inactive");
        }
        if (account.enabled() != (!disabled && status.equals(ACTIVE))) {
            throw new IllegalArgumentException("an account is enabled exactly when it is not disabled and active");
        }
    }

    /** The names of the account's credentials, sorted (never their values). */
    public io.vavr.collection.List<String> credentialNames() {
        return JdbcConnectorAccounts.credentialValues(account.credentials()).keySet().toList().sorted();
    }

    /** The entry with the account's enabled flag that its disabled flag and status make. */
    public static ConnectorAccountEntry of(ConnectorAccount account, @Nullable String profileId, boolean disabled,
                                           String status, boolean testMode) {
        boolean enabled = !disabled && ACTIVE.equals(status);
        ConnectorAccount routed = new ConnectorAccount(account.id(), account.merchantId(), account.connectorName(),
                account.label(), account.priority(), enabled, account.credentials(), account.settings());
        return new ConnectorAccountEntry(routed, profileId, disabled, status, testMode);
    }
}
