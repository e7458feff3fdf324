package dev.tender.application;

import dev.tender.domain.payment.ExpireAuthorization;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Payments;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Lapses authorizations as processors do (seed 004: an authorization neither captured nor voided within a
 * set period is voided automatically). For each payment past its window it voids what is still held at
 * the processor — a normal two-phase void, saved before the call, so a crash or a lost answer is the
 * reconciler's like any other — and the approved void leaves the payment {@code expired}. Where the
 * processor cannot void (declined, not supported, nothing sent), the payment is synced and then expired
 * here when the domain allows; an answer still unknown stays with the reconciler.
 *
 * <p>Safe from several processes at once: they may find the same payments, but beginning the expiry saves
 * the payment under its version, and once one process has saved its void every other one is refused (a
 * version conflict, or an operation in flight), so the processor gets one void per payment.
 */
public final class ExpiryService {

    private final Payments payments;
    private final PaymentStore store;
    private final PaymentService service;
    private final Routing routing;
    private final Clock clock;
    private final CardHolds holds;

    ExpiryService(Payments payments, PaymentStore store, PaymentService service, Routing routing, Clock clock,
                  CardHolds holds) {
        this.payments = payments;
        this.holds = holds;
        this.store = store;
        this.service = service;
        this.routing = routing;
        this.clock = clock;
    }

    /** Expires up to {@code limit} lapsed authorizations; returns how many payments this run ended. */
    public int runOnce(int limit) {
        int ended = 0;
        for (Payment lapsed : payments.dueForExpiry(clock.now(), limit)) {
            if (expire(lapsed).exists(ExpiryService::released)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Forgets every held card whose hold has ended (a confirm already refuses them; this removes them): what a
     * host runs on a schedule. Several processes may run it at once.
     */
    public int purgeHeldCards() {
        return holds.purge();
    }

    /** The payment after this process released it, or none when it was not this process's to release. */
    Option<Payment> expire(Payment lapsed) {
        if (lapsed.connector().isEmpty() || routing.of(lapsed).isLeft()) {
            // no account to void at any more: the processor releases the hold on its own
            return expireHere(lapsed);
        }
        Either<ApplicationError, Payment> voided = service.operate(lapsed,
                (current, tx, now) -> current.beginExpiry(new ExpireAuthorization(tx, now)),
                (route, begun, tx) -> route.connector().voidAuthorization(new ConnectorRequest.Void(
                        CallContext.of(route.account(), begun.id(), tx),
                        begun.connectorTransactionId().getOrElse(begun.id().value()),
                        begun.transaction(tx).get().amount())));
        if (voided.isLeft()) {
            // another process began it first, or the payment moved on (captured, cancelled) meanwhile
            return Option.none();
        }
        Payment after = voided.get();
        Option<Transaction> expiry = after.transactions().filter(Transaction::expiresAuthorization).lastOption();
        if (released(after) || expiry.isEmpty()) {
            return Option.some(after);
        }
        if (expiry.get().status().isOpen()) {
            after = service.syncOpenTransactions(after, List.of(expiry.get().id()));
            if (after.transaction(expiry.get().id()).exists(tx -> tx.status().isOpen())) {
                return Option.some(after); // the reconciler's now, as any unknown void
            }
        }
        return released(after) ? Option.some(after) : expireHere(after);
    }

    /** The void did not release it (declined, or not supported): sync what is open, then expire it here. */
    private Option<Payment> expireHere(Payment payment) {
        List<TransactionId> open = payment.transactions()
                .filter(tx -> tx.status().isOpen()).map(Transaction::id);
        Payment synced = open.isEmpty() || payment.connector().isEmpty() ? payment
                : service.syncOpenTransactions(payment, open);
        return store.change(synced.merchantId(), synced.id(), current -> current.expire(clock.now())).toOption();
    }

    private static boolean released(Payment p) {
        return p.status() == PaymentStatus.EXPIRED || p.status() == PaymentStatus.PARTIALLY_CAPTURED;
    }
}
