package dev.tender.application;

import dev.tender.application.RedirectSignatures.Reason;
import dev.tender.application.RedirectSignatures.Rejected;
import dev.tender.application.RedirectSignatures.Verified;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RedirectSignaturesTest {

    static final byte[] SECRET = "merchant-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_SECRET = "merchant-secret-0123456789abcdeF".getBytes(StandardCharsets.UTF_8);
    static final Instant ISSUED = Instant.parse("2025-03-01T10:00:00Z");
    static final Map<String, String> RETURNED = LinkedHashMap.of(
            "payment_id", "pay_1", "amount", "1250", "outcome", "authenticated");

    final RedirectSignatures signatures = RedirectSignatures.standard();

    Map<String, String> signed() {
        return signatures.sign(SECRET, RETURNED, ISSUED, "nonce_1");
    }

    Either<Rejected, Verified> verify(Map<String, String> parameters) {
        return signatures.verify(SECRET, parameters, ISSUED.plusSeconds(30));
    }

    static Verified verified(Either<Rejected, Verified> result) {
        assertThat(result.isRight()).as("verified: %s", result).isTrue();
        return result.get();
    }

    static Reason reasonOf(Either<Rejected, Verified> result) {
        assertThat(result.isLeft()).as("rejected: %s", result).isTrue();
        return result.getLeft().reason();
    }

    @Nested
    class SignedParametersVerify {

        @Test
        void signingAddsIssuedAtNonceAndA43CharacterSignature() {
            // when
            Map<String, String> signed = signed();

            // then
            assertThat(signed.keySet().toJavaSet()).containsExactlyInAnyOrder("payment_id", "amount", "outcome",
                    RedirectSignatures.ISSUED_AT, RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);
            assertThat(signed.get(RedirectSignatures.ISSUED_AT).get()).isEqualTo("1740823200");
            assertThat(signed.get(RedirectSignatures.NONCE).get()).isEqualTo("nonce_1");
            assertThat(signed.get(RedirectSignatures.SIGNATURE).get()).matches("[A-Za-z0-9_-]{43}");
        }

        @Test
        void theVerifiedRedirectCarriesTheParametersWithoutTheReservedOnes() {
            // given
            Map<String, String> signed = signed();

            // when
            Either<Rejected, Verified> result = verify(signed);

            // then
            assertThat(result.isRight()).as("%s", result).isTrue();
            Verified verified = result.get();
            assertThat(verified.parameters()).isEqualTo(HashMap.ofAll(RETURNED.toJavaMap()));
            assertThat(verified.issuedAt()).isEqualTo(ISSUED);
            assertThat(verified.nonce()).isEqualTo("nonce_1");
            assertThat(verified.signature()).isEqualTo(signed.get(RedirectSignatures.SIGNATURE).get());
            assertThat(verified.expiresAt()).isEqualTo(ISSUED.plus(Duration.ofMinutes(15)));
        }

        @Test
        void theOrderParametersArriveInDoesNotMatter() {
            // given
            Map<String, String> signed = signed();
            Map<String, String> reordered = LinkedHashMap.ofEntries(signed.toList().reverse());

            // when
            Either<Rejected, Verified> result = verify(reordered);

            // then
            assertThat(result.isRight()).as("%s", result).isTrue();
        }

        @Test
        void nonAsciiNamesAndValuesAndEmptyValuesVerify() {
            // given
            Map<String, String> returned = HashMap.of("holder", "Zoë Ångström", "城市", "東京", "empty", "", "emoji", "💳");
            Map<String, String> signed = signatures.sign(SECRET, returned, ISSUED, "n");

            // when
            Either<Rejected, Verified> result = verify(signed);

            // then
            assertThat(verified(result).parameters()).isEqualTo(returned);
        }

        @Test
        void noBusinessParametersAtAllStillSignsAndVerifies() {
            // given
            Map<String, String> signed = signatures.sign(SECRET, HashMap.empty(), ISSUED, "n");

            // when
            Either<Rejected, Verified> result = verify(signed);

            // then
            assertThat(verified(result).parameters()).isEmpty();
        }

        @Test
        void theSameInputsGiveTheSameSignature() {
            // when
            String first = signed().get(RedirectSignatures.SIGNATURE).get();
            String second = signatures.sign(SECRET, LinkedHashMap.ofEntries(RETURNED.toList().reverse()), ISSUED,
                    "nonce_1").get(RedirectSignatures.SIGNATURE).get();

            // then
            assertThat(second).isEqualTo(first);
        }

        @Test
        void theSignatureIsHmacSha256OverTheDocumentedCanonicalEncoding() throws Exception {
            // given: the encoding spelled out byte by byte, as another implementation would write it
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes("tender-redirect-v1".getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(int32(3));
            for (String[] entry : new String[][] {{"a", "é"}, {"tender_issued_at", "1740823200"},
                    {"tender_nonce", "n1"}}) {
                byte[] key = entry[0].getBytes(StandardCharsets.UTF_8);
                byte[] value = entry[1].getBytes(StandardCharsets.UTF_8);
                expected.writeBytes(int32(key.length));
                expected.writeBytes(key);
                expected.writeBytes(int32(value.length));
                expected.writeBytes(value);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            String expectedSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(expected.toByteArray()));

            // when
            Map<String, String> signed = signatures.sign(SECRET, HashMap.of("a", "é"), ISSUED, "n1");

            // then
            assertThat(signed.get(RedirectSignatures.SIGNATURE)).contains(expectedSignature);
        }

        @Test
        void keysAreSortedByTheirUtf8BytesNotByJavaCharOrder() {
            // given: U+1F4B3 sorts before U+FF21 in UTF-16 code units (String order) but after it in UTF-8 bytes
            Map<String, String> returned = HashMap.of("\uFF21", "x", "\uD83D\uDCB3", "y");

            // when
            Map<String, String> signed = signatures.sign(SECRET, returned, ISSUED, "n");

            // then
            assertThat(signed.get(RedirectSignatures.SIGNATURE).get())
                    .isEqualTo(signatureOverEntriesInOrder(new String[][] {{"tender_issued_at", "1740823200"},
                            {"tender_nonce", "n"}, {"\uFF21", "x"}, {"\uD83D\uDCB3", "y"}}));
        }

        private String signatureOverEntriesInOrder(String[][] entries) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
                mac.update("tender-redirect-v1".getBytes(StandardCharsets.US_ASCII));
                mac.update(int32(entries.length));
                for (String[] entry : entries) {
                    for (String part : entry) {
                        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                        mac.update(int32(bytes.length));
                        mac.update(bytes);
                    }
                }
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        private static byte[] int32(int value) {
            return ByteBuffer.allocate(4).putInt(value).array();
        }
    }

    @Nested
    class TamperedParametersAreRejected {

        @ParameterizedTest
        @ValueSource(strings = {"payment_id", "amount", "outcome", "tender_nonce"})
        void changingAnySignedValue(String key) {
            // given
            Map<String, String> tampered = signed().computeIfPresent(key, (k, v) -> v + "0")._2;

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void movingTheIssuedAtToAnotherFreshInstant() {
            // given
            Map<String, String> tampered = signed().put(RedirectSignatures.ISSUED_AT, "1740823201");

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void addingAParameter() {
            // when
            Either<Rejected, Verified> result = verify(signed().put("refund", "true"));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void addingAnEmptyParameter() {
            // when
            Either<Rejected, Verified> result = verify(signed().put("", ""));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void removingAParameter() {
            // when
            Either<Rejected, Verified> result = verify(signed().remove("outcome"));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void renamingAParameter() {
            // given
            Map<String, String> signed = signed();
            Map<String, String> tampered = signed.remove("amount").put("amount_", signed.get("amount").get());

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void movingCharactersFromAKeyIntoItsValue() {
            // given
            Map<String, String> signed = signatures.sign(SECRET, HashMap.of("ab", "c"), ISSUED, "n");
            Map<String, String> tampered = signed.remove("ab").put("a", "bc");

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void mergingTwoParametersIntoOneThatSpellsTheSameQueryString() {
            // given
            Map<String, String> signed = signatures.sign(SECRET, HashMap.of("a", "1", "b", "2"), ISSUED, "n");
            Map<String, String> tampered = signed.remove("b").put("a", "1&b=2");

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void splittingOneParameterIntoTwoThatSpellTheSameQueryString() {
            // given
            Map<String, String> signed = signatures.sign(SECRET, HashMap.of("a", "1&b=2"), ISSUED, "n");
            Map<String, String> tampered = signed.put("a", "1").put("b", "2");

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void changingOneCharacterOfTheSignature() {
            // given
            Map<String, String> signed = signed();
            String signature = signed.get(RedirectSignatures.SIGNATURE).get();
            char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
            String tampered = signature.substring(0, 10) + flipped + signature.substring(11);

            // when
            Either<Rejected, Verified> result = verify(signed.put(RedirectSignatures.SIGNATURE, tampered));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void borrowingTheSignatureOfAnotherRedirect() {
            // given
            Map<String, String> other = signatures.sign(SECRET, RETURNED.put("amount", "1"), ISSUED, "nonce_1");
            Map<String, String> tampered = signed().put(RedirectSignatures.SIGNATURE,
                    other.get(RedirectSignatures.SIGNATURE).get());

            // when
            Either<Rejected, Verified> result = verify(tampered);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void signedWithAnotherMerchantsSecret() {
            // given
            Map<String, String> signedElsewhere = signatures.sign(OTHER_SECRET, RETURNED, ISSUED, "nonce_1");

            // when
            Either<Rejected, Verified> result = verify(signedElsewhere);

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void aTamperedExpiredRedirectIsReportedAsTamperedFirst() {
            // given
            Map<String, String> tampered = signed().put("amount", "1");

            // when
            Either<Rejected, Verified> result = signatures.verify(SECRET, tampered, ISSUED.plus(Duration.ofDays(1)));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void theRejectionNeverShowsTheExpectedSignature() {
            // given
            Map<String, String> signed = signed();
            String good = signed.get(RedirectSignatures.SIGNATURE).get();

            // when
            Either<Rejected, Verified> result = verify(signed.put("amount", "1"));

            // then
            assertThat(result.getLeft().message()).doesNotContain(good)
                    .doesNotContain(signatures.sign(SECRET, RETURNED.put("amount", "1"), ISSUED, "nonce_1")
                            .get(RedirectSignatures.SIGNATURE).get());
        }
    }

    @Nested
    class MissingOrMalformedFieldsAreRejected {

        @Test
        void noSignature() {
            // when
            Either<Rejected, Verified> result = verify(signed().remove(RedirectSignatures.SIGNATURE));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MISSING_SIGNATURE);
            assertThat(result.getLeft().message()).contains("tender_signature");
        }

        @Test
        void noIssuedAt() {
            // when
            Either<Rejected, Verified> result = verify(signed().remove(RedirectSignatures.ISSUED_AT));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MISSING_ISSUED_AT);
        }

        @Test
        void noNonce() {
            // when
            Either<Rejected, Verified> result = verify(signed().remove(RedirectSignatures.NONCE));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MISSING_NONCE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "short", "not base64 at all, but long enough to be forty-three!",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"})
        void aSignatureThatIsNot43Base64UrlCharacters(String signature) {
            // when
            Either<Rejected, Verified> result = verify(signed().put(RedirectSignatures.SIGNATURE, signature));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MALFORMED_SIGNATURE);
        }

        @Test
        void thePaddedSpellingOfAGoodSignatureIsNotASecondValidSignature() {
            // given
            Map<String, String> signed = signed();
            String padded = signed.get(RedirectSignatures.SIGNATURE).get() + "=";

            // when
            Either<Rejected, Verified> result = verify(signed.put(RedirectSignatures.SIGNATURE, padded));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MALFORMED_SIGNATURE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "-1", "+1740823200", "01740823200", "1740823200.5", "2025-03-01T10:00:00Z",
                "9999999999999", " 1740823200"})
        void anIssuedAtThatIsNotEpochSeconds(String issuedAt) {
            // when
            Either<Rejected, Verified> result = verify(signed().put(RedirectSignatures.ISSUED_AT, issuedAt));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MALFORMED_ISSUED_AT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "a/b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
        void aMalformedNonce(String nonce) {
            // when
            Either<Rejected, Verified> result = verify(signed().put(RedirectSignatures.NONCE, nonce));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MALFORMED_NONCE);
        }

        @Test
        void noParametersAtAll() {
            // when
            Either<Rejected, Verified> nothing = verify(null);
            Either<Rejected, Verified> empty = verify(HashMap.empty());

            // then
            assertThat(reasonOf(nothing)).isEqualTo(Reason.MALFORMED_PARAMETERS);
            assertThat(reasonOf(empty)).isEqualTo(Reason.MISSING_SIGNATURE);
        }

        @Test
        void aNullValueOrName() {
            // when
            Either<Rejected, Verified> nullValue = verify(signed().put("amount", null));
            Either<Rejected, Verified> nullName = verify(signed().put(null, "x"));

            // then
            assertThat(reasonOf(nullValue)).isEqualTo(Reason.MALFORMED_PARAMETERS);
            assertThat(reasonOf(nullName)).isEqualTo(Reason.MALFORMED_PARAMETERS);
        }

        @Test
        void anUnpairedSurrogateCannotPassForTheQuestionMarkALenientEncoderWouldMakeOfIt() {
            // given
            Map<String, String> signed = signatures.sign(SECRET, HashMap.of("name", "a?"), ISSUED, "n");

            // when
            Either<Rejected, Verified> result = verify(signed.put("name", "a\uD800"));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.MALFORMED_PARAMETERS);
        }
    }

    @Nested
    class Freshness {

        @Test
        void aRedirectExactlyMaxAgeOldIsAccepted() {
            // when
            Either<Rejected, Verified> result = signatures.verify(SECRET, signed(), ISSUED.plus(Duration.ofMinutes(15)));

            // then
            assertThat(result.isRight()).as("%s", result).isTrue();
        }

        @Test
        void aRedirectOneSecondOlderThanMaxAgeHasExpired() {
            // when
            Either<Rejected, Verified> result = signatures.verify(SECRET, signed(),
                    ISSUED.plus(Duration.ofMinutes(15)).plusSeconds(1));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.EXPIRED);
            assertThat(result.getLeft().message()).contains("2025-03-01T10:00:00Z");
        }

        @Test
        void aRedirectIssuedSlightlyAheadOfOurClockIsAccepted() {
            // when
            Either<Rejected, Verified> result = signatures.verify(SECRET, signed(), ISSUED.minusSeconds(60));

            // then
            assertThat(result.isRight()).as("%s", result).isTrue();
        }

        @Test
        void aRedirectIssuedFurtherInTheFutureIsRejected() {
            // when
            Either<Rejected, Verified> result = signatures.verify(SECRET, signed(), ISSUED.minusSeconds(61));

            // then
            assertThat(reasonOf(result)).isEqualTo(Reason.ISSUED_IN_FUTURE);
        }

        @Test
        void theWindowIsConfigurable() {
            // given
            RedirectSignatures strict = new RedirectSignatures(Duration.ofMinutes(2), Duration.ZERO);
            Map<String, String> signed = strict.sign(SECRET, RETURNED, ISSUED, "n");

            // when
            Either<Rejected, Verified> inTime = strict.verify(SECRET, signed, ISSUED.plusSeconds(120));
            Either<Rejected, Verified> late = strict.verify(SECRET, signed, ISSUED.plusSeconds(121));
            Either<Rejected, Verified> early = strict.verify(SECRET, signed, ISSUED.minusSeconds(1));

            // then
            assertThat(verified(inTime).expiresAt()).isEqualTo(ISSUED.plusSeconds(120));
            assertThat(reasonOf(late)).isEqualTo(Reason.EXPIRED);
            assertThat(reasonOf(early)).isEqualTo(Reason.ISSUED_IN_FUTURE);
        }

        @Test
        void aWindowThatIsEmptyNegativeOrLongerThanAWeekIsAMistake() {
            assertThatIllegalArgumentException().isThrownBy(() -> new RedirectSignatures(Duration.ZERO, Duration.ZERO));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new RedirectSignatures(Duration.ofMinutes(5), Duration.ofSeconds(-1)));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new RedirectSignatures(Duration.ofDays(8), Duration.ZERO));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> new RedirectSignatures(Duration.ofMinutes(5), Duration.ofDays(8)));
            assertThat(new RedirectSignatures(Duration.ofDays(7), Duration.ofDays(7)).maxAge())
                    .isEqualTo(Duration.ofDays(7));
        }
    }

    @Nested
    class ReplayHook {

        @Test
        void aStatefulCallerRefusesTheSecondUseOfOneRedirectByItsReplayKey() {
            // given: the store the application layer keeps
            Set<String> used = new HashSet<>();
            Map<String, String> signed = signed();

            // when
            boolean firstUse = verify(signed).map(v -> used.add(v.replayKey())).getOrElse(false);
            boolean secondUse = verify(signed).map(v -> used.add(v.replayKey())).getOrElse(false);

            // then: stateless verify accepts both; only the store tells them apart
            assertThat(firstUse).isTrue();
            assertThat(secondUse).isFalse();
        }

        @Test
        void theReplayKeyIsTheSignatureAsSent() {
            // given
            Map<String, String> signed = signed();

            // when
            Verified verified = verify(signed).get();

            // then
            assertThat(verified.replayKey()).isEqualTo(signed.get(RedirectSignatures.SIGNATURE).get());
        }

        @Test
        void twoRedirectsWithTheSameParametersButAnotherNonceHaveDifferentReplayKeys() {
            // given
            Map<String, String> first = signatures.sign(SECRET, RETURNED, ISSUED, "nonce_1");
            Map<String, String> second = signatures.sign(SECRET, RETURNED, ISSUED, "nonce_2");

            // when
            String firstKey = verify(first).get().replayKey();
            String secondKey = verify(second).get().replayKey();

            // then
            assertThat(firstKey).isNotEqualTo(secondKey);
        }

        @Test
        void aStoreMayForgetAKeyAfterExpiresAtBecauseVerifyThenRefusesTheRedirect() {
            // given
            Map<String, String> signed = signed();
            Instant expiresAt = verify(signed).get().expiresAt();

            // when
            Either<Rejected, Verified> afterwards = signatures.verify(SECRET, signed, expiresAt.plusSeconds(1));

            // then
            assertThat(reasonOf(afterwards)).isEqualTo(Reason.EXPIRED);
        }
    }

    @Nested
    class MisuseByTrustedCode {

        @Test
        void aSecretShorterThan32BytesThrows() {
            byte[] shortSecret = new byte[31];
            assertThatIllegalArgumentException().isThrownBy(() -> signatures.sign(shortSecret, RETURNED, ISSUED, "n"))
                    .withMessageContaining("32 bytes");
            assertThatIllegalArgumentException().isThrownBy(() -> signatures.verify(shortSecret, signed(), ISSUED));
        }

        @Test
        void signingAReservedNameThrows() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> signatures.sign(SECRET, RETURNED.put(RedirectSignatures.SIGNATURE, "x"), ISSUED, "n"))
                    .withMessageContaining("tender_signature");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> signatures.sign(SECRET, RETURNED.put(RedirectSignatures.ISSUED_AT, "1"), ISSUED, "n"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> signatures.sign(SECRET, RETURNED.put(RedirectSignatures.NONCE, "1"), ISSUED, "n"));
        }

        @Test
        void signingWithABadNonceAnInstantBefore1970OrATextThatIsNotUnicodeThrows() {
            assertThatIllegalArgumentException().isThrownBy(() -> signatures.sign(SECRET, RETURNED, ISSUED, "a b"));
            assertThatIllegalArgumentException().isThrownBy(() -> signatures.sign(SECRET, RETURNED, ISSUED, ""));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> signatures.sign(SECRET, RETURNED, Instant.parse("1969-12-31T23:59:59Z"), "n"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> signatures.sign(SECRET, HashMap.of("a", "\uDC00"), ISSUED, "n"));
            assertThatNullPointerException().isThrownBy(() -> signatures.sign(SECRET, HashMap.of("a", null), ISSUED, "n"));
        }
    }
}
