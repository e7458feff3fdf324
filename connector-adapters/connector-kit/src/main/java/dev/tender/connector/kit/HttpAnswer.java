package dev.tender.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** What the processor answered: status, body and headers. Its {@link #toString()} leaves the body out. */
public record HttpAnswer(int status, String body, HttpHeaders headers) {

    public HttpAnswer {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** The body as JSON; {@link UnreadableAnswer} if it is not. */
    public JsonNode json() {
        return Json.read(body);
    }

    public <T> T json(Class<T> type) {
        return Json.read(body, type);
    }

    /** The body as form fields (some gateways answer form-encoded). */
    public io.vavr.collection.Map<String, String> form() {
        return FormEncoding.decode(body);
    }

    public Option<String> header(String name) {
        return Option.ofOptional(headers.firstValue(name));
    }

    @Override
    public String toString() {
        return "HttpAnswer[status=" + status + ", body=" + body.length() + " chars]";
    }
}
