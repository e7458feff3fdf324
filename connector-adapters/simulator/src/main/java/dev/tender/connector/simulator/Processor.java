package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The simulated processor's own state and rules: payments, mandates, orders. It is strict, as a
 * processor is, so an orchestrator's mistake (capturing more than is capturable, voiding the wrong
 * amount) shows as a decline. Not thread-safe: {@link Simulation} calls it under its lock.
 */
final class Processor {

    static final String ACS_URL = "https://acs.simulator.invalid/challenge/";

    private record Mandate(String reference, String accountId, CardBehaviour behaviour) {
    }

    private record Order(String reference, String accountId, Money amount) {
    }

    private final Map<String, Authorization> authorizations;
    private final Map<String, Mandate> mandates;
    private final Map<String, Order> orders;
    /** The orchestrator's payment and transaction of each authorization: the merchant reference a processor keeps. */
    private final Map<String, String> byMerchantReference;

    /** Remembers at most {@code limit} payments, mandates and orders each, forgetting the oldest first. */
    Processor(int limit) {
        authorizations = Memory.bounded(limit);
        mandates = Memory.bounded(limit);
        orders = Memory.bounded(limit);
        byMerchantReference = Memory.bounded(limit);
    }

    Option<Authorization> authorization(String accountId, String id) {
        return Option.of(authorizations.get(id)).filter(a -> a.accountId.equals(accountId));
    }

    Processed authorize(ConnectorRequest.Authorize r, String paymentId, Option<String> mandateReference,
                        boolean threeDs) {
        String accountId = r.context().account().id();
        if (r.orderReference().exists(order -> !sameAccount(orders.get(order), accountId))) {
            return declined(DeclineCodes.NOT_FOUND, "No such order: " + r.orderReference().get());
        }
        Option<CardBehaviour> behaviour = behaviourOf(r.method(), accountId);
        if (behaviour.isEmpty()) {
            return declined(DeclineCodes.NOT_FOUND, "No such mandate");
        }
        var auth = new Authorization(paymentId, accountId, r.amount(), r.captureMethod(), behaviour.get(),
                r.storeForFutureUse() ? mandateReference : Option.none());
        authorizations.put(paymentId, auth);
        byMerchantReference.put(merchantReference(r.context()), paymentId);
        return switch (auth.behaviour) {
            case CardBehaviour.Decline d -> decline(auth, d.code(), d.message());
            case CardBehaviour.Challenge c when !threeDs -> decline(auth, DeclineCodes.AUTHENTICATION_FAILED,
                    "The issuer requires 3DS authentication, which this connector does not perform.");
            case CardBehaviour.Challenge c -> challenge(auth, r.returnUrl());
            case CardBehaviour.Async a -> {
                auth.status = Authorization.Status.PENDING;
                auth.answer = Outcome.Pending.of();
                yield Processed.pendingUntilSync(() -> approve(auth));
            }
            case CardBehaviour.AnswerLost l -> approve(auth).withAnswerLost();
            case CardBehaviour.Approve a -> approve(auth);
        };
    }

    Processed completeAuthorize(ConnectorRequest.CompleteAuthorize r) {
        String accountId = r.context().account().id();
        // RequiresAction carries no reference, so the caller may not know the simulator's id: the
        // authorization is also found by the orchestrator's payment and transaction in the context
        Option<Authorization> found = authorization(accountId, r.connectorTransactionId())
                .orElse(() -> Option.of(byMerchantReference.get(merchantReference(r.context())))
                        .flatMap(id -> authorization(accountId, id)));
        if (found.isEmpty()) {
            return declined(DeclineCodes.NOT_FOUND, "No such payment: " + r.connectorTransactionId());
        }
        Authorization auth = found.get();
        if (auth.status != Authorization.Status.REQUIRES_ACTION) {
            return declined(DeclineCodes.INVALID_REQUEST, "The payment is " + describe(auth)
                    + ", not awaiting authentication");
        }
        return r.parameters().get("result").contains("success") ? approve(auth)
                : decline(auth, DeclineCodes.AUTHENTICATION_FAILED, "The customer did not pass 3DS authentication.");
    }

