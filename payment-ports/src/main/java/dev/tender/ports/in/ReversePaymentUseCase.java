package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.Instant;

/** Cancel post capture, before the capture settles. */
@FunctionalInterface
public interface ReversePaymentUseCase {

    Either<ApplicationError, Payment> reverse(Command command);

    /** @param settlementCutoff when the capture settles; empty: the service's configured daily cut-off */
    record Command(MerchantId merchantId, PaymentId paymentId, Option<Instant> settlementCutoff,
                   Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId,
                                                              Instant settlementCutoff, String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId))
                    .ap((merchant, payment) -> new Command(merchant, payment, Option.of(settlementCutoff),
                            Option.of(idempotencyKey)));
        }
    }
}
