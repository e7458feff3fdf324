package dev.tender.app.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tender.app.http.ApiErrors;
import dev.tender.ports.in.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.List;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A request body read field by field, so that every problem is named with its field at once: wrong
 * types, numbers that are not integers or overflow, and fields the endpoint does not know. Nothing
 * of the body's text is ever quoted back (it may hold a card number).
 */
public final class JsonBody {

    public static final String MALFORMED = "Json deserialize error: the request body is not valid JSON";
    public static final int METADATA_KEYS = 50;
    public static final int METADATA_KEY_LENGTH = 40;
    public static final int METADATA_VALUE_LENGTH = 500;
    public static final int MAX_KEPT_LENGTH = 16_384;
    /** Hyperswitch's longest string field kept as sent ({@code merchant_order_reference_id}, …). */
    public static final int MAX_KEPT_STRING = 255;
    /** Strings inside a kept object or array: an address line, a user agent, a URL (2048, as return_url). */
    public static final int MAX_KEPT_NESTED_STRING = 2048;
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String prefix;
    private final java.util.Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final java.util.List<FieldError> errors;
    private final java.util.List<JsonBody> children = new ArrayList<>();
    private boolean finished;

    private JsonBody(String prefix, @Nullable JsonNode object, java.util.List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
        if (object != null) {
            object.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        }
    }

