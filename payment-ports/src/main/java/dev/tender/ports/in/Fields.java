package dev.tender.ports.in;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.vavr.control.Validation;

import java.util.function.Function;

/** Validations of single fields, shared by the commands; each error names the field as the API does. */
public final class Fields {

    private Fields() {
    }

    public static Validation<FieldError, MerchantId> merchant(String value) {
        return id("merchant_id", value, MerchantId::of);
    }

    public static Validation<FieldError, PaymentId> payment(String value) {
        return id("payment_id", value, PaymentId::of);
    }

    public static Validation<FieldError, Option<PaymentId>> optionalPayment(String value) {
        return value == null ? Validation.valid(Option.none()) : payment(value).map(Option::some);
    }

    public static Validation<FieldError, TransactionId> transaction(String field, String value) {
        return id(field, value, TransactionId::of);
    }

    public static Validation<FieldError, Option<TransactionId>> optionalTransaction(String field, String value) {
        return value == null ? Validation.valid(Option.none()) : transaction(field, value).map(Option::some);
    }

    public static Validation<FieldError, Currency> currency(String value) {
        return value == null
                ? Validation.invalid(new FieldError("currency", "is required"))
                : Currency.find(value).toValidation(() -> new FieldError("currency", "unknown currency " + value));
    }

    /** An amount in minor units: required, not negative, at most {@code Long.MAX_VALUE}. */
    public static Validation<FieldError, Money> amount(String field, Long minor, Currency currency) {
        if (minor == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        return Money.from(minor, currency).mapLeft(message -> new FieldError(field, message)).toValidation();
    }

    public static Validation<FieldError, Money> positiveAmount(String field, Long minor, Currency currency) {
        return amount(field, minor, currency).flatMap(m -> m.isZero()
                ? Validation.invalid(new FieldError(field, "must be greater than 0"))
                : Validation.valid(m));
    }

    public static Validation<FieldError, CaptureMethod> captureMethod(String value) {
        return value == null
                ? Validation.valid(CaptureMethod.AUTOMATIC)
                : CaptureMethod.fromWireName(value).toValidation(() -> new FieldError("capture_method",
                "must be automatic, manual or manual_multiple, got " + value));
    }

    private static <T> Validation<FieldError, T> id(String field, String value, Function<String, T> of) {
        if (value == null) {
            return Validation.invalid(new FieldError(field, "is required"));
        }
        return Try.of(() -> of.apply(value)).toValidation(e -> new FieldError(field, e.getMessage()));
    }
}
