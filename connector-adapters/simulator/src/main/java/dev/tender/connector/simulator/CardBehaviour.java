package dev.tender.connector.simulator;

/** What the simulated issuer does with a card. */
sealed interface CardBehaviour {

    record Approve() implements CardBehaviour {
    }

    /**
     * Refuses charges with {@code code}. {@code refusesSetup}: also refuses a zero-amount mandate setup
     * (a lost card does; a card short of funds passes a zero-amount check and fails later charges).
     */
    record Decline(String code, String message, boolean refusesSetup) implements CardBehaviour {
    }

    /** Asks for a 3DS challenge on a customer-present authorization. */
    record Challenge() implements CardBehaviour {
    }

    /** Accepted now, decided later: pending until a sync, then approved. */
    record Async() implements CardBehaviour {
    }

    /** Approved, but the answer is lost on the way back: the caller sees unknown. */
    record AnswerLost() implements CardBehaviour {
    }

    /** On a merchant-initiated charge of a stored mandate the customer is absent: no challenge (SCA exemption). */
    default CardBehaviour merchantInitiated() {
        return this instanceof Challenge ? new Approve() : this;
    }
}
