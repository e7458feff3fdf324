package dev.tender.connector.simulator;

import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.Luhn;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/**
 * The card numbers that drive the simulator: the well-known public test cards (Stripe's numbers,
 * with their meanings), plus three of the simulator's own for what those do not cover. Any other
 * number is approved if its Luhn check digit is right, and declined {@code invalid_request} if not.
 * Expiry and CVC are not checked. Tender's services check the card (number, expiry, CVC) before any
 * connector call, so through them a Luhn-failing number never reaches the simulator; a direct caller
 * (the connector SDK, the conformance kit) still gets the decline.
 */
public final class TestCards {

    // approved
    public static final String VISA = "4242424242424242";
    public static final String VISA_CLASSIC = "4111111111111111";
    public static final String MASTERCARD = "5555555555554444";
    public static final String AMEX = "378282246310005";
    public static final String DISCOVER = "6011111111111117";

    // declined, with the unified code
    public static final String DECLINED = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String LOST_CARD = "4000000000009987";
    public static final String STOLEN_CARD = "4000000000009979";
    public static final String EXPIRED_CARD = "4000000000000069";
    public static final String INCORRECT_CVC = "4000000000000127";
    /** A soft decline: {@code processing_error} allows routing to another connector. */
    public static final String PROCESSING_ERROR = "4000000000000119";
    public static final String FRAUD_SUSPECTED = "4100000000000019";
    /** A mandate can be set up with it (zero amount), but every charge is declined {@code card_declined}. */
    public static final String SETUP_ONLY = "4000000000000341";

    /** 3DS challenge: {@code RequiresAction}; completed with {@code result=success} it is approved. */
    public static final String THREE_DS_CHALLENGE = "4000000000003063";

    // the simulator's own (Luhn-valid, not Stripe test numbers)
    /** Accepted as {@code Pending}; the first sync approves it. */
    public static final String ASYNC_PENDING = "4000000000000200";
    /** Approved and recorded, but the caller gets {@code Unknown}: a retry with the same key or a sync tells. */
    public static final String ANSWER_LOST = "4000000000000408";
    /** A number failing the Luhn check, declined {@code invalid_request} (Tender refuses it before calling). */
    public static final String INVALID_NUMBER = "4242424242424241";

    private static final Map<String, CardBehaviour> BEHAVIOURS = LinkedHashMap.<String, CardBehaviour>empty()
            .put(DECLINED, decline(DeclineCodes.CARD_DECLINED, "Your card was declined.", true))
            .put(INSUFFICIENT_FUNDS, decline(DeclineCodes.INSUFFICIENT_FUNDS, "Your card has insufficient funds.", false))
            .put(LOST_CARD, decline(DeclineCodes.LOST_CARD, "Your card was reported lost.", true))
            .put(STOLEN_CARD, decline(DeclineCodes.STOLEN_CARD, "Your card was reported stolen.", true))
            .put(EXPIRED_CARD, decline(DeclineCodes.EXPIRED_CARD, "Your card has expired.", true))
            .put(INCORRECT_CVC, decline(DeclineCodes.INCORRECT_CVC, "Your card's security code is incorrect.", true))
            .put(PROCESSING_ERROR, decline(DeclineCodes.PROCESSING_ERROR,
                    "An error occurred while processing your card. Try again.", true))
            .put(FRAUD_SUSPECTED, decline(DeclineCodes.FRAUD_SUSPECTED, "The payment was blocked as fraudulent.", true))
            .put(SETUP_ONLY, decline(DeclineCodes.CARD_DECLINED, "Your card was declined.", false))
            .put(THREE_DS_CHALLENGE, new CardBehaviour.Challenge())
            .put(ASYNC_PENDING, new CardBehaviour.Async())
            .put(ANSWER_LOST, new CardBehaviour.AnswerLost());

    private TestCards() {
    }

    static CardBehaviour behaviourOf(String number) {
        return BEHAVIOURS.get(number).getOrElse(() -> Luhn.valid(number) ? new CardBehaviour.Approve()
                : decline(DeclineCodes.INVALID_REQUEST, "The card number is not valid.", true));
    }

    private static CardBehaviour decline(String code, String message, boolean refusesSetup) {
        return new CardBehaviour.Decline(code, message, refusesSetup);
    }
}
