package dev.tender.application;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.GetRefundUseCase;
import dev.tender.ports.in.ListRefundsUseCase;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.Versioned;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Refunds: partial and repeated, never above what was captured and not yet refunded. */
public final class RefundService implements RefundPaymentUseCase, GetRefundUseCase, ListRefundsUseCase {

    private final Refunds refunds;
    private final PaymentStore store;
    private final Routing routing;
    private final ResilientConnectors connectors;
    private final Idempotency idempotency;
    private final Clock clock;

    RefundService(Refunds refunds, PaymentStore store, Routing routing, ResilientConnectors connectors,
                  Idempotency idempotency, Clock clock) {
        this.refunds = refunds;
        this.store = store;
        this.routing = routing;
        this.connectors = connectors;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Either<ApplicationError, RefundRecord> refund(RefundPaymentUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "refund", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p -> {
                    TransactionId refundId = c.refundId().getOrElse(() -> TransactionId.of(clock.ids().next("ref")));
                    // an id of the merchant's may be taken; a new one is not (and the write refuses it if it were)
                    if (c.refundId().isDefined() && refunds.find(c.merchantId(), refundId).isDefined()) {
                        return Either.left(new ApplicationError.Rejected(new Rejection(
                                RejectionCode.DUPLICATE_TRANSACTION, "Refund " + refundId + " already exists")));
                    }
                    Money amount = c.amount().getOrElse(p.refundable());
                    // the payment's own rules first: one that cannot be refunded says why, whatever its routing
                    Either<Rejection, ?> allowed = p.beginRefund(new Refund(refundId, amount, c.reason(), clock.now()));
                    if (allowed.isLeft()) {
                        return Either.left(new ApplicationError.Rejected(
                                c.amount().isEmpty() ? nothingLeftToRefund(p, allowed.getLeft()) : allowed.getLeft()));
                    }
                    Either<ApplicationError, Routing.Route> routed = routing.of(p);
                    if (routed.isLeft()) {
                        return Either.left(routed.getLeft());
                    }
                    return store.change(p.merchantId(), p.id(), current -> current.beginRefund(
                                    new Refund(refundId, amount, c.reason(), clock.now())))
                            .flatMap(begun -> routing.of(begun, p, Option.some(routed))
                                    .map(route -> store.record(begun,
                                    refundId, connectors.call(route.account(), () -> route.connector().refund(
                                            new ConnectorRequest.Refund(CallContext.of(route.account(), p.id(), refundId),
                                                    begun.connectorTransactionId().getOrElse(p.id().value()), amount,
                                                    c.reason()))))))
                            // the refund as its record was written with the payment: no need to read it back
                            .flatMap(after -> after.transaction(refundId).map(tx -> RefundRecord.of(after, tx))
                                    .toEither(() -> new ApplicationError.NotFound("refund", refundId.value())));
                }));
    }

    /** A refund of "what is left" when nothing is left is a refund above the captured amount, not a bad amount. */
    private static Rejection nothingLeftToRefund(Payment p, Rejection rejection) {
        return rejection.code() == RejectionCode.INVALID_REQUEST_DATA && p.refundable().isZero()
                ? new Rejection(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT,
                "Nothing is left to refund: the " + p.captured() + " captured is refunded or being refunded")
                : rejection;
    }

    @Override
    public Either<ApplicationError, RefundRecord> get(MerchantId merchantId, TransactionId refundId) {
        return refunds.find(merchantId, refundId).map(Versioned::value)
                .toEither(() -> new ApplicationError.NotFound("refund", refundId.value()));
    }

    @Override
    public Page<RefundRecord> list(MerchantId merchantId, ListQuery query) {
        return refunds.list(merchantId, query);
    }
}
