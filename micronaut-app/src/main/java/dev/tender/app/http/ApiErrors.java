package dev.tender.app.http;

import dev.tender.domain.payment.RejectionCode;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CardRules;
import dev.tender.ports.in.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.vavr.collection.Seq;

import java.util.Locale;

/**
 * The one mapping from what went wrong to Hyperswitch's status, code and message.
 *
 * <table>
 *   <tr><th>cause</th><th>status</th><th>code</th></tr>
 *   <tr><td>invalid fields, all of them missing</td><td>400</td><td>IR_04</td></tr>
 *   <tr><td>invalid fields, malformed or wrongly typed JSON, unknown fields</td><td>400</td><td>IR_06</td></tr>
 *   <tr><td>only card checks Hyperswitch fails as preconditions (CVC length, expiry)</td><td>400</td>
 *   <td>IR_16, Hyperswitch's message</td></tr>
 *   <tr><td>rejected by the payment's rules</td><td>400 (404 for HE_02)</td><td>the rejection's code</td></tr>
 *   <tr><td>payment, refund or mandate not found (or another merchant's)</td><td>404</td><td>HE_02</td></tr>
 *   <tr><td>lost race, Idempotency-Key in progress</td><td>409</td><td>HE_00</td></tr>
 *   <tr><td>Idempotency-Key reused for another request</td><td>422</td><td>IR_29</td></tr>
 *   <tr><td>no connector account can take the payment</td><td>400</td><td>IR_39</td></tr>
 *   <tr><td>forged, stale or replayed redirect</td><td>400</td><td>IR_06</td></tr>
 *   <tr><td>anything unexpected</td><td>500</td><td>HE_00, "Something went wrong"</td></tr>
 * </table>
 */
public final class ApiErrors {

    public static final String SOMETHING_WENT_WRONG = "Something went wrong";

    private ApiErrors() {
    }

    public static ApiException of(ApplicationError error) {
        return switch (error) {
            case ApplicationError.Invalid invalid -> invalid(invalid.errors(), true);
            case ApplicationError.Rejected rejected -> {
                String code = rejected.rejection().code().hyperswitchCode();
                int status = rejected.rejection().code() == RejectionCode.TRANSACTION_NOT_FOUND ? 404 : 400;
                yield new ApiException(status, code, rejected.rejection().message(), true);
            }
            case ApplicationError.NotFound notFound -> notFound(notFound.resource());
            case ApplicationError.Conflict conflict -> new ApiException(409, "HE_00", conflict.message(), false);
            case ApplicationError.IdempotencyMismatch mismatch -> idempotencyMismatch(mismatch.key());
            case ApplicationError.NoConnector none -> new ApiException(400, "IR_39", none.message(), true);
            case ApplicationError.RedirectRejected redirect ->
                    new ApiException(400, "IR_06", "The redirect was rejected: " + redirect.reason(), true);
            case ApplicationError.WebhookRejected webhook ->
                    new ApiException(401, "WE_01", "Failed to authenticate the webhook: " + webhook.reason(), true);
        };
    }

    /**
     * Every field error in one message; IR_04 when each of them is a missing field, IR_16 with Hyperswitch's
     * bare messages (which a client may compare) when each is a card precondition, else IR_06.
     */
    public static ApiException invalid(Seq<FieldError> errors, boolean executed) {
        if (!errors.isEmpty() && errors.forAll(CardRules::isHyperswitchPrecondition)) {
            return new ApiException(400, "IR_16", errors.map(FieldError::message).distinct().mkString("; "),
                    executed);
        }
        boolean allMissing = errors.forAll(ApiErrors::isMissing);
        String message = allMissing
                ? "Missing required param: " + errors.map(FieldError::field).distinct().mkString(", ")
                : errors.map(FieldError::toString).distinct().mkString("; ");
        return new ApiException(400, allMissing ? "IR_04" : "IR_06", message, executed);
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "IR_06", message, false);
    }

    public static ApiException notFound(String resource) {
        String name = resource.isEmpty() ? "Resource"
                : resource.substring(0, 1).toUpperCase(Locale.ROOT) + resource.substring(1);
        return new ApiException(404, "HE_02", name + " does not exist in our records", true);
    }

    public static ApiException idempotencyMismatch(String key) {
        return new ApiException(422, "IR_29", "The Idempotency-Key " + key
                + " was already used for a different request; use a new key for a new request", false);
    }

    public static ApiException unexpected() {
        return new ApiException(500, "HE_00", SOMETHING_WENT_WRONG, true);
    }

    static boolean isMissing(FieldError error) {
        return error.message().startsWith("is required");
    }

    public static HttpResponse<ErrorResponse> response(ApiException e) {
        return HttpResponse.<ErrorResponse>status(io.micronaut.http.HttpStatus.valueOf(e.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(e.body());
    }
}
