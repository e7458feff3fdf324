package dev.tender.app.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

/** Admin errors in Hyperswitch's shape. */
final class AdminErrors {

    private AdminErrors() {
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> notFound(String what) {
        return (HttpResponse<T>) error(HttpStatus.NOT_FOUND, "HE_02", what + " does not exist in our records");
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> duplicate(String what) {
        return (HttpResponse<T>) error(HttpStatus.BAD_REQUEST, "HE_01", "The " + what + " already exists in our records");
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> invalid(String message) {
        return (HttpResponse<T>) error(HttpStatus.BAD_REQUEST, "IR_06", message);
    }

    private static HttpResponse<String> error(HttpStatus status, String code, String message) {
        String body = "{\"error\":{\"type\":\"invalid_request\",\"code\":\"" + code + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
