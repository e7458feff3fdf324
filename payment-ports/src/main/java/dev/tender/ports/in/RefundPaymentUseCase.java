package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.RefundRecord;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

@FunctionalInterface
public interface RefundPaymentUseCase {

    Either<ApplicationError, RefundRecord> refund(Command command);

    /** @param amount empty: all that is still refundable */
    record Command(MerchantId merchantId, PaymentId paymentId, Option<TransactionId> refundId, Option<Money> amount,
                   Option<String> reason, Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId, String refundId,
                                                              Long amount, String currency, String reason,
                                                              String idempotencyKey) {
            Validation<FieldError, Option<Money>> money = amount == null
                    ? Validation.valid(Option.none())
                    : Fields.currency(currency).flatMap(c -> Fields.positiveAmount("amount", amount, c))
                    .map(Option::some);
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId),
                            Fields.optionalTransaction("refund_id", refundId), money)
                    .ap((merchant, payment, id, m) -> new Command(merchant, payment, id, m, Option.of(reason),
                            Option.of(idempotencyKey)));
        }
    }
}
