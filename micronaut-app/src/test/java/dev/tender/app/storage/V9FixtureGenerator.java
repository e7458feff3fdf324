package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.fullPayment;
import static dev.tender.app.storage.StorageFixtures.simplePayment;

/**
 * Run once on the V9 schema to write {@code migration/v9-payments.json}: rows written by the V9 code and the
 * payments they read back as. Removed in the next commit; kept in history to show how the fixture was made.
 */
class V9FixtureGenerator {

    @Test
    void write() throws Exception {
        JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
        MerchantId merchant = MerchantId.of("m_v9_fixture");
        EmbeddedDatabase.merchant(merchant.value());
        java.util.List<Payment> saved = new java.util.ArrayList<>();
        saved.add(payments.save(fullPayment(merchant, "pay_v9_full", T0)).get());
        saved.add(payments.save(simplePayment(merchant, "pay_v9_bare", T0.plusSeconds(60))).get());
        List<PaymentMethod> methods = List.of(
                new PaymentMethod.Card("mastercard", "55555555", "4444", 1, 2031, Option.none()),
                new PaymentMethod.StoredMandate(MandateId.of("man_9")),
                new PaymentMethod.Other("ideal"));
        for (int i = 0; i < methods.size(); i++) {
            Payment p = simplePayment(merchant, "pay_v9_method_" + i, T0.plusSeconds(120 + i));
            saved.add(payments.save(new Payment(p.id(), merchant, p.amount(), p.captureMethod(), p.status(),
                    p.authorized(), p.captured(), Option.some(methods.get(i)), p.customerId(), p.connector(),
                    p.capabilities(), p.connectorTransactionId(), p.orderReference(), p.nextAction(), p.failure(),
                    p.mandateSetup(), p.connectorMandateReference(), p.mandateId(), p.metadata(),
                    p.authorizationValidity(), p.authorizationExpiresAt(), p.transactions(), p.createdAt(),
                    p.updatedAt(), 0)).get());
        }
        for (Currency currency : List.of(Currency.JPY, Currency.KWD)) {
            saved.add(payments.save(Payment.create(CreatePayment.of(PaymentId.of("pay_v9_" + currency.code()),
                    merchant, Money.of(123_456, currency), CaptureMethod.AUTOMATIC, Option.none(), T0)).get()).get());
        }
        // a payment saved several times: its version and its transactions as the last save left them
        Payment full = fullPayment(merchant, "pay_v9_resaved", T0.plusSeconds(300));
        Payment first = payments.save(full).get();
        Payment fewer = new Payment(first.id(), merchant, first.amount(), first.captureMethod(), first.status(),
                first.authorized(), first.captured(), first.paymentMethod(), first.customerId(), first.connector(),
                first.capabilities(), first.connectorTransactionId(), first.orderReference(), first.nextAction(),
                first.failure(), first.mandateSetup(), first.connectorMandateReference(), first.mandateId(),
                first.metadata(), first.authorizationValidity(), first.authorizationExpiresAt(),
                first.transactions().take(4), first.createdAt(), first.updatedAt().plusSeconds(1), first.version());
        saved.add(payments.save(fewer).get());

        StringBuilder json = new StringBuilder("{\n");
        try (Connection connection = EmbeddedDatabase.direct().getConnection()) {
            for (String table : List.of("merchants", "payments", "payment_transactions")) {
                try (PreparedStatement s = connection.prepareStatement("SELECT coalesce(json_agg(t), '[]') FROM "
                        + table + " t WHERE merchant_id = ?")) {
                    s.setString(1, merchant.value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        json.append("\"").append(table).append("\": ").append(r.getString(1)).append(",\n");
                    }
                }
            }
        }
        json.append("\"expected\": {\n");
        for (int i = 0; i < saved.size(); i++) {
            Payment p = payments.find(merchant, saved.get(i).id()).get();
            json.append("\"").append(p.id().value()).append("\": ")
                    .append(io.micronaut.json.JsonMapper.createDefault().writeValueAsString(
                            PaymentCanonical.of(p))).append(i + 1 < saved.size() ? ",\n" : "\n");
        }
        json.append("}\n}\n");
        Files.writeString(Path.of("src/test/resources/migration/v9-payments.json"), json);
    }
}
