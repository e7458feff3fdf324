package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.MerchantReturnUrls;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;

/** The merchants' return URLs in the {@code redirect_returns} table, one per payment. */
@Singleton
public final class JdbcMerchantReturnUrls implements MerchantReturnUrls {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public JdbcMerchantReturnUrls(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                  ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public void keep(MerchantId merchantId, PaymentId paymentId, String returnUrl) {
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO redirect_returns "
                + "(merchant_id, payment_id, return_url) VALUES (?, ?, ?) "
                + "ON CONFLICT (merchant_id, payment_id) DO UPDATE SET return_url = EXCLUDED.return_url", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    s.setString(3, returnUrl);
                    return s.executeUpdate();
                }));
    }

    @Override
    public Option<String> find(MerchantId merchantId, PaymentId paymentId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(
                "SELECT return_url FROM redirect_returns WHERE merchant_id = ? AND payment_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? Option.some(rows.getString(1)) : Option.<String>none();
                    }
                }));
    }
}
