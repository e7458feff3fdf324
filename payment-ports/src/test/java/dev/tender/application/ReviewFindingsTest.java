package dev.tender.application;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.inmemory.InMemoryPayments;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.inmemory.DerivedRedirectSecrets;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.StorageConflict;
import io.vavr.control.Either;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.fastSettings;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a review of the application layer found, each kept fixed by a test. */
class ReviewFindingsTest {

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("scripted");
    final TestTender t = new TestTender(fastSettings(), connector).withAccount("acc_1", "scripted", 0);

    @Test
    void aRequestThatFailsAfterReachingTheProcessorIsNotRunAgainUnderItsKey() {
        // given a purchase, and a refund whose answer cannot be saved (the store fails once)
        Payment paid = t.createConfirmed(usd(10_00), CaptureMethod.AUTOMATIC);
        connector.onCall(request -> {
            if (request instanceof ConnectorRequest.Refund) {
                t.clock.advance(Duration.ofSeconds(1));
                failNextSave.set(true);
            }
        });
        RefundPaymentUseCase.Command refund = new RefundPaymentUseCase.Command(MERCHANT, paid.id(), Option.none(),
                Option.some(usd(3_00)), Option.none(), Option.some("refund-key"));
        assertThatThrownBy(() -> failing.tender.refunds().refund(refund)).isInstanceOf(IllegalStateException.class);

        // when the client retries with the same key
        var retried = failing.tender.refunds().refund(refund);

        // then nothing is sent again
        assertThat(left(retried)).isInstanceOf(ApplicationError.Conflict.class);
        assertThat(connector.count(ScriptedConnector.Op.REFUND)).isEqualTo(1);
    }

    private final AtomicBoolean failNextSave = new AtomicBoolean();
    private final FailingTender failing = new FailingTender();

    /** The same services over a payment store that fails its next save when told to. */
    private final class FailingTender {
        final InMemoryTender inMemory;
        final Tender tender;

        FailingTender() {
            InMemoryPayments payments = t.inMemory.payments;
            Payments flaky = new Payments() {
                public Option<Payment> find(MerchantId m, PaymentId p) {
                    return payments.find(m, p);
                }

                public Either<StorageConflict, Payment> save(Payment payment) {
                    if (failNextSave.getAndSet(false)) {
                        throw new IllegalStateException("the database went away");
                    }
                    return payments.save(payment);
                }

                public Page<Payment> list(MerchantId m,
                                                              ListQuery q) {
                    return payments.list(m, q);
                }

                public io.vavr.collection.List<Payment> dueForExpiry(java.time.Instant now, int limit) {
                    return payments.dueForExpiry(now, limit);
                }
            };
            inMemory = t.inMemory;
            tender = Tender.builder().payments(flaky).refunds(inMemory.refunds)
                    .mandates(inMemory.mandates).idempotencyKeys(inMemory.idempotencyKeys).outbox(inMemory.outbox)
                    .reconciliations(inMemory.reconciliations).connectorAccounts(inMemory.accounts)
                    .connectors(ConnectorRegistry.of(connector))
                    .redirectSecrets(new DerivedRedirectSecrets(new byte[32]))
                    .time(t.clock).ids(new RandomIdGenerator()).settings(fastSettings()).build();
        }
    }

    @Test
    void twoPaymentsAskingTheSameKeyWithMethodsThatMaskAlikeAreDifferentRequests() {
        // given two bank accounts whose masked forms are equal
        var first = withMethod(new PaymentMethodData.Other("sepa", HashMap.of("iban", "DE89370400440532013000")));
        var second = withMethod(new PaymentMethodData.Other("sepa", HashMap.of("iban", "FR1420041010050500013M02606")));
        assertThat(first.toString()).isEqualTo(second.toString());

        // when
        right(t.tender.payments().create(first));
        var again = t.tender.payments().create(second);

        // then
        assertThat(left(again)).isInstanceOf(ApplicationError.IdempotencyMismatch.class);
        assertThat(connector.count(ScriptedConnector.Op.AUTHORIZE)).isEqualTo(1);
    }

    private static CreatePaymentUseCase.Command withMethod(PaymentMethodData method) {
        return new CreatePaymentUseCase.Command(MERCHANT, Option.none(), usd(10_00), CaptureMethod.AUTOMATIC,
                Option.some(method), Option.none(), Option.none(), LinkedHashMap.empty(), true, Option.none(),
                Option.some("same-key"), Option.none());
    }

    @Test
    void notFoundIsOnlyFinalOnceTheCallCannotStillBeOnItsWay() {
        // given an authorization whose answers were all lost, and a processor that has not seen it (yet)
        connector.always(ScriptedConnector.Op.AUTHORIZE, new Outcome.Unknown("read timed out"));
        connector.always(ScriptedConnector.Op.SYNC, new Outcome.Declined(DeclineCodes.NOT_FOUND, "no such payment"));
        Payment unknown = t.createConfirmed(usd(10_00), CaptureMethod.MANUAL);

        // when the reconciler asks after a minute, then again after the next back-off
        t.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        t.tender.reconciler().runOnce(10);
        PaymentStatus afterAMinute = t.stored(unknown.id()).status();
        t.clock.advance(Duration.ofMinutes(5));
        t.tender.reconciler().runOnce(10);

        // then
        assertThat(afterAMinute).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        assertThat(t.stored(unknown.id()).status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void theSameRefundIdOnTwoPaymentsDoesNotDropTheOtherFromReconciliation() {
        // given a pending refund "refund-1001" on one payment
        Payment first = t.createConfirmed(usd(10_00), CaptureMethod.AUTOMATIC);
        Payment second = t.createConfirmed(usd(10_00), CaptureMethod.AUTOMATIC);
        connector.answer(ScriptedConnector.Op.REFUND, Outcome.Pending.of());
        right(t.tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT, first.id(),
                Option.some(TransactionId.of("refund-1001")), Option.some(usd(1_00)), Option.none(), Option.none())));

        // when the same id is tried on another payment
        var duplicate = t.tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT, second.id(),
                Option.some(TransactionId.of("refund-1001")), Option.some(usd(1_00)), Option.none(), Option.none()));

        // then it is refused and the first refund is still reconciled
        assertThat(left(duplicate)).isInstanceOf(ApplicationError.Rejected.class);
        assertThat(t.inMemory.reconciliations.all().map(task -> task.paymentId()))
                .contains(first.id());
    }
}
