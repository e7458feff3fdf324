package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment created with a card and {@code confirm: false} is confirmed later without the card, as
 * Hyperswitch allows: with the client secret (publishable key) or the API key. The card is held sealed in
 * {@code held_cards} meanwhile — no column shows its number or CVC — and goes at the confirm or the cancel.
 */
@MicronautTest(transactional = false)
class HeldCardApiTest extends ApiTestSupport {

    static final String THREE_DS = "4000000000003063";
    static final String DECLINED = "4000000000000002";
    /** Four digits, so that no base64 text holds it by chance. */
    static final String CVC = "7319";

    private String key;
    private String publishable;

    @BeforeAll
    void merchantWithBothKeys() {
        key = merchant("m_held");
        publishable = merchants.find(merchantIdOf(key)).orElseThrow().publishableKey();
    }

    static String cardWithCvc(String number) {
        return "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{\"card_number\":\"" + number
                + "\",\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"" + CVC + "\","
                + "\"card_holder_name\":\"Jo Doe\"}}";
    }

    Map<String, Object> createdWithCard(String number) {
        return ok(post(key, "/payments", "{\"amount\":1500,\"currency\":\"USD\",\"confirm\":false,"
                + cardWithCvc(number) + "}"));
    }

    @Test
    void theBrowserConfirmsWithOnlyTheClientSecretAndTheHeldCardIsSealedThenGone() throws SQLException {
        // given
        Map<String, Object> created = createdWithCard(VISA);
        String id = (String) created.get("payment_id");
        List<String> held = heldRow(id);

        // when
        Map<String, Object> confirmed = ok(post(publishable, "/payments/" + id + "/confirm",
                "{\"client_secret\":\"" + created.get("client_secret") + "\"}"));

        // then
        assertThat(created).containsEntry("status", "requires_confirmation");
        assertThat(held).hasSize(4).noneMatch(column -> column.contains(VISA) || column.contains(CVC)
                || column.contains("Jo Doe"));
        assertThat(held.get(2)).startsWith("v1:test:");
        assertThat(confirmed).containsEntry("status", "succeeded").containsEntry("amount_received", 1500);
        assertThat(heldRow(id)).isEmpty();
    }

    @Test
    void theProcessorGetsTheHeldCardItself() throws SQLException {
        // given: cards the simulator answers by their number
        String challenged = (String) createdWithCard(THREE_DS).get("payment_id");
        String declined = (String) createdWithCard(DECLINED).get("payment_id");

        // when
        Map<String, Object> challenge = ok(post(key, "/payments/" + challenged + "/confirm", "{}"));
        Map<String, Object> decline = ok(post(key, "/payments/" + declined + "/confirm", "{}"));

        // then: whatever the outcome, the held card is gone once the confirm is made
        assertThat(challenge).containsEntry("status", "requires_customer_action");
        assertThat(decline).containsEntry("status", "failed");
        assertThat(heldRow(challenged)).isEmpty();
        assertThat(heldRow(declined)).isEmpty();
    }

    @Test
    void anUpdateWithConfirmTrueUsesTheHeldCardAndANewCardReplacesIt() {
        // given
        String replaced = (String) createdWithCard(VISA).get("payment_id");
        String kept = (String) createdWithCard(VISA).get("payment_id");

        // when
        ok(post(key, "/payments/" + replaced, "{" + cardWithCvc(THREE_DS) + "}"));
        Map<String, Object> withNewCard = ok(post(key, "/payments/" + replaced + "/confirm", "{}"));
        Map<String, Object> updatedAndConfirmed = ok(post(key, "/payments/" + kept,
                "{\"confirm\":true,\"description\":\"no card sent again\"}"));

        // then
        assertThat(withNewCard).containsEntry("status", "requires_customer_action");
        assertThat(updatedAndConfirmed).containsEntry("status", "succeeded");
    }

    @Test
    void aCancelDeletesTheHeldCard() throws SQLException {
        // given
        String id = (String) createdWithCard(VISA).get("payment_id");
        assertThat(heldRow(id)).isNotEmpty();

        // when
        Map<String, Object> cancelled = ok(post(key, "/payments/" + id + "/cancel", "{}"));

        // then
        assertThat(cancelled).containsEntry("status", "cancelled");
        assertThat(heldRow(id)).isEmpty();
    }

    @Test
    void aHeldCardThatDoesNotOpenIsAskedForAgainNeverAnError() throws SQLException {
        // given: a value sealed under another key, and one under a key id the service does not hold
        String otherKey = (String) createdWithCard(VISA).get("payment_id");
        String unknownKey = (String) createdWithCard(VISA).get("payment_id");
        String sealed = heldRow(otherKey).get(2);
        setSealed(otherKey, sealed.substring(0, sealed.length() - 8) + "AAAAAAA=");
        setSealed(unknownKey, "v1:gone:" + sealed.substring("v1:test:".length()));

        // when
        Map<String, Object> first = error(post(key, "/payments/" + otherKey + "/confirm", "{}"), 400);
        Map<String, Object> second = error(post(key, "/payments/" + unknownKey + "/confirm", "{}"), 400);

        // then
        assertThat(first).containsEntry("code", "IR_04")
                .containsEntry("message", "Missing required param: payment_method_data");
        assertThat(second).containsEntry("code", "IR_04");
        assertThat(ok(get(key, "/payments/" + otherKey))).containsEntry("status", "requires_confirmation");
        assertThat(ok(post(key, "/payments/" + otherKey + "/confirm", "{" + cardWithCvc(VISA) + "}")))
                .containsEntry("status", "succeeded");
    }

    /** The held card's row as text (merchant, payment, sealed card, held until); empty when there is none. */
    static List<String> heldRow(String paymentId) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT merchant_id, payment_id, sealed_card, "
                     + "held_until::text FROM held_cards WHERE payment_id = ?")) {
            query.setString(1, paymentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= 4; i++) {
                        columns.add(rows.getString(i));
                    }
                }
            }
        }
        return columns;
    }

    static void setSealed(String paymentId, String sealed) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE held_cards SET sealed_card = ? WHERE payment_id = ?")) {
            update.setString(1, sealed);
            update.setString(2, paymentId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
