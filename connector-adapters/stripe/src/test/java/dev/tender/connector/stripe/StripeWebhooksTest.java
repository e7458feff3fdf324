package dev.tender.connector.stripe;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's webhook events: the signature first (any v1, within the tolerance), then Tender's ids in metadata. */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final StripeConnector stripe = new StripeConnector();
    private final ConnectorAccount account = new ConnectorAccount("acc_stripe", MerchantId.of("merchant_1"),
            StripeConnector.NAME, "Stripe", 1, true,
            Credentials.of(HashMap.of("api_key", "sk_test_x", StripeWebhooks.SECRET, SECRET)), HashMap.empty());

    @Test
    void anAuthorizedPaymentIntentIsAnApprovalOfTheTransactionNamedInItsMetadata() {
        String payload = intent("payment_intent.amount_capturable_updated", "requires_capture", "");

        var events = read(payload, StripeWebhooks.header(SECRET, NOW, bytes(payload)));

        assertThat(events.get()).containsExactly(new WebhookSource.Event("evt_1", PaymentId.of("pay_1"),
                TransactionId.of("txn_1"), Outcome.Approved.of("pi_1")));
    }

    @Test
    void aFailedPaymentIntentIsADeclineWithItsCodeAndARefundItsOwnOutcome() {
        String failed = intent("payment_intent.payment_failed", "requires_payment_method",
                ",\"last_payment_error\":{\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                        + "\"message\":\"Your card has insufficient funds.\"}");
        String refund = "{\"id\":\"evt_2\",\"type\":\"refund.updated\",\"data\":{\"object\":{\"id\":\"re_1\","
                + "\"object\":\"refund\",\"status\":\"failed\",\"failure_reason\":\"expired_or_canceled_card\","
                + "\"metadata\":{\"tender_payment_id\":\"pay_1\",\"tender_transaction_id\":\"ref_1\"}}}}";

        Outcome declined = read(failed, StripeWebhooks.header(SECRET, NOW, bytes(failed))).get().single().outcome();
        Outcome refundFailed = read(refund, StripeWebhooks.header(SECRET, NOW, bytes(refund))).get().single().outcome();

        assertThat(declined).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo("insufficient_funds"));
        assertThat(refundFailed).isEqualTo(new Outcome.Declined(DeclineCodes.CARD_DECLINED,
                "the refund failed [expired_or_canceled_card]"));
        assertThat(DeclineCodes.all()).contains(((Outcome.Declined) refundFailed).code());
    }

    @Test
    void aRefundIsReadAsItsAnswerWouldBeAndAStatusNobodyKnowsIsNoOutcome() {
        String succeeded = refund("succeeded");
        String pending = refund("pending");
        String unknown = refund("in_review");

        assertThat(read(succeeded, StripeWebhooks.header(SECRET, NOW, bytes(succeeded))).get().single().outcome())
                .isEqualTo(Outcome.Approved.of("re_1"));
        assertThat(read(pending, StripeWebhooks.header(SECRET, NOW, bytes(pending))).get().single().outcome())
                .isEqualTo(Outcome.Pending.of());
        assertThat(read(unknown, StripeWebhooks.header(SECRET, NOW, bytes(unknown))).get()).isEmpty();
    }

    @Test
    void anEventRenderedInAnotherApiVersionThanThePinnedOneIsReadTheSame() {
        String pinned = intent("payment_intent.succeeded", "succeeded", "")
                .replace("{\"id\":\"evt_1\",", "{\"id\":\"evt_1\",\"api_version\":\"" + StripeAccount.DEFAULT_API_VERSION + "\",");
        String newer = pinned.replace(StripeAccount.DEFAULT_API_VERSION, "2025-08-27.basil");

        var fromPinned = read(pinned, StripeWebhooks.header(SECRET, NOW, bytes(pinned))).get();
        var fromNewer = read(newer, StripeWebhooks.header(SECRET, NOW, bytes(newer))).get();

        assertThat(newer).contains("\"api_version\":\"2025-08-27.basil\"");
        assertThat(fromNewer).isEqualTo(fromPinned).containsExactly(new WebhookSource.Event("evt_1",
                PaymentId.of("pay_1"), TransactionId.of("txn_1"), Outcome.Approved.of("pi_1")));
    }

    @Test
    void aDeliveryIsRefusedUnlessOneV1SignatureVerifiesWithinTheTolerance() {
        String payload = intent("payment_intent.succeeded", "succeeded", "");
        String good = StripeWebhooks.header(SECRET, NOW, bytes(payload));
        String rotated = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + "," + good.split(",")[1];

        assertThat(read(payload, rotated).isRight()).as("one of several v1 values").isTrue();
        assertThat(read(payload, StripeWebhooks.header("whsec_other", NOW, bytes(payload))).getLeft().reason())
                .isEqualTo("no v1 signature verifies");
        assertThat(read(payload.replace("pi_1", "pi_2"), good).isLeft()).as("tampered").isTrue();
        assertThat(read(payload, StripeWebhooks.header(SECRET, NOW.minusSeconds(301), bytes(payload))).getLeft()
                .reason()).isEqualTo("the signature's timestamp is outside the tolerance");
        assertThat(read(payload, null).getLeft().reason()).isEqualTo("no Stripe-Signature header");
    }

    @Test
    void anEventWithoutTendersIdsOrOfAnotherKindIsReadAsNone() {
        String foreign = "{\"id\":\"evt_3\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_9\","
                + "\"metadata\":{}}}}";
        String other = intent("customer.created", "x", "");

        assertThat(read(foreign, StripeWebhooks.header(SECRET, NOW, bytes(foreign))).get()).isEmpty();
        assertThat(read(other, StripeWebhooks.header(SECRET, NOW, bytes(other))).get()).isEmpty();
    }

    private Either<WebhookSource.Refused, List<WebhookSource.Event>> read(String payload, String signature) {
        HashMap<String, String> headers = signature == null ? HashMap.empty()
                : HashMap.of(StripeWebhooks.HEADER, signature);
        return stripe.read(new WebhookSource.Delivery(headers, bytes(payload), NOW), account);
    }

    private static String intent(String type, String status, String extra) {
        return "{\"id\":\"evt_1\",\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"pi_1\","
                + "\"object\":\"payment_intent\",\"status\":\"" + status + "\",\"metadata\":{\"tender_payment_id\":"
                + "\"pay_1\",\"tender_transaction_id\":\"txn_1\"}" + extra + "}}}";
    }

    private static String refund(String status) {
        return "{\"id\":\"evt_r\",\"type\":\"refund.updated\",\"data\":{\"object\":{\"id\":\"re_1\","
                + "\"object\":\"refund\",\"status\":\"" + status + "\",\"metadata\":{\"tender_payment_id\":\"pay_1\","
                + "\"tender_transaction_id\":\"ref_1\"}}}}";
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
