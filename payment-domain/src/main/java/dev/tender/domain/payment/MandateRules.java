package dev.tender.domain.payment;

/** What every entry point that could charge a stored mandate says when it is not the checked one. */
final class MandateRules {

    private MandateRules() {
    }

    static Rejection chargeOnlyThroughTheMandate() {
        return new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                "A stored mandate is charged by creating a payment with its mandate_id, which checks the mandate");
    }
}
