package dev.tender.domain.payment;

import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The small values the model is built from: wire names, ids, cards, acceptances. */
class ValuesTest {

    @Nested
    class WireNames {

        @Test
        void everyEnumIsWrittenInLowerSnakeCaseAsHyperswitchNamesIt() {
            Stream.of(PaymentStatus.values(), CaptureMethod.values(), TransactionKind.values(),
                            TransactionStatus.values(), RefundStatus.values(), MandateType.values(),
                            MandateStatus.values(), Capability.values(), Operation.values())
                    .flatMap(Stream::of)
                    .forEach(value -> {
                        String expected = value.name().toLowerCase(Locale.ROOT);
                        assertThat(value.toString()).isEqualTo(expected);
                    });
            assertThat(PaymentStatus.REQUIRES_CAPTURE.wireName()).isEqualTo("requires_capture");
            assertThat(TransactionKind.SETUP_MANDATE.wireName()).isEqualTo("setup_mandate");
            assertThat(TransactionStatus.UNKNOWN.wireName()).isEqualTo("unknown");
            assertThat(RefundStatus.REVIEW.wireName()).isEqualTo("review");
            assertThat(MandateType.SINGLE_USE.wireName()).isEqualTo("single_use");
            assertThat(MandateStatus.INACTIVE.wireName()).isEqualTo("inactive");
            assertThat(CaptureMethod.MANUAL_MULTIPLE.wireName()).isEqualTo("manual_multiple");
        }

        @Test
        void statusesAndCaptureMethodsAreReadBackFromTheirWireNames() {
            for (PaymentStatus status : PaymentStatus.values()) {
                assertThat(PaymentStatus.fromWireName(status.wireName())).contains(status);
            }
            for (CaptureMethod method : CaptureMethod.values()) {
                assertThat(CaptureMethod.fromWireName(method.wireName())).contains(method);
            }
            assertThat(PaymentStatus.fromWireName("REQUIRES_CAPTURE")).isEmpty();
            assertThat(CaptureMethod.fromWireName("scheduled")).isEmpty();
        }

        @Test
        void onlyTheFinishedStatusesAreTerminal() {
            assertThat(Stream.of(PaymentStatus.values()).filter(PaymentStatus::isTerminal))
                    .containsExactlyInAnyOrder(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.CANCELLED,
                            PaymentStatus.CANCELLED_POST_CAPTURE, PaymentStatus.PARTIALLY_CAPTURED,
                            PaymentStatus.EXPIRED);
        }
    }

    @Nested
    class Ids {

        @Test
        void anIdOfUpTo64UrlSafeCharactersIsKeptAsItIs() {
            String longest = "p".repeat(64);
            assertThat(PaymentId.of(longest).value()).isEqualTo(longest);
            assertThat(MandateId.of("man_1.a:b-c").toString()).isEqualTo("man_1.a:b-c");
            assertThat(PaymentId.of("pay_1").toString()).isEqualTo("pay_1");
            assertThat(MerchantId.of("m_1").toString()).isEqualTo("m_1");
            assertThat(TransactionId.of("tx_1").toString()).isEqualTo("tx_1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "pay 1", "pay/1", "pay_é"})
        void anEmptyOrUnsafeIdIsRefused(String value) {
            assertThatIllegalArgumentException().isThrownBy(() -> PaymentId.of(value)).withMessageContaining("payment_id");
        }

        @Test
        void anIdLongerThan64CharactersIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> TransactionId.of("t".repeat(65)));
        }
    }

    @Nested
    class Cards {

        @Test
        void aCardKeepsOnlyBrandBinLastFourAndExpiry() {
            PaymentMethod.Card card = new PaymentMethod.Card("visa", "42424242", "4242", 1, 2000, Option.none());
            assertThat(card.type()).isEqualTo("card");
            assertThat(new PaymentMethod.Card("visa", "424242", "4242", 12, 9999, Option.some("A B")).expiryMonth())
                    .isEqualTo(12);
        }

        @ParameterizedTest
        @ValueSource(strings = {"42424", "424242424", "4242424242424242", "42424a"})
        void aBinThatIsNotSixToEightDigitsIsRefusedSoNoCardNumberFitsIn(String bin) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", bin, "4242", 12, 2030, Option.none()));
        }

        @Test
        void lastFourMustBeFourDigitsAndTheExpiryReal() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", "424242", "42424", 12, 2030, Option.none()));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", "424242", "4242", 0, 2030, Option.none()));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", "424242", "4242", 13, 2030, Option.none()));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", "424242", "4242", 12, 1999, Option.none()));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PaymentMethod.Card("visa", "424242", "4242", 12, 10000, Option.none()));
        }

        @Test
        void otherMethodsNameTheirType() {
            assertThat(new PaymentMethod.StoredMandate(MandateId.of("man_1")).type()).isEqualTo("mandate");
            assertThat(new PaymentMethod.Other("wallet").type()).isEqualTo("wallet");
        }
    }

    @Test
    void customerAcceptanceIsOnlineOrOffline() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(new CustomerAcceptance("offline", at, Option.none(), Option.none()).acceptanceType())
                .isEqualTo("offline");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CustomerAcceptance("implied", at, Option.none(), Option.none()));
    }
}
