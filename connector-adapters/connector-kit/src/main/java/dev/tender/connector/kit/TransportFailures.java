package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * What a failed exchange means for the money. The one question is whether the request could have
 * reached the processor: if the connection was never made (refused, unknown host, connect timeout,
 * TLS handshake refused) the processor certainly did not act, so the answer is
 * {@code Declined(technical_error)} and the caller may try another connector. Anything later (no
 * answer in time, connection dropped) may have moved money: {@code Unknown}, reconciled by a sync.
 *
 * <p>Messages name the failure's class only: an exception's message may carry a URL with a secret.
 */
public final class TransportFailures {

    private TransportFailures() {
    }

    public static Outcome outcomeOf(Throwable failure) {
        if (neverConnected(failure)) {
            return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                    "could not reach the processor (" + failure.getClass().getSimpleName() + "); nothing was sent");
        }
        if (failure instanceof HttpTimeoutException) {
            return new Outcome.Unknown("no answer from the processor within the read timeout");
        }
        if (failure instanceof InterruptedException) {
            return new Outcome.Unknown("interrupted while waiting for the processor's answer");
        }
        if (failure instanceof IOException) {
            return new Outcome.Unknown("connection failed after the request may have been sent ("
                    + failure.getClass().getSimpleName() + ")");
        }
        return new Outcome.Unknown("exchange failed (" + failure.getClass().getSimpleName() + ")");
    }

    /** A failed sync: whatever the transport did, it tells nothing about the transaction synced. */
    public static Outcome forSync(Outcome transportOutcome) {
        return transportOutcome instanceof Outcome.Declined declined
                ? new Outcome.Unknown("sync not sent: " + declined.message())
                : transportOutcome;
    }

    /** Failures that happen before a single byte of the request can have reached the processor. */
    static boolean neverConnected(Throwable failure) {
        // the connect-timeout check must come before any HttpTimeoutException check: it is a subclass
        return failure instanceof HttpConnectTimeoutException
                || failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof UnresolvedAddressException
                || failure instanceof SSLHandshakeException;
    }
}
