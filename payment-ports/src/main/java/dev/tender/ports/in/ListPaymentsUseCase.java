package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;

@FunctionalInterface
public interface ListPaymentsUseCase {

    Page<Payment> list(MerchantId merchantId, ListQuery query);
}
