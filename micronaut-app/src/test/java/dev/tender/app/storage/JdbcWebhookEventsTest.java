package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.PaymentEffects;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.fullPayment;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox as the webhook deliverer claims it: each due event to one claimer at a time across instances, one
 * payment's events in order, a dead claimer's events back when the lease ends, the payment as recorded.
 */
class JdbcWebhookEventsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    private final JdbcWebhookEvents events = EmbeddedDatabase.bean(JdbcWebhookEvents.class);
    private final MerchantId merchant = hooked(newMerchant("mer_hooks"));

    /** The merchant with a webhook URL: its events are due for delivery (without one they are skipped). */
    private static MerchantId hooked(MerchantId merchant) {
        try (java.sql.Connection c = EmbeddedDatabase.direct().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE merchants SET settings = "
                     + "'{\"webhook_details\":{\"webhook_url\":\"http://127.0.0.1/hook\"}}' WHERE merchant_id = ?")) {
            s.setString(1, merchant.value());
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return merchant;
    }

    /** A payment saved with two events, in that order; returns the payment as saved. */
    private Payment paymentWithEvents(String id, Instant at) {
        Payment p = fullPayment(merchant, id, T0);
        return payments.save(p, new PaymentEffects(merchant, p.id(), List.empty(), List.empty(), List.empty(),
                List.of(new OutboxEvent("evt_1_" + id, merchant, "payment_authorized", p.id(), Option.none(),
                                PaymentStatus.REQUIRES_CAPTURE, at),
                        new OutboxEvent("evt_2_" + id, merchant, "payment_captured", p.id(), Option.none(),
                                p.status(), at))), e -> {
                }).get();
    }

    private List<String> mine(List<JdbcWebhookEvents.Event> claimed) {
        return claimed.filter(e -> e.merchantId().equals(merchant)).map(JdbcWebhookEvents.Event::eventId);
    }

    private JdbcWebhookEvents.Attempt attempt(String eventId, boolean delivered, Instant at) {
        return new JdbcWebhookEvents.Attempt(eventId, 0, false, at, "http://localhost/hook", "sig", "{}",
                Option.some(delivered ? 200 : 500), Option.none(), Option.none(), 3, delivered);
    }

    @Test
    void anEventKeepsThePaymentAsItsStatementWroteIt() {
        // given
        Payment saved = paymentWithEvents("pay_snap", T0);

        // when: the payment moves on
        payments.save(saved.withVersion(saved.version())).get();
        JdbcWebhookEvents.Event event = events.find(merchant, "evt_1_pay_snap").get();

        // then
        assertThat(event.payment()).contains(saved);
        assertThat(event.objectId()).isEqualTo("pay_snap");
        assertThat(event.status()).isEqualTo(JdbcWebhookEvents.PENDING);
    }

    @Test
    void onePaymentsEventsAreClaimedInOrderAndADeadClaimersComeBackAfterTheLease() {
        // given
        paymentWithEvents("pay_order", T0);
        Instant now = Instant.now();

        // when / then: only the first is due while it is not settled
        assertThat(mine(events.claimDue(now, 10_000, LEASE))).containsExactly("evt_1_pay_order");
        assertThat(mine(events.claimDue(now, 10_000, LEASE))).as("claimed: no one else gets it").isEmpty();
        // the claimer died: after the lease it comes back, still before the second
        assertThat(mine(events.claimDue(now.plus(LEASE).plusSeconds(1), 10_000, LEASE)))
                .containsExactly("evt_1_pay_order");
        // delivered: the second is due
        events.record(attempt("evt_1_pay_order", true, now), true, JdbcWebhookEvents.DELIVERED, Option.none());
        assertThat(mine(events.claimDue(now.plus(LEASE).plusSeconds(1), 10_000, LEASE)))
                .containsExactly("evt_2_pay_order");
    }

    @Test
    void aFailedAttemptWaitsForItsNextTimeAndAFailedEventNoLongerHoldsTheNext() {
        // given
        paymentWithEvents("pay_retry", T0);
        Instant now = Instant.now();
        events.claimDue(now, 10_000, LEASE);

        // when: the first attempt fails, next try in a minute
        events.record(attempt("evt_1_pay_retry", false, now), true, JdbcWebhookEvents.PENDING,
                Option.some(now.plusSeconds(60)));

        // then
        assertThat(mine(events.claimDue(now.plusSeconds(59), 10_000, LEASE))).isEmpty();
        assertThat(mine(events.claimDue(now.plusSeconds(61), 10_000, LEASE))).containsExactly("evt_1_pay_retry");
        events.record(attempt("evt_1_pay_retry", false, now.plusSeconds(61)), true, JdbcWebhookEvents.FAILED,
                Option.none());
        assertThat(mine(events.claimDue(now.plusSeconds(62), 10_000, LEASE))).containsExactly("evt_2_pay_retry");
        assertThat(events.attempts(merchant, "evt_1_pay_retry").map(JdbcWebhookEvents.Attempt::attempt))
                .containsExactly(1, 2);
        assertThat(events.find(merchant, "evt_1_pay_retry").get().status()).isEqualTo(JdbcWebhookEvents.FAILED);
        assertThat(events.attempts(newMerchant("mer_other_hooks"), "evt_1_pay_retry")).isEmpty();
    }

    @Test
    void concurrentClaimersNeverGetTheSameEvent() throws Exception {
        // given: twenty payments' events
        for (int i = 0; i < 20; i++) {
            paymentWithEvents("pay_race_" + i, T0);
        }
        Instant now = Instant.now();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService claimers = Executors.newFixedThreadPool(4);

        // when
        java.util.List<Future<List<String>>> claims = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            claims.add(claimers.submit(() -> {
                start.await();
                List<String> got = List.empty();
                for (int round = 0; round < 10; round++) {
                    got = got.appendAll(mine(events.claimDue(now, 3, LEASE)));
                }
                return got;
            }));
        }
        start.countDown();
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> claim : claims) {
            List<String> got = claim.get();
            total += got.size();
            all.addAll(got.asJava());
        }
        claimers.shutdown();

        // then: each payment's first event once, none twice
        assertThat(total).isEqualTo(all.size());
        assertThat(all).hasSize(20).allMatch(id -> id.startsWith("evt_1_"));
    }

    @Test
    void theListFiltersAndCounts() {
        // given
        paymentWithEvents("pay_list", T0);

        // when
        JdbcWebhookEvents.Page all = events.list(merchant, new JdbcWebhookEvents.Filter(Option.none(), Option.none(),
                Option.some("pay_list"), Option.none(), Set.of(), Option.none()), 10, 0);
        JdbcWebhookEvents.Page captured = events.list(merchant, new JdbcWebhookEvents.Filter(
                Option.some(T0.minusSeconds(1)), Option.some(Instant.now()), Option.none(), Option.none(),
                Set.of("payment_captured"), Option.some(false)), 10, 0);

        // then
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.events().map(JdbcWebhookEvents.Event::eventId)).containsExactlyInAnyOrder("evt_1_pay_list",
                "evt_2_pay_list");
        assertThat(captured.events().map(JdbcWebhookEvents.Event::eventId)).containsExactly("evt_2_pay_list");
    }

    @Test
    void aMerchantWithoutAWebhookHasItsEventsSkippedWithoutThePaymentsRow() {
        // given
        MerchantId plain = newMerchant("mer_no_hooks");
        Payment p = fullPayment(plain, "pay_plain", T0);

        // when
        payments.save(p, new PaymentEffects(plain, p.id(), List.empty(), List.empty(), List.empty(),
                List.of(new OutboxEvent("evt_plain", plain, "payment_captured", p.id(), Option.none(), p.status(),
                        T0))), e -> {
                }).get();

        // then
        JdbcWebhookEvents.Event event = events.find(plain, "evt_plain").get();
        assertThat(event.status()).isEqualTo(JdbcWebhookEvents.SKIPPED);
        assertThat(event.payment()).isEmpty();
        assertThat(event.nextAttemptAt()).isEmpty();
        assertThat(events.claimDue(Instant.now(), 10_000, LEASE).map(JdbcWebhookEvents.Event::eventId))
                .doesNotContain("evt_plain");
    }
}
