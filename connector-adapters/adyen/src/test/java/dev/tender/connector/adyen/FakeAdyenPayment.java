package dev.tender.connector.adyen;

import dev.tender.connector.kit.MoneyMoved;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.control.Either;

/**
 * A payment as the fake Adyen keeps it, amounts in minor units of its currency, and what it decides about
 * each modification: the payment after it, or why it is refused. Captures and refunds beyond what is left
 * are refused with the reason Adyen's examples give ({@link #INSUFFICIENT_BALANCE}); several partial
 * captures are allowed, as on an account with multiple partial captures enabled. A cancelled or reversed
 * payment takes no further modification.
 */
record FakeAdyenPayment(String psp, String merchantReference, String merchantAccount, String currency,
                        boolean manualCapture, long authorised, long captured, long refunded, long cancelled,
                        long reversed) {

    static final String INSUFFICIENT_BALANCE = "Insufficient balance on payment";

    static FakeAdyenPayment authorised(String psp, String merchantReference, String merchantAccount, String currency,
                                       long value, boolean manualCapture) {
        return new FakeAdyenPayment(psp, merchantReference, merchantAccount, currency, manualCapture, value,
                manualCapture ? 0 : value, 0, 0, 0);
    }

    Either<String, FakeAdyenPayment> capture(long value) {
        if (!open() || captured + value > authorised) {
            return Either.left(INSUFFICIENT_BALANCE);
        }
        return Either.right(with(authorised, captured + value, refunded, cancelled, reversed));
    }

    Either<String, FakeAdyenPayment> refund(long value) {
        if (!open() || refunded + value > captured) {
            return Either.left(INSUFFICIENT_BALANCE);
        }
        return Either.right(with(authorised, captured, refunded + value, cancelled, reversed));
    }

    Either<String, FakeAdyenPayment> cancel() {
        if (!open() || captured > 0) {
            return Either.left("Payment already captured or closed");
        }
        return Either.right(with(authorised, captured, refunded, authorised, reversed));
    }

    /** A reversal refunds what is captured and not refunded yet, or cancels an uncaptured payment. */
    Either<String, FakeAdyenPayment> reverse() {
        long left = captured > 0 ? captured - refunded : authorised;
        if (!open() || left == 0) {
            return Either.left("Nothing left to cancel or refund");
        }
        return Either.right(with(authorised, captured, refunded, cancelled, left));
    }

    /** Adyen updates only an amount not captured yet, on a payment authorised for manual capture. */
    Either<String, FakeAdyenPayment> updateAmount(long newTotal) {
        if (!open() || !manualCapture || captured > 0) {
            return Either.left("Amount cannot be updated after capture");
        }
        return Either.right(with(newTotal, captured, refunded, cancelled, reversed));
    }

    MoneyMoved moved() {
        Currency in = Currency.of(currency);
        return new MoneyMoved(Money.of(authorised, in), Money.of(captured, in), Money.of(refunded, in),
                Money.of(cancelled, in), Money.of(reversed, in));
    }

    private boolean open() {
        return cancelled == 0 && reversed == 0;
    }

    private FakeAdyenPayment with(long authorised, long captured, long refunded, long cancelled, long reversed) {
        return new FakeAdyenPayment(psp, merchantReference, merchantAccount, currency, manualCapture, authorised,
                captured, refunded, cancelled, reversed);
    }
}
