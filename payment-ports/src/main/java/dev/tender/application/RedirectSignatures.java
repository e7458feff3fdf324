package dev.tender.application;

import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs the parameters a customer's browser carries back from a redirect (3DS challenge, bank page)
 * and verifies them when the browser returns, so a customer cannot change an amount, a payment id
 * or an outcome on the way.
 *
 * <p><b>What is signed.</b> Every parameter except {@value #SIGNATURE}, including the two this class
 * adds: {@value #ISSUED_AT} (epoch seconds) and {@value #NONCE} (unique per issued redirect). The MAC
 * is HMAC-SHA256 with the merchant's secret over a canonical encoding: a version tag, the number of
 * parameters, then each key and value as its strict UTF-8 bytes prefixed by their length (4 bytes,
 * big-endian), keys sorted by their UTF-8 bytes. Length prefixes make the encoding injective: moving
 * characters between a key and a value, or between two parameters, changes the bytes. A parameter
 * added, removed or changed after signing fails verification, so pass {@link #verify} exactly the
 * parameters that were signed (a processor's own additions to the return URL are not covered).
 * The signature is base64url without padding (43 characters).
 *
 * <p><b>What verify checks</b>, first failure wins: the parameters are well formed (no nulls, no
 * unpaired surrogates); the signature, issued-at and nonce are present and well formed; the MAC
 * matches (constant-time comparison of the exact signature text, so no second spelling of one
 * signature is accepted); the redirect was issued at most {@code maxAge} ago and at most
 * {@code maxFutureSkew} ahead of {@code now}. Bad input is a {@link Rejected} value, never an exception.
 *
 * <p><b>Replay is the caller's job.</b> This class keeps no state, so a valid redirect verifies again
 * and again until it expires. A stateful caller records {@link Verified#replayKey()} as used (a unique
 * key in its store) and refuses a key it has seen; it may forget a key after {@link Verified#expiresAt()},
 * because from then on verify refuses the redirect by age.
 *
 * <p>The secret is configuration, not input: one shorter than {@value #MIN_SECRET_BYTES} bytes (the
 * HMAC-SHA256 output length, RFC 2104 §3) is a programming error and throws. Thread-safe; pure apart
 * from the JDK's MAC (time is a parameter).
 */
public final class RedirectSignatures {

    public static final String SIGNATURE = "tender_signature";
    public static final String ISSUED_AT = "tender_issued_at";
    public static final String NONCE = "tender_nonce";
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(1);

    /** Redirects finish in minutes; the bound also keeps instant arithmetic far from overflow. */
    private static final Duration MAX_WINDOW = Duration.ofDays(7);
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] VERSION = "tender-redirect-v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern ISSUED_AT_FORMAT = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");

    private final Duration maxAge;
    private final Duration maxFutureSkew;

    /** Why a redirect was refused. */
    public enum Reason {
        MALFORMED_PARAMETERS,
        MISSING_SIGNATURE,
        MALFORMED_SIGNATURE,
        MISSING_ISSUED_AT,
        MALFORMED_ISSUED_AT,
        MISSING_NONCE,
        MALFORMED_NONCE,
        SIGNATURE_MISMATCH,
        EXPIRED,
        ISSUED_IN_FUTURE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A refusal: a stable {@code reason} and a message for logs (it never contains the secret or the expected MAC). */
    public record Rejected(Reason reason, String message) {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A redirect whose signature and age are good. {@code parameters} are the signed ones without the
     * three this class adds. {@link #replayKey()} is what a caller records as used; {@code expiresAt}
     * is the last instant at which verify accepts it.
     */
    public record Verified(Map<String, String> parameters, Instant issuedAt, String nonce, String signature,
                           Instant expiresAt) {
        public Verified {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /**
         * The signature: unique per issued redirect (the nonce sees to that), unforgeable without the
         * secret, and spelled one way only, so a replay cannot present a different key.
         */
        public String replayKey() {
            return signature;
        }
    }

    /**
     * A redirect is accepted from {@code maxFutureSkew} before its issued-at (another server's clock
     * may run ahead) until {@code maxAge} after it, both ends included; neither may exceed seven days.
     */
    public RedirectSignatures(Duration maxAge, Duration maxFutureSkew) {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative: " + maxFutureSkew);
        }
        if (maxAge.compareTo(MAX_WINDOW) > 0 || maxFutureSkew.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("a redirect window longer than " + MAX_WINDOW + " is a mistake");
        }
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
    }

    /** A 15-minute freshness window, tolerating issuers' clocks up to one minute ahead. */
    public static RedirectSignatures standard() {
        return new RedirectSignatures(DEFAULT_MAX_AGE, DEFAULT_MAX_FUTURE_SKEW);
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    /**
     * The parameters plus {@value #ISSUED_AT}, {@value #NONCE} and {@value #SIGNATURE}. Called by
     * trusted code: a reserved name among the parameters, a null, an unpaired surrogate, a nonce
     * outside {@code [A-Za-z0-9_-.:]{1,64}} or an instant before 1970 is a programming error and throws.
     */
    public Map<String, String> sign(byte[] secret, Map<String, String> parameters, Instant issuedAt, String nonce) {
        requireSecret(secret);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(nonce, "nonce");
        if (!NONCE_FORMAT.matcher(nonce).matches()) {
            throw new IllegalArgumentException("nonce must be 1-64 characters of letters, digits, '_', '-', '.', ':'");
        }
        if (issuedAt.getEpochSecond() < 0) {
            throw new IllegalArgumentException("issuedAt must not be before 1970: " + issuedAt);
        }
        if (parameters.exists(entry -> entry._1 == null || entry._2 == null)) {
            throw new NullPointerException("a parameter name or value is null");
        }
        List<String> reserved = List.of(SIGNATURE, ISSUED_AT, NONCE).filter(parameters::containsKey);
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("reserved parameter names: " + reserved.mkString(", "));
        }
        Map<String, String> toSign = parameters
                .put(ISSUED_AT, Long.toString(issuedAt.getEpochSecond()))
                .put(NONCE, nonce);
        String signature = encoded(secret, toSign)
                .getOrElseThrow(rejected -> new IllegalArgumentException(rejected.message()));
        return toSign.put(SIGNATURE, signature);
    }

    /** Checks signature and age as the class comment says; never throws for bad parameters. */
    public Either<Rejected, Verified> verify(byte[] secret, Map<String, String> parameters, Instant now) {
        requireSecret(secret);
        Objects.requireNonNull(now, "now");
        if (parameters == null) {
            return reject(Reason.MALFORMED_PARAMETERS, "no parameters");
        }
        if (parameters.exists(entry -> entry._1 == null || entry._2 == null)) {
            return reject(Reason.MALFORMED_PARAMETERS, "a parameter name or value is null");
        }
        Option<String> signature = parameters.get(SIGNATURE);
        Option<String> issuedAt = parameters.get(ISSUED_AT);
        Option<String> nonce = parameters.get(NONCE);
        if (signature.isEmpty()) {
            return reject(Reason.MISSING_SIGNATURE, "parameter " + SIGNATURE + " is missing");
        }
        if (!SIGNATURE_FORMAT.matcher(signature.get()).matches()) {
            return reject(Reason.MALFORMED_SIGNATURE, SIGNATURE + " is not 43 characters of base64url");
        }
        if (issuedAt.isEmpty()) {
            return reject(Reason.MISSING_ISSUED_AT, "parameter " + ISSUED_AT + " is missing");
        }
        if (!ISSUED_AT_FORMAT.matcher(issuedAt.get()).matches()) {
            return reject(Reason.MALFORMED_ISSUED_AT, ISSUED_AT + " is not epoch seconds");
        }
        if (nonce.isEmpty()) {
            return reject(Reason.MISSING_NONCE, "parameter " + NONCE + " is missing");
        }
        if (!NONCE_FORMAT.matcher(nonce.get()).matches()) {
            return reject(Reason.MALFORMED_NONCE, NONCE + " is not 1-64 characters of letters, digits, '_', '-', '.', ':'");
        }
        Either<Rejected, String> expected = encoded(secret, parameters.remove(SIGNATURE));
        if (expected.isLeft()) {
            return Either.left(expected.getLeft());
        }
        if (!MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                signature.get().getBytes(StandardCharsets.US_ASCII))) {
            return reject(Reason.SIGNATURE_MISMATCH, "the signature does not match the parameters");
        }
        return fresh(Instant.ofEpochSecond(Long.parseLong(issuedAt.get())), now)
                .map(issued -> new Verified(parameters.removeAll(List.of(SIGNATURE, ISSUED_AT, NONCE)), issued,
                        nonce.get(), signature.get(), issued.plus(maxAge)));
    }

    private Either<Rejected, Instant> fresh(Instant issuedAt, Instant now) {
        if (issuedAt.isAfter(now.plus(maxFutureSkew))) {
            return reject(Reason.ISSUED_IN_FUTURE, "issued at " + issuedAt + ", more than " + maxFutureSkew
                    + " after " + now);
        }
        if (now.isAfter(issuedAt.plus(maxAge))) {
            return reject(Reason.EXPIRED, "issued at " + issuedAt + ", more than " + maxAge + " before " + now);
        }
        return Either.right(issuedAt);
    }

    private static Either<Rejected, String> encoded(byte[] secret, Map<String, String> signed) {
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.util.List<byte[][]> entries = new java.util.ArrayList<>();
        for (Tuple2<String, String> entry : signed) {
            Option<byte[]> key = strictUtf8(utf8, entry._1);
            Option<byte[]> value = strictUtf8(utf8, entry._2);
            if (key.isEmpty() || value.isEmpty()) {
                return reject(Reason.MALFORMED_PARAMETERS, "a parameter name or value is not valid Unicode text");
            }
            entries.add(new byte[][] {key.get(), value.get()});
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        Mac mac = newMac(secret);
        mac.update(VERSION);
        mac.update(length(entries.size()));
        for (byte[][] entry : entries) {
            mac.update(length(entry[0].length));
            mac.update(entry[0]);
            mac.update(length(entry[1].length));
            mac.update(entry[1]);
        }
        return Either.right(Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal()));
    }

    private static Option<byte[]> strictUtf8(CharsetEncoder utf8, String text) {
        try {
            ByteBuffer encoded = utf8.reset().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Option.some(bytes);
        } catch (CharacterCodingException unpairedSurrogate) {
            return Option.none();
        }
    }

    private static byte[] length(int length) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(length).array();
    }

    private static Mac newMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException impossible) {
            // every JDK must provide HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException(ALGORITHM + " unavailable", impossible);
        }
    }

    private static void requireSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a redirect secret needs at least " + MIN_SECRET_BYTES + " bytes, got "
                    + secret.length);
        }
    }

    private static <T> Either<Rejected, T> reject(Reason reason, String message) {
        return Either.left(new Rejected(reason, message));
    }
}
