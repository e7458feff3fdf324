package dev.tender.ports.out;

/** The card brand from the number's leading digits (IIN ranges of the major schemes). */
public final class CardBrands {

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
            return "amex";
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
}
