package dev.tender.app.api;

import dev.tender.ports.in.FieldError;
import dev.tender.ports.out.PaymentMethodData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turning request fields into what the use cases take, each problem named by its field. */
final class Requests {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_URL_LENGTH = 2048;

    private Requests() {
    }

    /**
     * The card of {@code payment_method_data}, checked: 12 to 19 digits (spaces allowed), a month 1–12,
     * a year of 2 or 4 digits not past, a CVC of 3 or 4 digits. Only {@code card} is a payment method here.
     */
    static Option<PaymentMethodData> paymentMethod(JsonBody body, @Nullable String paymentMethod,
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
        String prefix = "payment_method_data.card.";
        int errors = body.errorCount();
        String number = card.cardNumber() == null ? null : card.cardNumber().replace(" ", "");
        if (number == null) {
            missingUnlessFailed(body, prefix + "card_number");
        } else if (!number.matches("\\d{12,19}")) {
            body.error(prefix + "card_number", "must be 12 to 19 digits");
        }
        Integer month = null;
        if (card.cardExpMonth() == null) {
            missingUnlessFailed(body, prefix + "card_exp_month");
        } else if (!card.cardExpMonth().matches("\\d{1,2}") || Integer.parseInt(card.cardExpMonth()) < 1
                || Integer.parseInt(card.cardExpMonth()) > 12) {
            body.error(prefix + "card_exp_month", "must be a month from 1 to 12");
        } else {
            month = Integer.parseInt(card.cardExpMonth());
        }
        Integer year = null;
        if (card.cardExpYear() == null) {
            missingUnlessFailed(body, prefix + "card_exp_year");
        } else if (!card.cardExpYear().matches("\\d{2}|\\d{4}")) {
            body.error(prefix + "card_exp_year", "must be a year of 2 or 4 digits");
        } else {
            int value = Integer.parseInt(card.cardExpYear());
            year = card.cardExpYear().length() == 2 ? 2000 + value : value;
            if (year < 2000) {
                body.error(prefix + "card_exp_year", "must be a year of 2 or 4 digits");
                year = null;
            }
        }
        if (month != null && year != null && YearMonth.of(year, month).isBefore(YearMonth.now(ZoneOffset.UTC))) {
            body.error(prefix + "card_exp_year", "the card has expired");
        }
        if (card.cardCvc() == null) {
            missingUnlessFailed(body, prefix + "card_cvc");
        } else if (!card.cardCvc().matches("\\d{3,4}")) {
            body.error(prefix + "card_cvc", "must be 3 or 4 digits");
        }
        if (body.errorCount() > errors || number == null || month == null || year == null
                || card.cardCvc() == null) {
            return Option.none();
        }
        return Option.some(new PaymentMethodData.Card(number, month, year, card.cardCvc(),
                Option.of(card.cardHolderName()).filter(h -> !h.isBlank())));
    }

    private static void missingUnlessFailed(JsonBody body, String field) {
        if (!body.failed(field)) {
            body.error(field, "is required");
        }
    }

    /** An absolute http(s) URL of at most 2048 characters. */
    @Nullable
    static String returnUrl(JsonBody body, @Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_URL_LENGTH && uri.isAbsolute() && uri.getHost() != null
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // reported below
        }
        body.error("return_url", "must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters");
        return null;
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

    /** Throws every problem the body has so far. */
    static void requireValid(JsonBody body) {
        valid(body, Validation.valid(true));
    }

    /**
     * A time as Hyperswitch takes it: ISO-8601 with an offset, or without one (UTC), or a date (its start,
     * UTC).
     */
    static Validation<FieldError, Instant> instant(String field, String value) {
        try {
            return Validation.valid(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Validation.valid(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Validation.valid(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Validation.invalid(new FieldError(field,
                            "must be an ISO-8601 date-time, e.g. 2024-01-31T12:00:00Z"));
                }
            }
        }
    }
}
