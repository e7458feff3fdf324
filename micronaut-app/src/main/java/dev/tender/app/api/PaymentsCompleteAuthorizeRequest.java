package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import dev.tender.app.http.MapLimits;
import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /payments/{payment_id}/complete_authorize. Hyperswitch keeps the redirect's answer itself; here
 * the caller passes it on in {@code redirect_response} (Hyperswitch's {@code RedirectResponse}: the query
 * string in {@code param}, form or JSON fields in {@code json_payload}), and it goes to the connector.
 * {@code shipping} and {@code threeds_method_comp_ind} are taken and not used.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCompleteAuthorizeRequest(@Nullable @Valid RedirectResponse redirectResponse,
                                               @Nullable String clientSecret,
                                               @Nullable @Shape(Shape.Kind.OBJECT) JsonNode shipping,
                                               @Nullable String threedsMethodCompInd) {

    /** {@code RedirectResponse}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RedirectResponse(@Nullable @Size(max = 4096) String param,
                                   @Nullable @MapLimits(keys = 100, keyLength = 255, valueLength = 65_536)
                                   Map<String, String> jsonPayload) {
    }

    /** The redirect's parameters: the query string's, then the payload's; a bad escape is an error in the body. */
    Map<String, String> parameters(JsonBody body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (redirectResponse == null) {
            return parameters;
        }
        if (redirectResponse.param() != null) {
            for (String pair : redirectResponse.param().replaceFirst("^\\?", "").split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    try {
                        parameters.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                                URLDecoder.decode(value, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException badEscape) {
                        body.error("redirect_response.param", "is not a valid query string");
                    }
                }
            }
        }
        if (redirectResponse.jsonPayload() != null) {
            parameters.putAll(redirectResponse.jsonPayload());
        }
        return parameters;
    }
}
