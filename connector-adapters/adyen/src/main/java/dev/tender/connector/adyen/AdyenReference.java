package dev.tender.connector.adyen;

import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;

/**
 * The {@code reference} Tender gives every Adyen call: {@code <payment_id>/<transaction_id>} ('/' is in no
 * Tender id), so that a notification's {@code merchantReference} names the payment and the transaction it
 * is about. Adyen takes at most 80 characters; longer pairs of ids send the transaction id alone, and their
 * notifications cannot be matched (the reconciler still syncs them).
 */
final class AdyenReference {

    static final int MAX_LENGTH = 80;
    private static final char SEPARATOR = '/';

    private AdyenReference() {
    }

    static String of(CallContext context) {
        String both = context.paymentId().value() + SEPARATOR + context.transactionId().value();
        return both.length() <= MAX_LENGTH ? both : context.transactionId().value();
    }

    /** The payment and transaction a merchant reference names, if it is one Tender made. */
    static Option<Tuple2<PaymentId, TransactionId>> parse(String reference) {
        int at = reference.indexOf(SEPARATOR);
        if (at <= 0 || at != reference.lastIndexOf(SEPARATOR) || at == reference.length() - 1) {
            return Option.none();
        }
        try {
            return Option.some(Tuple.of(PaymentId.of(reference.substring(0, at)),
                    TransactionId.of(reference.substring(at + 1))));
        } catch (IllegalArgumentException notTendersIds) {
            return Option.none();
        }
    }
}
