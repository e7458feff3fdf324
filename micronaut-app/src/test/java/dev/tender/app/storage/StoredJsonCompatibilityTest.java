package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written by the hand-written JSON codec this storage had until 2026-12 read the same through Micronaut
 * Serialization ({@link JsonColumns}): each text below is byte for byte what that codec wrote for the value
 * beside it (escapes, key order and absent fields included). What is written now reads back equal, and is the
 * same text wherever the old codec did not escape a character JSON allows as it is.
 */
class StoredJsonCompatibilityTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-07T12:00:00.123456789Z");

    private final JsonColumns json = EmbeddedDatabase.bean(JsonColumns.class);

    @Test
    void paymentMethodsReadAsTheOldCodecWroteThem() {
        PaymentMethod card = new PaymentMethod.Card("visa", "424242", "4242", 12, 2035,
                Option.some("Zoë \"Q\" O'Neil\\ \u2028\n\u0001 😀"));
        String oldCard = "{\"type\":\"card\",\"brand\":\"visa\",\"bin\":\"424242\",\"last4\":\"4242\","
                + "\"expiry_month\":12,\"expiry_year\":2035,"
                + "\"holder_name\":\"Zo\u00eb \\\"Q\\\" O'Neil\\\\ \\u2028\\n\\u0001 \ud83d\ude00\"}";
        assertReads(oldCard, card, json::paymentMethod, json::paymentMethod, false);
        assertReads("{\"type\":\"card\",\"brand\":\"mastercard\",\"bin\":\"55555555\",\"last4\":\"4444\","
                        + "\"expiry_month\":1,\"expiry_year\":2030}",
                new PaymentMethod.Card("mastercard", "55555555", "4444", 1, 2030, Option.none()),
                json::paymentMethod, json::paymentMethod, true);
        assertReads("{\"type\":\"mandate\",\"mandate_id\":\"man_1\"}",
                new PaymentMethod.StoredMandate(MandateId.of("man_1")), json::paymentMethod, json::paymentMethod, true);
        assertReads("{\"type\":\"wallet\"}", new PaymentMethod.Other("wallet"), json::paymentMethod,
                json::paymentMethod, true);
    }

    @Test
    void capabilitiesRedirectsAndMandatesReadAsTheOldCodecWroteThem() {
        assertReads("[\"manual_capture\",\"orders\",\"three_ds\"]",
                HashSet.of(Capability.THREE_DS, Capability.MANUAL_CAPTURE, Capability.ORDERS),
                json::capabilities, json::capabilities, true);
        assertReads("[]", HashSet.<Capability>empty(), json::capabilities, json::capabilities, true);
        assertReads("{\"url\":\"https://acs.example/3ds?a=1&b=\u00e9\",\"method\":\"POST\",\"parameters\":"
                        + "{\"PaReq\":\"abc/+=\",\"MD\":\"m\\td\",\"0\":\"\"}}",
                new Redirect("https://acs.example/3ds?a=1&b=é", "POST",
                        LinkedHashMap.of("PaReq", "abc/+=", "MD", "m\td", "0", "")),
                json::redirect, json::redirect, true);
        assertReads("{\"url\":\"https://acs.example/\",\"method\":\"GET\",\"parameters\":{}}",
                new Redirect("https://acs.example/", "GET", LinkedHashMap.empty()), json::redirect, json::redirect,
                true);
        assertReads("{\"type\":\"multi_use\",\"amount_limit\":{\"amount\":5000,\"currency\":\"USD\"},\"acceptance\":"
                        + "{\"acceptance_type\":\"online\",\"accepted_at\":\"2026-12-07T12:00:00.123456789Z\","
                        + "\"ip_address\":\"127.0.0.1\",\"user_agent\":\"Mozilla/5.0 \\\"x\\\"\"}}",
                new MandateSetup(MandateType.MULTI_USE, Option.some(Money.of(5000, Currency.of("USD"))),
                        new CustomerAcceptance("online", ACCEPTED, Option.some("127.0.0.1"),
                                Option.some("Mozilla/5.0 \"x\""))),
                json::mandateSetup, json::mandateSetup, true);
        assertReads("{\"type\":\"single_use\",\"acceptance\":{\"acceptance_type\":\"offline\","
                        + "\"accepted_at\":\"2026-12-07T12:00:00Z\"}}",
                new MandateSetup(MandateType.SINGLE_USE, Option.none(), new CustomerAcceptance("offline",
                        Instant.parse("2026-12-07T12:00:00Z"), Option.none(), Option.none())),
                json::mandateSetup, json::mandateSetup, true);
        assertReads("{\"acceptance_type\":\"online\",\"accepted_at\":\"2026-01-02T03:04:05.600Z\","
                        + "\"ip_address\":\"::1\"}",
                new CustomerAcceptance("online", Instant.parse("2026-01-02T03:04:05.6Z"), Option.some("::1"),
                        Option.none()),
                json::acceptance, json::acceptance, true);
    }

    @Test
    void stringMapsAndIdListsReadAsTheOldCodecWroteThemInTheirOrder() {
        io.vavr.collection.Map<String, String> metadata = LinkedHashMap.of("order", "A-1", "note", "ü\u0001\"\\",
                "z", "");
        String oldMetadata = "{\"order\":\"A-1\",\"note\":\"\u00fc\\u0001\\\"\\\\\",\"z\":\"\"}";
        assertReads(oldMetadata, metadata, json::stringMap, json::stringMap, true);
        assertThat(json.stringMap(oldMetadata).keySet().toList()).containsExactly("order", "note", "z");
        assertReads("{}", LinkedHashMap.<String, String>empty(), json::stringMap, json::stringMap, true);
        assertReads("[\"pay_1\",\"pay_2\"]", List.of(PaymentId.of("pay_1"), PaymentId.of("pay_2")),
                json::paymentIds, json::paymentIds, true);
        assertReads("[]", List.<PaymentId>empty(), json::paymentIds, json::paymentIds, true);
    }

    @Test
    void aPaymentRowWithTheOldCodecsTextsReadsAsThePaymentTheyWereWrittenFor() throws SQLException {
        // given a payment row whose JSON columns hold what the old codec wrote
        MerchantId merchant = newMerchant("mer_old_json");
        JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
        Payment saved = payments.save(simplePayment(merchant, "pay_old_json", ACCEPTED.truncatedTo(ChronoUnit.MICROS)))
                .get();
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE payments SET payment_method = ?, "
                     + "capabilities = ?, next_action = ?, mandate_setup = ?, metadata = ? "
                     + "WHERE merchant_id = ? AND payment_id = ?")) {
            update.setString(1, "{\"type\":\"card\",\"brand\":\"mastercard\",\"bin\":\"55555555\","
                    + "\"last4\":\"4444\",\"expiry_month\":1,\"expiry_year\":2030}");
            update.setString(2, "[\"manual_capture\",\"orders\",\"three_ds\"]");
            update.setString(3, "{\"url\":\"https://acs.example/\",\"method\":\"GET\",\"parameters\":{}}");
            update.setString(4, "{\"type\":\"single_use\",\"acceptance\":{\"acceptance_type\":\"offline\","
                    + "\"accepted_at\":\"2026-12-07T12:00:00Z\"}}");
            update.setString(5, "{\"order\":\"A-1\",\"note\":\"\u00fc\\u0001\\\"\\\\\",\"z\":\"\"}");
            update.setString(6, merchant.value());
            update.setString(7, "pay_old_json");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        // when
        Payment read = payments.find(merchant, PaymentId.of("pay_old_json")).get();

        // then
        Payment expected = new Payment(saved.id(), saved.merchantId(), saved.amount(), saved.captureMethod(),
                saved.status(), saved.authorized(), saved.captured(),
                Option.some(new PaymentMethod.Card("mastercard", "55555555", "4444", 1, 2030, Option.none())),
                saved.customerId(), saved.connector(),
                HashSet.of(Capability.MANUAL_CAPTURE, Capability.ORDERS, Capability.THREE_DS),
                saved.connectorTransactionId(), saved.orderReference(),
                Option.some(new Redirect("https://acs.example/", "GET", LinkedHashMap.empty())), saved.failure(),
                Option.some(new MandateSetup(MandateType.SINGLE_USE, Option.none(), new CustomerAcceptance("offline",
                        Instant.parse("2026-12-07T12:00:00Z"), Option.none(), Option.none()))),
                saved.connectorMandateReference(), saved.mandateId(),
                LinkedHashMap.of("order", "A-1", "note", "ü\u0001\"\\", "z", ""), saved.authorizationValidity(),
                saved.authorizationExpiresAt(), saved.transactions(), saved.createdAt(), saved.updatedAt(),
                saved.version());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aCardHeldUnderTheOldCodecOpensTheSame() throws SQLException {
        // given a card sealed as the old codec wrote it, holder null
        MerchantId merchant = newMerchant("mer_old_card");
        PaymentId payment = PaymentId.of("pay_old_card");
        Instant now = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        EmbeddedDatabase.bean(JdbcPayments.class).save(simplePayment(merchant, payment.value(), now)).get();
        CredentialsCipher cipher = new CredentialsCipher(EmbeddedDatabase.bean(SecretKeys.class),
                JdbcHeldCards.PURPOSE);
        String old = "{\"number\":\"4000056655665556\",\"exp_month\":11,\"exp_year\":2032,\"cvc\":\"7319\","
                + "\"holder\":null}";
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO held_cards (merchant_id, "
                     + "payment_id, sealed_card, held_until) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, merchant.value());
            insert.setString(2, payment.value());
            insert.setString(3, cipher.seal(old, merchant.value(), payment.value()));
            insert.setObject(4, java.time.OffsetDateTime.ofInstant(now.plusSeconds(60), java.time.ZoneOffset.UTC));
            insert.executeUpdate();
        }

        // when
        Option<PaymentMethodData.Card> card = EmbeddedDatabase.bean(JdbcHeldCards.class).find(merchant, payment, now);

        // then
        assertThat(card).contains(new PaymentMethodData.Card("4000056655665556", 11, 2032, "7319", Option.none()));
    }

    /** The old text reads as the value; the value written reads back equal (and, if {@code same}, as that text). */
    private static <T> void assertReads(String old, T value, java.util.function.Function<String, T> read,
                                        java.util.function.Function<T, String> write, boolean same) {
        assertThat(read.apply(old)).as(old).isEqualTo(value);
        String written = write.apply(value);
        assertThat(read.apply(written)).as(written).isEqualTo(value);
        if (same) {
            assertThat(written).isEqualTo(old);
        }
    }
}