    Processed capture(ConnectorRequest.Capture r, String captureId) {
        return withAuthorization(r.context().account().id(), r.connectorTransactionId(), auth -> {
            Option<String> refusal = auth.captureMethod == CaptureMethod.AUTOMATIC
                    ? Option.some("The payment was captured automatically")
                    : refusal(auth, r.amount(), auth.capturable(), "capturable");
            if (refusal.isDefined()) {
                return declined(DeclineCodes.INVALID_REQUEST, refusal.get());
            }
            auth.captured = auth.captured.plus(r.amount());
            auth.closed = auth.captureMethod == CaptureMethod.MANUAL || r.finalCapture()
                    || auth.captured.equals(auth.authorized);
            List<Movement> moved = List.of(new Movement(auth.id, TransactionKind.CAPTURE, r.amount(), captureId));
            Money released = auth.authorized.minus(auth.captured);
            if (auth.closed && !released.isZero()) {
                // the last capture releases what it leaves, as a void would: the ledger shows the hold ending
                moved = moved.append(new Movement(auth.id, TransactionKind.VOID, released, captureId + ":release"));
            }
            return Processed.moved(Outcome.Approved.of(captureId), moved);
        });
    }

    Processed voidAuthorization(ConnectorRequest.Void r, String voidId) {
        return withAuthorization(r.context().account().id(), r.connectorTransactionId(), auth -> {
            Money releasable = auth.capturable();
            Option<String> refusal = refusal(auth, r.amount(), releasable, "releasable")
                    .orElse(() -> r.amount().equals(releasable) ? Option.none()
                            : Option.some("A void releases all that is not captured, " + releasable
                            + ", not " + r.amount()));
            if (refusal.isDefined()) {
                return declined(DeclineCodes.INVALID_REQUEST, refusal.get());
            }
            auth.closed = true;
            return Processed.moved(Outcome.Approved.of(voidId),
                    List.of(new Movement(auth.id, TransactionKind.VOID, releasable, voidId)));
        });
    }

    Processed reverse(ConnectorRequest.Reverse r, String reverseId) {
        return withAuthorization(r.context().account().id(), r.connectorTransactionId(), auth -> {
            Option<String> refusal = !auth.refunded.isZero()
                    ? Option.some("The payment has refunds; refund the rest instead")
                    : refusal(auth, r.amount(), auth.refundable(), "captured")
                    .orElse(() -> r.amount().equals(auth.captured) ? Option.none()
                            : Option.some("A reverse cancels all that was captured, " + auth.captured
                            + ", not " + r.amount()));
            if (refusal.isDefined()) {
                return declined(DeclineCodes.INVALID_REQUEST, refusal.get());
            }
            auth.status = Authorization.Status.REVERSED;
            auth.closed = true;
            return Processed.moved(Outcome.Approved.of(reverseId),
                    List.of(new Movement(auth.id, TransactionKind.REVERSE, r.amount(), reverseId)));
        });
    }

    Processed refund(ConnectorRequest.Refund r, String refundId) {
        return withAuthorization(r.context().account().id(), r.connectorTransactionId(), auth -> {
            Option<String> refusal = refusal(auth, r.amount(), auth.refundable(), "refundable");
            if (refusal.isDefined()) {
                return declined(DeclineCodes.INVALID_REQUEST, refusal.get());
            }
            auth.refunded = auth.refunded.plus(r.amount());
            return Processed.moved(Outcome.Approved.of(refundId),
                    List.of(new Movement(auth.id, TransactionKind.REFUND, r.amount(), refundId)));
        });
    }

