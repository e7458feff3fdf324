package dev.tender.domain.payment;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-phase example of docs/domain.md, kept here so the documentation stays compilable and true. */
class EmbeddingExampleTest {

    @Test
    void theDocumentedTwoPhaseExampleAuthorizesAndBeginsACapture() {
        // given
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        PaymentMethod card = new PaymentMethod.Card("visa", "424242", "4242", 12, 2030, Option.none());

        // when
        Payment created = Payment.create(CreatePayment.of(PaymentId.of("pay_1"), MerchantId.of("m_1"),
                Money.of(10_00, Currency.USD), CaptureMethod.MANUAL, Option.some(card), now)).get();
        Payment authorizing = created.confirm(new Confirm(TransactionId.of("tx_1"), Option.none(),
                "simulator", HashSet.of(Capability.values()), now)).get();
        Payment authorized = authorizing.recordOutcome(new RecordOutcome(TransactionId.of("tx_1"),
                Outcome.Approved.of("psp_123"), now)).get();
        Either<Rejection, Payment> capturing = authorized.beginCapture(
                new Capture(TransactionId.of("tx_2"), Money.of(10_00, Currency.USD), false, now));

        // then
        assertThat(created.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
        assertThat(authorizing.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(authorizing.inFlight().map(Transaction::id)).contains(TransactionId.of("tx_1"));
        assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(authorized.connectorTransactionId()).contains("psp_123");
        assertThat(capturing.get().inFlight().map(Transaction::kind)).contains(TransactionKind.CAPTURE);
        assertThat(capturing.get().status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
    }
}
