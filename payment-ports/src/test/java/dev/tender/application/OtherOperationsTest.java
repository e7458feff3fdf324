package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreateOrderUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.IncrementAuthorizationUseCase;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.in.ReversePaymentUseCase;
import dev.tender.ports.in.UpdatePaymentUseCase;
import dev.tender.ports.in.VoidPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.OutboxEvent;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.rejectionCode;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Void, reverse, increment, orders, update and reads, each through the service and the connector. */
class OtherOperationsTest {

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    static VoidPaymentUseCase.Command cancel(PaymentId id) {
        return new VoidPaymentUseCase.Command(MERCHANT, id, Option.some("requested_by_customer"), Option.none());
    }

    static CreatePaymentUseCase.Command createOnly(CaptureMethod method) {
        return new CreatePaymentUseCase.Command(MERCHANT, Option.none(), usd(5_000), method,
                Option.some(TestTender.card()), Option.none(), Option.none(), LinkedHashMap.empty(), false,
                Option.none(), Option.none(), Option.none());
    }

    static ConfirmPaymentUseCase.Command confirm(PaymentId id) {
        return new ConfirmPaymentUseCase.Command(MERCHANT, id, Option.some(TestTender.card()), Option.none(),
                Option.none(), Option.none());
    }

    @Nested
    class Void {

        @Test
        void anAuthorizationIsVoidedAtTheConnectorForWhatIsCapturable() {
            // given
            Payment authorized = t.createConfirmed(usd(5_000), CaptureMethod.MANUAL);

            // when
            Payment cancelled = right(t.tender.payments().cancel(cancel(authorized.id())));

            // then
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
            ConnectorRequest.Void sent = connector.<ConnectorRequest.Void>requests(Op.VOID).single();
            assertThat(sent.amount()).isEqualTo(usd(5_000));
            assertThat(sent.connectorTransactionId()).isEqualTo(authorized.connectorTransactionId().get());
            assertThat(t.inMemory.outbox.pending(10).last().type()).isEqualTo("payment_cancelled");
        }

