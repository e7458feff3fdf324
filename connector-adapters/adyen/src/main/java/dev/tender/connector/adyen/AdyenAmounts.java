package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.Json;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;

import java.math.BigDecimal;

/**
 * Amounts in Adyen's minor units. Adyen counts most currencies in ISO 4217's minor units, as Tender does,
 * but not all: its currency-codes page (docs.adyen.com/development-resources/currency-codes) gives CLP and
 * ISK two decimals where ISO gives none, and CVE and IDR none where ISO gives two. An amount is converted
 * exactly or not at all: a CVE or IDR amount with a fraction of a unit is refused, never rounded.
 */
final class AdyenAmounts {

    /** Adyen's decimals for the codes where they are not ISO 4217's. */
    private static final Map<String, Integer> NOT_ISO = HashMap.of("CLP", 2, "CVE", 0, "IDR", 0, "ISK", 2);

    private AdyenAmounts() {
    }

    /** Adyen's {@code amount} object for the money, or why it cannot be sent as it is. */
    static Either<String, ObjectNode> amount(Money money) {
        return value(money).map(value -> Json.object().put("currency", money.currency().code()).put("value", value));
    }

    /** The money's {@code value} in Adyen's minor units of its currency. */
    static Either<String, Long> value(Money money) {
        Currency currency = money.currency();
        int shift = decimals(currency) - currency.exponent();
        long factor = BigDecimal.TEN.pow(Math.abs(shift)).longValueExact();
        if (shift >= 0) {
            try {
                return Either.right(Math.multiplyExact(money.minor(), factor));
            } catch (ArithmeticException tooLarge) {
                return Either.left(describe(money) + " is too large for Adyen's " + currency.code() + " amounts");
            }
        }
        if (money.minor() % factor != 0) {
            return Either.left(describe(money) + " cannot be sent to Adyen, which counts " + currency.code()
                    + " in " + decimals(currency) + " decimals; it is not rounded");
        }
        return Either.right(money.minor() / factor);
    }

    /** How many decimals Adyen counts the currency in: ISO 4217's unless its page says otherwise. */
    static int decimals(Currency currency) {
        return NOT_ISO.get(currency.code())
                .getOrElse(() -> Currency.find(currency.code()).map(Currency::exponent).getOrElse(currency.exponent()));
    }

    private static String describe(Money money) {
        return money.currency().code() + " " + BigDecimal.valueOf(money.minor(), money.currency().exponent())
                .toPlainString();
    }
}
