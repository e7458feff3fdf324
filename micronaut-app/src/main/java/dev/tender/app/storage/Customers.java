package dev.tender.app.storage;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The merchants' customers in the {@code customers} table (V12) through {@link CustomerRows}. A deleted
 * customer is redacted and marked, not removed: it is found no more, and its id stays taken. Changes compare
 * the row's version: a change that lost a race is read again and applied again, a few times.
 */
@Singleton
public class Customers {

    private static final int ATTEMPTS = 5;

    private final CustomerRows rows;

    Customers(CustomerRows rows) {
        this.rows = rows;
    }

    /** The customer as created, or empty when its id is taken (by a deleted customer too). */
    public Optional<Customer> create(Customer c) {
        Customer stored = micros(c);
        int inserted = rows.insertNew(stored.merchantId(), stored.customerId(), stored.name(), stored.email(),
                stored.phone(), stored.phoneCountryCode(), stored.description(), stored.taxRegistrationId(),
                stored.address(), stored.metadata(), stored.createdAt(), stored.updatedAt());
        return inserted == 1 ? Optional.of(stored) : Optional.empty();
    }

    /** The customer, unless it does not exist, is deleted or is another merchant's. */
    public Optional<Customer> find(String merchantId, String customerId) {
        return live(merchantId, customerId).map(Customers::customer);
    }

    /** The customer changed, or empty when it is not found. */
    public Optional<Customer> update(String merchantId, String customerId, UnaryOperator<Customer> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<CustomerRow> row = live(merchantId, customerId);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Customer changed = micros(change.apply(customer(row.get())));
            try {
                rows.update(row(changed, null, row.get().version()));
                return Optional.of(changed);
            } catch (OptimisticLockException stale) {
                if (attempt == ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }

    /**
     * Creates the customer a payment names, or changes the fields it gives: what Hyperswitch does with a
     * payment's {@code customer_id}. A deleted customer stays deleted. One statement, and one that writes
     * nothing when the customer exists and nothing is given: it rides along every payment that names one.
     */
    public void upsert(String merchantId, String customerId, Customer.Changes changes, Instant now) {
        Customer c = micros(changes.newCustomer(merchantId, customerId, now));
        if (changes.isEmpty()) {
            create(c);
            return;
        }
        rows.upsert(c.merchantId(), c.customerId(), c.name(), c.email(), c.phone(), c.phoneCountryCode(),
                c.description(), c.taxRegistrationId(), c.address(), c.metadata(), c.createdAt(), c.updatedAt());
    }

    /** Redacts and marks the customer deleted; false when it is not found. */
    public boolean delete(String merchantId, String customerId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<CustomerRow> row = live(merchantId, customerId);
            if (row.isEmpty()) {
                return false;
            }
            Customer redacted = micros(customer(row.get()).redacted(now));
            try {
                rows.update(row(redacted, redacted.updatedAt(), row.get().version()));
                return true;
            } catch (OptimisticLockException stale) {
                if (attempt == ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }

    /** The merchant's customers that are not deleted, oldest first. */
    public List<Customer> list(String merchantId, int limit, long offset) {
        return rows.page(merchantId, limit, offset).stream().map(Customers::customer).toList();
    }

    private Optional<CustomerRow> live(String merchantId, String customerId) {
        return rows.findById(new CustomerRow.Key(merchantId, customerId)).filter(r -> r.deletedAt() == null);
    }

    private static Customer micros(Customer c) {
        return new Customer(c.merchantId(), c.customerId(), c.name(), c.email(), c.phone(), c.phoneCountryCode(),
                c.description(), c.taxRegistrationId(), c.address(), c.metadata(), Sql.micros(c.createdAt()),
                Sql.micros(c.updatedAt()));
    }

    private static CustomerRow row(Customer c, Instant deletedAt, long version) {
        return new CustomerRow(new CustomerRow.Key(c.merchantId(), c.customerId()), c.name(), c.email(), c.phone(),
                c.phoneCountryCode(), c.description(), c.taxRegistrationId(), c.address(), c.metadata(),
                c.createdAt(), c.updatedAt(), deletedAt, version);
    }

    private static Customer customer(CustomerRow r) {
        return new Customer(r.id().merchantId(), r.id().customerId(), r.name(), r.email(), r.phone(),
                r.phoneCountryCode(), r.description(), r.taxRegistrationId(), r.address(), r.metadata(),
                r.createdAt(), r.updatedAt());
    }
}
