package dev.tender.connector.adyen;

import dev.tender.connector.kit.DeclineCodeMap;
import dev.tender.ports.out.DeclineCodes;

/**
 * Adyen's {@code refusalReasonCode} values (its "Refusal reasons" page) in Tender's unified codes.
 * Codes are mapped rather than the {@code refusalReason} text, which Adyen words differently over time.
 */
final class RefusalCodes {

    static final DeclineCodeMap MAP = DeclineCodeMap.otherwise(DeclineCodes.CARD_DECLINED)
            .map("2", DeclineCodes.CARD_DECLINED)               // Refused
            .map("3", DeclineCodes.CARD_DECLINED)               // Referral
            .map("4", DeclineCodes.PROCESSING_ERROR)            // Acquirer Error
            .map("5", DeclineCodes.CARD_DECLINED)               // Blocked Card
            .map("6", DeclineCodes.EXPIRED_CARD)                // Expired Card
            .map("7", DeclineCodes.INVALID_REQUEST)             // Invalid Amount
            .map("8", DeclineCodes.CARD_DECLINED)               // Invalid Card Number
            .map("9", DeclineCodes.PROCESSING_ERROR)            // Issuer Unavailable
            .map("10", DeclineCodes.NOT_SUPPORTED)              // Not supported
            .map("11", DeclineCodes.AUTHENTICATION_FAILED)      // 3D Not Authenticated
            .map("12", DeclineCodes.INSUFFICIENT_FUNDS)         // Not enough balance
            .map("14", DeclineCodes.FRAUD_SUSPECTED)            // Acquirer Fraud
            .map("20", DeclineCodes.FRAUD_SUSPECTED)            // FRAUD (Adyen's risk checks)
            .map("22", DeclineCodes.FRAUD_SUSPECTED)            // FRAUD-CANCELLED
            .map("24", DeclineCodes.INCORRECT_CVC)              // CVC Declined
            .map("27", DeclineCodes.CARD_DECLINED)              // Declined Non Generic
            .map("31", DeclineCodes.FRAUD_SUSPECTED)            // Issuer Suspected Fraud
            .map("38", DeclineCodes.AUTHENTICATION_FAILED)      // Authentication required (SCA soft decline)
            .map("42", DeclineCodes.AUTHENTICATION_FAILED);     // 3DS Authentication Error

    private RefusalCodes() {
    }
}
