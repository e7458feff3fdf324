package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Gathers every field error of one request, then throws them together. */
final class Checks {

    /** The id rule of the domain (PaymentId, TransactionId): what fits a column, a URL and a processor. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-.:]{1,64}");

    private final String request;
    private List<String> errors = List.empty();

    private Checks(String request) {
        this.request = request;
    }

    static Checks of(String request) {
        return new Checks(request);
    }

    Checks present(Object value, String field) {
        return check(value != null, field + " is required");
    }

    Checks id(String value, String field) {
        if (value == null) {
            return present(null, field);
        }
        return check(ID.matcher(value).matches(),
                field + " must be 1-64 characters of letters, digits, '_', '-', '.', ':'");
    }

    Checks text(String value, String field) {
        if (value == null) {
            return present(null, field);
        }
        return check(!value.isBlank(), field + " must not be blank");
    }

    Checks optionalText(Option<String> value, String field) {
        if (value == null) {
            return present(null, field);
        }
        return check(value.forAll(text -> text != null && !text.isBlank()), field + " must not be blank when given");
    }

    Checks positive(Money amount, String field) {
        if (amount == null) {
            return present(null, field);
        }
        return currency(amount.currency(), field + " currency")
                .check(amount.minor() > 0, field + " must be positive, got " + amount.minor());
    }

    Checks currency(Currency currency, String field) {
        if (currency == null) {
            return present(null, field);
        }
        return check(Currency.find(currency.code()).contains(currency),
                field + " must be an ISO-4217 currency with its exponent, got " + currency.code() + " with "
                        + currency.exponent() + " decimals");
    }

    Checks httpUrl(Option<String> url, String field) {
        if (url == null) {
            return present(null, field);
        }
        return check(url.forAll(Checks::isAbsoluteHttpUrl), field + " must be an absolute http(s) URL");
    }

    Checks texts(Map<String, String> values, String field) {
        if (values == null) {
            return present(null, field);
        }
        return check(!values.exists(entry -> entry._1 == null || entry._2 == null),
                field + " must not hold null names or values");
    }

    Checks check(boolean ok, String error) {
        if (!ok) {
            errors = errors.append(error);
        }
        return this;
    }

    void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(request, errors);
        }
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    static boolean isAbsoluteHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }
}
