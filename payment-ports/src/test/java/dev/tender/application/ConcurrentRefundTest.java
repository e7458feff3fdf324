package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.RefundRecord;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;


import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Refunds may run side by side, yet together never return more than was captured. */
class ConcurrentRefundTest {

    static final int THREADS = 30;

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    @Test
    void racingRefundsThatRetryOnConflictRefundExactlyWhatWasCaptured() throws Exception {
        // given
        Payment paid = t.createConfirmed(usd(10_000), CaptureMethod.AUTOMATIC);
        connector.onCall(request -> Thread.yield());

        // when
        java.util.List<Either<ApplicationError, RefundRecord>> results = Race.of(THREADS, 15, () -> {
            Either<ApplicationError, RefundRecord> result;
            int tries = 0;
            do {
                result = t.tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT, paid.id(),
                        Option.none(), Option.some(usd(1_000)), Option.none(), Option.none()));
            } while (result.isLeft() && result.getLeft() instanceof ApplicationError.Conflict
                    && ++tries < 100_000);
            return result;
        });

        // then
        assertThat(results.stream().filter(Either::isRight)).hasSize(10)
                .allSatisfy(r -> assertThat(r.get().status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft)).hasSize(THREADS - 10)
                .allSatisfy(error -> assertThat(error).isInstanceOfSatisfying(ApplicationError.Rejected.class,
                        r -> assertThat(r.rejection().code())
                                .isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT)));
        Payment after = t.stored(paid.id());
        assertThat(after.refunded()).isEqualTo(usd(10_000));
        assertThat(after.refundable()).isEqualTo(usd(0));
        assertThat(connector.<ConnectorRequest.Refund>requests(Op.REFUND).map(ConnectorRequest.Refund::amount)
                .foldLeft(usd(0), Money::plus)).isEqualTo(usd(10_000));
        assertThat(t.tender.refunds().list(MERCHANT, ListQuery.first(100)).items()).hasSize(10);
    }

    @Test
    void aRefundIdUsedBeforeIsADuplicate() {
        // given
        Payment paid = t.createConfirmed(usd(10_000), CaptureMethod.AUTOMATIC);
        var refund = new RefundPaymentUseCase.Command(MERCHANT, paid.id(),
                Option.some(TransactionId.of("ref_mine")), Option.some(usd(1_000)),
                Option.none(), Option.none());
        TestTender.right(t.tender.refunds().refund(refund));

        // when
        var again = t.tender.refunds().refund(refund);

        // then
        assertThat(TestTender.rejectionCode(again)).isEqualTo(RejectionCode.DUPLICATE_TRANSACTION);
        assertThat(connector.count(Op.REFUND)).isEqualTo(1);
        assertThat(t.stored(paid.id()).refunded()).isEqualTo(usd(1_000));
    }
}
