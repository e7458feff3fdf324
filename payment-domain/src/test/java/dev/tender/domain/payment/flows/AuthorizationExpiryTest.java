package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.ExpireAuthorization;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.VoidPayment;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.CARD;
import static dev.tender.domain.payment.PaymentFixtures.CONNECTOR;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.captureCommand;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds 003 and 004: an authorization neither captured nor voided within its window is voided at the
 * processor, and a capture after the window is refused with an expiration error before anything is sent.
 */
class AuthorizationExpiryTest {

    /** The fixtures send the authorization at T0 and it holds for the default seven days. */
    private static final Instant LAPSES_AT = T0.plus(Duration.ofDays(7));

    @Nested
    class CaptureAfterTheWindow {

        @Test
        void givenRequiresCapture_whenCapturedAtTheDeadline_thenAuthorizationExpiredAndNothingBegun() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.beginCapture(captureCommand("tx_capture", AMOUNT, false, LAPSES_AT));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.AUTHORIZATION_EXPIRED);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_90");
            assertThat(rejection.message()).contains("expired at " + LAPSES_AT);
        }

        @Test
        void givenRequiresCapture_whenCapturedJustBeforeTheDeadline_thenCaptureBegins() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            Payment capturing = ok(authorized.beginCapture(captureCommand("tx_capture", AMOUNT, false,
                    LAPSES_AT.minusMillis(1))));

            // then
            assertThat(capturing.openTransaction(TransactionKind.CAPTURE).isDefined()).isTrue();
        }

        @Test
        void givenPartiallyCapturedAndCapturable_whenCapturedAfterTheDeadline_thenAuthorizationExpired() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);

            // when
            var result = partly.beginCapture(captureCommand("tx_capture_2", usd(1_000), false,
                    LAPSES_AT.plusSeconds(1)));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.AUTHORIZATION_EXPIRED);
        }

        @Test
        void givenExpired_whenCaptured_thenAuthorizationExpiredRatherThanUnexpectedState() {
            // given
            Payment expired = ok(authorized(CaptureMethod.MANUAL).expire(LAPSES_AT));

            // when
            var result = expired.beginCapture(captureCommand("tx_capture", AMOUNT, false, LAPSES_AT));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.AUTHORIZATION_EXPIRED);
        }

        @Test
        void givenAutomaticCapture_whenCapturedAfterTheDeadline_thenStillTheAutomaticRejection() {
            // given
            Payment purchased = authorized(CaptureMethod.AUTOMATIC);

            // when
            var result = purchased.beginCapture(captureCommand("tx_capture", AMOUNT, false, LAPSES_AT));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }
    }

    @Nested
    class TheConnectorsWindow {

        @Test
        void givenConfirmWithTheConnectorsWindow_whenApproved_thenExpiresAfterThatWindow() {
            // given
            Confirm confirm = new Confirm(AUTHORIZE, Option.some(CARD), CONNECTOR, ALL_CAPABILITIES, T0)
                    .withAuthorizationValidity(Duration.ofDays(28));

            // when
            Payment authorized = approve(ok(created(CaptureMethod.MANUAL).confirm(confirm)), AUTHORIZE);

            // then
            assertThat(authorized.authorizationValidity()).isEqualTo(Duration.ofDays(28));
            assertThat(authorized.authorizationExpiresAt()).contains(T0.plus(Duration.ofDays(28)));
        }

        @Test
        void givenConfirmWithoutAWindow_whenApproved_thenTheWindowThePaymentWasCreatedWith() {
            // given / when
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // then
            assertThat(authorized.authorizationExpiresAt()).contains(LAPSES_AT);
        }

        @Test
        void givenReroutedToAnotherConnector_thenThatConnectorsWindowApplies() {
            // given
            Payment confirming = ok(created(CaptureMethod.MANUAL).confirm(
                    new Confirm(AUTHORIZE, Option.some(CARD), CONNECTOR, ALL_CAPABILITIES, T0)));

            // when
            Payment rerouted = ok(confirming.rerouteAuthorization("other", ALL_CAPABILITIES, Duration.ofDays(3),
                    T0));
            Payment authorized = approve(rerouted, AUTHORIZE);

            // then
            assertThat(authorized.authorizationExpiresAt()).contains(T0.plus(Duration.ofDays(3)));
        }
    }

    @Nested
    class VoidAtTheProcessor {

        private final ExpireAuthorization expiry = new ExpireAuthorization(tx("tx_expiry"), LAPSES_AT);

        @Test
        void givenLapsed_whenExpiryBegins_thenAVoidOfWhatIsCapturableIsPendingAndTheStatusUnchanged() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            Payment expiring = ok(authorized.beginExpiry(expiry));

            // then
            Transaction voiding = expiring.transaction(tx("tx_expiry")).get();
            assertThat(voiding.kind()).isEqualTo(TransactionKind.VOID);
            assertThat(voiding.amount()).isEqualTo(AMOUNT);
            assertThat(voiding.expiresAuthorization()).isTrue();
            assertThat(voiding.reason()).contains(Transaction.EXPIRY_REASON);
            assertThat(expiring.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(expiring.inFlight()).contains(voiding);
        }

        @Test
        void givenRequiresCapture_whenTheVoidIsApproved_thenExpiredNotCancelled() {
            // given
            Payment expiring = ok(authorized(CaptureMethod.MANUAL).beginExpiry(expiry));

            // when
            Payment expired = approve(expiring, tx("tx_expiry"), LAPSES_AT);

            // then
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(expired.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenPartiallyCapturedAndCapturable_whenTheVoidIsApproved_thenPartiallyCapturedKeepingTheCaptures() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);
            Payment expiring = ok(partly.beginExpiry(expiry));

            // when
            Payment expired = approve(expiring, tx("tx_expiry"), LAPSES_AT);

            // then
            assertThat(expiring.transaction(tx("tx_expiry")).get().amount()).isEqualTo(usd(7_000));
            assertThat(expired.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(expired.captured()).isEqualTo(usd(3_000));
        }

        @Test
        void givenTheVoidDeclined_thenBackToCapturableStatusAndExpirableHere() {
            // given
            Payment expiring = ok(authorized(CaptureMethod.MANUAL).beginExpiry(expiry));

            // when
            Payment declined = record(expiring, tx("tx_expiry"),
                    new Outcome.Declined("not_supported", "void not supported"), LAPSES_AT);

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(ok(declined.expire(LAPSES_AT)).status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        void givenTheVoidUnknown_thenRequiresMerchantActionAndNotExpirableHere() {
            // given
            Payment expiring = ok(authorized(CaptureMethod.MANUAL).beginExpiry(expiry));

            // when
            Payment unknown = record(expiring, tx("tx_expiry"), new Outcome.Unknown("read timed out"), LAPSES_AT);

            // then
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(rejected(unknown.expire(LAPSES_AT)).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(approve(unknown, tx("tx_expiry"), LAPSES_AT.plusSeconds(60)).status())
                    .isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        void givenStillValid_whenExpiryBegins_thenPreconditionFailed() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.beginExpiry(new ExpireAuthorization(tx("tx_expiry"), LAPSES_AT.minusMillis(1)));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejected(result).message()).contains("valid until " + LAPSES_AT);
        }

        @Test
        void givenAnExpiryInFlight_whenASecondBegins_thenPreconditionFailed() {
            // given: what a second instance meets once the first has saved its void
            Payment expiring = ok(authorized(CaptureMethod.MANUAL).beginExpiry(expiry));

            // when
            var result = expiring.beginExpiry(new ExpireAuthorization(tx("tx_expiry_2"), LAPSES_AT));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejected(result).message()).contains("tx_expiry");
        }

        @Test
        void givenSucceeded_whenExpiryBegins_thenUnexpectedState() {
            // given
            Payment purchased = authorized(CaptureMethod.AUTOMATIC);

            // when
            var result = purchased.beginExpiry(expiry);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }

        @Test
        void givenAMerchantsCancel_whenItCarriesTheReservedReason_thenInvalidAndNothingBegun() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.beginVoid(new VoidPayment(tx("tx_void"), Option.some(Transaction.EXPIRY_REASON),
                    T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }

        @Test
        void givenAMerchantsCancelAfterTheWindow_whenApproved_thenCancelled() {
            // given
            Payment voiding = ok(authorized(CaptureMethod.MANUAL).beginVoid(new VoidPayment(tx("tx_void"),
                    Option.some("order cancelled"), LAPSES_AT)));

            // when
            Payment cancelled = approve(voiding, tx("tx_void"), LAPSES_AT);

            // then
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        }
    }
}
