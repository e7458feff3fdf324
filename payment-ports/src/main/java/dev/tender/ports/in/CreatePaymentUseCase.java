package dev.tender.ports.in;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** Create a payment; with {@code confirm} it is authorized at once (one step). */
@FunctionalInterface
public interface CreatePaymentUseCase {

    Either<ApplicationError, Payment> create(Command command);

    /**
     * @param paymentId     the caller's id, or generated when empty
     * @param setupMandate  {@code setup_future_usage: off_session} with the customer's acceptance
     * @param connectorAccountId the account a confirm at creation authorizes at, instead of routing
     */
    record Command(MerchantId merchantId, Option<PaymentId> paymentId, Money amount, CaptureMethod captureMethod,
                   Option<PaymentMethodData> paymentMethod, Option<String> customerId,
                   Option<MandateSetup> setupMandate, Map<String, String> metadata, boolean confirm,
                   Option<String> returnUrl, Option<String> idempotencyKey, Option<String> connectorAccountId) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId, Long amount,
                                                              String currency, String captureMethod,
                                                              PaymentMethodData paymentMethod, String customerId,
                                                              MandateSetup setupMandate,
                                                              Map<String, String> metadata, boolean confirm,
                                                              String returnUrl, String idempotencyKey) {
            Validation<FieldError, Currency> validCurrency = Fields.currency(currency);
            Validation<FieldError, Money> validAmount = validCurrency.isValid()
                    ? Fields.amount("amount", amount, validCurrency.get())
                    : Validation.invalid(new FieldError("amount", "needs a valid currency"));
            return Validation.combine(Fields.merchant(merchantId), Fields.optionalPayment(paymentId),
                            validCurrency, validAmount, Fields.captureMethod(captureMethod),
                            confirmNeedsMethod(confirm, paymentMethod))
                    .ap((merchant, payment, c, money, method, ok) -> new Command(merchant, payment, money, method,
                            Option.of(paymentMethod), Option.of(customerId), Option.of(setupMandate),
                            metadata == null ? io.vavr.collection.LinkedHashMap.empty() : metadata, confirm,
                            Option.of(returnUrl), Option.of(idempotencyKey), Option.none()));
        }

        /** The same command, authorized at that account (when it confirms) rather than by routing. */
        public Command routedTo(Option<String> accountId) {
            return new Command(merchantId, paymentId, amount, captureMethod, paymentMethod, customerId, setupMandate,
                    metadata, confirm, returnUrl, idempotencyKey, accountId);
        }

        private static Validation<FieldError, Boolean> confirmNeedsMethod(boolean confirm, PaymentMethodData method) {
            return confirm && method == null
                    ? Validation.invalid(new FieldError("payment_method_data", "is required to confirm"))
                    : Validation.valid(true);
        }
    }
}
