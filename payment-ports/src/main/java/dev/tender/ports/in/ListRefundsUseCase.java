package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;

@FunctionalInterface
public interface ListRefundsUseCase {

    Page<RefundRecord> list(MerchantId merchantId, ListQuery query);
}
