package dev.tender.connector.stripe;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * Stripe's form bodies, nested keys in brackets ({@code payment_method_data[card][number]}). The
 * card goes to Stripe as {@code payment_method_data}: the account needs raw card data access.
 */
final class StripeForms {

    static final String IF_AVAILABLE = "if_available";
    private static final Set<String> REFUND_REASONS = HashSet.of("duplicate", "fraudulent", "requested_by_customer");

    private StripeForms() {
    }

    /** Create and confirm a PaymentIntent; {@code customer} is Stripe's, for a method stored for later. */
    static Map<String, String> paymentIntent(ConnectorRequest.Authorize r, Option<String> customer,
                                             boolean multicapture) {
        boolean manual = r.captureMethod() != CaptureMethod.AUTOMATIC;
        Map<String, String> fields = amount("amount", r.amount())
                .put("currency", r.amount().currency().code().toLowerCase(Locale.ROOT))
                .put("capture_method", manual ? "manual" : "automatic")
                .put("confirm", "true")
                .merge(method(r.method()));
        if (manual && isCard(r.method())) {
            fields = fields.put("payment_method_options[card][request_incremental_authorization]", IF_AVAILABLE);
            if (multicapture && r.captureMethod() == CaptureMethod.MANUAL_MULTIPLE) {
                fields = fields.put("payment_method_options[card][request_multicapture]", IF_AVAILABLE);
            }
        }
        if (r.storeForFutureUse() && customer.isDefined()) {
            fields = fields.put("setup_future_usage", "off_session").put("customer", customer.get());
        }
        if (!(r.method() instanceof PaymentMethodData.StoredMandate)) {
            fields = fields.merge(r.returnUrl().map(url -> LinkedHashMap.of("return_url", url))
                    .getOrElse(LinkedHashMap.empty()));
        }
        return fields.merge(metadata(r.context(), r.metadata()));
    }

    static Map<String, String> setupIntent(ConnectorRequest.SetupMandate r, String customer) {
        return LinkedHashMap.of("confirm", "true", "usage", "off_session", "customer", customer)
                .merge(method(r.method()))
                .merge(metadata(r.context(), LinkedHashMap.empty()));
    }

    static Map<String, String> capture(ConnectorRequest.Capture r, boolean multicapture) {
        Map<String, String> fields = amount("amount_to_capture", r.amount());
        return multicapture && !r.finalCapture() ? fields.put("final_capture", "false") : fields;
    }

    static Map<String, String> refund(ConnectorRequest.Refund r) {
        Map<String, String> fields = LinkedHashMap.of("payment_intent", r.connectorTransactionId())
                .merge(amount("amount", r.amount()));
        Option<String> reason = r.reason().map(s -> s.toLowerCase(Locale.ROOT));
        if (reason.exists(REFUND_REASONS::contains)) {
            fields = fields.put("reason", reason.get());
        }
        Map<String, String> extra = r.reason().filter(s -> !REFUND_REASONS.contains(s.toLowerCase(Locale.ROOT)))
                .map(s -> LinkedHashMap.of("tender_reason", s)).getOrElse(LinkedHashMap.empty());
        return fields.merge(metadata(r.context(), extra));
    }

    static Map<String, String> customer(CallContext context, Option<String> tenderCustomerId) {
        return tenderCustomerId.map(id -> LinkedHashMap.of("metadata[tender_customer_id]", id))
                .getOrElse(LinkedHashMap.empty())
                .put("metadata[tender_payment_id]", context.paymentId().value());
    }

    static Map<String, String> amount(String name, Money amount) {
        return LinkedHashMap.of(name, Long.toString(amount.minor()));
    }

    /**
     * Tender's ids in the object's metadata: the idempotency key is how a sync finds a call whose
     * answer was lost (search for payment intents, the refund list for refunds).
     */
    static Map<String, String> metadata(CallContext context, Map<String, String> merchant) {
        Map<String, String> fields = LinkedHashMap.empty();
        for (var entry : merchant) {
            fields = fields.put("metadata[" + entry._1 + "]", entry._2);
        }
        return fields.put("metadata[tender_payment_id]", context.paymentId().value())
                .put("metadata[tender_transaction_id]", context.transactionId().value())
                .put("metadata[tender_idempotency_key]", context.idempotencyKey());
    }

    private static Map<String, String> method(PaymentMethodData method) {
        return switch (method) {
            case PaymentMethodData.Card card -> LinkedHashMap.of("payment_method_types[0]", "card",
                            "payment_method_data[type]", "card",
                            "payment_method_data[card][number]", card.number(),
                            "payment_method_data[card][exp_month]", Integer.toString(card.expiryMonth()),
                            "payment_method_data[card][exp_year]", Integer.toString(card.expiryYear()),
                            "payment_method_data[card][cvc]", card.cvc())
                    .merge(card.holderName().map(name -> LinkedHashMap.of("payment_method_data[billing_details][name]", name))
                            .getOrElse(LinkedHashMap.empty()));
            case PaymentMethodData.StoredMandate stored -> storedMandate(stored.connectorMandateReference());
            case PaymentMethodData.Other other -> {
                Map<String, String> fields = LinkedHashMap.of("payment_method_types[0]", other.type(),
                        "payment_method_data[type]", other.type());
                for (var field : other.fields()) {
                    fields = fields.put("payment_method_data[" + other.type() + "][" + field._1 + "]", field._2);
                }
                yield fields;
            }
        };
    }

    /** A mandate reference is "cus_…:pm_…" (or a bare "pm_…"): an off-session charge needs both. */
    private static Map<String, String> storedMandate(String reference) {
        int colon = reference.indexOf(':');
        Map<String, String> fields = LinkedHashMap.of("payment_method_types[0]", "card");
        fields = colon < 0 ? fields.put("payment_method", reference)
                : fields.put("customer", reference.substring(0, colon))
                        .put("payment_method", reference.substring(colon + 1));
        return fields.put("off_session", "true");
    }

    private static boolean isCard(PaymentMethodData method) {
        return method instanceof PaymentMethodData.Card || method instanceof PaymentMethodData.StoredMandate;
    }
}
