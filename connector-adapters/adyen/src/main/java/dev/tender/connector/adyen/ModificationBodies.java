package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.Json;
import dev.tender.domain.money.Money;
import dev.tender.ports.out.CallContext;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Bodies of the modifications on {@code /payments/{pspReference}/…}. {@code reference} is Tender's
 * transaction id, which the modification's webhook echoes as its {@code merchantReference}.
 */
final class ModificationBodies {

    /** Tender's refund reasons (Hyperswitch's words) in Adyen's {@code merchantRefundReason} values. */
    private static final Map<String, String> REFUND_REASONS = HashMap.of(
            "requested_by_customer", "CUSTOMER REQUEST",
            "duplicate", "DUPLICATE",
            "fraudulent", "FRAUD",
            "return", "RETURN");

    private ModificationBodies() {
    }

    /** Cancels and reversals: Adyen takes no amount, they act on the whole payment. */
    static ObjectNode withoutAmount(CallContext context, String merchantAccount) {
        return Json.object().put("merchantAccount", merchantAccount).put("reference", AdyenReference.of(context));
    }

    /** The body with the amount in Adyen's minor units, or why the amount cannot be sent. */
    static Either<String, ObjectNode> withAmount(CallContext context, String merchantAccount, Money amount) {
        return AdyenAmounts.amount(amount).map(value -> {
            ObjectNode body = withoutAmount(context, merchantAccount);
            body.set("amount", value);
            return body;
        });
    }

    static Either<String, ObjectNode> refund(CallContext context, String merchantAccount, Money amount,
                                             Option<String> reason) {
        return withAmount(context, merchantAccount, amount).peek(body -> reason.forEach(r ->
                body.put("merchantRefundReason", REFUND_REASONS.get(r).getOrElse("OTHER"))));
    }

    /** Adyen's amount update takes the new total, as Tender's increment does. */
    static Either<String, ObjectNode> amountUpdate(CallContext context, String merchantAccount, Money newTotal) {
        return withAmount(context, merchantAccount, newTotal).peek(body -> body.put("industryUsage", "delayedCharge"));
    }
}
