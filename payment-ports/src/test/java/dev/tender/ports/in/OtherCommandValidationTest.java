package dev.tender.ports.in;

import dev.tender.domain.payment.CaptureMethod;
import io.vavr.collection.HashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The remaining commands built from outside input: every field error at once, good input kept as given. */
class OtherCommandValidationTest {

    private static Seq<String> fieldsOf(Validation<Seq<FieldError>, ?> validation) {
        return CommandValidationTest.fieldsOf(validation);
    }

    @Test
    void incrementNeedsAPositiveTotalInAKnownCurrency() {
        assertThat(fieldsOf(IncrementAuthorizationUseCase.Command.of("bad id", null, 0L, "USD", null)))
                .containsExactlyInAnyOrder("merchant_id", "payment_id", "amount");
        assertThat(fieldsOf(IncrementAuthorizationUseCase.Command.of("m_1", "pay_1", 10L, "XYZ", null)))
                .containsExactly("currency");
        var good = IncrementAuthorizationUseCase.Command.of("m_1", "pay_1", 150_00L, "EUR", "key-1").get();
        assertThat(good.newTotal().minor()).isEqualTo(150_00L);
        assertThat(good.newTotal().currency().code()).isEqualTo("EUR");
        assertThat(good.idempotencyKey()).contains("key-1");
    }

    @Test
    void cancelReverseOrderAndCompleteNeedAMerchantAndAPayment() {
        assertThat(fieldsOf(VoidPaymentUseCase.Command.of(null, "pay 1", "why", null)))
                .containsExactlyInAnyOrder("merchant_id", "payment_id");
        assertThat(fieldsOf(ReversePaymentUseCase.Command.of("m 1", null, null, null)))
                .containsExactlyInAnyOrder("merchant_id", "payment_id");
        assertThat(fieldsOf(CreateOrderUseCase.Command.of(null, null, null)))
                .containsExactlyInAnyOrder("merchant_id", "payment_id");
        assertThat(fieldsOf(CompleteAuthorizationUseCase.Command.of("m_1", null, null, null)))
                .containsExactly("payment_id");

        Instant cutoff = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(VoidPaymentUseCase.Command.of("m_1", "pay_1", "duplicate", null).get().reason())
                .contains("duplicate");
        assertThat(ReversePaymentUseCase.Command.of("m_1", "pay_1", cutoff, "k").get().settlementCutoff())
                .contains(cutoff);
        assertThat(CompleteAuthorizationUseCase.Command.of("m_1", "pay_1", HashMap.of("result", "success"), null)
                .get().parameters().get("result")).contains("success");
        assertThat(CompleteAuthorizationUseCase.Command.of("m_1", "pay_1", null, null).get().parameters().isEmpty())
                .isTrue();
    }

    @Test
    void aMandateChargeNeedsTheMandateAnAmountAndACaptureMethod() {
        assertThat(fieldsOf(ChargeMandateUseCase.Command.of("m_1", null, -1L, "USD", "later", null)))
                .containsExactlyInAnyOrder("mandate_id", "amount", "capture_method");
        assertThat(fieldsOf(ChargeMandateUseCase.Command.of("m_1", "man/1", 5L, "USD", null, null)))
                .containsExactly("mandate_id");
        var good = ChargeMandateUseCase.Command.of("m_1", "man_1", 19_99L, "USD", "manual", "sub-2026-01").get();
        assertThat(good.mandateId().value()).isEqualTo("man_1");
        assertThat(good.amount().minor()).isEqualTo(19_99L);
        assertThat(good.captureMethod()).isEqualTo(CaptureMethod.MANUAL);
        assertThat(ChargeMandateUseCase.Command.of("m_1", "man_1", 1L, "USD", null, null).get().captureMethod())
                .isEqualTo(CaptureMethod.AUTOMATIC);
    }
}
