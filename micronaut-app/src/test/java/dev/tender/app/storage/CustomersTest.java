package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/** The customers in PostgreSQL: each merchant's own, a taken id refused, a deleted one redacted and gone. */
class CustomersTest {

    final Customers customers = EmbeddedDatabase.bean(Customers.class);
    final String merchant = newMerchant("mer_cus").value();

    static Customer.Changes named(String name, String email) {
        return new Customer.Changes(name, email, "5550100", "+1", "first", "TAX1", "{\"city\":\"Paris\"}",
                Map.of("tier", "gold"));
    }

    @Test
    void aCustomerIsCreatedReadBackAndItsIdCannotBeTakenTwice() {
        // given
        Customer jo = named("Jo", "jo@example.com").newCustomer(merchant, "cus_1", T0);

        // when
        boolean first = customers.create(jo).isPresent();
        boolean second = customers.create(named("Other", null).newCustomer(merchant, "cus_1", T0)).isPresent();

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(customers.find(merchant, "cus_1")).contains(jo);
    }

    @Test
    void anotherMerchantsCustomerIsNotFoundNorChanged() {
        // given
        String other = newMerchant("mer_cus_other").value();
        customers.create(named("Jo", null).newCustomer(merchant, "cus_2", T0));

        // when
        boolean changed = customers.update(other, "cus_2", c -> c.with(named("X", null), T0)).isPresent();
        boolean deleted = customers.delete(other, "cus_2", T0);

        // then
        assertThat(customers.find(other, "cus_2")).isEmpty();
        assertThat(changed).isFalse();
        assertThat(deleted).isFalse();
        assertThat(customers.find(merchant, "cus_2")).get().extracting(Customer::name).isEqualTo("Jo");
    }

    @Test
    void anUpdateReplacesTheFieldsGivenAndKeepsTheOthers() {
        // given
        customers.create(named("Jo", "jo@example.com").newCustomer(merchant, "cus_3", T0));
        Customer.Changes onlyEmail = new Customer.Changes(null, "new@example.com", null, null, null, null, null,
                null);

        // when
        customers.update(merchant, "cus_3", c -> c.with(onlyEmail, T0.plusSeconds(5)));

        // then
        Customer read = customers.find(merchant, "cus_3").orElseThrow();
        assertThat(read.email()).isEqualTo("new@example.com");
        assertThat(read.name()).isEqualTo("Jo");
        assertThat(read.metadata()).containsEntry("tier", "gold");
        assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aDeletedCustomerIsRedactedNotFoundAndItsIdStaysTaken() {
        // given
        customers.create(named("Jo", "jo@example.com").newCustomer(merchant, "cus_4", T0));

        // when
        boolean deleted = customers.delete(merchant, "cus_4", T0.plusSeconds(1));

        // then
        assertThat(deleted).isTrue();
        assertThat(customers.find(merchant, "cus_4")).isEmpty();
        assertThat(customers.delete(merchant, "cus_4", T0.plusSeconds(2))).isFalse();
        assertThat(customers.create(named("Jo", null).newCustomer(merchant, "cus_4", T0))).isEmpty();
        assertThat(EmbeddedDatabase.bean(CustomerRows.class).findById(new CustomerRow.Key(merchant, "cus_4")))
                .get().satisfies(row -> {
                    assertThat(row.name()).isEqualTo(Customer.REDACTED);
                    assertThat(row.email()).isEqualTo(Customer.REDACTED);
                    assertThat(row.phone()).isEqualTo(Customer.REDACTED);
                    assertThat(row.address()).isNull();
                    assertThat(row.metadata()).isNull();
                    assertThat(row.deletedAt()).isNotNull();
                });
    }

    @Test
    void anUpsertCreatesThenUpdatesAndLeavesADeletedCustomerDeleted() {
        // given
        Customer.Changes first = new Customer.Changes("Jo", null, null, null, null, null, null, null);
        Customer.Changes second = new Customer.Changes(null, "jo@example.com", null, null, null, null, null, null);

        // when
        customers.upsert(merchant, "cus_5", first, T0);
        customers.upsert(merchant, "cus_5", second, T0.plusSeconds(1));
        customers.create(named("Gone", null).newCustomer(merchant, "cus_6", T0));
        customers.delete(merchant, "cus_6", T0);
        customers.upsert(merchant, "cus_6", first, T0.plusSeconds(1));
        Customer.Changes none = new Customer.Changes(null, null, null, null, null, null, null, null);
        customers.upsert(merchant, "cus_7", none, T0);
        customers.upsert(merchant, "cus_5", none, T0.plusSeconds(2));

        // then
        Customer read = customers.find(merchant, "cus_5").orElseThrow();
        assertThat(read.name()).isEqualTo("Jo");
        assertThat(read.email()).isEqualTo("jo@example.com");
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(customers.find(merchant, "cus_6")).isEmpty();
        assertThat(customers.find(merchant, "cus_7")).get().extracting(Customer::name).isNull();
        assertThat(customers.find(merchant, "cus_5")).contains(read);
    }

    @Test
    void theListIsTheMerchantsLiveCustomersOldestFirstByPage() {
        // given
        for (int i = 0; i < 4; i++) {
            customers.create(named("C" + i, null).newCustomer(merchant, "cus_l" + i, T0.plusSeconds(i)));
        }
        customers.delete(merchant, "cus_l1", T0);

        // when
        var page = customers.list(merchant, 2, 1);

        // then
        assertThat(page).extracting(Customer::customerId).containsExactly("cus_l2", "cus_l3");
        assertThat(customers.list(merchant, 10, 0)).extracting(Customer::customerId)
                .containsExactly("cus_l0", "cus_l2", "cus_l3");
    }
}
