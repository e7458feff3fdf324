package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A merchant's accounts in routing order: lower priority first, then by id. */
class InMemoryConnectorAccountsTest {

    static final MerchantId MERCHANT = MerchantId.of("mer_1");

    final InMemoryConnectorAccounts accounts = new InMemoryConnectorAccounts();

    static ConnectorAccount account(MerchantId merchant, String id, int priority) {
        return new ConnectorAccount(id, merchant, "sim", id, priority, true, Credentials.of(HashMap.empty()),
                HashMap.empty());
    }

    @Test
    void accountsAreInPriorityOrderThenById() {
        // given
        accounts.add(account(MERCHANT, "acc_c", 10)).add(account(MERCHANT, "acc_b", 2))
                .add(account(MERCHANT, "acc_a", 10)).add(account(MERCHANT, "acc_d", 1));

        // then
        assertThat(accounts.forMerchant(MERCHANT).map(ConnectorAccount::id))
                .containsExactly("acc_d", "acc_b", "acc_a", "acc_c");
    }

    @Test
    void negativePrioritiesComeBeforeZeroInNumericOrder() {
        // given
        accounts.add(account(MERCHANT, "acc_zero", 0)).add(account(MERCHANT, "acc_minus_one", -1))
                .add(account(MERCHANT, "acc_minus_ten", -10));

        // then
        assertThat(accounts.forMerchant(MERCHANT).map(ConnectorAccount::id))
                .containsExactly("acc_minus_ten", "acc_minus_one", "acc_zero");
    }

    @Test
    void anotherMerchantsAccountIsNeitherListedNorFound() {
        // given
        MerchantId other = MerchantId.of("mer_2");
        accounts.add(account(other, "acc_theirs", 1)).add(account(MERCHANT, "acc_mine", 1));

        // then
        assertThat(accounts.forMerchant(MERCHANT).map(ConnectorAccount::id)).containsExactly("acc_mine");
        assertThat(accounts.find(MERCHANT, "acc_theirs")).isEmpty();
        assertThat(accounts.find(other, "acc_theirs").map(ConnectorAccount::id)).containsExactly("acc_theirs");
    }
}
