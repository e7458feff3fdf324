package dev.tender.app.storage;

import dev.tender.domain.payment.Payment;

/**
 * A payment as text that does not depend on the JVM it was made in: the record's own {@code toString} with its
 * capabilities (a hash set, in an order that varies from run to run) listed sorted by name.
 */
final class PaymentCanonical {

    private PaymentCanonical() {
    }

    static String of(Payment payment) {
        String capabilities = payment.capabilities().toString();
        String sorted = "capabilities" + payment.capabilities().map(Enum::name).toSortedSet().mkString("[", ", ", "]");
        return payment.toString().replace(capabilities, sorted);
    }
}
