package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateStatus;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.ChargeMandateUseCase;
import dev.tender.ports.in.SetupMandateUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.rejectionCode;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Set up a mandate with a zero-amount payment, then charge it without the customer. */
class MandateFlowTest {

    static final String CUSTOMER = "cus_1";

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    static SetupMandateUseCase.Command setup(MandateType type) {
        return new SetupMandateUseCase.Command(MERCHANT, CUSTOMER, usd(0), CaptureMethod.AUTOMATIC,
                TestTender.card(), new MandateSetup(type, Option.none(), new CustomerAcceptance("online",
                TestTender.START, Option.some("203.0.113.7"), Option.some("Mozilla/5.0"))), Option.none());
    }

    static ChargeMandateUseCase.Command charge(MandateId mandateId, Money amount) {
        return new ChargeMandateUseCase.Command(MERCHANT, mandateId, amount, CaptureMethod.AUTOMATIC, Option.none());
    }

    Mandate activeMandate(MandateType type) {
        connector.answer(Op.SETUP_MANDATE, new Outcome.Approved(Option.some("psp_setup"), Option.some("psp_mandate")));
        SetupMandateUseCase.Result result = right(t.tender.mandates().setup(setup(type)));
        return result.mandate().getOrElseThrow(() -> new AssertionError("mandate not active: " + result));
    }

    @Nested
    class Setup {

        @Test
        void anApprovedZeroAmountSetupMakesAnActiveMandate() {
            // given
            connector.answer(Op.SETUP_MANDATE, new Outcome.Approved(Option.some("psp_setup"),
                    Option.some("psp_mandate")));

            // when
            SetupMandateUseCase.Result result = right(t.tender.mandates().setup(setup(MandateType.MULTI_USE)));

            // then
            assertThat(result.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(result.payment().transactions().single().kind()).isEqualTo(TransactionKind.SETUP_MANDATE);
            Mandate mandate = result.mandate().get();
            assertThat(mandate.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(mandate.customerId()).isEqualTo(CUSTOMER);
            assertThat(mandate.connector()).isEqualTo("acc_1");
            assertThat(mandate.connectorMandateReference()).isEqualTo("psp_mandate");
            assertThat(mandate.setupPaymentId()).isEqualTo(result.payment().id());
            assertThat(t.tender.mandates().forCustomer(MERCHANT, CUSTOMER)).containsExactly(mandate);
            ConnectorRequest.SetupMandate sent = connector.<ConnectorRequest.SetupMandate>requests(
                    Op.SETUP_MANDATE).single();
            assertThat(sent.customerId()).isEqualTo(CUSTOMER);
            assertThat(sent.method()).isEqualTo(TestTender.card());
            assertThat(connector.count(Op.AUTHORIZE)).isZero();
        }

        @Test
        void aPendingSetupBecomesActiveWhenASyncReportsApproved() {
            // given
            connector.answer(Op.SETUP_MANDATE, Outcome.Pending.of());
            SetupMandateUseCase.Result pending = right(t.tender.mandates().setup(setup(MandateType.MULTI_USE)));
            assertThat(pending.mandate()).isEmpty();
            assertThat(pending.payment().status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(t.tender.mandates().forCustomer(MERCHANT, CUSTOMER)).isEmpty();
            t.clock.advance(Duration.ofSeconds(5));
            connector.answer(Op.SYNC, new Outcome.Approved(Option.some("psp_setup"), Option.some("psp_mandate")));

            // when
            Payment synced = right(t.tender.payments().sync(MERCHANT, pending.payment().id()));

            // then
            assertThat(synced.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(connector.<ConnectorRequest.Sync>requests(Op.SYNC).single().kind())
                    .isEqualTo(TransactionKind.SETUP_MANDATE);
            assertThat(t.tender.mandates().forCustomer(MERCHANT, CUSTOMER)).singleElement()
                    .satisfies(mandate -> {
                        assertThat(mandate.status()).isEqualTo(MandateStatus.ACTIVE);
                        assertThat(mandate.setupPaymentId()).isEqualTo(pending.payment().id());
                        assertThat(mandate.connectorMandateReference()).isEqualTo("psp_mandate");
                    });
        }

        @Test
        void aDeclinedSetupMakesNoMandate() {
            // given
            connector.answer(Op.SETUP_MANDATE, new Outcome.Declined("card_declined", "no"));

            // when
            SetupMandateUseCase.Result result = right(t.tender.mandates().setup(setup(MandateType.MULTI_USE)));

            // then
            assertThat(result.payment().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(result.mandate()).isEmpty();
            assertThat(t.tender.mandates().forCustomer(MERCHANT, CUSTOMER)).isEmpty();
        }
    }

    @Nested
    class Charging {

        @Test
        void aMultiUseMandateIsChargedTwice() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE);

            // when
            Payment first = right(t.tender.mandates().charge(charge(mandate.id(), usd(1_500))));
            Payment second = right(t.tender.mandates().charge(charge(mandate.id(), usd(2_500))));

            // then
            assertThat(first.id()).isNotEqualTo(second.id());
            assertThat(first.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(second.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(first.mandateId()).contains(mandate.id());
            assertThat(connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).map(ConnectorRequest.Authorize::method))
                    .containsExactly(new PaymentMethodData.StoredMandate(mandate.id(), "psp_mandate"),
                            new PaymentMethodData.StoredMandate(mandate.id(), "psp_mandate"));
            Mandate after = t.tender.mandates().get(MERCHANT, mandate.id()).get();
            assertThat(after.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(after.charges()).containsExactly(first.id(), second.id());
        }

        @Test
        void aSingleUseMandateIsChargedOnce() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);
            right(t.tender.mandates().charge(charge(mandate.id(), usd(1_500))));

            // when
            var second = t.tender.mandates().charge(charge(mandate.id(), usd(1_500)));

            // then
            assertThat(rejectionCode(second)).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(1);
            assertThat(t.tender.mandates().get(MERCHANT, mandate.id()).get().status())
                    .isEqualTo(MandateStatus.INACTIVE);
        }

        @Test
        void aDeclinedChargeGivesASingleUseMandateBack() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);
            connector.answer(Op.AUTHORIZE, new Outcome.Declined("insufficient_funds", "no funds"));
            Payment declined = right(t.tender.mandates().charge(charge(mandate.id(), usd(1_500))));
            assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);

            // when
            Payment retried = right(t.tender.mandates().charge(charge(mandate.id(), usd(1_500))));

            // then
            assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(t.tender.mandates().get(MERCHANT, mandate.id()).get().charges()).containsExactly(retried.id());
        }

