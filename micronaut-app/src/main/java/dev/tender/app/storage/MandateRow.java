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
import java.util.List;

/**
 * A row of {@code mandates} (V1). The acceptance and the charges are JSON text through Micronaut Serialization,
 * in the shapes {@link JsonColumns} has always written; the amount limit is in the mandate's currency.
 */
@MappedEntity("mandates")
record MandateRow(@EmbeddedId Key id, String customerId, String status, String mandateType,
                  @Nullable Long amountLimit, String currency, String connectorAccountId,
                  String connectorMandateReference, @TypeDef(type = DataType.JSON) JsonColumns.AcceptanceRow acceptance,
                  String setupPaymentId, @TypeDef(type = DataType.JSON) List<String> charges, Instant createdAt,
                  Instant updatedAt, @Version long version) {

    /** The mandate's key. */
    @Embeddable
    record Key(@MappedProperty("merchant_id") String merchantId, @MappedProperty("mandate_id") String mandateId) {
    }
}
