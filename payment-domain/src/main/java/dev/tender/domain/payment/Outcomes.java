package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.control.Option;

import java.time.Instant;

import static dev.tender.domain.payment.PaymentStatus.CANCELLED;
import static dev.tender.domain.payment.PaymentStatus.CANCELLED_POST_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.EXPIRED;
import static dev.tender.domain.payment.PaymentStatus.FAILED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE;
import static dev.tender.domain.payment.PaymentStatus.PROCESSING;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CUSTOMER_ACTION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_MERCHANT_ACTION;
import static dev.tender.domain.payment.PaymentStatus.SUCCEEDED;

/** What an outcome, once known to be news, does to the payment: one method per kind of transaction. */
final class Outcomes {

    private Outcomes() {
    }

    static Payment apply(Payment p, Transaction tx, Outcome outcome, Instant at) {
        Payment.Draft draft = p.with().replace(tx).updatedAt(at);
        return switch (tx.kind()) {
            case AUTHORIZE, SETUP_MANDATE -> authorization(p, draft, tx, outcome, at);
            case REFUND -> draft.build();
            case ORDER -> order(draft, tx, outcome);
            case CAPTURE, VOID, REVERSE, INCREMENT -> modification(p, draft, tx, outcome);
        };
    }

    private static Payment authorization(Payment p, Payment.Draft draft, Transaction tx, Outcome outcome,
                                         Instant at) {
        return switch (outcome) {
            case Outcome.Approved a -> {
                boolean capturedNow = tx.kind() == TransactionKind.SETUP_MANDATE
                        || p.captureMethod() == CaptureMethod.AUTOMATIC;
                Money authorized = tx.amount();
                yield draft.authorized(authorized)
                        .captured(capturedNow ? authorized : Money.zero(authorized.currency()))
                        .status(capturedNow ? SUCCEEDED : REQUIRES_CAPTURE)
                        .connectorTransactionId(a.reference().orElse(p.connectorTransactionId()))
                        .connectorMandateReference(a.mandateReference().orElse(p.connectorMandateReference()))
                        // counted from when the authorization was sent, not from when its approval was
                        // seen: a late sync must not extend a hold the issuer releases on its own clock
                        .authorizationExpiresAt(capturedNow ? Option.none()
                                : Option.some(tx.createdAt().plus(p.authorizationValidity())))
                        .nextAction(Option.none())
                        .failure(Option.none())
                        .build();
            }
            case Outcome.Declined d -> draft.status(FAILED).nextAction(Option.none())
                    .failure(tx.failure()).build();
            case Outcome.Pending pending -> draft.status(PROCESSING).nextAction(Option.none()).build();
            case Outcome.RequiresAction r -> draft.status(REQUIRES_CUSTOMER_ACTION)
                    .connectorTransactionId(r.reference().orElse(p.connectorTransactionId()))
                    .nextAction(Option.some(r.redirect())).build();
            case Outcome.Unknown u -> draft.status(REQUIRES_MERCHANT_ACTION).build();
        };
    }

    private static Payment order(Payment.Draft draft, Transaction tx, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> draft.orderReference(Option.some(tx.reference().getOrElse(tx.id().value())))
                    .build();
            case Outcome.Declined d -> draft.failure(tx.failure()).build();
            default -> draft.build();
        };
    }

    /** Capture, void, reverse and increment: declined returns to where the operation began. */
    private static Payment modification(Payment p, Payment.Draft draft, Transaction tx, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> approvedModification(p, draft.failure(Option.none()), tx);
            case Outcome.Declined d -> draft.status(tx.statusAtBegin()).failure(tx.failure()).build();
            case Outcome.Pending pending -> draft.status(PROCESSING).build();
            case Outcome.Unknown u -> draft.status(REQUIRES_MERCHANT_ACTION).build();
            case Outcome.RequiresAction r -> throw new IllegalStateException("rejected before: " + r);
        };
    }

    private static Payment approvedModification(Payment p, Payment.Draft draft, Transaction tx) {
        return switch (tx.kind()) {
            case CAPTURE -> {
                Money captured = p.captured().plus(tx.amount());
                PaymentStatus status = captured.equals(p.authorized()) ? SUCCEEDED
                        : tx.finalCapture() ? PARTIALLY_CAPTURED : PARTIALLY_CAPTURED_AND_CAPTURABLE;
                yield draft.captured(captured).status(status).build();
            }
            case VOID -> draft.status(tx.statusAtBegin() != REQUIRES_CAPTURE ? PARTIALLY_CAPTURED
                    : tx.expiresAuthorization() ? EXPIRED : CANCELLED).build();
            case REVERSE -> draft.status(CANCELLED_POST_CAPTURE).build();
            case INCREMENT -> draft.amount(tx.amount()).authorized(tx.amount()).status(REQUIRES_CAPTURE).build();
            default -> throw new IllegalStateException("not a modification: " + tx.kind());
        };
    }
}
