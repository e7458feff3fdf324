package dev.tender.app.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad card is a 400 naming its field (or, for the checks Hyperswitch fails as preconditions, its exact
 * message, IR_16) on every route a card comes in by, and never reaches a
 * connector: the connector-call metric ({@code tender.connector.calls}, which times every call to the
 * simulator) does not move.
 */
@MicronautTest(transactional = false)
class CardValidationApiTest extends ApiTestSupport {

    static final String PREFIX = "payment_method_data.card.";

    @Inject
    MeterRegistry registry;

    String key;

    @BeforeAll
    void merchant() {
        key = merchant("m_cards");
    }

    /** A bad card: its JSON fields, the field the error names, and what the message says. */
    record BadCard(String what, String number, String month, String year, String cvc, String field,
                   String message) {
        String json() {
            return cardJson(number, month, year, cvc);
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static String cardJson(String number, String month, String year, String cvc) {
        return "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{\"card_number\":\"" + number
                + "\",\"card_exp_month\":\"" + month + "\",\"card_exp_year\":\"" + year + "\",\"card_cvc\":\""
                + cvc + "\"}}";
    }

    static Stream<BadCard> badCards() {
        return Stream.of(
                new BadCard("Luhn check digit wrong", "4242424242424241", "12", "2035", "123", "card_number",
                        "is not a valid card number: the Luhn check digit is wrong"),
                new BadCard("letters in the number", "4242abcd42424242", "12", "2035", "123", "card_number",
                        "must be 12 to 19 digits"),
                new BadCard("a six-digit number", "123456", "12", "2035", "123", "card_number",
                        "must be 12 to 19 digits"),
                new BadCard("number too short", "424242424242", "12", "2035", "123", "card_number",
                        "must be 13, 16 or 19 digits for a visa card"),
                new BadCard("amex number of 16 digits", "3782822463100005", "12", "2035", "1234", "card_number",
                        "must be 15 digits for an amex card"),
                new BadCard("expired long ago", "4242424242424242", "01", "2021", "123", "card_exp_year",
                        "Invalid Expiry Year"),
                new BadCard("expired, two-digit year", "4242424242424242", "12", "24", "123", "card_exp_year",
                        "Invalid Expiry Year"),
                new BadCard("month 13", "4242424242424242", "13", "2035", "123", "card_exp_month",
                        "Invalid Expiry Month"),
                new BadCard("month 0", "4242424242424242", "0", "2035", "123", "card_exp_month",
                        "Invalid Expiry Month"),
                new BadCard("letters in the month", "4242424242424242", "1a", "2035", "123", "card_exp_month",
                        "must be a month from 1 to 12"),
                new BadCard("short CVC", "4242424242424242", "12", "2035", "12", "card_cvc",
                        "Invalid card_cvc length"),
                new BadCard("amex with a 5-digit CVC", "378282246310005", "12", "2035", "12345", "card_cvc",
                        "Invalid card_cvc length"),
                new BadCard("letters in the CVC", "4242424242424242", "12", "2035", "12a", "card_cvc",
                        "must be 3 or 4 digits"));
    }

    /** Hyperswitch's own card messages, which it answers as IR_16 with the bare message. */
    static boolean hyperswitchPrecondition(BadCard card) {
        return card.message().startsWith("Invalid ");
    }

    enum Route { CREATE_AND_CONFIRM, CREATE, UPDATE, CONFIRM }

    static Stream<Arguments> everyBadCardOnEveryRoute() {
        return badCards().flatMap(card -> Stream.of(Route.values()).map(route -> Arguments.of(route, card)));
    }

    long connectorCalls() {
        return registry.find("tender.connector.calls").timers().stream().mapToLong(Timer::count).sum();
    }

    String unconfirmedPayment() {
        return (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\"}")).get("payment_id");
    }

    Answer send(Route route, String paymentId, String card) {
        return switch (route) {
            case CREATE_AND_CONFIRM -> post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,"
                    + "\"payment_id\":\"" + paymentId + "\"," + card + "}");
            case CREATE -> post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\",\"payment_id\":\""
                    + paymentId + "\"," + card + "}");
            case UPDATE -> post(key, "/payments/" + paymentId, "{" + card + "}");
            case CONFIRM -> post(key, "/payments/" + paymentId + "/confirm", "{" + card + "}");
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyBadCardOnEveryRoute")
    void aBadCardIs400NamingItsFieldAndNoConnectorIsCalled(Route route, BadCard card) {
        // given
        boolean creates = route == Route.CREATE || route == Route.CREATE_AND_CONFIRM;
        String paymentId = creates ? "pay_card_" + UUID.randomUUID().toString().substring(0, 8) : unconfirmedPayment();
        Map<String, Object> before = creates ? Map.of() : ok(get(key, "/payments/" + paymentId));
        long calls = connectorCalls();

        // when
        Map<String, Object> error = error(send(route, paymentId, card.json()), 400);

        // then
        assertThat(error).containsEntry("type", "invalid_request")
                .containsEntry("code", hyperswitchPrecondition(card) ? "IR_16" : "IR_06");
        String message = (String) error.get("message");
        if (hyperswitchPrecondition(card)) {
            assertThat(message).isEqualTo(card.message());
        } else {
            assertThat(message).contains(PREFIX + card.field() + ": " + card.message());
        }
        assertThat(message).doesNotContain(card.number())
                .as("neither BIN nor last four").doesNotContainPattern("\\d{4}");
        assertThat(connectorCalls()).as("connector calls").isEqualTo(calls);
        if (creates) {
            assertThat(get(key, "/payments/" + paymentId).status()).as("no payment was created").isEqualTo(404);
        } else {
            assertThat(ok(get(key, "/payments/" + paymentId))).as("the payment is unchanged").isEqualTo(before);
        }
    }

    @Test
    void everyWrongCardFieldIsReportedAtOnce() {
        // when
        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"confirm\":true," + cardJson("4242424242424241", "13", "2021", "1") + "}"), 400);

        // then
        assertThat((String) error.get("message")).contains(PREFIX + "card_number: ")
                .contains(PREFIX + "card_exp_month: ").contains(PREFIX + "card_cvc: ")
                .doesNotContain("4242424242424241");
        assertThat(error).containsEntry("code", "IR_06");
    }

    @ParameterizedTest(name = "{0} with CVC {1}")
    @CsvSource({"378282246310005, 123", "378282246310005, 1234", "4242424242424242, 1234"})
    void aCvcOf3Or4DigitsIsTakenForAnyBrandAndReachesTheConnector(String number, String cvc) {
        // given
        long calls = connectorCalls();

        // when
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"confirm\":true," + cardJson(number, "12", "2035", cvc) + "}"));

        // then
        assertThat(payment).containsEntry("status", "succeeded");
        assertThat(connectorCalls()).isEqualTo(calls + 1);
    }

    @Test
    void aCardThatExpiresThisMonthIsTakenAndReachesTheConnector() {
        // given: the guard the matrix relies on, that a call to the simulator does move the metric
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        long calls = connectorCalls();

        // when
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,"
                + cardJson("378282246310005", String.valueOf(thisMonth.getMonthValue()),
                String.valueOf(thisMonth.getYear() % 100), "1234") + "}"));

        // then
        assertThat(payment).containsEntry("status", "succeeded");
        assertThat(connectorCalls()).isEqualTo(calls + 1);
    }
}
