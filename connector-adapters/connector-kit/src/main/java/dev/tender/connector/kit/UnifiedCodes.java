package dev.tender.connector.kit;

import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;

/** Every code of {@link DeclineCodes}, so the kit can tell a unified code from a processor's own. */
final class UnifiedCodes {

    static final Set<String> ALL = LinkedHashSet.of(DeclineCodes.CARD_DECLINED, DeclineCodes.INSUFFICIENT_FUNDS,
            DeclineCodes.LOST_CARD, DeclineCodes.STOLEN_CARD, DeclineCodes.EXPIRED_CARD, DeclineCodes.INCORRECT_CVC,
            DeclineCodes.FRAUD_SUSPECTED, DeclineCodes.AUTHENTICATION_FAILED, DeclineCodes.INVALID_REQUEST,
            DeclineCodes.NOT_FOUND, DeclineCodes.NOT_SUPPORTED, DeclineCodes.PROCESSING_ERROR,
            DeclineCodes.TECHNICAL_ERROR);

    private UnifiedCodes() {
    }
}
