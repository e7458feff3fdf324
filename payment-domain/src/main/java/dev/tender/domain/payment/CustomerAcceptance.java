package dev.tender.domain.payment;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** The customer's consent to be charged later: required to set up a mandate. */
public record CustomerAcceptance(String acceptanceType, Instant acceptedAt, Option<String> ipAddress,
                                 Option<String> userAgent) {
    public CustomerAcceptance {
        Objects.requireNonNull(acceptanceType, "acceptanceType");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        if (!acceptanceType.equals("online") && !acceptanceType.equals("offline")) {
            throw new IllegalArgumentException("acceptance type must be online or offline: " + acceptanceType);
        }
    }
}
