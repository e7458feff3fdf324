package dev.tender.app.admin;

import dev.tender.app.http.JsonBody;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Hyperswitch's {@code ApiKeyExpiration}: {@code "never"} or an ISO-8601 date-time (UTC when it has no
 * offset), which must be in the future. {@code at} is null for never.
 */
record ApiKeyExpiration(@Nullable Instant at) {

    static final String NEVER = "never";

    /** The field's expiry; null if it is absent or wrong (then with an error). */
    @Nullable
    static ApiKeyExpiration read(JsonBody body, String name, @Nullable String value, Instant now) {
        if (value == null) {
            return null;
        }
        if (value.equals(NEVER)) {
            return new ApiKeyExpiration(null);
        }
        Instant at = parse(value);
        if (at == null || !at.isAfter(now) || at.isAfter(LATEST)) {
            body.error(name, "must be never or an ISO-8601 date-time in the future, before the year 10000, "
                    + "e.g. 2030-01-31T12:00:00Z");
            return null;
        }
        return new ApiKeyExpiration(at);
    }

    @Nullable
    /** The latest expiry the database stores (and far beyond any key's useful life). */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /** As the API shows it: {@code never}, or the date-time in UTC. */
    static String wire(@Nullable Instant at) {
        return at == null ? NEVER : at.toString();
    }
}
