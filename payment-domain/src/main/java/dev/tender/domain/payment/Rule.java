package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/** One business rule for command {@code C}: a rejection when it is broken, nothing when it holds. */
@FunctionalInterface
interface Rule<C> {

    Option<Rejection> check(Payment payment, C command);

    /** Runs the rules in order, lazily: the first one broken decides and later ones are not evaluated. */
    static <C> Either<Rejection, C> firstBroken(List<Rule<C>> rules, Payment payment, C command) {
        return rules.iterator().map(rule -> rule.check(payment, command))
                .find(Option::isDefined)
                .map(Option::get)
                .<Either<Rejection, C>>map(Either::left)
                .getOrElse(() -> Either.right(command));
    }

    static <C> Rule<C> allowedBy(Operation operation) {
        return (payment, command) -> TransitionTable.check(operation, payment.status());
    }

    static <C> Rule<C> nothingInFlight(Operation operation) {
        return (payment, command) -> payment.inFlight().map(tx -> Rejection.precondition(
                "This payment could not be " + operation.pastTense() + " while its " + tx.kind() + " "
                        + tx.id() + " is " + tx.status() + "; sync the payment first"));
    }

    static <C> Rule<C> unusedTransactionId(Function<C, TransactionId> id) {
        return (payment, command) -> payment.transaction(id.apply(command)).map(tx -> new Rejection(
                RejectionCode.DUPLICATE_TRANSACTION, "Transaction " + tx.id() + " already exists on this payment"));
    }
}
