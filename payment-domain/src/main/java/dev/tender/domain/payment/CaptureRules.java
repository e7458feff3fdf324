package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class CaptureRules {

    /** Automatic capture already captured with the authorization; say so rather than only the status. */
    static final Rule<Capture> NOT_AUTOMATIC = (p, c) ->
            p.captureMethod() == CaptureMethod.AUTOMATIC
                    ? Option.some(new Rejection(RejectionCode.PAYMENT_UNEXPECTED_STATE,
                    "This payment could not be captured because it has a capture_method of automatic and a status of "
                            + p.status() + "; capture is allowed, for manual capture methods, from: "
                            + TransitionTable.allowedFrom(Operation.CAPTURE).mkString(", ")))
                    : Option.none();

    /**
     * The issuer released the hold when the window closed (Amazon Payment Services: an authorization neither
     * captured nor voided in time is voided automatically), so a capture after it is refused before anything
     * is sent: at or past {@code authorizationExpiresAt}, or once the payment is {@code expired}.
     */
    static final Rule<Capture> NOT_EXPIRED = (p, c) ->
            p.status() == PaymentStatus.EXPIRED || TransitionTable.allows(Operation.CAPTURE, p.status())
                    && p.authorizationExpiresAt().exists(at -> !c.at().isBefore(at))
                    ? Option.some(new Rejection(RejectionCode.AUTHORIZATION_EXPIRED,
                    "This payment could not be captured because its authorization expired at "
                            + p.authorizationExpiresAt().map(Object::toString).getOrElse("an earlier time")
                            + "; the processor has released the amount"))
                    : Option.none();

    static final Rule<Capture> SAME_CURRENCY = (p, c) ->
            c.amount().sameCurrencyAs(p.amount())
                    ? Option.none()
                    : Option.some(Rejection.invalid("amount_to_capture must be in " + p.amount().currency()));

    static final Rule<Capture> POSITIVE = (p, c) ->
            c.amount().isZero() ? Option.some(Rejection.invalid("amount_to_capture must be greater than 0"))
                    : Option.none();

    static final Rule<Capture> NOT_ABOVE_CAPTURABLE = (p, c) ->
            c.amount().isGreaterThan(p.capturable())
                    ? Option.some(Rejection.invalid("amount_to_capture " + c.amount()
                    + " is greater than amount_capturable " + p.capturable()))
                    : Option.none();

    static final List<Rule<Capture>> ALL = List.of(NOT_AUTOMATIC, NOT_EXPIRED, Rule.allowedBy(Operation.CAPTURE),
            Rule.nothingInFlight(Operation.CAPTURE), Rule.unusedTransactionId(Capture::transactionId),
            SAME_CURRENCY, POSITIVE, NOT_ABOVE_CAPTURABLE);

    private CaptureRules() {
    }
}
