package dev.tender.app.storage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code business_profiles} (V3). */
@MappedEntity("business_profiles")
record BusinessProfileRow(@Id String profileId, String merchantId, String profileName, Instant createdAt) {

    BusinessProfile profile() {
        return new BusinessProfile(profileId, merchantId, profileName, createdAt);
    }
}
