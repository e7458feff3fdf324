package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * A merchant's customer, as Hyperswitch's {@code CustomerResponse} shows it. {@code address} is the JSON of
 * Hyperswitch's {@code AddressDetails} as sent; {@code metadata} the merchant's strings.
 */
public record Customer(String merchantId, String customerId, @Nullable String name, @Nullable String email,
                       @Nullable String phone, @Nullable String phoneCountryCode, @Nullable String description,
                       @Nullable String taxRegistrationId, @Nullable String address,
                       @Nullable Map<String, String> metadata, Instant createdAt, Instant updatedAt) {

    /** What Hyperswitch writes over a deleted customer's personal data. */
    public static final String REDACTED = "Redacted";

    /** This customer with the given fields replaced; a null leaves a field as it is. */
    public Customer with(Changes c, Instant now) {
        return new Customer(merchantId, customerId, or(c.name(), name), or(c.email(), email), or(c.phone(), phone),
                or(c.phoneCountryCode(), phoneCountryCode), or(c.description(), description),
                or(c.taxRegistrationId(), taxRegistrationId), or(c.address(), address),
                c.metadata() != null ? c.metadata() : metadata, createdAt, now);
    }

    /**
     * Its personal data replaced by {@link #REDACTED} as Hyperswitch does; its address, metadata and tax id
     * dropped.
     */
    Customer redacted(Instant now) {
        return new Customer(merchantId, customerId, REDACTED, REDACTED, REDACTED, REDACTED, REDACTED, null,
                null, null, createdAt, now);
    }

    private static String or(@Nullable String given, @Nullable String current) {
        return given != null ? given : current;
    }

    /** The fields a create, an update or a payment gives; null ones are not given. */
    public record Changes(@Nullable String name, @Nullable String email, @Nullable String phone,
                          @Nullable String phoneCountryCode, @Nullable String description,
                          @Nullable String taxRegistrationId, @Nullable String address,
                          @Nullable Map<String, String> metadata) {

        /** Whether no field is given. */
        public boolean isEmpty() {
            return name == null && email == null && phone == null && phoneCountryCode == null && description == null
                    && taxRegistrationId == null && address == null && metadata == null;
        }

        public Customer newCustomer(String merchantId, String customerId, Instant now) {
            return new Customer(merchantId, customerId, name, email, phone, phoneCountryCode, description,
                    taxRegistrationId, address, metadata, now, now);
        }
    }
}
