package dev.tender.client;

import io.vavr.control.Option;

/**
 * Which payment a call is about and which call it is.
 *
 * <p>{@code paymentId} is your id for the payment (an order id, say); connectors send it to processors
 * that take a merchant reference. {@code requestId} is your id for this one call: use a new one for each
 * operation (order_42-authorize, order_42-capture-1) and the same one when you retry that call.
 *
 * <p><b>Idempotency key.</b> Every call sends the processor an idempotency key, so a retry moves money
 * once. It is {@code idempotencyKey} when you give one; otherwise it is derived, the same on every
 * retry, as {@code <requestId>:<operation>:<accountId>} — operation being the transaction kind
 * ({@code authorize}, {@code capture}, {@code void}, {@code reverse}, {@code refund}, {@code increment},
 * {@code order}, {@code setup_mandate}) and accountId the client's account id (the connector's name unless
 * configured). A request id reused by mistake for another operation therefore never replays the first.
 * {@link PaymentClient#idempotencyKeyFor} tells the key a call sends. To ask about a call later with
 * {@code get}, pass the same {@code CallIds}.
 *
 * <p>Building one throws {@link InvalidRequestException} for ids a connector cannot carry: both ids are 1-64
 * characters of letters, digits, '_', '-', '.', ':'; an idempotency key is 1-255 printable ASCII characters
 */
public record CallIds(String paymentId, String requestId, Option<String> idempotencyKey) {

    public CallIds {
        Checks.of("call ids")
                .id(paymentId, "paymentId")
                .id(requestId, "requestId")
                .present(idempotencyKey, "idempotencyKey")
                .check(idempotencyKey == null
                                || idempotencyKey.forAll(key -> key != null && key.matches("[\\x21-\\x7E]{1,255}")),
                        "idempotencyKey must be 1-255 printable ASCII characters without spaces")
                .orThrow();
    }

    /** Ids whose idempotency key is derived from the request id. */
    public static CallIds of(String paymentId, String requestId) {
        return new CallIds(paymentId, requestId, Option.none());
    }

    /** The same ids sending your own idempotency key. */
    public CallIds withIdempotencyKey(String key) {
        return new CallIds(paymentId, requestId, Option.of(key));
    }
}
