package dev.tender.domain.payment;

import java.util.Locale;

/** The operations of the transition table, with the words a rejection message uses for them. */
public enum Operation {
    CREATE("created"),
    UPDATE("updated"),
    CREATE_ORDER("given an order"),
    CONFIRM("confirmed"),
    COMPLETE_AUTHORIZE("completed"),
    CAPTURE("captured"),
    VOID("cancelled"),
    REVERSE("cancelled post capture"),
    REFUND("refunded"),
    INCREMENT_AUTHORIZATION("incrementally authorized"),
    EXPIRE("expired"),
    SYNC("synced");

    private final String pastTense;

    Operation(String pastTense) {
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
