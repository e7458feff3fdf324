package dev.tender.client;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.TransactionKind;
import io.vavr.control.Option;

/**
 * Ask the processor where an earlier call stands: after an {@code UNKNOWN} result, a lost webhook, or
 * before fulfilment. {@code ids} are the {@link CallIds} the earlier call was sent with (the processor
 * finds the call by its idempotency key), {@code kind} what that call was, {@code connectorTransactionId}
 * the payment's id at the processor when known (absent after an authorize that timed out), and
 * {@code amount} the earlier call's amount (zero for {@code setup_mandate}).
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, the currency is not
 * ISO-4217, or the amount is zero for any kind but {@code setup_mandate}
 */
public record GetRequest(CallIds ids, TransactionKind kind, Option<String> connectorTransactionId, Money amount,
                         Option<String> operationReference, Option<Money> settledBefore) {

    public GetRequest {
        Checks checks = Checks.of("get request")
                .present(ids, "ids")
                .present(kind, "kind")
                .optionalText(connectorTransactionId, "connectorTransactionId")
                .present(operationReference, "operationReference")
                .present(settledBefore, "settledBefore");
        if (kind == TransactionKind.SETUP_MANDATE && amount != null) {
            checks.currency(amount.currency(), "amount currency");
        } else {
            checks.positive(amount, "amount");
        }
        checks.orThrow();
    }

    public GetRequest(CallIds ids, TransactionKind kind, Option<String> connectorTransactionId, Money amount) {
        this(ids, kind, connectorTransactionId, amount, Option.none(), Option.none());
    }

    /**
     * The same request, naming the earlier operation as the processor knows it: its own reference (a
     * refund's id) and what the payment's earlier operations of that kind had moved when it began (for a
     * capture, the amount captured before it). Without them a processor that keeps only running totals
     * (Stripe) cannot tell a lost capture from an earlier one, and answers {@code UNKNOWN}.
     */
    public GetRequest withOperation(Option<String> reference, Money movedBefore) {
        return new GetRequest(ids, kind, connectorTransactionId, amount, reference, Option.of(movedBefore));
    }

    public static GetRequest of(CallIds ids, TransactionKind kind, String connectorTransactionId, Money amount) {
        return new GetRequest(ids, kind, Option.of(connectorTransactionId), amount);
    }

    /** For a call whose processor id never arrived (an authorize that timed out). */
    public static GetRequest withoutTransactionId(CallIds ids, TransactionKind kind, Money amount) {
        return new GetRequest(ids, kind, Option.none(), amount);
    }
}
