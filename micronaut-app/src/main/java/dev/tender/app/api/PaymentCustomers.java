package dev.tender.app.api;

import dev.tender.app.storage.Customer;
import dev.tender.app.storage.Customers;
import dev.tender.domain.payment.Payment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * What Hyperswitch does with a payment's {@code customer_id}: the customer is created when the merchant has
 * none of that id, and the fields the request's {@code customer} object (or the deprecated top-level fields,
 * already folded into it by {@link CustomerFields}) gives replace its own when it has. It runs after the
 * payment is saved, through {@link AfterTheOutcome}: a failure here never fails the payment. A value longer
 * than a customer's field takes is left out rather than cut.
 */
@Singleton
class PaymentCustomers {

    private static final int MAX_FIELD = 255;

    private final Customers customers;

    PaymentCustomers(Customers customers) {
        this.customers = customers;
    }

    void keep(Payment payment, Map<String, JsonNode> kept) {
        if (payment.customerId().isEmpty()) {
            return;
        }
        String customerId = payment.customerId().get();
        JsonNode sent = kept.get("customer");
        JsonNode customer = sent != null && sent.isObject() ? sent : null;
        Customer.Changes changes = new Customer.Changes(text(customer, "name"), text(customer, "email"),
                text(customer, "phone"), text(customer, "phone_country_code"), null, null, null, null);
        AfterTheOutcome.keep("customer", payment.id().value(),
                () -> customers.upsert(payment.merchantId().value(), customerId, changes, Instant.now()));
    }

    @Nullable
    private static String text(@Nullable JsonNode customer, String name) {
        JsonNode value = customer == null ? null : customer.get(name);
        return value != null && value.isString() && value.getStringValue().length() <= MAX_FIELD
                ? value.getStringValue() : null;
    }
}
