package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** Confirm: authorize at the first connector account by priority, falling back where that is safe. */
@FunctionalInterface
public interface ConfirmPaymentUseCase {

    Either<ApplicationError, Payment> confirm(Command command);

    /** @param connectorAccountId a specific account instead of routing */
    record Command(MerchantId merchantId, PaymentId paymentId, Option<PaymentMethodData> paymentMethod,
                   Option<String> connectorAccountId, Option<String> returnUrl, Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId,
                                                              PaymentMethodData paymentMethod,
                                                              String connectorAccountId, String returnUrl,
                                                              String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId))
                    .ap((merchant, payment) -> new Command(merchant, payment, Option.of(paymentMethod),
                            Option.of(connectorAccountId), Option.of(returnUrl), Option.of(idempotencyKey)));
        }
    }
}
