package dev.tender.domain.payment;

public record MandateId(String value) {
    public MandateId {
        Ids.require(value, "mandate_id");
    }

    public static MandateId of(String value) {
        return new MandateId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