        @Test
        void aPaymentNotYetConfirmedIsCancelledWithoutAConnector() {
            // given
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.MANUAL)));

            // when
            Payment cancelled = right(t.tender.payments().cancel(cancel(created.id())));

            // then
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(connector.calls()).isEmpty();
        }

        @Test
        void aDeclinedVoidLeavesTheAuthorizationCapturable() {
            // given
            Payment authorized = t.createConfirmed(usd(5_000), CaptureMethod.MANUAL);
            connector.answer(Op.VOID, new Outcome.Declined("invalid_request", "already settled"));

            // when
            Payment after = right(t.tender.payments().cancel(cancel(authorized.id())));

            // then
            assertThat(after.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(after.capturable()).isEqualTo(usd(5_000));
        }
    }

    @Nested
    class Refunds {

        RefundPaymentUseCase.Command refund(PaymentId id, Option<Money> amount) {
            return new RefundPaymentUseCase.Command(MERCHANT, id, Option.none(), amount, Option.none(), Option.none());
        }

        @Test
        void aPaymentNeverConfirmedIsRefusedForItsStatusBeforeAnyRouting() {
            // given: no connector account was ever chosen for it
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.AUTOMATIC)));

            // when
            var refused = t.tender.refunds().refund(refund(created.id(), Option.some(usd(100))));

            // then
            assertThat(rejectionCode(refused)).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(connector.requests(Op.REFUND)).isEmpty();
        }

        @Test
        void askingForWhatIsLeftWhenNothingIsLeftIsARefundAboveTheCapturedAmount() {
            // given
            Payment paid = t.createConfirmed(usd(5_000), CaptureMethod.AUTOMATIC);
            right(t.tender.refunds().refund(refund(paid.id(), Option.none())));

            // when
            var refused = t.tender.refunds().refund(refund(paid.id(), Option.none()));

            // then
            assertThat(rejectionCode(refused)).isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
            assertThat(((ApplicationError.Rejected) left(refused)).rejection().message())
                    .isEqualTo("Nothing is left to refund: the 50.00 USD captured is refunded or being refunded");
            assertThat(connector.requests(Op.REFUND)).hasSize(1);
        }
    }

    @Nested
    class Reverse {

        @Test
        void aCaptureIsReversedBeforeItSettles() {
            // given
            Payment paid = t.createConfirmed(usd(5_000), CaptureMethod.AUTOMATIC);
            t.clock.advance(Duration.ofHours(23));

            // when
            Payment reversed = right(t.tender.payments().reverse(new ReversePaymentUseCase.Command(MERCHANT,
                    paid.id(), Option.none(), Option.none())));

            // then
            assertThat(reversed.status()).isEqualTo(PaymentStatus.CANCELLED_POST_CAPTURE);
            assertThat(connector.<ConnectorRequest.Reverse>requests(Op.REVERSE).single().amount())
                    .isEqualTo(usd(5_000));
        }

        @Test
        void afterTheDefaultSettlementDelayItIsRefusedWithoutACall() {
            // given
            Payment paid = t.createConfirmed(usd(5_000), CaptureMethod.AUTOMATIC);
            t.clock.advance(Duration.ofHours(24));

            // when
            var result = t.tender.payments().reverse(new ReversePaymentUseCase.Command(MERCHANT, paid.id(),
                    Option.none(), Option.none()));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(connector.count(Op.REVERSE)).isZero();
        }

        @Test
        void aGivenCutoffIsUsed() {
            // given
            Payment paid = t.createConfirmed(usd(5_000), CaptureMethod.AUTOMATIC);
            Instant cutoff = t.clock.now().plusSeconds(60);
            t.clock.advance(Duration.ofMinutes(2));

            // when
            var result = t.tender.payments().reverse(new ReversePaymentUseCase.Command(MERCHANT, paid.id(),
                    Option.some(cutoff), Option.none()));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }
    }

    @Nested
    class Increment {

        @Test
        void anApprovedIncrementRaisesWhatIsAuthorized() {
            // given
            Payment authorized = t.createConfirmed(usd(5_000), CaptureMethod.MANUAL);

            // when
            Payment raised = right(t.tender.payments().increment(new IncrementAuthorizationUseCase.Command(
                    MERCHANT, authorized.id(), usd(7_500), Option.none())));

            // then
            assertThat(raised.authorized()).isEqualTo(usd(7_500));
            assertThat(raised.amount()).isEqualTo(usd(7_500));
            assertThat(raised.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(connector.<ConnectorRequest.IncrementAuthorization>requests(Op.INCREMENT_AUTHORIZATION)
                    .single().newTotal()).isEqualTo(usd(7_500));
        }

        @Test
        void aConnectorWithoutIncrementsIsNotAsked() {
            // given
            ScriptedConnector manualOnly = ScriptedConnector.named("manual_only", Capability.MANUAL_CAPTURE);
            TestTender other = new TestTender(TestTender.fastSettings(), manualOnly)
                    .withAccount("acc_m", "manual_only", 1);
            Payment authorized = other.createConfirmed(usd(5_000), CaptureMethod.MANUAL);

            // when
            var result = other.tender.payments().increment(new IncrementAuthorizationUseCase.Command(MERCHANT,
                    authorized.id(), usd(7_500), Option.none()));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.NOT_SUPPORTED);
            assertThat(manualOnly.count(Op.INCREMENT_AUTHORIZATION)).isZero();
        }
    }

    @Nested
    class Orders {

        @Test
        void theAuthorizationCarriesTheOrderCreatedBefore() {
            // given
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.MANUAL)));
            connector.answer(Op.CREATE_ORDER, Outcome.Approved.of("order_42"));
            Payment ordered = right(t.tender.payments().createOrder(new CreateOrderUseCase.Command(MERCHANT,
                    created.id(), Option.none())));

            // when
            Payment authorized = right(t.tender.payments().confirm(confirm(created.id())));

            // then
            assertThat(ordered.orderReference()).contains("order_42");
            assertThat(connector.<ConnectorRequest.CreateOrder>requests(Op.CREATE_ORDER).single().amount())
                    .isEqualTo(usd(5_000));
            assertThat(connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().orderReference())
                    .contains("order_42");
            assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        }

        /**
         * The order's transaction is open, so confirm waits for a sync; but a payment not confirmed yet has
         * no connector account, and the sync (and the reconciler) find no connector to ask.
         */
        @Test
        void anOrderAnsweredUnknownIsResolvedByTheReconciler() {
            // given
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.MANUAL)));
            connector.always(Op.CREATE_ORDER, new Outcome.Unknown("timeout"));
            Payment unknown = right(t.tender.payments().createOrder(new CreateOrderUseCase.Command(MERCHANT,
                    created.id(), Option.none())));
            assertThat(unknown.transactions().single().status()).isEqualTo(TransactionStatus.UNKNOWN);
            connector.answer(Op.SYNC, Outcome.Approved.of("order_42"));
            t.clock.advance(ServiceSettings.defaults().firstReconcileDelay());

            // when
            t.tender.reconciler().runOnce(10);

            // then
            assertThat(connector.<ConnectorRequest.Sync>requests(Op.SYNC).map(ConnectorRequest.Sync::kind))
                    .containsExactly(TransactionKind.ORDER);
            assertThat(t.stored(created.id()).orderReference()).contains("order_42");
        }
    }

    @Nested
    class UpdateAndReads {

        @Test
        void anUpdateBeforeConfirmChangesTheAmountTheConnectorIsAsked() {
            // given
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.MANUAL)));

            // when
            Payment updated = right(t.tender.payments().update(new UpdatePaymentUseCase.Command(MERCHANT,
                    created.id(), UpdatePayment.nothing(Instant.EPOCH).amount(usd(6_000)), Option.none(),
                    Option.none())));
            right(t.tender.payments().confirm(confirm(created.id())));

            // then
            assertThat(updated.amount()).isEqualTo(usd(6_000));
            assertThat(updated.updatedAt()).as("the service's clock, not the command's").isEqualTo(t.clock.now());
            assertThat(connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().amount())
                    .isEqualTo(usd(6_000));
        }

        @Test
        void aConfirmWithoutACardIsInvalidOnceTheCardsHoldHasEnded() {
            // given
            Payment created = right(t.tender.payments().create(createOnly(CaptureMethod.MANUAL)));
            t.clock.advance(Tender.DEFAULT_CARD_HOLD_TTL);

            // when
            var result = t.tender.payments().confirm(new ConfirmPaymentUseCase.Command(MERCHANT, created.id(),
                    Option.none(), Option.none(), Option.none(), Option.none()));

            // then
            assertThat(left(result)).isInstanceOfSatisfying(ApplicationError.Invalid.class,
                    invalid -> assertThat(invalid.errors().map(e -> e.field())).containsExactly("payment_method_data"));
            assertThat(connector.calls()).isEmpty();
        }

        @Test
        void anotherMerchantsPaymentIsNotFound() {
            // given
            Payment mine = t.createConfirmed(usd(5_000), CaptureMethod.MANUAL);

            // when
            var result = t.tender.payments().get(TestTender.OTHER_MERCHANT, mine.id());

            // then
            assertThat(left(result)).isEqualTo(new ApplicationError.NotFound("payment", mine.id().value()));
            assertThat(t.tender.payments().list(TestTender.OTHER_MERCHANT, ListQuery.first(10)).items()).isEmpty();
            assertThat(t.tender.payments().list(MERCHANT, ListQuery.first(10)).items().map(Payment::id))
                    .containsExactly(mine.id());
        }

        @Test
        void aSyncWithNothingOpenAsksNothing() {
            // given
            Payment paid = t.createConfirmed(usd(5_000), CaptureMethod.AUTOMATIC);

            // when
            Payment synced = right(t.tender.payments().sync(MERCHANT, paid.id()));

            // then
            assertThat(synced).isEqualTo(paid);
            assertThat(connector.count(Op.SYNC)).isZero();
            assertThat(t.inMemory.outbox.pending(10).map(OutboxEvent::type))
                    .containsExactly("payment_succeeded");
        }
    }
}
