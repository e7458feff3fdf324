package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

/**
 * A payment as the simulated processor holds it. Mutable; only the {@link Processor} touches it, under
 * the simulator's lock.
 */
final class Authorization {

    enum Status { REQUIRES_ACTION, PENDING, AUTHORIZED, DECLINED, REVERSED }

    final String id;
    final String accountId;
    final Money requested;
    final CaptureMethod captureMethod;
    final CardBehaviour behaviour;
    final Option<String> mandateToCreate;

    Status status;
    Money authorized;
    Money captured;
    Money refunded;
    /** No more captures: the single manual capture happened, a final capture, a void or a reverse. */
    boolean closed;
    /** What a sync of the authorize call answers now. */
    Outcome answer;

    Authorization(String id, String accountId, Money requested, CaptureMethod captureMethod, CardBehaviour behaviour,
                  Option<String> mandateToCreate) {
        this.id = id;
        this.accountId = accountId;
        this.requested = requested;
        this.captureMethod = captureMethod;
        this.behaviour = behaviour;
        this.mandateToCreate = mandateToCreate;
        Money zero = Money.zero(requested.currency());
        this.authorized = zero;
        this.captured = zero;
        this.refunded = zero;
    }

    Money capturable() {
        return status == Status.AUTHORIZED && !closed ? authorized.minus(captured) : Money.zero(requested.currency());
    }

    Money refundable() {
        return status == Status.AUTHORIZED ? captured.minus(refunded) : Money.zero(requested.currency());
    }

    Money zero() {
        return Money.zero(requested.currency());
    }
}
