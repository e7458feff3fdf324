package dev.tender.ports.out;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

/** Unified decline codes every connector maps its processor's codes to. */
public final class DeclineCodes {

    public static final String CARD_DECLINED = "card_declined";
    public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    public static final String LOST_CARD = "lost_card";
    public static final String STOLEN_CARD = "stolen_card";
    public static final String EXPIRED_CARD = "expired_card";
    public static final String INCORRECT_CVC = "incorrect_cvc";
    public static final String FRAUD_SUSPECTED = "fraud_suspected";
    public static final String AUTHENTICATION_FAILED = "authentication_failed";
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";
    public static final String NOT_SUPPORTED = "not_supported";
    /** The issuer or processor could not process it now (a soft decline): another route may succeed. */
    public static final String PROCESSING_ERROR = "processing_error";
    /** The processor certainly did not act (nothing sent, circuit open, refused before processing). */
    public static final String TECHNICAL_ERROR = "technical_error";

    private static final Set<String> RETRYABLE = HashSet.of(PROCESSING_ERROR, TECHNICAL_ERROR);
    private static final Set<String> ALL = HashSet.of(CARD_DECLINED, INSUFFICIENT_FUNDS, LOST_CARD, STOLEN_CARD,
            EXPIRED_CARD, INCORRECT_CVC, FRAUD_SUSPECTED, AUTHENTICATION_FAILED, INVALID_REQUEST, NOT_FOUND,
            NOT_SUPPORTED, PROCESSING_ERROR, TECHNICAL_ERROR);

    private DeclineCodes() {
    }

    /** Every unified code; a connector answers no other. */
    public static Set<String> all() {
        return ALL;
    }

    /** Whether an authorization declined with this code may be sent to the next connector. */
    public static boolean allowsFallback(String code) {
        return RETRYABLE.contains(code);
    }
}
