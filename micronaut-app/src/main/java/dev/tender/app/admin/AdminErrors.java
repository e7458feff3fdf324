package dev.tender.app.admin;

import dev.tender.app.api.ApiErrors;
import dev.tender.app.api.ApiException;
import io.micronaut.http.HttpResponse;

/** Admin errors, in the same Hyperswitch shape the payments API answers with ({@link ApiErrors}). */
final class AdminErrors {

    private AdminErrors() {
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> notFound(String what) {
        return (HttpResponse<T>) ApiErrors.response(ApiErrors.notFound(what));
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> duplicate(String what) {
        return (HttpResponse<T>) ApiErrors.response(new ApiException(400, "HE_01",
                "The " + what + " already exists in our records", false));
    }

    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> invalid(String message) {
        return (HttpResponse<T>) ApiErrors.response(ApiErrors.invalid(message));
    }
}
