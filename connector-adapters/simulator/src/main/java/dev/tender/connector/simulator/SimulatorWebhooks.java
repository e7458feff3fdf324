package dev.tender.connector.simulator;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The simulator's notifications, signed as processors sign theirs: header {@value #HEADER} is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under the account's {@value #SECRET}
 * credential, accepted within {@link #TOLERANCE} of its arrival. The body is form-encoded:
 * {@code id}, {@code payment_id}, {@code transaction_id} (Tender's own ids, as it sent them),
 * {@code outcome} ({@code approved}, {@code declined} or {@code pending}), and {@code reference},
 * {@code code}, {@code message}. Nothing of a delivery is read before its signature verifies.
 */
public final class SimulatorWebhooks implements WebhookSource {

    public static final String HEADER = "simulator-signature";
    public static final String SECRET = "webhook_secret";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Override
    public Either<Refused, List<Event>> read(Delivery delivery, ConnectorAccount account) {
        Option<String> secret = account.credentials().get(SECRET);
        Option<String> header = delivery.headers().get(HEADER);
        if (secret.isEmpty()) {
            return Either.left(new Refused("the connector account has no " + SECRET));
        }
        if (header.isEmpty()) {
            return Either.left(new Refused("no " + HEADER + " header"));
        }
        Option<Long> at = part(header.get(), "t").flatMap(SimulatorWebhooks::seconds);
        Option<String> signature = part(header.get(), "v1");
        if (at.isEmpty() || signature.isEmpty()) {
            return Either.left(new Refused(HEADER + " is not t=…,v1=…"));
        }
        String expected = sign(secret.get(), at.get(), delivery.body());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.get().getBytes(StandardCharsets.US_ASCII))) {
            return Either.left(new Refused("the signature does not verify"));
        }
        if (Duration.between(Instant.ofEpochSecond(at.get()), delivery.receivedAt()).abs().compareTo(TOLERANCE) > 0) {
            return Either.left(new Refused("the signature is older than " + TOLERANCE.toMinutes() + " minutes"));
        }
        try {
            return Either.right(List.of(event(form(new String(delivery.body(), StandardCharsets.UTF_8)))));
        } catch (IllegalArgumentException unreadable) {
            return Either.left(new Refused("the body is not a simulator event"));
        }
    }

    /** The {@value #HEADER} value for a body sent at {@code at}: what the simulator's sender puts on it. */
    public static String header(String secret, Instant at, byte[] body) {
        return "t=" + at.getEpochSecond() + ",v1=" + sign(secret, at.getEpochSecond(), body);
    }

    private static Event event(java.util.Map<String, String> body) {
        Outcome read = switch (text(body, "outcome")) {
            case "approved" -> Outcome.Approved.of(body.get("reference"));
            case "declined" -> new Outcome.Declined(body.getOrDefault("code", "declined"),
                    body.getOrDefault("message", "declined"));
            case "pending" -> Outcome.Pending.of();
            default -> throw new IllegalArgumentException("unknown outcome");
        };
        return new Event(text(body, "id"), PaymentId.of(text(body, "payment_id")),
                TransactionId.of(text(body, "transaction_id")), read);
    }

    private static java.util.Map<String, String> form(String body) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && fields.putIfAbsent(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("a field twice");
            }
        }
        return fields;
    }

    private static String text(java.util.Map<String, String> body, String field) {
        String value = body.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return value;
    }

    private static Option<String> part(String header, String name) {
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals(name)) {
                return Option.some(pair[1]);
            }
        }
        return Option.none();
    }

    private static Option<Long> seconds(String text) {
        return text.matches("\\d{1,12}") ? Option.some(Long.parseLong(text)) : Option.none();
    }

    private static String sign(String secret, long at, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
