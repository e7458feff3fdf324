package dev.tender.benchmarks.load;

import java.util.Optional;

/**
 * Reads one string field out of a JSON answer without a JSON library: the first {@code "name":"value"}
 * in the text. Enough for the load run, which needs a payment's id and the top-level status, and both come
 * before any nested object in Tender's answers (Hyperswitch's schema order).
 */
final class JsonText {

    private JsonText() {
    }

    static Optional<String> firstString(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        while (at >= 0) {
            int i = skipSpaces(json, at + key.length());
            if (i < json.length() && json.charAt(i) == ':') {
                i = skipSpaces(json, i + 1);
                if (i < json.length() && json.charAt(i) == '"') {
                    int end = json.indexOf('"', i + 1);
                    if (end > 0) {
                        return Optional.of(json.substring(i + 1, end));
                    }
                }
                return Optional.empty();
            }
            at = json.indexOf(key, at + 1);
        }
        return Optional.empty();
    }

    private static int skipSpaces(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
