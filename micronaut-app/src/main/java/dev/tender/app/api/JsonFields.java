package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

import java.util.Map;

/**
 * The payments API's strict reading of a request body ({@link JsonBody}) for the controllers outside this
 * package: each field read by its name and kind, every problem named by its field, unknown fields refused,
 * and all of them answered at once in Hyperswitch's error shape ({@code IR_04} when every problem is a
 * missing field, else {@code IR_06}).
 */
public final class JsonFields {

    private final JsonBody body;

    private JsonFields(JsonBody body) {
        this.body = body;
    }

    /** An absent or empty body reads as an empty object. Malformed JSON is refused at once. */
    public static JsonFields parse(JsonMapper mapper, @Nullable String raw) {
        return new JsonFields(JsonBody.parse(mapper, raw));
    }

    @Nullable
    public String string(String name) {
        return body.string(name);
    }

    /** A string of at most {@code maxLength} characters. */
    @Nullable
    public String string(String name, int maxLength) {
        return body.string(name, maxLength);
    }

    /** An integer that fits in a long. */
    @Nullable
    public Long integer(String name) {
        return body.integer(name);
    }

    @Nullable
    public Boolean bool(String name) {
        return body.bool(name);
    }

    /** A nested object, read with the same rules; its fields are named {@code name.field}. */
    @Nullable
    public JsonFields object(String name) {
        JsonBody child = body.object(name);
        return child == null ? null : new JsonFields(child);
    }

    /** Metadata as Hyperswitch limits it: at most 50 keys of up to 40 characters, values up to 500. */
    @Nullable
    public Map<String, String> metadata(String name) {
        return body.metadata(name);
    }

    /** An object of scalar values, kept as text, within the given limits. */
    @Nullable
    public Map<String, String> stringMap(String name, int maxKeys, int maxKeyLength, int maxValueLength) {
        return body.stringMap(name, maxKeys, maxKeyLength, maxValueLength);
    }

    /** {@code return_url}: an absolute http(s) URL of at most 2048 characters. */
    @Nullable
    public String returnUrl() {
        return Requests.returnUrl(body, body.string("return_url"));
    }

    /** The field's full name, as errors show it. */
    public String path(String name) {
        return body.path(name);
    }

    /** Present and not null. */
    public boolean has(String name) {
        return body.has(name);
    }

    /** Whether reading the field already found a problem with it. */
    public boolean failed(String name) {
        return body.failed(name);
    }

    public void error(String name, String message) {
        body.error(name, message);
    }

    /** A required field that is absent: an error unless reading it already found one. */
    public void required(String name) {
        body.required(name);
    }

    /** Fields Hyperswitch clients send that Tender accepts and does not use. */
    public void ignore(String... names) {
        body.ignore(names);
    }

    /** Throws every problem found, with the unknown fields, if there is any. */
    public void requireValid() {
        Requests.requireValid(body);
    }
}
