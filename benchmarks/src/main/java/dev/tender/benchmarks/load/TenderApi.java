package dev.tender.benchmarks.load;

import java.net.URI;

/**
 * The service calls of the load run over one connection, each checked: a wrong status code or payment
 * status throws, so a run that measured failures instead of payments cannot report a figure.
 */
final class TenderApi implements AutoCloseable {

    static final long AMOUNT = 6540;

    private static final String CARD = "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{"
            + "\"card_number\":\"4242424242424242\",\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\","
            + "\"card_cvc\":\"123\",\"card_holder_name\":\"Load Run\"}}";
    private static final String CREATE = "{\"amount\":" + AMOUNT + ",\"currency\":\"USD\",\"confirm\":true,"
            + "\"capture_method\":\"manual\",\"customer_id\":\"cus_load\"," + CARD + "}";
    private static final String CAPTURE = "{\"amount_to_capture\":" + AMOUNT + "}";

    private final HttpConnection http;
    private final String apiKey;

    TenderApi(URI base, String apiKey) {
        this.http = new HttpConnection(base);
        this.apiKey = apiKey;
    }

    /** Creates a merchant with a simulator account and answers a new API key of it. */
    static String createMerchant(URI base, String adminKey, String merchantId) {
        try (HttpConnection admin = new HttpConnection(base)) {
            expect(admin.send("POST", "/accounts", adminKey, "{\"merchant_id\":\"" + merchantId + "\"}"), 200,
                    "create the merchant");
            HttpConnection.Response key = expect(admin.send("POST", "/api_keys/" + merchantId, adminKey,
                    "{\"name\":\"load run\",\"expiration\":\"never\"}"), 200, "create an API key");
            expect(admin.send("POST", "/account/" + merchantId + "/connectors", adminKey,
                    "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}"), 200,
                    "create a simulator connector account");
            return JsonText.firstString(key.body(), "api_key")
                    .orElseThrow(() -> new IllegalStateException("no api_key in " + key.body()));
        }
    }

    /** POST /payments with confirm: true and manual capture: authorized, waiting for the capture. */
    String createConfirmed() {
        HttpConnection.Response created = expect(http.send("POST", "/payments", apiKey, CREATE), 200, "create");
        expectStatus(created, "requires_capture", "create");
        return JsonText.firstString(created.body(), "payment_id").orElseThrow();
    }

    void capture(String paymentId) {
        expectStatus(expect(http.send("POST", "/payments/" + paymentId + "/capture", apiKey, CAPTURE), 200,
                "capture"), "succeeded", "capture");
    }

    void refund(String paymentId) {
        expectStatus(expect(http.send("POST", "/refunds", apiKey,
                "{\"payment_id\":\"" + paymentId + "\",\"amount\":" + AMOUNT + "}"), 200, "refund"),
                "succeeded", "refund");
    }

    void retrieve(String paymentId) {
        expect(http.send("GET", "/payments/" + paymentId, apiKey, null), 200, "retrieve");
    }

    /** The newest ten payments. */
    void list() {
        expect(http.send("GET", "/payments/list?limit=10", apiKey, null), 200, "list");
    }

    /** The ten payments older than the given one: a page deep in the list (keyset). */
    void listAfter(String paymentId) {
        expect(http.send("GET", "/payments/list?limit=10&starting_after=" + paymentId, apiKey, null), 200, "list");
    }

    private static HttpConnection.Response expect(HttpConnection.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    private static void expectStatus(HttpConnection.Response response, String status, String what) {
        String actual = JsonText.firstString(response.body(), "status").orElse("(none)");
        if (!actual.equals(status)) {
            throw new IllegalStateException(what + " left the status " + actual + ", not " + status + ": "
                    + response.body());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
