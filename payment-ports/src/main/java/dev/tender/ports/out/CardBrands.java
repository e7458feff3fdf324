package dev.tender.ports.out;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;

/**
 * The card brand from the number's leading digits (IIN ranges of the major schemes), and what each
 * scheme allows: the lengths of its numbers and of its security code.
 */
public final class CardBrands {

    public static final String AMEX = "amex";

    private static final List<Integer> ANY_LENGTH = List.rangeClosed(12, 19);

    // the schemes' published PAN lengths; a brand not listed takes any length from 12 to 19
    private static final Map<String, List<Integer>> LENGTHS = HashMap.of(
            "visa", List.of(13, 16, 19),
            "mastercard", List.of(16),
            AMEX, List.of(15),
            "discover", List.rangeClosed(16, 19),
            "jcb", List.rangeClosed(16, 19),
            "diners", List.rangeClosed(14, 19));

    private CardBrands() {
    }

    public static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.matches("^(5[1-5]|2(2[2-9][1-9]|2[3-9]\\d|[3-6]\\d\\d|7[01]\\d|720)).*")) {
            return "mastercard";
        }
        if (number.matches("^3[47].*")) {
            return AMEX;
        }
        if (number.matches("^(6011|65|64[4-9]).*")) {
            return "discover";
        }
        if (number.matches("^35(2[89]|[3-8]\\d).*")) {
            return "jcb";
        }
        if (number.matches("^3(0[0-5]|[689]).*")) {
            return "diners";
        }
        return "unknown";
    }

    /** The lengths a number of the brand may have, shortest first. */
    public static List<Integer> lengths(String brand) {
        return LENGTHS.get(brand).getOrElse(ANY_LENGTH);
    }

    /** American Express prints a four-digit code on the front; the other schemes three on the back. */
    public static int cvcLength(String brand) {
        return AMEX.equals(brand) ? 4 : 3;
    }
}
