package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class InMemoryConnectorAccounts implements ConnectorAccounts {

    private final ConcurrentMap<String, ConnectorAccount> accounts = new ConcurrentHashMap<>();

    public InMemoryConnectorAccounts add(ConnectorAccount account) {
        accounts.put(account.id(), account);
        return this;
    }

    @Override
    public List<ConnectorAccount> forMerchant(MerchantId merchantId) {
        return List.ofAll(accounts.values()).filter(a -> a.merchantId().equals(merchantId))
                .sorted(java.util.Comparator.comparingInt(ConnectorAccount::priority).thenComparing(ConnectorAccount::id));
    }

    @Override
    public Option<ConnectorAccount> find(MerchantId merchantId, String accountId) {
        return Option.of(accounts.get(accountId)).filter(a -> a.merchantId().equals(merchantId));
    }
}
