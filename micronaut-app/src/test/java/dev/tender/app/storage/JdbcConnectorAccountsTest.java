package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.inmemory.InMemoryConnectorAccounts;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A merchant's connector accounts in PostgreSQL, in routing order, with credentials and settings. */
class JdbcConnectorAccountsTest {

    final JdbcConnectorAccounts accounts = EmbeddedDatabase.bean(JdbcConnectorAccounts.class);
    final MerchantId merchant = newMerchant("mer_acc");

    /** Account ids are global: each test's own are prefixed with its merchant. */
    String id(String name) {
        return merchant.value() + "_" + name;
    }

    ConnectorAccount account(MerchantId owner, String id, int priority) {
        return new ConnectorAccount(id, owner, "simulator", id, priority, true, Credentials.of(HashMap.empty()),
                HashMap.empty());
    }

    @Test
    void anAccountReadsBackWithItsCredentialsAndSettings() {
        // given
        ConnectorAccount full = new ConnectorAccount(id("acc_stripe"), merchant, "stripe", "EU \"main\"", -3, false,
                Credentials.of(LinkedHashMap.of("api_key", "sk_test_123", "webhook_secret", "whsec_\\\"x\"",
                        "key with space", "ünï")),
                LinkedHashMap.of("base_url", "http://localhost:8089", "region", "eu"));

        // when
        ConnectorAccount added = accounts.add(full);

        // then
        assertThat(added).isEqualTo(full);
        assertThat(accounts.find(merchant, full.id())).contains(full);
        assertThat(accounts.find(merchant, full.id()).get().credentials().require("webhook_secret"))
                .isEqualTo("whsec_\\\"x\"");
        assertThat(accounts.forMerchant(merchant)).containsExactly(full);
    }

    @Test
    void accountsAreInPriorityOrderThenByIdAsInMemory() {
        // given
        InMemoryConnectorAccounts inMemory = new InMemoryConnectorAccounts();
        List<ConnectorAccount> all = List.of(account(merchant, id("acc_c"), 10), account(merchant, id("acc_b"), 2),
                account(merchant, id("acc_a"), 10), account(merchant, id("acc_d"), 1),
                account(merchant, id("acc_zero"), 0), account(merchant, id("acc_minus_one"), -1),
                account(merchant, id("acc_minus_ten"), -10), account(merchant, id("ACC_upper"), 10),
                account(merchant, id("acc-dash"), 10));

        // when
        all.forEach(a -> {
            accounts.add(a);
            inMemory.add(a);
        });

        // then
        assertThat(accounts.forMerchant(merchant)).isEqualTo(inMemory.forMerchant(merchant));
        assertThat(accounts.forMerchant(merchant).map(ConnectorAccount::id).take(4))
                .containsExactly(id("acc_minus_ten"), id("acc_minus_one"), id("acc_zero"), id("acc_d"));
    }

    @Test
    void anotherMerchantsAccountIsNeitherListedNorFound() {
        // given
        MerchantId other = newMerchant("mer_acc_other");
        accounts.add(account(other, id("acc_theirs"), 1));
        accounts.add(account(merchant, id("acc_mine"), 1));

        // then
        assertThat(accounts.forMerchant(merchant).map(ConnectorAccount::id)).containsExactly(id("acc_mine"));
        assertThat(accounts.find(merchant, id("acc_theirs"))).isEmpty();
        assertThat(accounts.find(other, id("acc_theirs")).map(ConnectorAccount::id)).containsExactly(id("acc_theirs"));
    }

    @Test
    void aTakenIdOrConnectorAndLabelIsADuplicate() {
        // given
        accounts.add(account(merchant, id("acc_1"), 0));

        // then
        assertThatThrownBy(() -> accounts.add(account(merchant, id("acc_1"), 5)))
                .isInstanceOf(JdbcConnectorAccounts.DuplicateAccountException.class);
        ConnectorAccount sameLabel = new ConnectorAccount(id("acc_2"), merchant, "simulator", id("acc_1"), 0, true,
                Credentials.of(HashMap.empty()), HashMap.empty());
        assertThatThrownBy(() -> accounts.add(sameLabel))
                .isInstanceOf(JdbcConnectorAccounts.DuplicateAccountException.class);
        assertThat(accounts.forMerchant(merchant)).containsExactly(account(merchant, id("acc_1"), 0));
    }

    @Test
    void credentialNamesThatCannotBeReadBackExactlyAreRefusedNotStoredWrongly() {
        // given
        ConnectorAccount ambiguous = new ConnectorAccount(id("acc_odd"), merchant, "simulator", "odd", 0, true,
                Credentials.of(HashMap.of("a, b", "secret")), HashMap.empty());

        // then
        assertThatThrownBy(() -> accounts.add(ambiguous)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThat(accounts.find(merchant, ambiguous.id())).isEmpty();
    }

    @Test
    void credentialValuesAreReadByTheirNames() {
        assertThat(JdbcConnectorAccounts.credentialValues(Credentials.of(HashMap.empty()))).isEmpty();
        assertThat(JdbcConnectorAccounts.credentialValues(Credentials.of(HashMap.of("api_key", "k", "a=***]", "v"))))
                .isEqualTo(HashMap.of("api_key", "k", "a=***]", "v"));
        assertThatThrownBy(() -> JdbcConnectorAccounts.credentialValues(Credentials.of(HashMap.of("", "v"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
