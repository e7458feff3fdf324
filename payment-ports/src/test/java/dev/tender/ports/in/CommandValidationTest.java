package dev.tender.ports.in;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands built from outside input report every field error at once, named as the API names the field. */
class CommandValidationTest {

    static final PaymentMethodData CARD = new PaymentMethodData.Card("4242424242424242", 12, 2030, "123",
            Option.none());

    static Seq<String> fieldsOf(Validation<Seq<FieldError>, ?> validation) {
        assertThat(validation.isInvalid()).as("invalid: %s", validation).isTrue();
        return validation.getError().map(FieldError::field);
    }

    static String messageOf(Validation<Seq<FieldError>, ?> validation, String field) {
        return validation.getError().find(e -> e.field().equals(field)).map(FieldError::message)
                .getOrElseThrow(() -> new AssertionError("no error for " + field + " in " + validation.getError()));
    }

    @Nested
    class CreatePayment {

        @Test
        void everyBadFieldIsReportedAtOnce() {
            // when
            var result = CreatePaymentUseCase.Command.of("bad merchant!", "pay 1", -5L, "XYZ", "sometimes", null,
                    null, null, null, true, null, null);

            // then
            assertThat(fieldsOf(result)).containsExactlyInAnyOrder("merchant_id", "payment_id", "currency",
                    "amount", "capture_method", "payment_method_data");
            assertThat(messageOf(result, "currency")).contains("XYZ");
            assertThat(messageOf(result, "capture_method")).contains("sometimes");
        }

        @Test
        void aNegativeAmountInAKnownCurrencyIsReported() {
            // when
            var result = CreatePaymentUseCase.Command.of("mer_1", null, -5L, "USD", "manual", CARD, null, null,
                    null, true, null, null);

            // then
            assertThat(fieldsOf(result)).containsExactly("amount");
            assertThat(messageOf(result, "amount")).contains("negative");
        }

        @Test
        void missingRequiredFieldsAreReported() {
            // when
            var result = CreatePaymentUseCase.Command.of(null, null, null, null, null, null, null, null, null,
                    false, null, null);

            // then
            assertThat(fieldsOf(result)).containsExactlyInAnyOrder("merchant_id", "currency", "amount");
            assertThat(messageOf(result, "merchant_id")).isEqualTo("is required");
        }

        @Test
        void aGoodCommandIsBuiltWithDefaults() {
            // when
            var result = CreatePaymentUseCase.Command.of("mer_1", null, 1_250L, "usd", null, CARD, "cus_1", null,
                    null, true, "https://shop.example/done", "key-1");

            // then
            assertThat(result.isValid()).as("%s", result).isTrue();
            CreatePaymentUseCase.Command command = result.get();
            assertThat(command.merchantId()).isEqualTo(MerchantId.of("mer_1"));
            assertThat(command.paymentId()).isEmpty();
            assertThat(command.amount()).isEqualTo(Money.of(1_250, Currency.USD));
            assertThat(command.captureMethod()).isEqualTo(CaptureMethod.AUTOMATIC);
            assertThat(command.paymentMethod()).contains(CARD);
            assertThat(command.customerId()).contains("cus_1");
            assertThat(command.metadata()).isEqualTo(LinkedHashMap.empty());
            assertThat(command.confirm()).isTrue();
            assertThat(command.returnUrl()).contains("https://shop.example/done");
            assertThat(command.idempotencyKey()).contains("key-1");
        }

        @Test
        void theCallersPaymentIdAndCaptureMethodAreKept() {
            // when
            var result = CreatePaymentUseCase.Command.of("mer_1", "pay_mine", 0L, "JPY", "manual_multiple", null,
                    null, null, null, false, null, null);

            // then
            assertThat(result.get().paymentId()).contains(PaymentId.of("pay_mine"));
            assertThat(result.get().captureMethod()).isEqualTo(CaptureMethod.MANUAL_MULTIPLE);
            assertThat(result.get().amount()).isEqualTo(Money.of(0, Currency.JPY));
        }
    }

    @Nested
    class CapturePayment {

        @Test
        void everyBadFieldIsReportedAtOnce() {
            // when
            var result = CapturePaymentUseCase.Command.of("", "pay/1", -1L, "USD", false, null);

            // then
            assertThat(fieldsOf(result)).containsExactlyInAnyOrder("merchant_id", "payment_id",
                    "amount_to_capture");
        }

        @Test
        void aZeroAmountIsRefused() {
            // when
            var result = CapturePaymentUseCase.Command.of("mer_1", "pay_1", 0L, "USD", false, null);

            // then
            assertThat(fieldsOf(result)).containsExactly("amount_to_capture");
            assertThat(messageOf(result, "amount_to_capture")).contains("greater than 0");
        }

        @Test
        void anAmountNeedsAKnownCurrency() {
            // when
            var unknown = CapturePaymentUseCase.Command.of("mer_1", "pay_1", 100L, "ABC", false, null);
            var missing = CapturePaymentUseCase.Command.of("mer_1", "pay_1", 100L, null, false, null);

            // then
            assertThat(fieldsOf(unknown)).containsExactly("currency");
            assertThat(fieldsOf(missing)).containsExactly("currency");
        }

        @Test
        void withoutAnAmountEverythingCapturableIsMeant() {
            // when
            var result = CapturePaymentUseCase.Command.of("mer_1", "pay_1", null, null, true, "key-1");

            // then
            assertThat(result.get()).isEqualTo(new CapturePaymentUseCase.Command(MerchantId.of("mer_1"),
                    PaymentId.of("pay_1"), Option.none(), true, Option.some("key-1")));
        }
    }

    @Nested
    class RefundPayment {

        @Test
        void everyBadFieldIsReportedAtOnce() {
            // when
            var result = RefundPaymentUseCase.Command.of("mer 1", null, "ref#1", -10L, "EUR", null, null);

            // then
            assertThat(fieldsOf(result)).containsExactlyInAnyOrder("merchant_id", "payment_id", "refund_id",
                    "amount");
            assertThat(messageOf(result, "payment_id")).isEqualTo("is required");
        }

        @Test
        void aZeroAmountIsRefused() {
            // when
            var result = RefundPaymentUseCase.Command.of("mer_1", "pay_1", null, 0L, "EUR", null, null);

            // then
            assertThat(fieldsOf(result)).containsExactly("amount");
        }

        @Test
        void aGoodRefundKeepsItsIdAmountAndReason() {
            // when
            var result = RefundPaymentUseCase.Command.of("mer_1", "pay_1", "ref_1", 500L, "KWD", "duplicate", null);

            // then
            RefundPaymentUseCase.Command command = result.get();
            assertThat(command.refundId()).contains(TransactionId.of("ref_1"));
            assertThat(command.amount()).contains(Money.of(500, Currency.KWD));
            assertThat(command.reason()).contains("duplicate");
            assertThat(command.idempotencyKey()).isEmpty();
        }
    }

    @Test
    void confirmNeedsMerchantAndPayment() {
        // when
        var result = ConfirmPaymentUseCase.Command.of(null, "", CARD, null, null, null);

        // then
        assertThat(fieldsOf(result)).containsExactlyInAnyOrder("merchant_id", "payment_id");
    }
}