    /** An absent or empty body is an empty object: every field optional is then absent. */
    public static JsonBody parse(JsonMapper mapper, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return new JsonBody("", null, new ArrayList<>());
        }
        strict(raw);
        JsonNode node;
        try {
            node = mapper.readValue(raw, JsonNode.class);
        } catch (IOException | RuntimeException malformed) {
            throw ApiErrors.invalid(MALFORMED);
        }
        if (node == null || !node.isObject()) {
            throw ApiErrors.invalid("Json deserialize error: the request body must be a JSON object");
        }
        return new JsonBody("", node, new ArrayList<>());
    }

    /** Fields already parsed (kept with a payment, say), read with the same rules as a body's. */
    public static JsonBody of(java.util.Map<String, JsonNode> fields) {
        return new JsonBody("", JsonNode.createObjectNode(fields), new ArrayList<>());
    }

    /**
     * One JSON value and nothing after it, each key once per object: the tree parser takes the first
     * value and the last of duplicate keys, which would let two readers of one body disagree.
     */
    private static void strict(String raw) {
        try (JsonParser parser = STRICT.createParser(raw)) {
            try {
                if (parser.nextToken() != null) {
                    parser.skipChildren();
                    if (parser.nextToken() != null) {
                        throw ApiErrors.invalid(MALFORMED);
                    }
                }
            } catch (JsonParseException malformed) {
                if (malformed.getMessage() != null && malformed.getMessage().startsWith("Duplicate field")) {
                    throw ApiErrors.invalid(List.of(new FieldError(duplicatePath(parser.getParsingContext()),
                            "appears more than once")), false);
                }
                throw ApiErrors.invalid(MALFORMED);
            }
        } catch (IOException malformed) {
            throw ApiErrors.invalid(MALFORMED);
        }
    }

    private static String duplicatePath(JsonStreamContext context) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    private String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        JsonNode node = fields.get(name);
        return node != null && !node.isNull();
    }

    /** Whether the field is in the body at all, even as null. */
    public boolean sent(String name) {
        return fields.containsKey(name);
    }

    /** The field as sent, not checked and not marked read (for keeping it as data). */
    @Nullable
    public JsonNode raw(String name) {
        return fields.get(name);
    }

    public void error(String name, String message) {
        FieldError error = new FieldError(path(name), message);
        if (!errors.contains(error)) { // two readers of one field report its problem once
            errors.add(error);
        }
    }

    /** A required field that is absent: an error, unless reading it already found one. */
    public void required(String name) {
        if (!failed(name)) {
            error(name, "is required");
        }
    }

    /** Whether a field already has an error from reading it (its value was then taken as absent). */
    public boolean failed(String name) {
        return errors.stream().anyMatch(e -> e.field().equals(path(name)) || e.field().startsWith(path(name) + "."));
    }

    @Nullable
    private JsonNode take(String name) {
        read.add(name);
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** The field if present and of the expected kind; otherwise null, with an error if it is of another kind. */
    @Nullable
    private JsonNode take(String name, Predicate<JsonNode> expected, String mustBe) {
        JsonNode node = take(name);
        if (node != null && !expected.test(node)) {
            error(name, mustBe);
            return null;
        }
        return node;
    }

    @Nullable
    public String string(String name) {
        JsonNode node = take(name, JsonNode::isString, "must be a string");
        return node == null ? null : node.getStringValue();
    }

    /** A string of at most {@code maxLength} characters. */
    @Nullable
    public String string(String name, int maxLength) {
        String value = string(name);
        if (value != null && value.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** An integer that fits in a {@code long} (minor units of money, a limit, …). */
    @Nullable
    public Long integer(String name) {
        JsonNode node = take(name, JsonNode::isNumber, "must be an integer");
        if (node == null) {
            return null;
        }
        Number number = node.getNumberValue();
        BigDecimal exact;
        try {
            exact = number instanceof BigDecimal d ? d
                    : number instanceof BigInteger i ? new BigDecimal(i)
                    : number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                    : BigDecimal.valueOf(number.longValue());
        } catch (NumberFormatException notFinite) {
            error(name, "must be an integer");
            return null;
        }
        if (exact.stripTrailingZeros().scale() > 0 || number instanceof Double || number instanceof Float
                || number instanceof BigDecimal) {
            error(name, "must be an integer (amounts are in minor units)");
            return null;
        }
        BigInteger integer = exact.toBigIntegerExact();
        if (integer.bitLength() > 63) {
            error(name, "must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
            return null;
        }
        return integer.longValue();
    }

    /** An array of strings. */
    @Nullable
    public java.util.List<String> strings(String name) {
        JsonNode node = take(name, JsonNode::isArray, "must be an array of strings");
        if (node == null) {
            return null;
        }
        java.util.List<String> values = new ArrayList<>();
        for (JsonNode value : node.values()) {
            if (!value.isString()) {
                error(name, "must be an array of strings");
                return null;
            }
            values.add(value.getStringValue());
        }
        return values;
    }

    /** A value kept as sent, of the JSON kind its property must have. */
    @Nullable
    public JsonNode value(String name, Shape.Kind kind) {
        return take(name, kind::accepts, kind.mustBe);
    }

    @Nullable
    public Boolean bool(String name) {
        JsonNode node = take(name, JsonNode::isBoolean, "must be true or false");
        return node == null ? null : node.getBooleanValue();
    }

    /** A nested object, read with the same rules; its fields are named {@code name.field}. */
    @Nullable
    public JsonBody object(String name) {
        JsonNode node = take(name, JsonNode::isObject, "must be an object");
        if (node == null) {
            return null;
        }
        JsonBody child = new JsonBody(path(name) + ".", node, errors);
        children.add(child);
        return child;
    }

    /**
     * Metadata as Hyperswitch limits it: an object of at most 50 keys of up to 40 characters; values are
     * strings of up to 500 characters (numbers and booleans are kept as their text).
     */
    @Nullable
    public java.util.Map<String, String> metadata(String name) {
        return stringMap(name, METADATA_KEYS, METADATA_KEY_LENGTH, METADATA_VALUE_LENGTH);
    }

    /** An object of scalar values, kept as text, within the given limits. */
    @Nullable
    public java.util.Map<String, String> stringMap(String name, int maxKeys, int maxKeyLength, int maxValueLength) {
        JsonNode node = take(name, JsonNode::isObject, "must be an object");
        if (node == null) {
            return null;
        }
        if (node.size() > maxKeys) {
            error(name, "may have at most " + maxKeys + " keys");
            return null;
        }
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        boolean ok = true;
        for (java.util.Map.Entry<String, JsonNode> entry : node.entries()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String field = name + "." + key;
            if (key.isEmpty() || key.length() > maxKeyLength) {
                error(name, "keys must be 1 to " + maxKeyLength + " characters");
                ok = false;
            } else if (value.isString() || value.isNumber() || value.isBoolean()) {
                String text = value.isString() ? value.getStringValue() : value.coerceStringValue();
                if (text.length() > maxValueLength) {
                    error(field, "must be at most " + maxValueLength + " characters");
                    ok = false;
                } else {
                    values.put(key, text);
                }
            } else {
                error(field, "must be a string, a number or a boolean");
                ok = false;
            }
        }
        return ok ? values : null;
    }

    /**
     * The named fields as sent, to keep with the payment or refund and echo: those sent, not null, read
     * without a problem (their record checked their kind) and within the bounds of a kept value.
     */
    public java.util.Map<String, JsonNode> keep(java.util.Collection<String> names) {
        java.util.Map<String, JsonNode> kept = new java.util.TreeMap<>();
        for (String name : names) {
            JsonNode node = fields.get(name);
            if (node != null && !node.isNull() && !failed(name) && bounded(name, node)) {
                kept.put(name, node);
            }
        }
        return kept;
    }

    /**
     * Whether a value kept as sent is at most {@value #MAX_KEPT_LENGTH} characters of compact JSON (a string
     * at most {@value #MAX_KEPT_STRING}, one inside it {@value #MAX_KEPT_NESTED_STRING}); else an error. Kept
     * values are stored and echoed in every read of their payment or refund (and every page of a list): one of
     * them must not make those reads heavy.
     */
    public boolean bounded(String name, @Nullable JsonNode node) {
        if (node != null && node.isString() && node.getStringValue().length() > MAX_KEPT_STRING) {
            error(name, "must be at most " + MAX_KEPT_STRING + " characters");
            return false;
        }
        if (node != null && JsonLength.of(node, MAX_KEPT_LENGTH) > MAX_KEPT_LENGTH) {
            error(name, "must be at most " + MAX_KEPT_LENGTH + " characters of JSON");
            return false;
        }
        String tooLong = node == null ? null : JsonLength.longString(node, name, MAX_KEPT_NESTED_STRING);
        if (tooLong != null) {
            errors.add(new FieldError(prefix + tooLong, "must be at most " + MAX_KEPT_NESTED_STRING + " characters"));
            return false;
        }
        return true;
    }

    /** How many problems were found so far. */
    public int errorCount() {
        return errors.size();
    }

    /** Fields Hyperswitch clients send that Tender accepts and does not use. */
    public void ignore(String... names) {
        read.addAll(java.util.List.of(names));
    }

    /** Throws every problem of the body, the unknown fields among them, if it has any. */
    public void requireValid() {
        List<FieldError> errors = finish();
        if (!errors.isEmpty()) {
            throw ApiErrors.invalid(errors, false);
        }
    }

    /** Each of the named fields, when sent, as an unknown field: a property of another endpoint's schema. */
    public void refuse(java.util.Collection<String> names) {
        names.stream().filter(this::sent).forEach(name -> error(name, "is not a known field"));
    }

    /** The errors so far, with every field nobody read reported as unknown. */
    public List<FieldError> finish() {
        if (!finished) {
            finished = true;
            addUnknown();
        }
        return List.ofAll(errors);
    }

    private void addUnknown() {
        fields.keySet().stream().filter(name -> !read.contains(name))
                .forEach(name -> errors.add(new FieldError(path(name), "is not a known field")));
        children.forEach(JsonBody::addUnknown);
    }
}
