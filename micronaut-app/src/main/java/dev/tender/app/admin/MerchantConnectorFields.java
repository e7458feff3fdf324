package dev.tender.app.admin;

import dev.tender.app.http.JsonBody;
import dev.tender.app.storage.ConnectorAccountEntry;
import dev.tender.application.AuthorizationWindows;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The fields of {@code MerchantConnectorCreate} and {@code MerchantConnectorUpdate}
 * ({@link MerchantConnectorRequest}) that Tender uses, each null when absent; {@code priority} (lower first
 * in routing) is Tender's own.
 */
record MerchantConnectorFields(@Nullable String connectorType, @Nullable String connectorLabel,
                               @Nullable Map<String, String> credentials, @Nullable Map<String, String> metadata,
                               @Nullable Boolean testMode, @Nullable Boolean disabled, @Nullable String status,
                               @Nullable Integer priority) {

    static final String PAYMENT_PROCESSOR = "payment_processor";
    /** Hyperswitch's limits of {@code connector_account_details}; the names are kept plain so they store exactly. */
    static final int MAX_CREDENTIALS = 50;
    static final int MAX_CREDENTIAL_NAME_LENGTH = 40;
    static final int MAX_CREDENTIAL_LENGTH = 500;

    /** The request's fields Tender uses, each checked (an error in the body otherwise, and null). */
    static MerchantConnectorFields of(MerchantConnectorRequest request, JsonBody body) {
        String connectorType = request.connectorType();
        if (connectorType != null && !connectorType.equals(PAYMENT_PROCESSOR)) {
            body.error("connector_type", "must be payment_processor: the only kind of connector Tender routes to");
            connectorType = null;
        }
        String label = request.connectorLabel();
        if (label != null && label.isBlank()) {
            body.error("connector_label", "must not be blank");
            label = null;
        }
        Map<String, String> credentials = body.stringMap("connector_account_details", MAX_CREDENTIALS,
                MAX_CREDENTIAL_NAME_LENGTH, MAX_CREDENTIAL_LENGTH);
        if (credentials != null && !credentials.keySet().stream().allMatch(n -> n.matches("[A-Za-z0-9_.-]+"))) {
            body.error("connector_account_details", "names must be letters, digits, '_', '-' or '.'");
            credentials = null;
        }
        String status = request.status();
        if (status != null && !status.equals(ConnectorAccountEntry.ACTIVE)
                && !status.equals(ConnectorAccountEntry.INACTIVE)) {
            body.error("status", "must be active or inactive");
            status = null;
        }
        Long priority = request.priority();
        if (priority != null && (priority < Integer.MIN_VALUE || priority > Integer.MAX_VALUE)) {
            body.error("priority", "must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            priority = null;
        }
        Map<String, String> metadata = request.metadata();
        // kept as the account's settings; the authorization window one decides when its payments expire
        if (metadata != null && metadata.containsKey(AuthorizationWindows.SETTING)
                && AuthorizationWindows.parse(metadata.get(AuthorizationWindows.SETTING)).isEmpty()) {
            body.error("metadata." + AuthorizationWindows.SETTING,
                    "must be an ISO-8601 duration of whole seconds above zero, e.g. P7D or PT36H");
            metadata = null;
        }
        return new MerchantConnectorFields(connectorType, label, credentials, metadata,
                request.testMode(), request.disabled(), status, priority == null ? null : priority.intValue());
    }
}
