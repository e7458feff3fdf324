package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The connector accounts configured for each merchant. */
public interface ConnectorAccounts {

    /** Every account of the merchant, enabled or not, in routing order (priority, then id). */
    List<ConnectorAccount> forMerchant(MerchantId merchantId);

    Option<ConnectorAccount> find(MerchantId merchantId, String accountId);
}
