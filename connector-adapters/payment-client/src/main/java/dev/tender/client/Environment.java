package dev.tender.client;

import java.util.Locale;

/** Which of the processor's systems to call; a connector reads it from its account settings. */
public enum Environment {
    SANDBOX,
    PRODUCTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
