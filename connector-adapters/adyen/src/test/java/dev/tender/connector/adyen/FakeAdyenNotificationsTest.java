package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake Adyen signs its notifications as Adyen does, so the conformance kit's notifications are real ones. */
class FakeAdyenNotificationsTest {

    @Test
    void theFakeSignsAdyensPublishedExampleWithTheSignatureAdyenPublished() {
        // given
        var fake = new FakeAdyenNotifications(AdyenFixtures.PUBLISHED_HMAC_KEY);

        // when
        fake.send(new FakeAdyenNotifications.Item("REPORT_AVAILABLE", "test_REPORT_AVAILABLE", "", "Magento2Rik",
                "testMerchantRef1", 0, "EUR", true, "a report"));

        // then
        JsonNode item = Json.read(fake.about("testMerchantRef1").get())
                .at("/notificationItems/0/NotificationRequestItem");
        assertThat(item.at("/additionalData/hmacSignature").asText()).isEqualTo(AdyenFixtures.PUBLISHED_SIGNATURE);
        assertThat(item.has("originalReference")).as("an item about no earlier payment").isFalse();
        assertThat(fake.about("testMerchantRef2").isEmpty()).as("nothing about another call").isTrue();
    }
}
