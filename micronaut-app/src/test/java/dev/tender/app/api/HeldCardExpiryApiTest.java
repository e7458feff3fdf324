package dev.tender.app.api;

import dev.tender.application.Tender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static dev.tender.app.api.HeldCardApiTest.cardWithCvc;
import static dev.tender.app.api.HeldCardApiTest.heldRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a hold of a fraction of a second ({@code tender.cards.hold-ttl}), the card is gone once it ends: the
 * confirm is asked for it as if it had never been given, and the purge deletes what is left.
 */
@MicronautTest(transactional = false)
class HeldCardExpiryApiTest extends ApiTestSupport {

    @Inject
    Tender tender;

    private String key;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("tender.cards.hold-ttl", "200ms");
        return properties;
    }

    @BeforeAll
    void aMerchant() {
        key = merchant("m_held_ttl");
    }

    @Test
    void afterItsHoldTheCardIsGoneAndTheConfirmAsksForIt() throws SQLException, InterruptedException {
        // given
        String confirmed = createdWithCard();
        String purged = createdWithCard();
        waitUntilPast(heldRow(confirmed).get(3));
        waitUntilPast(heldRow(purged).get(3));

        // when
        Map<String, Object> refused = error(post(key, "/payments/" + confirmed + "/confirm", "{}"), 400);
        int purgedCount = tender.expiry().purgeHeldCards();

        // then
        assertThat(refused).containsEntry("code", "IR_04")
                .containsEntry("message", "Missing required param: payment_method_data");
        assertThat(heldRow(confirmed)).isEmpty();
        assertThat(purgedCount).isPositive();
        assertThat(heldRow(purged)).isEmpty();
        assertThat(ok(get(key, "/payments/" + confirmed))).containsEntry("status", "requires_confirmation");
    }

    private String createdWithCard() {
        return (String) ok(post(key, "/payments", "{\"amount\":1500,\"currency\":\"USD\",\"confirm\":false,"
                + cardWithCvc(VISA) + "}")).get("payment_id");
    }

    /** Sleeps until the service's clock has passed the row's {@code held_until} (at most the hold itself). */
    private static void waitUntilPast(String heldUntil) throws InterruptedException {
        Instant until = OffsetDateTime.parse(heldUntil.replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"))
                .toInstant();
        while (!Instant.now().isAfter(until)) {
            Thread.sleep(Math.max(1, until.toEpochMilli() - System.currentTimeMillis() + 1));
        }
    }
}
