package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.RefundRecord;
import io.vavr.control.Either;

@FunctionalInterface
public interface GetRefundUseCase {

    Either<ApplicationError, RefundRecord> get(MerchantId merchantId, TransactionId refundId);
}
