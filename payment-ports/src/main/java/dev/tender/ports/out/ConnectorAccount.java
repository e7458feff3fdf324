package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.collection.Map;

import java.util.Objects;

/**
 * A merchant's configured account at one connector: which connector, its credentials and settings
 * (a base URL, say), and where it stands in the merchant's routing order (lower priority first).
 */
public record ConnectorAccount(String id, MerchantId merchantId, String connectorName, String label, int priority,
                               boolean enabled, Credentials credentials, Map<String, String> settings) {
    public ConnectorAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(settings, "settings");
    }
}
