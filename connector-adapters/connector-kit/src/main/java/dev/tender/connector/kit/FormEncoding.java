package dev.tender.connector.kit;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code application/x-www-form-urlencoded} bodies (Stripe and many older gateways), in the map's order. */
public final class FormEncoding {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormEncoding() {
    }

    public static String encode(Map<String, String> fields) {
        return fields.map(field -> encodePart(field._1) + "=" + encodePart(field._2)).mkString("&");
    }

    /** Reads a form body; a field without '=' has the empty value, a repeated field keeps its last value. */
    public static Map<String, String> decode(String body) {
        if (body == null || body.isEmpty()) {
            return LinkedHashMap.empty();
        }
        return List.of(body.split("&")).filter(part -> !part.isEmpty()).foldLeft(LinkedHashMap.empty(),
                (fields, part) -> {
                    int eq = part.indexOf('=');
                    String name = eq < 0 ? part : part.substring(0, eq);
                    String value = eq < 0 ? "" : part.substring(eq + 1);
                    return fields.put(decodePart(name), decodePart(value));
                });
    }

    private static String encodePart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decodePart(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
