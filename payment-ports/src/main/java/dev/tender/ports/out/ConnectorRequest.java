package dev.tender.ports.out;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.TransactionKind;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/** The requests of the {@link Connector} SPI, one per operation; each carries its {@link CallContext}. */
public sealed interface ConnectorRequest {

    CallContext context();

    /**
     * Authorize (or, for automatic capture, purchase). {@code storeForFutureUse} asks the processor to
     * keep the method for merchant-initiated charges; {@code orderReference} is a processor order made
     * before; {@code returnUrl} is where a 3DS or bank page sends the customer back.
     */
    record Authorize(CallContext context, Money amount, CaptureMethod captureMethod, PaymentMethodData method,
                     Option<String> customerId, Option<String> orderReference, boolean storeForFutureUse,
                     Option<String> returnUrl, Map<String, String> metadata) implements ConnectorRequest {
    }

    /** The customer is back from a redirect; {@code parameters} are what the redirect returned. */
    record CompleteAuthorize(CallContext context, String connectorTransactionId, Map<String, String> parameters)
            implements ConnectorRequest {
    }

    record Capture(CallContext context, String connectorTransactionId, Money amount, boolean finalCapture)
            implements ConnectorRequest {
    }

    /** Release what is authorized and not captured ({@code amount}). */
    record Void(CallContext context, String connectorTransactionId, Money amount) implements ConnectorRequest {
    }

    /** Cancel a capture before it settles. */
    record Reverse(CallContext context, String connectorTransactionId, Money amount) implements ConnectorRequest {
    }

    record Refund(CallContext context, String connectorTransactionId, Money amount, Option<String> reason)
            implements ConnectorRequest {
    }

    /** Raise the authorization to {@code newTotal}. */
    record IncrementAuthorization(CallContext context, String connectorTransactionId, Money newTotal)
            implements ConnectorRequest {
    }

    record CreateOrder(CallContext context, Money amount) implements ConnectorRequest {
    }

    /** Store the method for later merchant-initiated charges without charging (zero amount). */
    record SetupMandate(CallContext context, PaymentMethodData method, String customerId,
                        dev.tender.domain.money.Currency currency) implements ConnectorRequest {
    }

    /**
     * What the connector now knows of one earlier call: the transaction {@code kind} sent with the
     * context's idempotency key, on the payment {@code connectorTransactionId} (if known yet).
     *
     * <p>The answer must come from the processor's record of <em>that</em> operation, never from the
     * payment's overall state: {@code operationReference} is the processor's id of the operation itself
     * when an earlier answer gave one (a refund's id), and {@code settledBefore} what earlier operations of
     * the same kind had already moved when this one began (for a capture: the amount captured before it),
     * so a processor that keeps only a running total can tell whether this operation added to it. Without
     * them a connector that cannot tell answers {@code Unknown}.
     */
    record Sync(CallContext context, TransactionKind kind, Option<String> connectorTransactionId, Money amount,
                Option<String> operationReference, Option<Money> settledBefore) implements ConnectorRequest {

        /** A sync that knows only the payment's reference (a stateless caller's). */
        public Sync(CallContext context, TransactionKind kind, Option<String> connectorTransactionId, Money amount) {
            this(context, kind, connectorTransactionId, amount, Option.none(), Option.none());
        }
    }
}
