package dev.tender.app.storage;

import dev.tender.ports.out.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} in one PostgreSQL transaction: the JDBC adapters' own transactions join it, so a
 * payment change, its reconciliation task, its refund record and its outbox events commit together (and,
 * as one commit instead of several, cost one wait for the write-ahead log instead of several).
 */
@Singleton
public final class JdbcUnitOfWork implements UnitOfWork {

    private final TransactionOperations<Connection> transactions;

    public JdbcUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T run(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