        @Test
        void aRevokedMandateIsNotCharged() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE);
            Mandate revoked = right(t.tender.mandates().revoke(MERCHANT, mandate.id()));

            // when
            var result = t.tender.mandates().charge(charge(mandate.id(), usd(1_500)));

            // then
            assertThat(revoked.status()).isEqualTo(MandateStatus.REVOKED);
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(connector.count(Op.AUTHORIZE)).isZero();
        }

        @Test
        void aChargeThatNoConnectorCanTakeLeavesTheSingleUseMandateUnused() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);
            t.inMemory.accounts.add(TestTender.account("acc_1", "sim", 1, false));

            // when
            var result = t.tender.mandates().charge(charge(mandate.id(), usd(1_500)));

            // then
            assertThat(TestTender.left(result)).isInstanceOf(ApplicationError.NoConnector.class);
            assertThat(connector.count(Op.AUTHORIZE)).isZero();
            Mandate after = t.tender.mandates().get(MERCHANT, mandate.id()).get();
            assertThat(after.charges()).as("nothing was charged").isEmpty();
            assertThat(after.status()).isEqualTo(MandateStatus.ACTIVE);
        }

        @Test
        void ofRacingChargesOnASingleUseMandateOnlyOneIsSent() throws Exception {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);
            int racers = 10;

            // when
            java.util.List<Either<ApplicationError, Payment>> results = Race.of(racers, 10, () -> {
                return t.tender.mandates().charge(charge(mandate.id(), usd(1_500)));
            });

            // then
            assertThat(results.stream().filter(Either::isRight)).singleElement()
                    .satisfies(r -> assertThat(r.get().status()).isEqualTo(PaymentStatus.SUCCEEDED));
            assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft)).hasSize(racers - 1)
                    .allSatisfy(e -> assertThat(e).isInstanceOfAny(ApplicationError.Rejected.class,
                            ApplicationError.Conflict.class));
            assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(1);
            assertThat(t.tender.mandates().get(MERCHANT, mandate.id()).get().charges()).hasSize(1);
        }

        @Test
        void anUnknownMandateIsNotFound() {
            // when
            var result = t.tender.mandates().charge(charge(MandateId.of("man_missing"), usd(1_500)));

            // then
            assertThat(TestTender.left(result)).isEqualTo(
                    new ApplicationError.NotFound("mandate", "man_missing"));
        }
    }

    /** What the caller gives a charge besides the mandate: its id, the customer, metadata. */
    @Nested
    class ChargeDetails {

        static ChargeMandateUseCase.Command charge(MandateId mandateId, String paymentId, String customer) {
            return new ChargeMandateUseCase.Command(MERCHANT, mandateId, usd(1_500), CaptureMethod.AUTOMATIC,
                    Option.some(PaymentId.of(paymentId)), Option.of(customer), LinkedHashMap.of("invoice", "inv_7"),
                    Option.none());
        }

        @Test
        void aChargeTakesTheCallersIdCustomerAndMetadata() {
            // given
            Mandate mandate = activeMandate(MandateType.MULTI_USE);

            // when
            Payment charged = right(t.tender.mandates().charge(charge(mandate.id(), "pay_march", CUSTOMER)));

            // then
            assertThat(charged.id()).isEqualTo(PaymentId.of("pay_march"));
            assertThat(charged.customerId()).contains(CUSTOMER);
            assertThat(charged.metadata()).isEqualTo(LinkedHashMap.of("invoice", "inv_7"));
            assertThat(charged.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void anotherCustomersChargeIsRejectedAndUsesNothing() {
            // given
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);

            // when
            var result = t.tender.mandates().charge(charge(mandate.id(), "pay_other", "cus_other"));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(connector.count(Op.AUTHORIZE)).isZero();
            assertThat(t.tender.mandates().get(MERCHANT, mandate.id()).get().status())
                    .isEqualTo(MandateStatus.ACTIVE);
        }

        @Test
        void aChargeWhoseIdIsTakenIsNotSavedAndGivesTheSingleUseMandateBack() {
            // given a payment that already has the id
            Mandate mandate = activeMandate(MandateType.SINGLE_USE);
            String taken = t.tender.mandates().get(MERCHANT, mandate.id()).get().setupPaymentId().value();

            // when
            var result = t.tender.mandates().charge(charge(mandate.id(), taken, CUSTOMER));

            // then
            assertThat(result.isLeft()).isTrue();
            assertThat(connector.count(Op.AUTHORIZE)).isZero();
            Mandate after = t.tender.mandates().get(MERCHANT, mandate.id()).get();
            assertThat(after.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(after.charges()).isEmpty();
        }
    }
}
