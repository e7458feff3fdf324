package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Adyen's standard notifications: every item's HMAC first, then Tender's ids in the merchant reference. */
class AdyenNotificationsTest {

    private static final String KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private final AdyenConnector adyen = new AdyenConnector();
    private final ConnectorAccount account = new ConnectorAccount("mca_adyen_1", MerchantId.of("merchant_1"),
            AdyenConnector.NAME, "Adyen", 1, true,
            Credentials.of(HashMap.of("api_key", "AQE_test", AdyenNotifications.SECRET, KEY)),
            HashMap.of("merchant_account", "TenderECOM"));

    @Test
    void aSignedAuthorisationAndCaptureAreOutcomesOfTheTransactionsTheirReferencesName() {
        String body = delivery(signed(item("AUTHORISATION", "true", "pay_1/tx_1", "PSP_AUTH", "")),
                signed(item("CAPTURE", "true", "pay_1/tx_2", "PSP_CAP", "PSP_AUTH")));

        var events = read(body).get();

        assertThat(events).containsExactly(
                new WebhookSource.Event("PSP_AUTH:AUTHORISATION", PaymentId.of("pay_1"), TransactionId.of("tx_1"),
                        Outcome.Approved.of("PSP_AUTH")),
                new WebhookSource.Event("PSP_CAP:CAPTURE", PaymentId.of("pay_1"), TransactionId.of("tx_2"),
                        Outcome.Approved.of("PSP_CAP")));
    }

    @Test
    void failuresAreDeclinesAndItemsNotOfTendersCallsAreNone() {
        String body = delivery(signed(item("AUTHORISATION", "false", "pay_1/tx_1", "PSP_1", "")),
                signed(item("REFUND_FAILED", "true", "pay_1/ref_1", "PSP_2", "PSP_1")),
                signed(item("REPORT_AVAILABLE", "true", "pay_1/tx_9", "PSP_3", "")),
                signed(item("CAPTURE", "true", "an-order-of-the-shop", "PSP_4", "PSP_1")));

        var events = read(body).get();

        assertThat(events.map(WebhookSource.Event::outcome)).hasSize(2).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(Outcome.Declined.class));
        assertThat(((Outcome.Declined) events.get(0).outcome()).code()).isEqualTo(DeclineCodes.CARD_DECLINED);
    }

    @Test
    void anAmountInAdyensMinorUnitsIsSignedAsAdyenSentItAndNotReadForTheOutcome() {
        // given: a capture of CLP 5000, which Adyen counts in hundredths, signed over Adyen's value
        String item = item("CAPTURE", "true", "pay_1/tx_2", "PSP_CAP", "PSP_AUTH")
                .replace("\"currency\":\"EUR\",\"value\":1000", "\"currency\":\"CLP\",\"value\":500000");
        assertThat(item).contains("\"value\":500000");

        // when
        var events = read(delivery(signed(item))).get();

        // then: the reference names the capture, whose amount Tender already holds
        assertThat(events).containsExactly(new WebhookSource.Event("PSP_CAP:CAPTURE", PaymentId.of("pay_1"),
                TransactionId.of("tx_2"), Outcome.Approved.of("PSP_CAP")));
    }

    @Test
    void oneItemThatDoesNotVerifyRefusesTheDelivery() {
        String good = signed(item("AUTHORISATION", "true", "pay_1/tx_1", "PSP_1", ""));
        String tampered = good.replace("\"value\":1000", "\"value\":1");
        String otherKey = sign(item("CAPTURE", "true", "pay_1/tx_2", "PSP_2", "PSP_1"), "00".repeat(32));

        assertThat(read(delivery(good, tampered)).getLeft().reason()).isEqualTo("an item's hmacSignature does not verify");
        assertThat(read(delivery(good, otherKey)).isLeft()).isTrue();
        assertThat(read(delivery(item("AUTHORISATION", "true", "pay_1/tx_1", "PSP_1", ""))).isLeft())
                .as("unsigned").isTrue();
        assertThat(read("not json").getLeft().reason()).isEqualTo("the body is not JSON");
    }

    @Test
    void adyensPublishedExampleVerifiesAndAnyChangeToItDoesNot() {
        ConnectorAccount published = new ConnectorAccount("mca_adyen_2", MerchantId.of("merchant_1"),
                AdyenConnector.NAME, "Adyen", 1, true,
                Credentials.of(HashMap.of("api_key", "AQE_test", AdyenNotifications.SECRET,
                        AdyenFixtures.PUBLISHED_HMAC_KEY)), HashMap.of("merchant_account", "Magento2Rik"));
        String item = "{\"additionalData\":{\"hmacSignature\":\"" + AdyenFixtures.PUBLISHED_SIGNATURE + "\"},"
                + "\"amount\":{\"currency\":\"EUR\",\"value\":0},\"eventCode\":\"REPORT_AVAILABLE\","
                + "\"eventDate\":\"2019-11-20T14:35:36+01:00\",\"merchantAccountCode\":\"Magento2Rik\","
                + "\"merchantReference\":\"testMerchantRef1\",\"pspReference\":\"test_REPORT_AVAILABLE\","
                + "\"reason\":\"a report\",\"success\":\"true\"}";

        var verified = read(delivery(item), published);
        var changed = read(delivery(item.replace("testMerchantRef1", "testMerchantRef2")), published);

        assertThat(verified.isRight()).as("the published example verifies").isTrue();
        assertThat(verified.get()).as("a report is about no transaction").isEmpty();
        assertThat(changed.isLeft()).as("its merchant reference changed").isTrue();
    }

    private Either<WebhookSource.Refused, List<WebhookSource.Event>> read(String body) {
        return read(body, account);
    }

    private Either<WebhookSource.Refused, List<WebhookSource.Event>> read(String body, ConnectorAccount to) {
        return adyen.read(new WebhookSource.Delivery(HashMap.empty(), body.getBytes(StandardCharsets.UTF_8),
                Instant.now()), to);
    }

    private static String item(String eventCode, String success, String reference, String psp, String original) {
        return "{\"additionalData\":{},\"amount\":{\"currency\":\"EUR\",\"value\":1000},\"eventCode\":\"" + eventCode
                + "\",\"eventDate\":\"2026-11-24T12:00:00+01:00\",\"merchantAccountCode\":\"TenderECOM\","
                + "\"merchantReference\":\"" + reference + "\",\"originalReference\":\"" + original + "\","
                + "\"pspReference\":\"" + psp + "\",\"reason\":\"\",\"success\":\"" + success + "\"}";
    }

    private static String signed(String item) {
        return sign(item, KEY);
    }

    private static String sign(String item, String key) {
        JsonNode node = Json.read(item);
        String signature = AdyenNotifications.sign(HexFormat.of().parseHex(key), node);
        return item.replace("\"additionalData\":{}", "\"additionalData\":{\"hmacSignature\":\"" + signature + "\"}");
    }

    private static String delivery(String... items) {
        return "{\"live\":\"false\",\"notificationItems\":[" + String.join(",",
                List.of(items).map(i -> "{\"NotificationRequestItem\":" + i + "}")) + "]}";
    }
}
