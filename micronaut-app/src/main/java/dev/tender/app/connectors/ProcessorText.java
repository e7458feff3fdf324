package dev.tender.app.connectors;

/**
 * A processor's text made storable: NUL and lone surrogates (which PostgreSQL refuses) replaced by U+FFFD,
 * and clipped to the column that keeps it, never splitting a surrogate pair. A processor's answer is kept as
 * well as it can be rather than refused: once it reports that money moved, that must be recorded.
 */
final class ProcessorText {

    /** {@code error_code} columns. */
    static final int CODE = 64;
    /** Processor references: {@code connector_transaction_id}, {@code reference}, {@code connector_refund_id}. */
    static final int REFERENCE = 255;
    /** Messages and causes: {@code text} columns, bounded so one answer cannot bloat every read of the payment. */
    static final int MESSAGE = 1024;

    private ProcessorText() {
    }

    static String clean(String text, int maxLength) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (clean.length() + 2 > maxLength) {
                    break;
                }
                clean.append(c).append(text.charAt(++i));
                continue;
            }
            if (clean.length() + 1 > maxLength) {
                break;
            }
            clean.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        return clean.toString();
    }
}
