package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * POST /payments, as Hyperswitch's {@code PaymentsCreateRequest}. Fields a Hyperswitch client commonly
 * sends that Tender does not use (addresses, browser info, statement descriptors, …) are accepted and
 * ignored; any other field is refused. {@code description} is accepted and not kept.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCreateRequest(@Nullable Long amount, @Nullable String currency, @Nullable String captureMethod,
                                    @Nullable Boolean confirm, @Nullable String paymentId,
                                    @Nullable String customerId, @Nullable String paymentMethod,
                                    @Nullable PaymentMethodDataRequest paymentMethodData,
                                    @Nullable Map<String, String> metadata, @Nullable String returnUrl,
                                    @Nullable String description) {

    /** Accepted for compatibility with Hyperswitch clients, not used. */
    static final String[] IGNORED = {"authentication_type", "billing", "shipping", "customer", "email", "name",
        "phone", "phone_country_code", "browser_info", "payment_method_type", "statement_descriptor_name",
        "statement_descriptor_suffix", "order_details", "business_country", "business_label", "profile_id",
        "merchant_order_reference_id", "client_secret", "session_expiry", "payment_experience", "merchant_id"};

    static PaymentsCreateRequest read(JsonBody body) {
        body.ignore(IGNORED);
        return new PaymentsCreateRequest(body.integer("amount"), body.string("currency"),
                body.string("capture_method"), body.bool("confirm"), body.string("payment_id"),
                body.string("customer_id"), body.string("payment_method"),
                PaymentMethodDataRequest.read(body, "payment_method_data"), body.metadata("metadata"),
                body.string("return_url"), body.string("description", 1000));
    }
}
