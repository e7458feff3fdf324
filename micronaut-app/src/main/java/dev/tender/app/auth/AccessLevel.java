package dev.tender.app.auth;

/** Which {@code api-key} opens a route; see {@link Access}. */
public enum AccessLevel {

    /** No key: the route authenticates its caller otherwise (a signature), or it is public. */
    PUBLIC,

    /**
     * A merchant's secret key, or its publishable key (a client's), which the controller then holds to a
     * payment's client secret.
     */
    PUBLISHABLE,

    /** A merchant's secret key: the route acts for the key's merchant. */
    MERCHANT,

    /**
     * The admin key, or the secret key of the merchant the route names (its {@link Access#merchantVariable()}),
     * with an {@code x-merchant-id} header, if sent, naming that merchant too.
     */
    MERCHANT_OR_ADMIN,

    /** The admin key (configuration) only. */
    ADMIN
}
