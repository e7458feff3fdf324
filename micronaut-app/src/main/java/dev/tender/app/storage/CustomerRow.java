package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;

/** A row of {@code customers} (V12); the metadata is JSON text through Micronaut Serialization. */
@MappedEntity("customers")
record CustomerRow(@EmbeddedId Key id, @Nullable String name, @Nullable String email, @Nullable String phone,
                   @Nullable String phoneCountryCode, @Nullable String description,
                   @Nullable String taxRegistrationId, @Nullable String address,
                   @Nullable @TypeDef(type = DataType.JSON) Map<String, String> metadata, Instant createdAt,
                   Instant updatedAt, @Nullable Instant deletedAt, @Version long version) {

    /** The customer's key. */
    @Embeddable
    record Key(@MappedProperty("merchant_id") String merchantId,
               @MappedProperty("customer_id") String customerId) {
    }
}
