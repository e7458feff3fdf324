package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** The customer is back from 3DS or a bank page: finish the authorization. */
@FunctionalInterface
public interface CompleteAuthorizationUseCase {

    Either<ApplicationError, Payment> complete(Command command);

    /** @param parameters what the redirect returned, passed on to the connector */
    record Command(MerchantId merchantId, PaymentId paymentId, Map<String, String> parameters,
                   Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId,
                                                              Map<String, String> parameters,
                                                              String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId))
                    .ap((merchant, payment) -> new Command(merchant, payment,
                            parameters == null ? io.vavr.collection.LinkedHashMap.empty() : parameters,
                            Option.of(idempotencyKey)));
        }
    }
}
