package dev.tender.domain.payment;

public record TransactionId(String value) {
    public TransactionId {
        Ids.require(value, "transaction_id");
    }

    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
