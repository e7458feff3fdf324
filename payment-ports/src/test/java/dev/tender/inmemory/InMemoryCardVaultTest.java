package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.CardVault;
import dev.tender.ports.out.CardVaultContract;
import dev.tender.ports.out.TimeSource;

import java.util.concurrent.atomic.AtomicInteger;

/** The vault's contract, in memory. */
class InMemoryCardVaultTest extends CardVaultContract {

    private final AtomicInteger merchants = new AtomicInteger();

    @Override
    protected CardVault vault(TimeSource time) {
        return new InMemoryCardVault(new RandomIdGenerator(), time);
    }

    @Override
    protected MerchantId newMerchant(String prefix) {
        return MerchantId.of(prefix + "_" + merchants.incrementAndGet());
    }
}
