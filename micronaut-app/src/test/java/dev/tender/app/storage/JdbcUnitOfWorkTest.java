package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.StorageConflict;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A unit of work is one PostgreSQL transaction that the adapters' own writes join. */
class JdbcUnitOfWorkTest {

    final JdbcUnitOfWork unit = EmbeddedDatabase.bean(JdbcUnitOfWork.class);
    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final JdbcReconciliations reconciliations = EmbeddedDatabase.bean(JdbcReconciliations.class);
    final JdbcOutbox outbox = EmbeddedDatabase.bean(JdbcOutbox.class);
    final MerchantId merchant = newMerchant("mer_unit");

    @Test
    void whatTheAdaptersWroteInAUnitThatFailedIsAllGone() {
        // given
        Payment payment = simplePayment(merchant, "pay_unit_rolled_back", T0);
        ReconciliationTask task = new ReconciliationTask(merchant, payment.id(), TransactionId.of("txn_unit_a"), 0, T0);
        OutboxEvent event = new OutboxEvent("evt_unit_rolled_back", merchant, "payment_created", payment.id(),
                Option.none(), PaymentStatus.REQUIRES_CONFIRMATION, T0);

        // when
        assertThatThrownBy(() -> unit.run(() -> {
            assertThat(payments.save(payment).isRight()).isTrue();
            reconciliations.schedule(task);
            outbox.append(event);
            throw new IllegalStateException("the process failed after the writes");
        })).hasMessage("the process failed after the writes");

        // then
        assertThat(payments.find(merchant, payment.id())).isEmpty();
        assertThat(reconciliations.all()).doesNotContain(task);
        assertThat(outbox.pending(1_000).map(OutboxEvent::id)).doesNotContain("evt_unit_rolled_back");
    }

    @Test
    void aUnitThatReturnsCommitsEveryWriteInIt() {
        // given
        Payment payment = simplePayment(merchant, "pay_unit_committed", T0);
        ReconciliationTask task = new ReconciliationTask(merchant, payment.id(), TransactionId.of("txn_unit_b"), 0, T0);

        // when
        unit.run(() -> {
            payments.save(payment);
            reconciliations.schedule(task);
            return null;
        });

        // then
        assertThat(payments.find(merchant, payment.id())).isNotEmpty();
        assertThat(reconciliations.all()).contains(task);
        reconciliations.done(merchant, payment.id(), task.transactionId());
    }

    @Test
    void aConflictInsideAUnitIsAnsweredAndTheUnitStillCommits() {
        // given a payment saved once, and a copy of it now stale
        Payment first = payments.save(simplePayment(merchant, "pay_unit_stale", T0)).get();
        payments.save(first).get();
        Payment other = simplePayment(merchant, "pay_unit_after_conflict", T0);

        // when
        Either<StorageConflict, Payment> stale = unit.run(() -> {
            Either<StorageConflict, Payment> answer = payments.save(first);
            payments.save(other);
            return answer;
        });

        // then
        assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
        assertThat(payments.find(merchant, other.id())).isNotEmpty();
        assertThat(payments.find(merchant, first.id()).get().version()).isEqualTo(2);
    }
}
