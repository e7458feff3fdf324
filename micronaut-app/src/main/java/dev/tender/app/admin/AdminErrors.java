package dev.tender.app.admin;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;

/**
 * The admin API's errors, with Hyperswitch's codes and messages, in the shape the payments API answers
 * with ({@link ApiErrors}).
 */
final class AdminErrors {

    private AdminErrors() {
    }

    static ApiException merchantNotFound() {
        return ApiErrors.notFound("merchant account");
    }

    static ApiException apiKeyNotFound() {
        return ApiErrors.notFound("API Key");
    }

    static ApiException connectorAccountNotFound() {
        return ApiErrors.notFound("merchant connector account");
    }

    static ApiException profileNotFound() {
        return ApiErrors.notFound("business profile");
    }

    static ApiException duplicate(String message) {
        return new ApiException(400, "HE_01", message, false);
    }
}
