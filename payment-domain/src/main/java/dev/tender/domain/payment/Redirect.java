package dev.tender.domain.payment;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

import java.util.Objects;

/** Where the customer must go to finish (3DS challenge, bank page): URL, HTTP method and form fields. */
public record Redirect(String url, String method, Map<String, String> parameters) {
    public Redirect {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parameters, "parameters");
    }

    public static Redirect get(String url) {
        return new Redirect(url, "GET", LinkedHashMap.empty());
    }
}
