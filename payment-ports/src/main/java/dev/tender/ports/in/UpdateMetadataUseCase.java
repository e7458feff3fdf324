package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Map;
import io.vavr.control.Either;

/** Replace a payment's metadata, whatever its status; money and status stay as they are. */
@FunctionalInterface
public interface UpdateMetadataUseCase {

    Either<ApplicationError, Payment> updateMetadata(Command command);

    record Command(MerchantId merchantId, PaymentId paymentId, Map<String, String> metadata) {
    }
}
