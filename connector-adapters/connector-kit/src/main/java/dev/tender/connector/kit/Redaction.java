package dev.tender.connector.kit;

import java.util.regex.Pattern;

/**
 * Masks what must never be stored or logged. A processor's error message may echo the card number;
 * the message becomes the payment's failure message, so it is masked before it leaves the connector.
 */
public final class Redaction {

    // 12 to 19 digits, optionally grouped by single spaces or dashes: how card numbers appear in text
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){11,18}(?!\\d)");

    private Redaction() {
    }

    /** Replaces every card-number-like run of digits by stars and its last four digits. */
    public static String maskCardNumbers(String text) {
        if (text == null) {
            return null;
        }
        return CARD_NUMBER.matcher(text).replaceAll(match -> {
            String digits = match.group().replaceAll("[ -]", "");
            return "************" + digits.substring(digits.length() - 4);
        });
    }
}