    Processed incrementAuthorization(ConnectorRequest.IncrementAuthorization r, String incrementId) {
        return withAuthorization(r.context().account().id(), r.connectorTransactionId(), auth -> {
            Option<String> refusal = incrementRefusal(auth, r.newTotal());
            if (refusal.isDefined()) {
                return declined(DeclineCodes.INVALID_REQUEST, refusal.get());
            }
            Money increase = r.newTotal().minus(auth.authorized);
            auth.authorized = r.newTotal();
            return Processed.moved(Outcome.Approved.of(incrementId),
                    List.of(new Movement(auth.id, TransactionKind.INCREMENT, increase, incrementId)));
        });
    }

    Processed createOrder(ConnectorRequest.CreateOrder r, String orderId) {
        orders.put(orderId, new Order(orderId, r.context().account().id(), r.amount()));
        return Processed.answered(Outcome.Approved.of(orderId));
    }

    Processed setupMandate(ConnectorRequest.SetupMandate r, String setupId, String mandateReference) {
        CardBehaviour behaviour = switch (r.method()) {
            case PaymentMethodData.Card card -> TestCards.behaviourOf(card.number());
            case PaymentMethodData.StoredMandate stored -> new CardBehaviour.Decline(DeclineCodes.INVALID_REQUEST,
                    "The method is a mandate already", true);
            case PaymentMethodData.Other other -> new CardBehaviour.Approve();
        };
        if (behaviour instanceof CardBehaviour.Decline d && d.refusesSetup()) {
            return declined(d.code(), d.message());
        }
        mandates.put(mandateReference, new Mandate(mandateReference, r.context().account().id(),
                behaviour.merchantInitiated()));
        return Processed.moved(new Outcome.Approved(Option.some(setupId), Option.some(mandateReference)),
                List.of(new Movement(setupId, TransactionKind.SETUP_MANDATE, Money.zero(r.currency()), setupId)));
    }

    /** The money a call would move, for the ledger's pending line while it waits for a sync. */
    Option<Movement> intended(ConnectorRequest request, String id, String accountId) {
        return switch (request) {
            case ConnectorRequest.Authorize r -> Option.some(new Movement(id, TransactionKind.AUTHORIZE, r.amount(), id));
            case ConnectorRequest.CompleteAuthorize r -> authorization(accountId, r.connectorTransactionId())
                    .map(a -> new Movement(a.id, TransactionKind.AUTHORIZE, a.requested, a.id));
            case ConnectorRequest.Capture r -> on(r.connectorTransactionId(), TransactionKind.CAPTURE, r.amount(), id);
            case ConnectorRequest.Void r -> on(r.connectorTransactionId(), TransactionKind.VOID, r.amount(), id);
            case ConnectorRequest.Reverse r -> on(r.connectorTransactionId(), TransactionKind.REVERSE, r.amount(), id);
            case ConnectorRequest.Refund r -> on(r.connectorTransactionId(), TransactionKind.REFUND, r.amount(), id);
            case ConnectorRequest.IncrementAuthorization r -> authorization(accountId, r.connectorTransactionId())
                    .filter(a -> r.newTotal().sameCurrencyAs(a.authorized) && r.newTotal().isGreaterThan(a.authorized))
                    .map(a -> new Movement(a.id, TransactionKind.INCREMENT, r.newTotal().minus(a.authorized), id));
            case ConnectorRequest.SetupMandate r ->
                    Option.some(new Movement(id, TransactionKind.SETUP_MANDATE, Money.zero(r.currency()), id));
            case ConnectorRequest.CreateOrder r -> Option.none();
            case ConnectorRequest.Sync r -> Option.none();
        };
    }

    private static Option<Movement> on(String payment, TransactionKind kind, Money amount, String id) {
        return Option.some(new Movement(payment, kind, amount, id));
    }

