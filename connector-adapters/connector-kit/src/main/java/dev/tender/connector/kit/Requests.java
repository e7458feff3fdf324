package dev.tender.connector.kit;

import dev.tender.ports.out.CallContext;
import io.vavr.collection.Map;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Request builders for the usual shapes of a processor call. */
public final class Requests {

    public static final String JSON = "application/json";

    private Requests() {
    }

    public static HttpRequest.Builder postJson(URI uri, Object body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    }

    public static HttpRequest.Builder postForm(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", FormEncoding.CONTENT_TYPE)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(fields), StandardCharsets.UTF_8));
    }

    public static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", JSON).GET();
    }

    /** Sends the call's idempotency key under the processor's header name, so a retry moves money once. */
    public static HttpRequest.Builder idempotent(HttpRequest.Builder request, String headerName, CallContext context) {
        return request.header(headerName, context.idempotencyKey());
    }

    public static String bearer(String secret) {
        return "Bearer " + secret;
    }

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
