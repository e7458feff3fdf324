package dev.tender.app.connectors;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.WebhookSource;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedOutcomesTest {

    @Test
    void aDeclineIsClippedToItsColumnsAndItsNulsReplaced() {
        // given
        Outcome declined = new Outcome.Declined("c".repeat(100), "bad\0card" + "m".repeat(2000));

        // when
        Outcome bounded = BoundedOutcomes.of(declined);

        // then
        assertThat(bounded).isEqualTo(new Outcome.Declined("c".repeat(ProcessorText.CODE),
                ("bad\uFFFDcard" + "m".repeat(2000)).substring(0, ProcessorText.MESSAGE)));
    }

    @Test
    void aReferenceIsClippedWithoutSplittingASurrogatePair() {
        // given: a pair that would straddle the 255th character
        String reference = "r".repeat(ProcessorText.REFERENCE - 1) + "\uD83C\uDF70";

        // when
        Outcome bounded = BoundedOutcomes.of(Outcome.Approved.of(reference));

        // then
        assertThat(bounded).isEqualTo(Outcome.Approved.of("r".repeat(ProcessorText.REFERENCE - 1)));
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        // when
        Outcome bounded = BoundedOutcomes.of(new Outcome.Unknown("a\uD800b\uDC00c\uD83C\uDF70"));

        // then
        assertThat(bounded).isEqualTo(new Outcome.Unknown("a\uFFFDb\uFFFDc\uD83C\uDF70"));
    }

    @Test
    void whatFitsIsKeptAsItIs() {
        // given
        Outcome approved = new Outcome.Approved(Option.some("pi_123"), Option.some("pm_456"));

        // when / then
        assertThat(BoundedOutcomes.of(approved)).isEqualTo(approved);
    }

    @Test
    void aWebhookEventIsBoundedLikeAnAnswer() {
        // given
        PaymentId payment = PaymentId.of("pay_1");
        TransactionId transaction = TransactionId.of("tx_1");
        WebhookSource.Event event = new WebhookSource.Event("evt_\0" + "e".repeat(300), payment, transaction,
                new Outcome.Declined("x".repeat(65), "m"));

        // when
        WebhookSource.Event bounded = BoundedOutcomes.of(event);

        // then
        assertThat(bounded).isEqualTo(new WebhookSource.Event(("evt_\uFFFD" + "e".repeat(300)).substring(0, 255),
                payment, transaction, new Outcome.Declined("x".repeat(64), "m")));
    }
}
