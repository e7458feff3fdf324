package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.TransactionId;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.app.storage.StorageFixtures.card;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry job's query: capturable payments past their window with nothing in flight, across merchants,
 * the longest lapsed first. Its payments are authorized in 2001, before any other test's, so the database
 * the tests share holds no other payment this far lapsed.
 */
class JdbcPaymentsDueForExpiryTest {

    static final Instant AUTHORIZED = Instant.parse("2001-01-01T00:00:00Z");
    static final Instant LAPSED = AUTHORIZED.plus(Duration.ofDays(7));

    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final MerchantId merchant = newMerchant("mer_due");
    final MerchantId other = newMerchant("mer_due_other");

    @Test
    void lapsedCapturablePaymentsOfEveryMerchantWithNothingInFlightComeLongestLapsedFirst() {
        // given
        Payment oldest = saved(authorized(merchant, "pay_oldest", CaptureMethod.MANUAL, AUTHORIZED.minusSeconds(60)));
        Payment partly = saved(capture(authorized(other, "pay_partly", CaptureMethod.MANUAL_MULTIPLE, AUTHORIZED),
                true));
        Payment capturing = saved(capture(authorized(merchant, "pay_capturing", CaptureMethod.MANUAL, AUTHORIZED),
                false));
        Payment purchased = saved(authorized(merchant, "pay_purchased", CaptureMethod.AUTOMATIC, AUTHORIZED));
        Payment valid = saved(authorized(merchant, "pay_valid", CaptureMethod.MANUAL, AUTHORIZED.plusSeconds(1)));

        // when
        List<Payment> due = payments.dueForExpiry(LAPSED, 100);

        // then
        assertThat(due.map(Payment::id)).containsExactly(oldest.id(), partly.id());
        assertThat(due.head()).isEqualTo(oldest);
        assertThat(due.map(Payment::id)).doesNotContain(capturing.id(), purchased.id(), valid.id());
        assertThat(payments.dueForExpiry(LAPSED.plusSeconds(1), 100).map(Payment::id))
                .containsExactly(oldest.id(), partly.id(), valid.id());
        assertThat(payments.dueForExpiry(LAPSED, 1).map(Payment::id)).containsExactly(oldest.id());
        assertThat(payments.dueForExpiry(LAPSED.minusSeconds(61), 100)).isEmpty();
    }

    private Payment saved(Payment payment) {
        return payments.save(payment).get();
    }

    /** Confirmed and approved at {@code at}. */
    private static Payment authorized(MerchantId merchant, String id, CaptureMethod method, Instant at) {
        TransactionId authorize = TransactionId.of("txn_auth_" + id);
        Payment confirmed = Payment.create(CreatePayment.of(PaymentId.of(id), merchant, usd(1_000), method,
                        Option.some(card()), at))
                .flatMap(p -> p.confirm(new Confirm(authorize, Option.none(), "acc_due",
                        HashSet.of(Capability.values()), at)))
                .flatMap(p -> p.recordOutcome(new RecordOutcome(authorize, Outcome.Approved.of("psp_" + id), at)))
                .get();
        return confirmed;
    }

    /** A capture of 300, approved or left in flight. */
    private static Payment capture(Payment payment, boolean approved) {
        TransactionId tx = TransactionId.of("txn_cap_" + payment.id().value());
        Payment begun = payment.beginCapture(new Capture(tx, usd(300), false, payment.updatedAt())).get();
        return approved ? begun.recordOutcome(new RecordOutcome(tx, Outcome.Approved.of("psp_cap"),
                payment.updatedAt())).get() : begun;
    }
}