    private Processed approve(Authorization auth) {
        auth.status = Authorization.Status.AUTHORIZED;
        auth.authorized = auth.requested;
        List<Movement> movements = List.of(new Movement(auth.id, TransactionKind.AUTHORIZE, auth.requested, auth.id));
        if (auth.captureMethod == CaptureMethod.AUTOMATIC) {
            auth.captured = auth.requested;
            auth.closed = true;
            movements = movements.append(new Movement(auth.id, TransactionKind.CAPTURE, auth.requested, auth.id));
        }
        auth.mandateToCreate.forEach(reference -> mandates.put(reference,
                new Mandate(reference, auth.accountId, auth.behaviour.merchantInitiated())));
        auth.answer = new Outcome.Approved(Option.some(auth.id), auth.mandateToCreate);
        return Processed.moved(auth.answer, movements);
    }

    private static Processed decline(Authorization auth, String code, String message) {
        auth.status = Authorization.Status.DECLINED;
        auth.answer = new Outcome.Declined(code, message);
        return Processed.answered(auth.answer);
    }

    private static Processed challenge(Authorization auth, Option<String> returnUrl) {
        auth.status = Authorization.Status.REQUIRES_ACTION;
        var parameters = LinkedHashMap.of("payment", auth.id);
        auth.answer = new Outcome.RequiresAction(new Redirect(ACS_URL + auth.id, "GET",
                returnUrl.fold(() -> parameters, url -> parameters.put("return_url", url))));
        return Processed.answered(auth.answer);
    }

    private Option<CardBehaviour> behaviourOf(PaymentMethodData method, String accountId) {
        return switch (method) {
            case PaymentMethodData.Card card -> Option.some(TestCards.behaviourOf(card.number()));
            case PaymentMethodData.StoredMandate stored -> Option.of(mandates.get(stored.connectorMandateReference()))
                    .filter(m -> m.accountId().equals(accountId)).map(Mandate::behaviour);
            case PaymentMethodData.Other other -> Option.some(new CardBehaviour.Approve());
        };
    }

    private Processed withAuthorization(String accountId, String id,
                                        Function<Authorization, Processed> operation) {
        return authorization(accountId, id).map(operation)
                .getOrElse(() -> declined(DeclineCodes.NOT_FOUND, "No such payment: " + id));
    }

    private static Option<String> incrementRefusal(Authorization auth, Money newTotal) {
        if (auth.status != Authorization.Status.AUTHORIZED) {
            return Option.some("The payment is " + describe(auth));
        }
        if (auth.captureMethod == CaptureMethod.AUTOMATIC || !auth.captured.isZero() || auth.closed) {
            return Option.some("Only an authorization with nothing captured can be incremented");
        }
        if (!newTotal.sameCurrencyAs(auth.authorized)) {
            return Option.some("The payment is in " + auth.authorized.currency() + ", not " + newTotal.currency());
        }
        return newTotal.isGreaterThan(auth.authorized) ? Option.none()
                : Option.some("The new total must be above the " + auth.authorized + " authorized");
    }

    /** Why {@code amount} cannot be taken from {@code available}, if it cannot. */
    private static Option<String> refusal(Authorization auth, Money amount, Money available, String what) {
        if (auth.status != Authorization.Status.AUTHORIZED) {
            return Option.some("The payment is " + describe(auth));
        }
        if (!amount.sameCurrencyAs(available)) {
            return Option.some("The payment is in " + available.currency() + ", not " + amount.currency());
        }
        if (amount.isZero()) {
            return Option.some("The amount must be above zero");
        }
        return amount.isGreaterThan(available)
                ? Option.some(amount + " is more than the " + available + " " + what)
                : Option.none();
    }

    private static String describe(Authorization auth) {
        return auth.status.name().toLowerCase(Locale.ROOT);
    }

    private static String merchantReference(CallContext context) {
        return context.account().id() + "|" + context.paymentId().value() + "|" + context.transactionId().value();
    }

    private static boolean sameAccount(Order order, String accountId) {
        return order != null && order.accountId().equals(accountId);
    }

    private static Processed declined(String code, String message) {
        return Processed.answered(new Outcome.Declined(code, message));
    }
}
