package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.Json;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Bodies of {@code POST /payments}. {@code reference} is Tender's transaction id, so a webhook's
 * {@code merchantReference} names the transaction; the payment id travels in {@code metadata}. Amounts are
 * in Adyen's minor units ({@link AdyenAmounts}).
 */
final class PaymentBodies {

    /** Merchant-initiated charges on a stored card that follow no fixed schedule (Tender's mandates). */
    static final String RECURRING_MODEL = "UnscheduledCardOnFile";

    private PaymentBodies() {
    }

    /** The body, or why it cannot be sent (a stored card without the customer it was stored for). */
    static Either<String, ObjectNode> authorize(ConnectorRequest.Authorize request, String merchantAccount) {
        Either<String, ObjectNode> amount = AdyenAmounts.amount(request.amount());
        if (amount.isLeft()) {
            return Either.left(amount.getLeft());
        }
        ObjectNode body = common(request.context(), amount.get(), merchantAccount);
        if (request.captureMethod() == CaptureMethod.AUTOMATIC) {
            // whatever the account's capture delay is set to in the Customer Area
            body.put("captureDelayHours", 0);
        } else {
            body.putObject("additionalData").put("manualCapture", "true");
        }
        request.returnUrl().forEach(url -> body.put("returnUrl", url));
        request.customerId().forEach(customer -> body.put("shopperReference", customer));
        request.metadata().forEach((key, value) -> metadata(body).put(key, value));
        metadata(body).put("tender_payment_id", request.context().paymentId().value());
        switch (request.method()) {
            case PaymentMethodData.StoredMandate stored -> {
                if (request.customerId().isEmpty()) {
                    return Either.left("a charge on a stored card needs the customer (shopperReference) it was stored for");
                }
                body.putObject("paymentMethod").put("type", "scheme")
                        .put("storedPaymentMethodId", stored.connectorMandateReference());
                body.put("shopperInteraction", "ContAuth");
                body.put("recurringProcessingModel", RECURRING_MODEL);
            }
            case PaymentMethodData.Card card -> {
                body.set("paymentMethod", card(card));
                shopperPresent(body);
                if (request.storeForFutureUse()) {
                    if (request.customerId().isEmpty()) {
                        return Either.left("storing a card needs a customer (shopperReference)");
                    }
                    store(body);
                }
            }
            case PaymentMethodData.Other other -> {
                body.set("paymentMethod", other(other));
                shopperPresent(body);
                if (request.storeForFutureUse() && request.customerId().isDefined()) {
                    store(body);
                }
            }
        }
        return Either.right(body);
    }

    /** A zero-amount authorisation that stores the card for the customer. */
    static Either<String, ObjectNode> setupMandate(ConnectorRequest.SetupMandate request, String merchantAccount) {
        // zero is zero in any currency's minor units
        ObjectNode body = common(request.context(), AdyenAmounts.amount(Money.zero(request.currency())).get(),
                merchantAccount);
        body.put("shopperReference", request.customerId());
        metadata(body).put("tender_payment_id", request.context().paymentId().value());
        switch (request.method()) {
            case PaymentMethodData.Card card -> body.set("paymentMethod", card(card));
            case PaymentMethodData.Other other -> body.set("paymentMethod", other(other));
            case PaymentMethodData.StoredMandate stored -> {
                return Either.left("a stored mandate is already set up");
            }
        }
        shopperPresent(body);
        store(body);
        return Either.right(body);
    }

    /** The customer is back from the redirect: what it returned ({@code redirectResult}) goes back as is. */
    static ObjectNode details(ConnectorRequest.CompleteAuthorize request) {
        ObjectNode body = Json.object();
        ObjectNode details = body.putObject("details");
        request.parameters().forEach(details::put);
        return body;
    }

    private static ObjectNode common(CallContext context, ObjectNode amount, String merchantAccount) {
        ObjectNode body = Json.object();
        body.put("merchantAccount", merchantAccount);
        body.put("reference", AdyenReference.of(context));
        body.set("amount", amount);
        return body;
    }

    /** The shopper is at the checkout: 3DS by redirect, which a server-side connector can hand back. */
    private static void shopperPresent(ObjectNode body) {
        body.put("shopperInteraction", "Ecommerce");
        body.putObject("authenticationData").putObject("threeDSRequestData").put("nativeThreeDS", "disabled");
    }

    private static ObjectNode metadata(ObjectNode body) {
        return body.get("metadata") instanceof ObjectNode metadata ? metadata : body.putObject("metadata");
    }

    private static void store(ObjectNode body) {
        body.put("storePaymentMethod", true);
        body.put("recurringProcessingModel", RECURRING_MODEL);
    }

    /** Raw card fields: the merchant account needs Adyen's permission to send them (PCI DSS). */
    private static ObjectNode card(PaymentMethodData.Card card) {
        ObjectNode method = Json.object().put("type", "scheme")
                .put("number", card.number())
                .put("expiryMonth", String.format("%02d", card.expiryMonth()))
                .put("expiryYear", String.valueOf(card.expiryYear() < 100 ? 2000 + card.expiryYear() : card.expiryYear()))
                .put("cvc", card.cvc());
        Option<String> holder = card.holderName();
        holder.forEach(name -> method.put("holderName", name));
        return method;
    }

    /** Adyen's own method types and fields, encrypted card fields ({@code encryptedCardNumber}…) included. */
    private static ObjectNode other(PaymentMethodData.Other other) {
        ObjectNode method = Json.object().put("type", other.type());
        other.fields().forEach(method::put);
        return method;
    }
}
