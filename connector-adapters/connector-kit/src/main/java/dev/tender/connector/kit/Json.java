package dev.tender.connector.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configured Jackson mapper for every connector. Unknown fields are ignored: processors add
 * fields to their answers without notice, and a new field must not turn an approval into an unknown.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a request body; a body that cannot be written is a bug in the connector. */
    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads an answer; a body that is not JSON is {@link UnreadableAnswer} (the body is not quoted). */
    public static JsonNode read(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new UnreadableAnswer("empty body where JSON was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableAnswer("body is not JSON", e);
        }
    }

    public static <T> T read(String body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableAnswer("body is not a " + type.getSimpleName(), e);
        }
    }
}
