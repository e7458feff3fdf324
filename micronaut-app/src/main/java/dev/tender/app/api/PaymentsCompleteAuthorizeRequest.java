package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /payments/{payment_id}/complete_authorize. Hyperswitch keeps the redirect's answer itself; here
 * the caller passes it on in {@code redirect_response} (Hyperswitch's {@code RedirectResponse}: the query
 * string in {@code param}, form or JSON fields in {@code json_payload}), and it goes to the connector.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCompleteAuthorizeRequest(Map<String, String> parameters, @Nullable String clientSecret) {

    static PaymentsCompleteAuthorizeRequest read(JsonBody body) {
        body.ignore("shipping", "threeds_method_comp_ind");
        String clientSecret = body.string("client_secret");
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonBody redirect = body.object("redirect_response");
        if (redirect != null) {
            String param = redirect.string("param", 4096);
            if (param != null) {
                for (String pair : param.replaceFirst("^\\?", "").split("&")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        String key = eq < 0 ? pair : pair.substring(0, eq);
                        String value = eq < 0 ? "" : pair.substring(eq + 1);
                        try {
                            parameters.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                                    URLDecoder.decode(value, StandardCharsets.UTF_8));
                        } catch (IllegalArgumentException badEscape) {
                            redirect.error("param", "is not a valid query string");
                        }
                    }
                }
            }
            Map<String, String> payload = redirect.stringMap("json_payload", 100, 255, 65_536);
            if (payload != null) {
                parameters.putAll(payload);
            }
        }
        return new PaymentsCompleteAuthorizeRequest(parameters, clientSecret);
    }
}
