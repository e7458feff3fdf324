package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;

import java.util.Locale;
import java.util.Objects;

/**
 * A processor's refusal codes translated to the unified {@link dev.tender.ports.out.DeclineCodes}.
 * Every map names the code for refusals it does not know, so a new processor code still declines
 * (it is a refusal) rather than being guessed as something else.
 *
 * <pre>{@code
 * DeclineCodeMap codes = DeclineCodeMap.otherwise(DeclineCodes.CARD_DECLINED)
 *         .map("insufficient_funds", DeclineCodes.INSUFFICIENT_FUNDS)
 *         .map("lost_card", DeclineCodes.LOST_CARD);
 * return codes.declined(error.code(), error.message());
 * }</pre>
 */
public final class DeclineCodeMap {

    private final Map<String, String> unified;
    private final String otherwise;

    private DeclineCodeMap(Map<String, String> unified, String otherwise) {
        this.unified = unified;
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
    }

    /** An empty map whose every processor code is {@code unifiedCode}. */
    public static DeclineCodeMap otherwise(String unifiedCode) {
        return new DeclineCodeMap(HashMap.empty(), unifiedCode);
    }

    /** This map plus one processor code (compared ignoring case). */
    public DeclineCodeMap map(String processorCode, String unifiedCode) {
        return new DeclineCodeMap(unified.put(key(processorCode), Objects.requireNonNull(unifiedCode)), otherwise);
    }

    public String unify(String processorCode) {
        return processorCode == null ? otherwise : unified.get(key(processorCode)).getOrElse(otherwise);
    }

    /**
     * The decline for a processor's refusal. The message keeps the processor's code, so support can
     * look it up, and is masked: processors have been known to echo the card number.
     */
    public Outcome.Declined declined(String processorCode, String processorMessage) {
        String message = processorMessage == null || processorMessage.isBlank() ? "declined by the processor"
                : Redaction.maskCardNumbers(processorMessage);
        return new Outcome.Declined(unify(processorCode),
                processorCode == null ? message : message + " [" + processorCode + "]");
    }

    private static String key(String processorCode) {
        return Objects.requireNonNull(processorCode, "processorCode").toLowerCase(Locale.ROOT);
    }
}
