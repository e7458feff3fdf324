package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.application.ServiceSettings;
import dev.tender.application.Tender;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.inmemory.DerivedRedirectSecrets;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.in.SetupMandateUseCase;
import dev.tender.ports.out.CardBrands;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.RefundRecord;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application services over the JDBC adapters, with the simulator as processor: payments made from
 * card data (approved, captured and refunded; 3DS; asynchronous; declined; a mandate set up), read back
 * as the services returned them; a card held for a later confirm — and no text column of any table holds a
 * card number.
 */
class CardNumbersNeverStoredTest {

    static final List<String> CARD_NUMBERS = List.of(TestCards.VISA_CLASSIC, TestCards.MASTERCARD,
            TestCards.THREE_DS_CHALLENGE, TestCards.ASYNC_PENDING, TestCards.DECLINED, TestCards.AMEX);

    final MerchantId merchant = newMerchant("mer_cards");
    final SimulatorConnector simulator = new SimulatorConnector();
    final Tender tender = Tender.builder()
            .payments(EmbeddedDatabase.bean(JdbcPayments.class))
            .refunds(EmbeddedDatabase.bean(JdbcRefunds.class))
            .mandates(EmbeddedDatabase.bean(JdbcMandates.class))
            .idempotencyKeys(EmbeddedDatabase.bean(JdbcIdempotencyKeys.class))
            .outbox(EmbeddedDatabase.bean(JdbcOutbox.class))
            .reconciliations(EmbeddedDatabase.bean(JdbcReconciliations.class))
            .connectorAccounts(EmbeddedDatabase.bean(JdbcConnectorAccounts.class))
            .connectors(ConnectorRegistry.of(simulator))
            .redirectSecrets(new DerivedRedirectSecrets(new byte[32]))
            .time(() -> Instant.now().truncatedTo(ChronoUnit.MICROS))
            .ids(new RandomIdGenerator())
            .settings(ServiceSettings.defaults())
            .heldCards(EmbeddedDatabase.bean(JdbcHeldCards.class), Tender.DEFAULT_CARD_HOLD_TTL)
            .build();

    @Test
    void paymentsMadeFromCardDataReadBackAsReturnedAndLeaveNoCardNumberInAnyTable() throws SQLException {
        // given
        EmbeddedDatabase.bean(JdbcConnectorAccounts.class).add(new ConnectorAccount(merchant.value() + "_sim",
                merchant, simulator.name(), "default", 0, true, Credentials.of(HashMap.of("api_key", "sk_sim")),
                HashMap.empty()));

        // when
        Payment authorized = right(tender.payments().create(purchase(TestCards.VISA_CLASSIC, "manual")));
        Payment captured = right(tender.payments().capture(CapturePaymentUseCase.Command.of(merchant.value(),
                authorized.id().value(), null, null, false, null).get()));
        RefundRecord refunded = right(tender.refunds().refund(RefundPaymentUseCase.Command.of(merchant.value(),
                captured.id().value(), null, 2_50L, "USD", "damaged", null).get()));
        Payment challenged = right(tender.payments().create(purchase(TestCards.THREE_DS_CHALLENGE, "automatic")));
        Payment pending = right(tender.payments().create(purchase(TestCards.ASYNC_PENDING, "automatic")));
        Payment declined = right(tender.payments().create(purchase(TestCards.DECLINED, "automatic")));
        Payment purchased = right(tender.payments().create(purchase(TestCards.AMEX, "automatic")));
        SetupMandateUseCase.Result setup = right(tender.mandates().setup(new SetupMandateUseCase.Command(merchant,
                "cus_1", Money.of(0, Currency.USD), CaptureMethod.AUTOMATIC, card(TestCards.MASTERCARD),
                new MandateSetup(MandateType.MULTI_USE, Option.none(), new CustomerAcceptance("online",
                        Instant.now(), Option.some("203.0.113.9"), Option.some("test"))), Option.none())));
        Payment held = right(tender.payments().create(CreatePaymentUseCase.Command.of(merchant.value(), null,
                10_00L, "USD", "automatic", card(TestCards.AMEX), null, null, LinkedHashMap.empty(), false, null,
                null).get()));
        List<String> whileHeld = columnsContaining(textColumns(), TestCards.AMEX);
        Payment confirmedLater = right(tender.payments().confirm(ConfirmPaymentUseCase.Command.of(merchant.value(),
                held.id().value(), null, null, null, null).get()));

        // then the flows went as the simulator's cards say, and what is stored is what was returned
        assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(refunded.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(challenged.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        assertThat(challenged.nextAction()).isNotEmpty();
        assertThat(pending.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(purchased.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(confirmedLater.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(whileHeld).as("columns holding the held card's number").isEmpty();
        Option<Mandate> mandate = setup.mandate();
        assertThat(mandate).isNotEmpty();
        for (Payment returned : List.of(challenged, pending, declined, purchased, setup.payment())) {
            assertThat(right(tender.payments().get(merchant, returned.id()))).isEqualTo(returned);
        }
        assertThat(right(tender.payments().get(merchant, captured.id())).refunds()).hasSize(1);
        assertThat(right(tender.refunds().get(merchant, refunded.refundId()))).isEqualTo(refunded);
        assertThat(right(tender.mandates().get(merchant, mandate.get().id()))).isEqualTo(mandate.get());
        assertThat(right(tender.payments().get(merchant, authorized.id())).paymentMethod().get().toString())
                .contains("411111").contains("1111");

        // and no card number is anywhere
        List<String> textColumns = textColumns();
        assertThat(textColumns).contains("payments.payment_method", "payments.transactions",
                "mandates.acceptance", "refunds.reason", "outbox.event_type", "held_cards.sealed_card");
        for (String number : CARD_NUMBERS) {
            assertThat(columnsContaining(textColumns, number)).as("columns holding %s", number).isEmpty();
        }
        assertThat(columnsContaining(textColumns, "sk_sim")).as("credentials are stored encrypted").isEmpty();
    }

    CreatePaymentUseCase.Command purchase(String cardNumber, String captureMethod) {
        return CreatePaymentUseCase.Command.of(merchant.value(), null, 10_00L, "USD", captureMethod,
                card(cardNumber), null, null, LinkedHashMap.of("order", "1001"), true,
                "https://shop.example/return", null).get();
    }

    static PaymentMethodData.Card card(String number) {
        // Amex prints four digits, the other schemes three
        String cvc = "1234".substring(0, CardBrands.cvcLength(CardBrands.brandOf(number)));
        return new PaymentMethodData.Card(number, 12, 2030, cvc, Option.some("Card Holder"));
    }

    static <T> T right(Either<ApplicationError, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    /** Every text-typed column of every table of the schema, as {@code table.column}. */
    static List<String> textColumns() throws SQLException {
        DataSource db = EmbeddedDatabase.direct();
        java.util.List<String> columns = new ArrayList<>();
        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT c.table_name, c.column_name "
                     + "FROM information_schema.columns c JOIN information_schema.tables t "
                     + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                     + "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
                     + "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') "
                     + "ORDER BY c.table_name, c.ordinal_position");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        return List.ofAll(columns);
    }

    static List<String> columnsContaining(List<String> columns, String text) throws SQLException {
        java.util.List<String> found = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection()) {
            for (String column : columns) {
                String[] parts = column.split("\\.");
                try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM \""
                        + parts[0] + "\" WHERE strpos(\"" + parts[1] + "\"::text, ?) > 0)")) {
                    query.setString(1, text);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getBoolean(1)) {
                            found.add(column);
                        }
                    }
                }
            }
        }
        return List.ofAll(found);
    }
}
