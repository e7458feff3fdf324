package dev.tender.connector.stripe;

/** Answers shaped like the examples of Stripe's API reference (trimmed to the fields that matter). */
final class StripePayloads {

    private StripePayloads() {
    }

    static String paymentIntent(String id, String status, long amount, long received) {
        return """
                {
                  "id": "%s",
                  "object": "payment_intent",
                  "amount": %d,
                  "amount_capturable": %d,
                  "amount_received": %d,
                  "capture_method": "automatic",
                  "client_secret": "%s_secret_abc",
                  "currency": "usd",
                  "customer": null,
                  "last_payment_error": null,
                  "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
                  "livemode": false,
                  "metadata": {},
                  "next_action": null,
                  "payment_method": "pm_1MtwBwLkdIwHu7ixoGzzcOyX",
                  "payment_method_types": ["card"],
                  "setup_future_usage": null,
                  "status": "%s"
                }
                """.formatted(id, amount, status.equals("requires_capture") ? amount : 0, received, id, status);
    }

    static String requiresAction(String id, String url) {
        return """
                {
                  "id": "%s",
                  "object": "payment_intent",
                  "amount": 1000,
                  "currency": "usd",
                  "status": "requires_action",
                  "next_action": {
                    "type": "redirect_to_url",
                    "redirect_to_url": {"return_url": "https://shop.example/back", "url": "%s"}
                  }
                }
                """.formatted(id, url);
    }

    static String storedForLater(String id, String customer, String paymentMethod) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 1000, "amount_received": 1000, "currency": "usd",
                 "customer": "%s", "payment_method": "%s", "setup_future_usage": "off_session", "status": "succeeded"}
                """.formatted(id, customer, paymentMethod);
    }

    /** Stripe's error object; {@code declineCode} may be null. */
    static String error(String type, String code, String declineCode, String message) {
        return """
                {
                  "error": {
                    "type": "%s",
                    "code": "%s",
                    %s
                    "doc_url": "https://stripe.com/docs/error-codes/%s",
                    "message": "%s",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_xyz"
                  }
                }
                """.formatted(type, code, declineCode == null ? "" : "\"decline_code\": \"" + declineCode + "\",",
                code, message);
    }

    static String refund(String id, String paymentIntent, long amount, String status, String key) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "usd", "payment_intent": "%s",
                 "reason": "requested_by_customer", "status": "%s",
                 "metadata": {"tender_idempotency_key": "%s"}}
                """.formatted(id, amount, paymentIntent, status, key);
    }

    static String setupIntent(String id, String status, String customer, String paymentMethod) {
        return """
                {"id": "%s", "object": "setup_intent", "customer": "%s", "payment_method": "%s",
                 "usage": "off_session", "status": "%s", "next_action": null, "last_setup_error": null}
                """.formatted(id, customer, paymentMethod, status);
    }

    static String customer(String id) {
        return """
                {"id": "%s", "object": "customer", "metadata": {"tender_customer_id": "cust_42"}}
                """.formatted(id);
    }
}
