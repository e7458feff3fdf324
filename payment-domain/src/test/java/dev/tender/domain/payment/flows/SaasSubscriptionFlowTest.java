package dev.tender.domain.payment.flows;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateStatus;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.CARD;
import static dev.tender.domain.payment.PaymentFixtures.CONNECTOR;
import static dev.tender.domain.payment.PaymentFixtures.CUSTOMER;
import static dev.tender.domain.payment.PaymentFixtures.MERCHANT;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.confirmCommand;
import static dev.tender.domain.payment.PaymentFixtures.createCommand;
import static dev.tender.domain.payment.PaymentFixtures.minutesAfterT0;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.onlineAcceptance;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: set up a mandate once with the customer present, then charge it without them. */
class SaasSubscriptionFlowTest {

    private static final MandateId MANDATE = MandateId.of("man_1");

    /** A zero-amount payment asking for a mandate of {@code type}, with at most {@code limit} per charge. */
    private static Payment setupPayment(MandateType type, Option<Money> limit) {
        CreatePayment setup = createCommand("pay_setup", usd(0), CaptureMethod.AUTOMATIC)
                .withCustomer(CUSTOMER)
                .withMandateSetup(new MandateSetup(type, limit, onlineAcceptance()));
        return ok(Payment.create(setup));
    }

