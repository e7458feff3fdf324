package dev.tender.client;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/**
 * Everything the customer's browser brought back to the return URL: the query or form parameters,
 * each name once (reject a request that repeats a name before it gets here). The client picks out the
 * ones it signed; the rest are the processor's and come back in
 * {@link VerifyRedirectResult#processorParameters()}.
 *
 * <p>Building one throws {@link InvalidRequestException} when the map is missing; a null or malformed entry is
 * a rejected result
 */
public record VerifyRedirectRequest(Map<String, String> parameters) {

    public VerifyRedirectRequest {
        Checks.of("verify redirect request").present(parameters, "parameters").orThrow();
    }

    public static VerifyRedirectRequest of(java.util.Map<String, String> parameters) {
        return new VerifyRedirectRequest(parameters == null ? null : LinkedHashMap.ofAll(parameters));
    }
}
