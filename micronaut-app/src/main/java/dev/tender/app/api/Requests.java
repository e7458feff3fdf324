package dev.tender.app.api;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.JsonBody;
import dev.tender.ports.in.CardRules;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.out.PaymentMethodData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.Instant;
import java.util.Map;

/** Turning request fields into what the use cases take, each problem named by its field. */
final class Requests {

    static final int MAX_ID_LENGTH = 64;

    private Requests() {
    }

    /**
     * The card of {@code payment_method_data}, checked by the card rules of payment-ports (on the service's
     * clock); each problem is added to the body's. Only {@code card} is a payment method here.
     */
    static Option<PaymentMethodData> paymentMethod(JsonBody body, CardRules cards, @Nullable String paymentMethod,
                                                   @Nullable PaymentMethodDataRequest data) {
        if (paymentMethod != null && !paymentMethod.equals("card")) {
            body.error("payment_method", "must be card (the only payment method this API takes)");
            return Option.none();
        }
        if (data == null) {
            return Option.none();
        }
        CardRequest card = data.card();
        if (card == null) {
            if (!body.failed("payment_method_data")) {
                body.error("payment_method_data.card", "is required");
            }
            return Option.none();
        }
        Validation<Seq<FieldError>, PaymentMethodData.Card> checked = cards.card(card.cardNumber(),
                card.cardExpMonth(), card.cardExpYear(), card.cardCvc(), card.cardHolderName());
        // a field the body could not read (a number instead of a string, say) is reported once, as it was
        checked.swap().forEach(errors -> errors.filter(e -> !body.failed(e.field()))
                .forEach(e -> body.error(e.field(), e.message())));
        return Option.narrow(checked.toOption());
    }

    /** A customer id: 1 to 64 characters. */
    @Nullable
    static String customerId(JsonBody body, @Nullable String customerId) {
        if (customerId != null && (customerId.isBlank() || customerId.length() > MAX_ID_LENGTH)) {
            body.error("customer_id", "must be 1 to " + MAX_ID_LENGTH + " characters");
            return null;
        }
        return customerId;
    }

    /** The {@code id} of a kept {@code customer} object, when it has one. */
    @Nullable
    static String customerIdOf(java.util.Map<String, JsonNode> kept) {
        JsonNode customer = kept.get("customer");
        JsonNode id = customer == null || !customer.isObject() ? null : customer.get("id");
        return id != null && id.isString() ? id.getStringValue() : null;
    }

    static io.vavr.collection.Map<String, String> vavr(@Nullable Map<String, String> map) {
        return map == null ? LinkedHashMap.empty() : LinkedHashMap.ofAll(map);
    }

    /**
     * The command if the body had no problem and the command is valid; otherwise every problem at once.
     * A command's complaint about a field the body already reported (a wrong type, say) is left out.
     */
    static <T> T valid(JsonBody body, Validation<Seq<FieldError>, T> command) {
        List<FieldError> read = body.finish();
        Seq<FieldError> fromCommand = command.isInvalid()
                ? command.getError().filter(e -> read.forAll(r -> !r.field().equals(e.field())
                && !r.field().startsWith(e.field() + ".")))
                : List.empty();
        Seq<FieldError> all = read.appendAll(fromCommand);
        // "amount needs a valid currency" says nothing more than the currency's own error
        if (all.exists(e -> e.field().equals("currency"))) {
            all = all.filter(e -> !e.message().equals("needs a valid currency"));
        }
        if (!all.isEmpty()) {
            throw ApiErrors.invalid(all, false);
        }
        return command.get();
    }

    /** {@link dev.tender.app.http.Instants#parse}: a time as Hyperswitch takes it. */
    static Validation<FieldError, Instant> instant(String field, String value) {
        return dev.tender.app.http.Instants.parse(field, value);
    }
}
