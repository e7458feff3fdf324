package dev.tender.app.storage;

import java.time.Instant;

/**
 * A merchant's business profile. Every merchant gets one named {@code default} when it is created; its
 * connector accounts belong to a profile, and payments will show the profile they were made in.
 */
public record BusinessProfile(String profileId, String merchantId, String profileName, Instant createdAt) {
}
