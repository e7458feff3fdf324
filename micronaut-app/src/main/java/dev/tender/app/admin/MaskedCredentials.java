package dev.tender.app.admin;

import dev.tender.app.storage.ConnectorAccountEntry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code connector_account_details} as the API shows them: each name with its value masked, so an operator
 * sees which credentials are set and never one of them. Hyperswitch shows the first and last two characters;
 * Tender shows none. Only {@code auth_type}, when it is one of Hyperswitch's kinds of credentials, is shown.
 */
final class MaskedCredentials {

    static final String MASK = "********";
    private static final Set<String> AUTH_TYPES = Set.of("HeaderKey", "BodyKey", "SignatureKey", "MultiAuthKey",
            "CurrencyAuthKey", "CertificateAuth", "NoKey", "TemporaryAuth");

    private MaskedCredentials() {
    }

    static Map<String, String> of(ConnectorAccountEntry entry) {
        Map<String, String> masked = new LinkedHashMap<>();
        for (String name : entry.credentialNames()) {
            String authType = name.equals("auth_type")
                    ? entry.account().credentials().get(name).filter(AUTH_TYPES::contains).getOrNull() : null;
            masked.put(name, authType != null ? authType : MASK);
        }
        return masked;
    }
}
