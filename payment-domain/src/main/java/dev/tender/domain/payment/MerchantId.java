package dev.tender.domain.payment;

public record MerchantId(String value) {
    public MerchantId {
        Ids.require(value, "merchant_id");
    }

    public static MerchantId of(String value) {
        return new MerchantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
