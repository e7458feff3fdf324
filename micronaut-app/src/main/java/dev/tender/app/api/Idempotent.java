package dev.tender.app.api;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that honours an {@code Idempotency-Key} ({@link HttpIdempotency}): the method is run once per
 * key, its response stored and replayed. {@link #value()} says how a retry takes over from a request whose
 * instance died. The method takes the body as {@code @Body String} (the key is bound to its exact text) and,
 * for {@link Takeover#PAYMENT}, the payment's id as its {@code payment_id} path variable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface Idempotent {

    Takeover value() default Takeover.RUN_AGAIN;

    /** What a retry looks at when the instance that ran the first request died. */
    enum Takeover {
        /** Nothing that moves money, or nothing more a second run would move: run again. */
        RUN_AGAIN,
        /** A create: the payment the key's derived id names, if the first request created it. */
        CREATED_PAYMENT,
        /** An operation on the payment of the path: one begun since the key was first claimed. */
        PAYMENT,
        /** A refund: the refund the key's derived id names, if the first request created it. */
        CREATED_REFUND
    }
}
