package dev.tender.domain.payment;

/** Stable rejection codes, each mapped to the Hyperswitch error code a client of its API expects. */
public enum RejectionCode {
    /** The operation is not allowed from the payment's status (transition table). */
    PAYMENT_UNEXPECTED_STATE("IR_14"),
    /** Allowed in principle, but not now: an operation is in flight, the cut-off passed, … */
    PRECONDITION_FAILED("IR_16"),
    /** A value is wrong: amount zero or above what is capturable, another currency, … */
    INVALID_REQUEST_DATA("IR_06"),
    MISSING_REQUIRED_FIELD("IR_04"),
    REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT("IR_13"),
    /** The connector serving the payment cannot do this. */
    NOT_SUPPORTED("IR_19"),
    DUPLICATE_TRANSACTION("HE_01"),
    TRANSACTION_NOT_FOUND("HE_02"),
    MANDATE_VALIDATION_FAILED("HE_03"),
    /**
     * A capture after the authorization's window: the processor has released the hold. Hyperswitch has no
     * code for it (its codes end at IR_45), so this one is Tender's own, far above Hyperswitch's range;
     * Stripe answers the same case with {@code charge_expired_for_capture}.
     */
    AUTHORIZATION_EXPIRED("IR_90");

    private final String hyperswitchCode;

    RejectionCode(String hyperswitchCode) {
        this.hyperswitchCode = hyperswitchCode;
    }

    public String hyperswitchCode() {
        return hyperswitchCode;
    }
}
