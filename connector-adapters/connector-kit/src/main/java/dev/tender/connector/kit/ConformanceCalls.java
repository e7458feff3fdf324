package dev.tender.connector.kit;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's side of a conversation with the connector under test: fresh ids per run, requests as an
 * orchestrator builds them, and every call guarded so a thrown exception fails with the rule it broke.
 * Modifications and syncs answer their settled outcome ({@link Settle}): the answer itself for a
 * processor that answers at once, what the processor's notification says for one that settles by
 * notification.
 */
final class ConformanceCalls {

    static final String RETURN_URL = "https://merchant.example/tender/return";

    private final Connector connector;
    private final ConnectorAccount account;
    private final String customerId;
    private final Settle settle;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final AtomicInteger sequence = new AtomicInteger();

    ConformanceCalls(Connector connector, ConnectorAccount account, String customerId, Settle settle) {
        this.connector = connector;
        this.account = account;
        this.customerId = customerId;
        this.settle = settle;
    }

    PaymentId newPayment() {
        return PaymentId.of("pay_" + run + "_" + sequence.incrementAndGet());
    }

    /** A new transaction on the payment: a new idempotency key, as the orchestrator makes one. */
    CallContext newCall(PaymentId payment) {
        return CallContext.of(account, payment, TransactionId.of("tx_" + run + "_" + sequence.incrementAndGet()));
    }

    /** The completion of a challenged authorization: its payment and transaction, a key of its own. */
    CallContext completion(CallContext authorization) {
        return new CallContext(account, authorization.idempotencyKey() + ":complete", authorization.paymentId(),
                authorization.transactionId());
    }

    String unknownReference() {
        return "conformance_unknown_" + run;
    }

    String run() {
        return run;
    }

    Outcome authorize(CallContext context, Money amount, CaptureMethod captureMethod, PaymentMethodData method) {
        return authorize(context, amount, captureMethod, method, Option.none(), false);
    }

    Outcome authorize(CallContext context, Money amount, CaptureMethod captureMethod, PaymentMethodData method,
                      Option<String> orderReference, boolean storeForFutureUse) {
        var request = new ConnectorRequest.Authorize(context, amount, captureMethod, method, Option.some(customerId),
                orderReference, storeForFutureUse, Option.some(RETURN_URL), LinkedHashMap.empty());
        return guarded("authorize", () -> connector.authorize(request));
    }

    Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return guarded("completeAuthorize", () -> connector.completeAuthorize(request));
    }

    Outcome completeAuthorize(CallContext context, String reference, Map<String, String> parameters) {
        return completeAuthorize(new ConnectorRequest.CompleteAuthorize(context, reference, parameters));
    }

    Outcome capture(CallContext context, String reference, Money amount, boolean finalCapture) {
        var request = new ConnectorRequest.Capture(context, reference, amount, finalCapture);
        return settled("capture", context, () -> connector.capture(request));
    }

    Outcome voidAuthorization(CallContext context, String reference, Money amount) {
        var request = new ConnectorRequest.Void(context, reference, amount);
        return settled("voidAuthorization", context, () -> connector.voidAuthorization(request));
    }

    Outcome reverse(CallContext context, String reference, Money amount) {
        var request = new ConnectorRequest.Reverse(context, reference, amount);
        return settled("reverse", context, () -> connector.reverse(request));
    }

    Outcome refund(CallContext context, String reference, Money amount) {
        var request = new ConnectorRequest.Refund(context, reference, amount, Option.some("requested_by_customer"));
        return settled("refund", context, () -> connector.refund(request));
    }

    Outcome incrementAuthorization(CallContext context, String reference, Money newTotal) {
        var request = new ConnectorRequest.IncrementAuthorization(context, reference, newTotal);
        return settled("incrementAuthorization", context, () -> connector.incrementAuthorization(request));
    }

    Outcome createOrder(CallContext context, Money amount) {
        var request = new ConnectorRequest.CreateOrder(context, amount);
        return guarded("createOrder", () -> connector.createOrder(request));
    }

    Outcome setupMandate(CallContext context, PaymentMethodData method, Money zeroAmount) {
        var request = new ConnectorRequest.SetupMandate(context, method, customerId, zeroAmount.currency());
        return guarded("setupMandate", () -> connector.setupMandate(request));
    }

    Outcome sync(CallContext context, TransactionKind kind, Option<String> reference, Money amount) {
        return sync(new ConnectorRequest.Sync(context, kind, reference, amount));
    }

    /** A sync as the service sends it: with the operation's own reference and what moved before it. */
    Outcome sync(ConnectorRequest.Sync request) {
        return settled("sync", request.context(), () -> connector.sync(request));
    }

    private Outcome settled(String operation, CallContext context, Supplier<Outcome> call) {
        return settle.settle(operation, context, guarded(operation, call));
    }

    /** Calls the connector; an exception or a null is a broken rule of the SPI, reported as such. */
    static Outcome guarded(String operation, Supplier<Outcome> call) {
        Outcome outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException e) {
            throw new AssertionError(operation + " threw " + e.getClass().getName()
                    + "; a connector never throws: a refusal is Declined, a transport failure Unknown", e);
        }
        assertThat(outcome).as("%s answered null; a connector always answers an Outcome", operation).isNotNull();
        return outcome;
    }
}
