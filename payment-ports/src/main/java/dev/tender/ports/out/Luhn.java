package dev.tender.ports.out;

/** The check digit every real card number carries (ISO/IEC 7812). */
public final class Luhn {

    private Luhn() {
    }

    /** Whether a string of digits ends with the right check digit. */
    public static boolean valid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
