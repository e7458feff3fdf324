package dev.tender.domain.payment;

public record PaymentId(String value) {
    public PaymentId {
        Ids.require(value, "payment_id");
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
