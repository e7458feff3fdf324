package dev.tender.client;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * Reserve {@code amount} on a payment method ({@link CaptureMethod#MANUAL} or
 * {@link CaptureMethod#MANUAL_MULTIPLE}), or charge it at once ({@link CaptureMethod#AUTOMATIC}).
 * {@code orderReference} is a {@link CreateOrderResult#orderReference()}; {@code storeForFutureUse} asks
 * for a mandate reference to charge later; {@code returnUrl} is where a 3DS or bank page sends the
 * customer back (signed by the client when it has a redirect secret, see {@link PaymentClient}).
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing, the amount is not positive,
 * the currency is not ISO-4217, an optional text is blank or the return URL is not an absolute http(s) URL
 */
public record AuthorizeRequest(CallIds ids, Money amount, CaptureMethod captureMethod, PaymentMethodData method,
                               Option<String> customerId, Option<String> orderReference, boolean storeForFutureUse,
                               Option<String> returnUrl, Map<String, String> metadata) {

    public AuthorizeRequest {
        Checks.of("authorize request")
                .present(ids, "ids")
                .positive(amount, "amount")
                .present(captureMethod, "captureMethod")
                .present(method, "method")
                .optionalText(customerId, "customerId")
                .optionalText(orderReference, "orderReference")
                .httpUrl(returnUrl, "returnUrl")
                .texts(metadata, "metadata")
                .orThrow();
    }

    /** The required fields; the optional ones are added with the {@code with…} methods. */
    public static AuthorizeRequest of(CallIds ids, Money amount, PaymentMethodData method,
                                      CaptureMethod captureMethod) {
        return new AuthorizeRequest(ids, amount, captureMethod, method, Option.none(), Option.none(), false,
                Option.none(), LinkedHashMap.empty());
    }

    public AuthorizeRequest withCustomerId(String customerId) {
        return new AuthorizeRequest(ids, amount, captureMethod, method, Option.of(customerId), orderReference,
                storeForFutureUse, returnUrl, metadata);
    }

    public AuthorizeRequest withOrderReference(String orderReference) {
        return new AuthorizeRequest(ids, amount, captureMethod, method, customerId, Option.of(orderReference),
                storeForFutureUse, returnUrl, metadata);
    }

    /** Ask the processor to keep the method for merchant-initiated charges (answered with a mandate reference). */
    public AuthorizeRequest storingForFutureUse() {
        return new AuthorizeRequest(ids, amount, captureMethod, method, customerId, orderReference, true, returnUrl,
                metadata);
    }

    public AuthorizeRequest withReturnUrl(String returnUrl) {
        return new AuthorizeRequest(ids, amount, captureMethod, method, customerId, orderReference,
                storeForFutureUse, Option.of(returnUrl), metadata);
    }

    public AuthorizeRequest withMetadata(Map<String, String> metadata) {
        return new AuthorizeRequest(ids, amount, captureMethod, method, customerId, orderReference,
                storeForFutureUse, returnUrl, metadata);
    }
}
