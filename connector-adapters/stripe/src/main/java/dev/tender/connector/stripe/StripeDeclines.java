package dev.tender.connector.stripe;

import dev.tender.connector.kit.DeclineCodeMap;
import dev.tender.ports.out.DeclineCodes;

/**
 * Stripe's card-error codes and decline codes (https://docs.stripe.com/declines/codes and
 * https://docs.stripe.com/error-codes) in unified codes. A {@code decline_code} is read before
 * the error's {@code code}, because {@code card_declined} only says that the card was declined.
 */
final class StripeDeclines {

    static final DeclineCodeMap CODES = DeclineCodeMap.otherwise(DeclineCodes.CARD_DECLINED)
            .map("insufficient_funds", DeclineCodes.INSUFFICIENT_FUNDS)
            .map("withdrawal_count_limit_exceeded", DeclineCodes.INSUFFICIENT_FUNDS)
            .map("card_velocity_exceeded", DeclineCodes.INSUFFICIENT_FUNDS)
            .map("lost_card", DeclineCodes.LOST_CARD)
            .map("stolen_card", DeclineCodes.STOLEN_CARD)
            .map("expired_card", DeclineCodes.EXPIRED_CARD)
            .map("incorrect_cvc", DeclineCodes.INCORRECT_CVC)
            .map("invalid_cvc", DeclineCodes.INCORRECT_CVC)
            .map("fraudulent", DeclineCodes.FRAUD_SUSPECTED)
            .map("merchant_blacklist", DeclineCodes.FRAUD_SUSPECTED)
            .map("authentication_required", DeclineCodes.AUTHENTICATION_FAILED)
            .map("payment_intent_authentication_failure", DeclineCodes.AUTHENTICATION_FAILED)
            .map("setup_intent_authentication_failure", DeclineCodes.AUTHENTICATION_FAILED)
            .map("processing_error", DeclineCodes.PROCESSING_ERROR)
            .map("try_again_later", DeclineCodes.PROCESSING_ERROR)
            .map("issuer_not_available", DeclineCodes.PROCESSING_ERROR)
            .map("reenter_transaction", DeclineCodes.PROCESSING_ERROR)
            .map("incorrect_number", DeclineCodes.INVALID_REQUEST)
            .map("invalid_number", DeclineCodes.INVALID_REQUEST)
            .map("invalid_expiry_month", DeclineCodes.INVALID_REQUEST)
            .map("invalid_expiry_year", DeclineCodes.INVALID_REQUEST)
            .map("resource_missing", DeclineCodes.NOT_FOUND);

    private StripeDeclines() {
    }
}