    private static Mandate activeMandate(MandateType type, Option<Money> limit) {
        Payment setUp = record(ok(setupPayment(type, limit).confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))),
                AUTHORIZE, new Outcome.Approved(Option.some("ref"), Option.some("mandate_ref")), T0);
        return ok(setUp.activateMandate(MANDATE, T0));
    }

    private static Either<Rejection, Tuple2<Payment, Mandate>> charge(String paymentId, Money amount, Mandate mandate) {
        CreatePayment charge = CreatePayment.of(PaymentId.of(paymentId), MERCHANT, amount, CaptureMethod.AUTOMATIC,
                Option.none(), minutesAfterT0(60)).withCustomer(CUSTOMER);
        return Payment.createWithMandate(charge, mandate);
    }

    @Nested
    class MandateSetupWithZeroAmount {

        @Test
        void givenZeroAmountWithMandateSetup_whenConfirmedAndApproved_thenSucceededWithMandateReference() {
            // given
            Payment setup = setupPayment(MandateType.MULTI_USE, Option.none());

            // when
            Payment confirming = ok(setup.confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0)));
            Payment setUp = record(confirming, AUTHORIZE,
                    new Outcome.Approved(Option.some("ref"), Option.some("mandate_ref")), T0);

            // then
            assertThat(setup.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
            assertThat(confirming.transaction(AUTHORIZE).get().kind()).isEqualTo(TransactionKind.SETUP_MANDATE);
            assertThat(setUp.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(setUp.connectorMandateReference().get()).isEqualTo("mandate_ref");
            assertThat(setUp.captured()).isEqualTo(usd(0));
        }

        @Test
        void givenSucceededSetup_whenMandateActivated_thenActiveMandateForTheCustomer() {
            // given
            Payment setUp = record(ok(setupPayment(MandateType.SINGLE_USE, Option.some(usd(5_000)))
                            .confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))),
                    AUTHORIZE, new Outcome.Approved(Option.some("ref"), Option.some("mandate_ref")), T0);

            // when
            Mandate mandate = ok(setUp.activateMandate(MANDATE, T0));

            // then
            assertThat(mandate.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(mandate.type()).isEqualTo(MandateType.SINGLE_USE);
            assertThat(mandate.customerId()).isEqualTo(CUSTOMER);
            assertThat(mandate.merchantId()).isEqualTo(MERCHANT);
            assertThat(mandate.connector()).isEqualTo(CONNECTOR);
            assertThat(mandate.connectorMandateReference()).isEqualTo("mandate_ref");
            assertThat(mandate.amountLimit().get()).isEqualTo(usd(5_000));
            assertThat(mandate.setupPaymentId()).isEqualTo(setUp.id());
            assertThat(mandate.acceptance()).isEqualTo(onlineAcceptance());
            assertThat(mandate.charges().isEmpty()).isTrue();
        }

        @Test
        void givenSetupNotYetApproved_whenMandateActivated_thenPreconditionFailed() {
            // given
            Payment confirming = ok(setupPayment(MandateType.MULTI_USE, Option.none())
                    .confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0)));

            // when
            var result = confirming.activateMandate(MANDATE, T0);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }

        @Test
        void givenMandateSetupWithoutCustomer_whenCreated_thenMissingRequiredField() {
            // given
            CreatePayment setup = createCommand("pay_setup", usd(0), CaptureMethod.AUTOMATIC)
                    .withMandateSetup(new MandateSetup(MandateType.MULTI_USE, Option.none(), onlineAcceptance()));

            // when
            var result = Payment.create(setup);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.MISSING_REQUIRED_FIELD);
        }
    }

    @Nested
    class ChargeWithMandate {

        @Test
        void givenActiveMandate_whenChargedConfirmedAndApproved_thenSucceeded() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE, Option.none());

            // when
            Tuple2<Payment, Mandate> charged = ok(charge("pay_charge", usd(2_500), mandate));
            Payment payment = charged._1;
            Payment confirming = ok(payment.confirm(confirmCommand(tx("tx_charge"), ALL_CAPABILITIES,
                    minutesAfterT0(60))));
            Payment paid = approve(confirming, tx("tx_charge"), minutesAfterT0(61));

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
            assertThat(payment.paymentMethod().get()).isEqualTo(new PaymentMethod.StoredMandate(MANDATE));
            assertThat(payment.mandateId().get()).isEqualTo(MANDATE);
            assertThat(payment.customerId().get()).isEqualTo(CUSTOMER);
            assertThat(charged._2.charges().toJavaList()).containsExactly(PaymentId.of("pay_charge"));
            assertThat(charged._2.status()).isEqualTo(MandateStatus.ACTIVE);

            assertThat(confirming.transaction(tx("tx_charge")).get().kind()).isEqualTo(TransactionKind.AUTHORIZE);
            assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(paid.captured()).isEqualTo(usd(2_500));
        }

        @Test
        void givenMultiUseMandate_whenChargedTwice_thenBothAccepted() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE, Option.none());
            Mandate afterFirst = ok(charge("pay_charge_1", usd(2_500), mandate))._2;

            // when
            Tuple2<Payment, Mandate> second = ok(charge("pay_charge_2", usd(2_500), afterFirst));

            // then
            assertThat(second._2.charges().toJavaList())
                    .containsExactly(PaymentId.of("pay_charge_1"), PaymentId.of("pay_charge_2"));
        }

        @Test
        void givenSingleUseMandate_whenChargedTwice_thenSecondChargeRejected() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE, Option.none());
            Mandate used = ok(charge("pay_charge_1", usd(2_500), mandate))._2;

            // when
            var second = charge("pay_charge_2", usd(2_500), used);

            // then
            assertThat(used.status()).isEqualTo(MandateStatus.INACTIVE);
            assertThat(rejected(second).code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(rejected(second).code().hyperswitchCode()).isEqualTo("HE_03");
        }

        @Test
        void givenMandateWithLimit_whenChargedAboveIt_thenRejected() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE, Option.some(usd(5_000)));

            // when
            var above = charge("pay_charge", usd(5_001), mandate);
            var atLimit = charge("pay_charge", usd(5_000), mandate);

            // then
            assertThat(rejected(above).code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(rejected(above).message()).contains("50.00 USD");
            assertThat(atLimit.isRight()).isTrue();
        }

        @Test
        void givenRevokedMandate_whenCharged_thenRejected() {
            // given
            Mandate revoked = ok(activeMandate(MandateType.MULTI_USE, Option.none()).revoke(minutesAfterT0(30)));

            // when
            var result = charge("pay_charge", usd(2_500), revoked);

            // then
            assertThat(revoked.status()).isEqualTo(MandateStatus.REVOKED);
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(rejected(revoked.revoke(minutesAfterT0(31))).code())
                    .isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        }

        @Test
        void givenMandateOfAnotherMerchant_whenCharged_thenRejected() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE, Option.none());
            CreatePayment charge = CreatePayment.of(PaymentId.of("pay_charge"), MerchantId.of("merchant_2"),
                    usd(2_500), CaptureMethod.AUTOMATIC, Option.none(), T0);

            // when
            var result = Payment.createWithMandate(charge, mandate);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        }

        @Test
        void givenMandateCharge_whenConfirmedWithAnotherPaymentMethod_thenRejected() {
            // given
            Payment payment = ok(charge("pay_charge", usd(2_500), activeMandate(MandateType.MULTI_USE,
                    Option.none())))._1;

            // when
            var result = payment.confirm(new Confirm(tx("tx_charge"),
                    Option.some(CARD), CONNECTOR, ALL_CAPABILITIES, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }
    }

    @Nested
    class ReleaseAfterFailedCharge {

        @Test
        void givenSingleUseMandateChargeDeclined_whenReleased_thenMandateCanBeChargedAgain() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE, Option.none());
            Tuple2<Payment, Mandate> first = ok(charge("pay_charge_1", usd(2_500), mandate));
            Payment declined = ok(ok(first._1.confirm(confirmCommand(tx("tx_charge"), ALL_CAPABILITIES, T0)))
                    .recordOutcome(new RecordOutcome(tx("tx_charge"),
                            new Outcome.Declined("insufficient_funds", "Insufficient funds"), minutesAfterT0(61))));

            // when
            Mandate released = first._2.release(declined.id(), minutesAfterT0(62));
            var second = charge("pay_charge_2", usd(2_500), released);

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(declined.failure().get().code()).isEqualTo("insufficient_funds");
            assertThat(released.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(released.charges().isEmpty()).isTrue();
            assertThat(ok(second)._2.status()).isEqualTo(MandateStatus.INACTIVE);
        }

        @Test
        void givenPaymentNotChargedOnMandate_whenReleased_thenMandateUnchanged() {
            // given
            Mandate used = ok(charge("pay_charge_1", usd(2_500),
                    activeMandate(MandateType.SINGLE_USE, Option.none())))._2;

            // when
            Mandate released = used.release(PaymentId.of("pay_other"), minutesAfterT0(62));

            // then
            assertThat(released).isSameAs(used);
            assertThat(released.status()).isEqualTo(MandateStatus.INACTIVE);
        }
    }
}
