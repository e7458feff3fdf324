package dev.tender.application;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreateOrder;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.IncrementAuthorization;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Reverse;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransitionTable;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.domain.payment.VoidPayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CardRules;
import dev.tender.ports.in.CompleteAuthorizationUseCase;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreateOrderUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.GetPaymentUseCase;
import dev.tender.ports.in.IncrementAuthorizationUseCase;
import dev.tender.ports.in.ListPaymentsUseCase;
import dev.tender.ports.in.ReversePaymentUseCase;
import dev.tender.ports.in.SyncPaymentUseCase;
import dev.tender.ports.in.UpdateMetadataUseCase;
import dev.tender.ports.in.UpdatePaymentUseCase;
import dev.tender.ports.in.VoidPaymentUseCase;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.Payments;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.function.Function;

/**
 * The payment use cases. Each connector operation runs in two phases: the domain begins it and the
 * payment is saved with the pending transaction (and queued for reconciliation) before the connector
 * is called; then the outcome is recorded. A lost or unreadable answer stays {@code unknown} for the
 * reconciler, never a guess.
 */
public final class PaymentService implements CreatePaymentUseCase, UpdatePaymentUseCase, UpdateMetadataUseCase,
        ConfirmPaymentUseCase, CapturePaymentUseCase, VoidPaymentUseCase, ReversePaymentUseCase,
        IncrementAuthorizationUseCase,
        CompleteAuthorizationUseCase, CreateOrderUseCase, SyncPaymentUseCase, GetPaymentUseCase,
        ListPaymentsUseCase {

    private final Payments payments;
    private final PaymentStore store;
    private final Routing routing;
    private final ResilientConnectors connectors;
    private final Idempotency idempotency;
    private final ReturnUrls returnUrls;
    private final CardRules cards;
    private final Clock clock;
    private final CardHolds holds;

    PaymentService(Payments payments, PaymentStore store, Routing routing, ResilientConnectors connectors,
                   Idempotency idempotency, ReturnUrls returnUrls, CardRules cards, Clock clock, CardHolds holds) {
        this.payments = payments;
        this.holds = holds;
        this.cards = cards;
        this.returnUrls = returnUrls;
        this.store = store;
        this.routing = routing;
        this.connectors = connectors;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- create, update, confirm

    @Override
    public Either<ApplicationError, Payment> create(CreatePaymentUseCase.Command c) {
        String fingerprint = Fingerprints.of("create", c, c.paymentMethod());
        return checkCard(c.paymentMethod()).flatMap(valid ->
                idempotency.run(c.merchantId(), c.idempotencyKey(), fingerprint, () -> {
                    PaymentId id = c.paymentId().getOrElse(() -> PaymentId.of(clock.ids().next("pay")));
                    CreatePayment create = new CreatePayment(id, c.merchantId(), c.amount(), c.captureMethod(),
                            c.paymentMethod().map(PaymentMethodData::summary), c.customerId(), c.setupMandate(),
                            c.metadata(), CreatePayment.DEFAULT_AUTHORIZATION_VALIDITY, clock.now());
                    Either<ApplicationError, Payment> created = Payment.create(create)
                            .mapLeft(ApplicationError.Rejected::new);
                    if (c.confirm()) {
                        // stored already begun: the payment and its authorization's begin are one write
                        return created.flatMap(p -> authorize(p, true, c.paymentMethod().get(),
                                c.connectorAccountId(), c.returnUrl(), false));
                    }
                    return created.flatMap(p -> store.save(Option.none(), p))
                            .peek(p -> returnUrls.remember(p.merchantId(), p.id(), c.returnUrl()))
                            .peek(p -> holds.keep(p, c.paymentMethod()));
                }));
    }

    @Override
    public Either<ApplicationError, Payment> update(UpdatePaymentUseCase.Command c) {
        String fingerprint = Fingerprints.of("update", c, c.paymentMethod());
        return checkCard(c.paymentMethod()).flatMap(valid ->
                idempotency.run(c.merchantId(), c.idempotencyKey(), fingerprint, () -> {
                    UpdatePayment changes = new UpdatePayment(c.changes().amount(), c.changes().captureMethod(),
                            c.paymentMethod().map(PaymentMethodData::summary).orElse(c.changes().paymentMethod()),
                            c.changes().customerId(), c.changes().metadata(), clock.now());
                    return store.change(c.merchantId(), c.paymentId(), p -> p.update(changes))
                            .peek(p -> holds.keep(p, c.paymentMethod()));
                }));
    }

    @Override
    public Either<ApplicationError, Payment> updateMetadata(UpdateMetadataUseCase.Command c) {
        return store.change(c.merchantId(), c.paymentId(), p -> Either.right(p.replaceMetadata(c.metadata(),
                clock.now())));
    }

    @Override
    public Either<ApplicationError, Payment> confirm(ConfirmPaymentUseCase.Command c) {
        String fingerprint = Fingerprints.of("confirm", c, c.paymentMethod());
        return checkCard(c.paymentMethod()).flatMap(valid ->
                idempotency.run(c.merchantId(), c.idempotencyKey(), fingerprint, () ->
                        store.load(c.merchantId(), c.paymentId()).flatMap(PaymentService::confirmable)
                                .flatMap(p -> methodToSend(p, c.paymentMethod()).flatMap(method ->
                                        authorize(p, false, method, c.connectorAccountId(), c.returnUrl(),
                                                true)))));
    }

    /**
     * A payment its status does not let be confirmed is refused for that before anything the request lacks,
     * in Hyperswitch's words and code (IR_16, its router's check of the status against those it forbids).
     */
    private static Either<ApplicationError, Payment> confirmable(Payment p) {
        return TransitionTable.allows(Operation.CONFIRM, p.status()) ? Either.right(p)
                : Either.left(new ApplicationError.Rejected(new Rejection(RejectionCode.PRECONDITION_FAILED,
                "You cannot confirm this payment because it has status " + p.status().wireName())));
    }

    /**
     * A card is checked wherever it comes in, confirmed or not, before anything is kept or sent: a bad one
     * never reaches a connector. Like a malformed command, it does not take the idempotency key.
     */
    Either<ApplicationError, Option<PaymentMethodData>> checkCard(Option<PaymentMethodData> method) {
        return method.isEmpty() ? Either.right(method) : cards.check(method.get()).toEither()
                .<ApplicationError>mapLeft(ApplicationError.Invalid::new).map(Option::some);
    }

    /** The card the confirm carries, else the one held since create or update (until its hold ends). */
    private Either<ApplicationError, PaymentMethodData> methodToSend(Payment p, Option<PaymentMethodData> given) {
        if (given.isDefined()) {
            return Either.right(given.get());
        }
        Option<PaymentMethodData> held = holds.held(p);
        if (held.isDefined()) {
            return Either.right(held.get());
        }
        if (p.paymentMethod().isDefined() && !(p.paymentMethod().get() instanceof PaymentMethod.Card)) {
            return Either.right(new PaymentMethodData.Other(p.paymentMethod().get().type(), LinkedHashMap.empty()));
        }
        return Either.left(new ApplicationError.Invalid(List.of(new FieldError("payment_method_data",
                "is required to confirm: no card is held for this payment (none was given, or its hold ended), "
                        + "send the card with the confirm"))));
    }

    /**
     * Begins the authorization at the first account by priority; falls back to the next one only when
     * the answer proves the first did not act (technical error, circuit open) or is a soft decline.
     */
    Either<ApplicationError, Payment> authorize(Payment payment, PaymentMethodData method, Option<String> accountId,
                                                Option<String> returnUrl) {
        return authorize(payment, false, method, accountId, returnUrl, false);
    }

    /**
     * @param fresh       the payment is new, not stored yet: it is stored with the authorization begun (one write,
     *                    one commit), or as it is when the authorization cannot begin
     * @param releaseHeld forget the card held for the payment once the authorization is begun (a confirm)
     */
    private Either<ApplicationError, Payment> authorize(Payment payment, boolean fresh, PaymentMethodData method,
                                                        Option<String> accountId, Option<String> returnUrl,
                                                        boolean releaseHeld) {
        // an order is known only to the account that created it: the authorization goes there, alone
        Option<String> account = payment.ordered() ? payment.connector().orElse(accountId) : accountId;
        Either<ApplicationError, List<Routing.Route>> candidates = routing.candidates(payment, account,
                HashSet.empty());
        if (fresh && candidates.isLeft()) {
            return storeFresh(payment, returnUrl).flatMap(stored -> Either.left(candidates.getLeft()));
        }
        return candidates.flatMap(routes -> {
            TransactionId txId = TransactionId.of(clock.ids().next("txn"));
            Routing.Route first = routes.head();
            // a mandate charge already carries its mandate as payment method, checked when it was created
            Option<PaymentMethod> summary = payment.mandateId().isDefined() ? Option.none()
                    : Option.some(method.summary());
            Function<Payment, Either<Rejection, Payment>> confirm = p -> p.confirm(new Confirm(txId, summary,
                    first.account().id(), first.connector().capabilities(), clock.now())
                    .withAuthorizationValidity(AuthorizationWindows.of(first)));
            Either<ApplicationError, Payment> begin = !fresh ? store.change(payment.merchantId(), payment.id(), confirm)
                    : confirm.apply(payment).fold(
                            rejected -> storeFresh(payment, returnUrl).flatMap(stored ->
                                    Either.left(new ApplicationError.Rejected(rejected))),
                            begun -> store.save(Option.none(), begun));
            return begin
                    .map(begun -> {
                        if (releaseHeld) {
                            // the confirm is recorded: whatever its outcome, the card is not sent again
                            holds.release(begun);
                        }
                        returnUrls.remember(begun.merchantId(), begun.id(), returnUrl);
                        Payment current = begun;
                        Outcome outcome = null;
                        for (int i = 0; i < routes.size(); i++) {
                            Routing.Route route = routes.get(i);
                            if (i > 0) {
                                Either<ApplicationError, Payment> rerouted = store.change(current.merchantId(),
                                        current.id(), p -> p.rerouteAuthorization(route.account().id(),
                                                route.connector().capabilities(), AuthorizationWindows.of(route),
                                                clock.now()));
                                if (rerouted.isLeft()) {
                                    break;
                                }
                                current = rerouted.get();
                            }
                            Payment sending = current;
                            outcome = connectors.call(route.account(), () -> sendAuthorization(route, sending,
                                    txId, method, returnUrl));
                            if (!(outcome instanceof Outcome.Declined d && DeclineCodes.allowsFallback(d.code()))) {
                                break;
                            }
                        }
                        return store.record(current, txId, outcome);
                    });
        });
    }

    /** A new payment stored as it is, when its authorization could not begin. */
    private Either<ApplicationError, Payment> storeFresh(Payment payment, Option<String> returnUrl) {
        return store.save(Option.none(), payment).peek(p -> returnUrls.remember(p.merchantId(), p.id(), returnUrl));
    }

    private Outcome sendAuthorization(Routing.Route route, Payment p, TransactionId txId, PaymentMethodData method,
                                      Option<String> returnUrl) {
        CallContext context = CallContext.of(route.account(), p.id(), txId);
        Transaction tx = p.transaction(txId).get();
        if (tx.kind() == TransactionKind.SETUP_MANDATE) {
            return route.connector().setupMandate(new ConnectorRequest.SetupMandate(context, method,
                    p.customerId().getOrElse(""), p.amount().currency()));
        }
        return route.connector().authorize(new ConnectorRequest.Authorize(context, p.amount(), p.captureMethod(),
                method, p.customerId(), p.orderReference(), p.mandateSetup().isDefined(),
                returnUrls.forPayment(p.merchantId(), p.id(), route.connector().name()).orElse(returnUrl), p.metadata()));
    }

    // ---------------------------------------------------------------- operations on an authorization

    @Override
    public Either<ApplicationError, Payment> capture(CapturePaymentUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "capture", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p -> {
                    Money amount = c.amount().getOrElse(p.capturable());
                    return operate(p, (current, tx, now) -> current.beginCapture(new Capture(tx, amount, c.finalCapture(), now)),
                            // the processor hears the capture's finality as the domain decided it: a payment
                            // taking one capture closes with it, whatever the caller asked
                            (route, begun, tx) -> route.connector().capture(new ConnectorRequest.Capture(
                                    context(route, begun, tx), reference(begun), amount,
                                    begun.transaction(tx).map(Transaction::finalCapture).getOrElse(c.finalCapture()))));
                }));
    }

    @Override
    public Either<ApplicationError, Payment> cancel(VoidPaymentUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "void", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p -> operate(p,
                        (current, tx, now) -> current.beginVoid(new VoidPayment(tx, c.reason(), now)),
                        (route, begun, tx) -> route.connector().voidAuthorization(new ConnectorRequest.Void(
                                context(route, begun, tx), reference(begun), begun.transaction(tx).get().amount()))))
                        .peek(holds::release));
    }

    @Override
    public Either<ApplicationError, Payment> reverse(ReversePaymentUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "reverse", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p -> {
                    Instant cutoff = c.settlementCutoff().getOrElse(() -> lastCapture(p).plus(
                            clock.settings().settlementDelay()));
                    return operate(p, (current, tx, now) -> current.beginReverse(new Reverse(tx, cutoff, now)),
                            (route, begun, tx) -> route.connector().reverse(new ConnectorRequest.Reverse(
                                    context(route, begun, tx), reference(begun), begun.captured())));
                }));
    }

    @Override
    public Either<ApplicationError, Payment> increment(IncrementAuthorizationUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "increment", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p -> operate(p,
                        (current, tx, now) -> current.beginIncrement(new IncrementAuthorization(tx, c.newTotal(), now)),
                        (route, begun, tx) -> route.connector().incrementAuthorization(
                                new ConnectorRequest.IncrementAuthorization(context(route, begun, tx),
                                        reference(begun), c.newTotal())))));
    }

    @Override
    public Either<ApplicationError, Payment> createOrder(CreateOrderUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "order", c, () ->
                store.load(c.merchantId(), c.paymentId()).flatMap(p ->
                        routing.candidates(p, Option.none(), HashSet.of(Capability.ORDERS)).flatMap(routes -> {
                            Routing.Route route = routes.head();
                            TransactionId txId = TransactionId.of(clock.ids().next("txn"));
                            return store.change(p.merchantId(), p.id(), current -> current.beginOrder(
                                    new CreateOrder(txId, Option.some(route.account().id()),
                                            route.connector().capabilities(), clock.now())))
                                    .map(begun -> store.record(p.merchantId(), p.id(), txId,
                                            connectors.call(route.account(), () -> route.connector().createOrder(
                                                    new ConnectorRequest.CreateOrder(
                                                            CallContext.of(route.account(), p.id(), txId),
                                                            p.amount())))));
                        })));
    }

    @Override
    public Either<ApplicationError, Payment> complete(CompleteAuthorizationUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "complete_authorize", c, () ->
                completeAuthorization(c.merchantId(), c.paymentId(), c.parameters()));
    }

    Either<ApplicationError, Payment> completeAuthorization(MerchantId merchantId, PaymentId paymentId,
                                                            Map<String, String> parameters) {
        return store.load(merchantId, paymentId).flatMap(p -> routing.of(p).flatMap(route -> {
            Option<Transaction> waiting = p.transactions().find(Transaction::awaitingCustomer);
            return store.change(merchantId, paymentId, current -> current.completeAuthorize(clock.now()))
                    .map(begun -> {
                        TransactionId txId = waiting.get().id();
                        // one key per return: the same return retried is the same call, a second
                        // challenge of the same authorization (fingerprint, then challenge) is another
                        CallContext context = new CallContext(route.account(), txId.value() + ":complete:"
                                + Fingerprints.of("return", parameters.toSortedMap(k -> k, v -> v)).substring(0, 16)
                                + ":" + route.account().id(), paymentId, txId);
                        Outcome outcome = connectors.call(route.account(), () -> route.connector().completeAuthorize(
                                new ConnectorRequest.CompleteAuthorize(context, reference(begun), parameters)));
                        return store.record(merchantId, paymentId, txId, outcome);
                    });
        }));
    }

    // ---------------------------------------------------------------- sync, read

    @Override
    public Either<ApplicationError, Payment> sync(MerchantId merchantId, PaymentId paymentId) {
        return store.load(merchantId, paymentId).map(p -> syncOpenTransactions(p, p.transactions()
                .filter(tx -> tx.status().isOpen()).map(Transaction::id)));
    }

    /** Asks the connector about each transaction and applies its answer, forward only. */
    Payment syncOpenTransactions(Payment payment, List<TransactionId> transactions) {
        Option<Routing.Route> route = routing.of(payment).toOption();
        Payment current = payment;
        for (TransactionId txId : transactions) {
            if (route.isEmpty()) {
                break;
            }
            Transaction tx = current.transaction(txId).get();
            Outcome observed = observe(route.get(), current, tx);
            current = store.record(current.merchantId(), current.id(), txId, observed);
        }
        return current;
    }

    /** Hands an open transaction to a person (see {@link Payment#escalate}); a settled one is left alone. */
    Payment escalate(Payment payment, TransactionId transactionId, String reason) {
        return store.change(payment.merchantId(), payment.id(), p -> p.escalate(transactionId, reason, clock.now()))
                .getOrElse(payment);
    }

    private Outcome observe(Routing.Route route, Payment p, Transaction tx) {
        Outcome observed;
        try {
            observed = route.connector().sync(new ConnectorRequest.Sync(CallContext.of(route.account(), p.id(),
                    tx.id()), tx.kind(), p.connectorTransactionId(), tx.amount(), tx.reference(),
                    Option.some(settledBefore(p, tx))));
        } catch (RuntimeException bug) {
            return new Outcome.Unknown("sync failed: " + bug.getClass().getSimpleName());
        }
        // a sync that could not reach the processor says nothing about the transaction itself
        if (observed instanceof Outcome.Declined d && d.code().equals(DeclineCodes.TECHNICAL_ERROR)) {
            return new Outcome.Unknown("sync failed: " + d.message());
        }
        // "never received" is only final once the call cannot still be on its way (retries included)
        Instant sent = tx.answered() ? tx.createdAt() : tx.observedAt();
        if (observed instanceof Outcome.Declined d && d.code().equals(DeclineCodes.NOT_FOUND)
                && clock.now().isBefore(sent.plus(clock.settings().notFoundGrace()))) {
            return new Outcome.Unknown("not found at the processor yet");
        }
        return observed;
    }

    /**
     * What operations of the transaction's kind had moved before it: for a capture, the captured total,
     * which excludes every capture still open (only one is ever in flight, and it is this one).
     */
    private static Money settledBefore(Payment p, Transaction tx) {
        return switch (tx.kind()) {
            case CAPTURE -> p.captured().minus(tx.succeeded() ? tx.amount() : Money.zero(tx.amount().currency()));
            case REFUND -> p.refunded().minus(tx.succeeded() ? tx.amount() : Money.zero(tx.amount().currency()));
            default -> Money.zero(tx.amount().currency());
        };
    }

    @Override
    public Either<ApplicationError, Payment> get(MerchantId merchantId, PaymentId paymentId) {
        return store.load(merchantId, paymentId);
    }

    @Override
    public Page<Payment> list(MerchantId merchantId, ListQuery query) {
        return payments.list(merchantId, query);
    }

    // ---------------------------------------------------------------- the two phases

    /** The domain's begin of an operation, on the payment as just loaded. */
    @FunctionalInterface
    interface Begin {
        Either<Rejection, Payment> begin(Payment current, TransactionId transactionId, Instant at);
    }

    @FunctionalInterface
    interface Send {
        Outcome send(Routing.Route route, Payment begun, TransactionId transactionId);
    }

    /**
     * Begins an operation on an authorized payment, then sends it to the account that holds the
     * authorization. An operation the domain settles without a connector (cancel before authorization)
     * sends nothing.
     */
    Either<ApplicationError, Payment> operate(Payment payment, Begin begin, Send send) {
        // an account removed since the authorization would leave the operation begun and never sent
        Option<Either<ApplicationError, Routing.Route>> routed = payment.connector().map(id -> routing.of(payment));
        if (routed.exists(Either::isLeft)) {
            return Either.left(routed.get().getLeft());
        }
        TransactionId txId = TransactionId.of(clock.ids().next("txn"));
        return store.change(payment.merchantId(), payment.id(), current -> begin.begin(current, txId, clock.now()))
                .flatMap(begun -> begun.transaction(txId).isEmpty()
                        ? Either.right(begun)
                        : routing.of(begun, payment, routed).map(route -> store.record(begun, txId,
                                connectors.call(route.account(), () -> send.send(route, begun, txId)))));
    }


    private static CallContext context(Routing.Route route, Payment p, TransactionId txId) {
        return CallContext.of(route.account(), p.id(), txId);
    }

    private static String reference(Payment p) {
        return p.connectorTransactionId().getOrElse(p.id().value());
    }

    private static Instant lastCapture(Payment p) {
        return p.transactions().filter(tx -> tx.succeeded()
                        && (tx.kind() == TransactionKind.CAPTURE || tx.kind() == TransactionKind.AUTHORIZE))
                .map(Transaction::observedAt).maxBy(Instant::compareTo).getOrElse(p.updatedAt());
    }
}
