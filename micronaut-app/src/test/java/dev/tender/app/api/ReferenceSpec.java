package dev.tender.app.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperswitch's v1 OpenAPI description, the copy in the test resources ({@code openapi/hyperswitch-v1.json}):
 * the schemas' fields, in their order, and a plausible value for each.
 */
final class ReferenceSpec {

    private final JsonNode schemas;

    private ReferenceSpec(JsonNode spec) {
        this.schemas = spec.get("components").get("schemas");
    }

    static ReferenceSpec load(JsonMapper json) {
        try (InputStream in = ReferenceSpec.class.getResourceAsStream("/openapi/hyperswitch-v1.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/hyperswitch-v1.json is not in the test resources");
            }
            return new ReferenceSpec(json.readValue(in.readAllBytes(), JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of a schema (its own and those of its {@code allOf} parts), in their order. */
    List<String> fields(String schema) {
        return new ArrayList<>(properties(schemas.get(schema)).keySet());
    }

    /** The fields a schema says are required. */
    List<String> required(String schema) {
        List<String> names = new ArrayList<>();
        JsonNode required = schemas.get(schema).get("required");
        if (required != null) {
            required.values().forEach(n -> names.add(n.getStringValue()));
        }
        return names;
    }

    /** The first value of the field's enum, when its type is one (directly or through a reference). */
    Optional<String> firstEnumValue(String schema, String field) {
        JsonNode type = resolve(properties(schemas.get(schema)).get(field));
        JsonNode values = type == null ? null : type.get("enum");
        return values == null || values.size() == 0 ? Optional.empty()
                : Optional.of(values.values().iterator().next().getStringValue());
    }

    /** The field's JSON type: string, integer, boolean, object or array (the first one that is not null). */
    String type(String schema, String field) {
        JsonNode type = resolve(properties(schemas.get(schema)).get(field));
        if (type == null) {
            return "object";
        }
        JsonNode declared = type.get("type");
        if (declared != null && declared.isString()) {
            return declared.getStringValue();
        }
        if (declared != null && declared.isArray()) {
            for (JsonNode t : declared.values()) {
                if (!t.getStringValue().equals("null")) {
                    return t.getStringValue();
                }
            }
        }
        return type.get("enum") != null ? "string" : "object";
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode own = schema.get("properties");
        if (own != null) {
            own.entries().forEach(e -> properties.put(e.getKey(), e.getValue()));
        }
        JsonNode parts = schema.get("allOf");
        if (parts != null) {
            parts.values().forEach(part -> properties.putAll(properties(resolve(part))));
        }
        return properties;
    }

    /** Follows references and single-part {@code allOf} wrappers down to the type that says something. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && depth < 10; depth++) {
            JsonNode ref = current.get("$ref");
            JsonNode allOf = current.get("allOf");
            if (ref != null) {
                String name = ref.getStringValue();
                current = schemas.get(name.substring(name.lastIndexOf('/') + 1));
            } else if (allOf != null && allOf.size() == 1 && current.get("type") == null) {
                current = allOf.values().iterator().next();
            } else {
                return current;
            }
        }
        return current;
    }
}
