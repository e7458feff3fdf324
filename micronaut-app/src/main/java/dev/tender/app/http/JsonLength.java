package dev.tender.app.http;

import io.micronaut.json.tree.JsonNode;

import java.util.Map;

/** The length of a JSON value written compactly (escapes counted as one character), counted up to a limit. */
public final class JsonLength {

    private JsonLength() {
    }

    /** The length, or any number above {@code limit} once the count passes it. */
    public static long of(JsonNode node, long limit) {
        if (node.isString()) {
            return node.getStringValue().length() + 2L;
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.coerceStringValue().length();
        }
        if (node.isNull()) {
            return 4;
        }
        long length = 2;
        if (node.isArray()) {
            for (JsonNode value : node.values()) {
                length += of(value, limit) + 1;
                if (length > limit) {
                    return length;
                }
            }
            return length;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            length += entry.getKey().length() + 4 + of(entry.getValue(), limit);
            if (length > limit) {
                return length;
            }
        }
        return length;
    }

    /** Where the first string longer than {@code max} is inside the value named {@code path}; null if none. */
    public static String longString(JsonNode node, String path, int max) {
        if (node.isString()) {
            return node.getStringValue().length() > max ? path : null;
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode value : node.values()) {
                String found = longString(value, path + "[" + i++ + "]", max);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                String found = longString(entry.getValue(), path + "." + Text.printable(entry.getKey()), max);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
