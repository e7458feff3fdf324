package dev.tender.app.http;

import dev.tender.ports.in.FieldError;
import io.vavr.control.Validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Times in requests. */
public final class Instants {

    private Instants() {
    }

    /**
     * A time as Hyperswitch takes it: ISO-8601 with an offset, or without one (UTC), or a date (its start,
     * UTC).
     */
    public static Validation<FieldError, Instant> parse(String field, String value) {
        try {
            return Validation.valid(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Validation.valid(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Validation.valid(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Validation.invalid(new FieldError(field,
                            "must be an ISO-8601 date-time, e.g. 2024-01-31T12:00:00Z"));
                }
            }
        }
    }
}
