package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import static dev.tender.domain.payment.PaymentStatus.CANCELLED;
import static dev.tender.domain.payment.PaymentStatus.CANCELLED_POST_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.EXPIRED;
import static dev.tender.domain.payment.PaymentStatus.FAILED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE;
import static dev.tender.domain.payment.PaymentStatus.PROCESSING;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CONFIRMATION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CUSTOMER_ACTION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_MERCHANT_ACTION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.tender.domain.payment.PaymentStatus.SUCCEEDED;

/**
 * A payment intent and everything that happened to it. Immutable: every command returns either a
 * rejection (and this payment stays as it is) or the payment after the command.
 *
 * <p>Operations at a connector are two-phase: {@code confirm}, {@code beginCapture}, … add a pending
 * transaction, to be saved before the connector is called; {@link #recordOutcome} applies the
 * connector's answer, or a later sync or webhook, forward only.
 *
 * @param amount        the amount the customer is asked for (raised by an incremental authorization)
 * @param authorized    held at the connector; zero until an authorization succeeds
 * @param captured      moved to the merchant; never above {@code authorized}
 * @param capabilities  of the connector that confirmed the payment; later operations obey them
 * @param mandateId     for a charge with a mandate, the mandate charged
 * @param version       the storage version, kept by the repository for optimistic locking
 */
public record Payment(PaymentId id, MerchantId merchantId, Money amount, CaptureMethod captureMethod,
                      PaymentStatus status, Money authorized, Money captured, Option<PaymentMethod> paymentMethod,
                      Option<String> customerId, Option<String> connector, Set<Capability> capabilities,
                      Option<String> connectorTransactionId, Option<String> orderReference,
                      Option<Redirect> nextAction, Option<Failure> failure, Option<MandateSetup> mandateSetup,
                      Option<String> connectorMandateReference, Option<MandateId> mandateId,
                      Map<String, String> metadata, Duration authorizationValidity,
                      Option<Instant> authorizationExpiresAt, List<Transaction> transactions, Instant createdAt,
                      Instant updatedAt, long version) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(captureMethod, "captureMethod");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(connectorTransactionId, "connectorTransactionId");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(nextAction, "nextAction");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(mandateSetup, "mandateSetup");
        Objects.requireNonNull(connectorMandateReference, "connectorMandateReference");
        Objects.requireNonNull(mandateId, "mandateId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(authorizationValidity, "authorizationValidity");
        Objects.requireNonNull(authorizationExpiresAt, "authorizationExpiresAt");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!authorized.sameCurrencyAs(amount) || !captured.sameCurrencyAs(amount)) {
            throw new IllegalArgumentException("amounts of one payment must share its currency");
        }
        if (captured.isGreaterThan(authorized)) {
            throw new IllegalArgumentException("captured " + captured + " exceeds authorized " + authorized);
        }
    }

    // ---------------------------------------------------------------- create, update, order

    public static Either<Rejection, Payment> create(CreatePayment c) {
        return Rule.firstBroken(CreateRules.ALL, null, c).map(ok -> new Payment(c.id(), c.merchantId(), c.amount(),
                c.captureMethod(), c.paymentMethod().isDefined() ? REQUIRES_CONFIRMATION : REQUIRES_PAYMENT_METHOD,
                Money.zero(c.amount().currency()), Money.zero(c.amount().currency()), c.paymentMethod(),
                c.customerId(), Option.none(), HashSet.empty(), Option.none(), Option.none(), Option.none(),
                Option.none(), c.mandateSetup(), Option.none(), Option.none(), c.metadata(),
                c.authorizationValidity(), Option.none(), List.empty(), c.at(), c.at(), 0));
    }

    /** Create and confirm in one step ({@code confirm: true}). */
    public static Either<Rejection, Payment> createAndConfirm(CreatePayment create, Confirm confirm) {
        return create(create).flatMap(p -> p.confirm(confirm));
    }

    /**
     * A merchant-initiated charge against an active mandate: the payment starts confirmed-ready with
     * the mandate as its payment method, and the mandate records the use.
     */
    public static Either<Rejection, Tuple2<Payment, Mandate>> createWithMandate(CreatePayment c, Mandate mandate) {
        if (!mandate.merchantId().equals(c.merchantId())) {
            return Either.left(new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                    "Mandate " + mandate.id() + " does not belong to this merchant"));
        }
        if (c.customerId().exists(customer -> !customer.equals(mandate.customerId()))) {
            return Either.left(new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                    "Mandate " + mandate.id() + " belongs to another customer"));
        }
        CreatePayment charge = new CreatePayment(c.id(), c.merchantId(), c.amount(), c.captureMethod(),
                Option.none(), Option.some(mandate.customerId()), Option.none(), c.metadata(),
                c.authorizationValidity(), c.at());
        return mandate.charge(c.id(), c.amount(), c.at()).flatMap(used -> create(charge).map(p -> Tuple.of(
                p.with().paymentMethod(Option.some(new PaymentMethod.StoredMandate(mandate.id())))
                        .status(REQUIRES_CONFIRMATION).mandateId(Option.some(mandate.id())).build(), used)));
    }

    public Either<Rejection, Payment> update(UpdatePayment c) {
        return Rule.firstBroken(UpdateRules.ALL, this, c).map(ok -> {
            Option<PaymentMethod> method = c.paymentMethod().orElse(paymentMethod);
            return with()
                    .amount(c.amount().getOrElse(amount))
                    .authorized(Money.zero(c.amount().getOrElse(amount).currency()))
                    .captured(Money.zero(c.amount().getOrElse(amount).currency()))
                    .captureMethod(c.captureMethod().getOrElse(captureMethod))
                    .paymentMethod(method)
                    .customerId(c.customerId().orElse(customerId))
                    .metadata(c.metadata().getOrElse(metadata))
                    .status(method.isDefined() ? REQUIRES_CONFIRMATION : REQUIRES_PAYMENT_METHOD)
                    .updatedAt(c.at())
                    .build();
        });
    }

    /**
     * Replaces the metadata, in any status: metadata is the merchant's note on the payment, not a step of
     * its life, so it touches neither money nor status and is no operation of the transition table
     * (Hyperswitch's {@code update_metadata} attaches it to payments already authorized, captured or finished).
     */
    public Payment replaceMetadata(Map<String, String> newMetadata, Instant at) {
        return with().metadata(Objects.requireNonNull(newMetadata, "newMetadata")).updatedAt(at).build();
    }

    public Either<Rejection, Payment> beginOrder(CreateOrder c) {
        return Rule.firstBroken(OrderRules.ALL, this, c).map(ok ->
                begin(Transaction.begin(c.transactionId(), TransactionKind.ORDER, amount, status, c.at()))
                        .connector(c.connector().orElse(connector)).build());
    }

    // ---------------------------------------------------------------- authorize

    /**
     * Begins the authorization: a purchase for automatic capture, a mandate setup for a zero amount.
     * The payment is {@code processing} until the connector's answer is recorded.
     */
    public Either<Rejection, Payment> confirm(Confirm c) {
        return Rule.firstBroken(ConfirmRules.ALL, this, c).map(ok -> {
            TransactionKind kind = amount.isZero() ? TransactionKind.SETUP_MANDATE : TransactionKind.AUTHORIZE;
            return begin(Transaction.begin(c.transactionId(), kind, amount, status, c.at()))
                    .paymentMethod(c.paymentMethod().orElse(paymentMethod))
                    .connector(Option.some(c.connector()))
                    .capabilities(c.capabilities())
                    .authorizationValidity(c.authorizationValidity().getOrElse(authorizationValidity))
                    .status(PROCESSING)
                    .build();
        });
    }

    /**
     * Sends the authorization in flight to another connector instead (routing fall-back), allowed only
     * while the first connector has not answered anything that could mean it acted: the caller knows it
     * declined with a code that allows fall-back or certainly did not act. The new connector must offer
     * what the payment needs.
     */
    public Either<Rejection, Payment> rerouteAuthorization(String newConnector, Set<Capability> newCapabilities,
                                                           Instant at) {
        return rerouteAuthorization(newConnector, newCapabilities, authorizationValidity, at);
    }

    /** As {@link #rerouteAuthorization(String, Set, Instant)}, with the new connector's authorization window. */
    public Either<Rejection, Payment> rerouteAuthorization(String newConnector, Set<Capability> newCapabilities,
                                                           Duration newValidity, Instant at) {
        Option<Transaction> authorization = inFlight().filter(tx -> !tx.answered()
                && (tx.kind() == TransactionKind.AUTHORIZE || tx.kind() == TransactionKind.SETUP_MANDATE));
        if (status != PROCESSING || authorization.isEmpty() || ordered()) {
            return Either.left(Rejection.precondition("Only an authorization sent and not yet answered, and not "
                    + "carrying another connector's order, can go to another connector"));
        }
        Confirm asIfConfirmed = new Confirm(authorization.get().id(), Option.none(), newConnector, newCapabilities, at);
        return ConfirmRules.CONNECTOR_SUPPORTS_CAPTURE_METHOD.check(this, asIfConfirmed)
                .orElse(() -> ConfirmRules.CONNECTOR_SUPPORTS_MANDATES.check(this, asIfConfirmed))
                .<Either<Rejection, Payment>>map(Either::left)
                .getOrElse(() -> Either.right(with().connector(Option.some(newConnector))
                        .capabilities(newCapabilities).authorizationValidity(newValidity).updatedAt(at).build()));
    }

    /** The customer is back from 3DS or the bank page: the authorization goes to the connector again. */
    public Either<Rejection, Payment> completeAuthorize(Instant at) {
        return TransitionTable.check(Operation.COMPLETE_AUTHORIZE, status).<Either<Rejection, Payment>>map(Either::left)
                .getOrElse(() -> {
                    Transaction waiting = transactions.find(Transaction::awaitingCustomer).get();
                    return Either.right(with().replace(waiting.resumed(at)).nextAction(Option.none())
                            .status(PROCESSING).updatedAt(at).build());
                });
    }

    // ---------------------------------------------------------------- capture, void, reverse, increment, expire

    public Either<Rejection, Payment> beginCapture(Capture c) {
        return Rule.firstBroken(CaptureRules.ALL, this, c).map(ok -> begin(Transaction
                .begin(c.transactionId(), TransactionKind.CAPTURE, c.amount(), status, c.at())
                .asFinalCapture(c.finalCapture() || captureMethod == CaptureMethod.MANUAL)).build());
    }

    /**
     * Cancels the payment. Before an authorization nothing is held, so it is cancelled at once;
     * otherwise a void is sent for what is still authorized and not captured.
     */
    public Either<Rejection, Payment> beginVoid(VoidPayment c) {
        return Rule.firstBroken(VoidRules.ALL, this, c).map(ok -> switch (status) {
            case REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION -> with().status(CANCELLED)
                    .failure(c.reason().map(r -> new Failure("cancelled", r))).updatedAt(c.at()).build();
            case REQUIRES_CUSTOMER_ACTION -> with()
                    .replace(transactions.find(Transaction::awaitingCustomer).get().abandoned(c.at()))
                    .nextAction(Option.none()).status(CANCELLED).updatedAt(c.at()).build();
            default -> begin(Transaction.begin(c.transactionId(), TransactionKind.VOID, capturable(), status, c.at())
                    .withReason(c.reason())).build();
        });
    }

    public Either<Rejection, Payment> beginReverse(Reverse c) {
        return Rule.firstBroken(ReverseRules.ALL, this, c).map(ok -> begin(Transaction
                .begin(c.transactionId(), TransactionKind.REVERSE, captured, status, c.at())).build());
    }

    public Either<Rejection, Payment> beginIncrement(IncrementAuthorization c) {
        return Rule.firstBroken(IncrementRules.ALL, this, c).map(ok -> begin(Transaction
                .begin(c.transactionId(), TransactionKind.INCREMENT, c.newTotal(), status, c.at())).build());
    }

    /**
     * Releases an authorization nobody captured in time (the issuer does the same on its side);
     * nothing is sent to the connector. What was captured stays captured.
     */
    public Either<Rejection, Payment> expire(Instant now) {
        return TransitionTable.check(Operation.EXPIRE, status)
                .orElse(() -> inFlight().map(tx -> Rejection.precondition(
                        "This payment could not be expired while its " + tx.kind() + " " + tx.id() + " is open")))
                .orElse(() -> authorizationExpiresAt.filter(now::isBefore).map(at -> Rejection.precondition(
                        "The authorization of this payment is valid until " + at)))
                .<Either<Rejection, Payment>>map(Either::left)
                .getOrElse(() -> Either.right(with()
                        .status(status == REQUIRES_CAPTURE ? EXPIRED : PARTIALLY_CAPTURED)
                        .updatedAt(now).build()));
    }

    /**
     * Begins releasing a lapsed authorization at the processor: a void of what is still capturable,
     * saved before it is sent like any other. Approved, the payment is expired as {@link #expire} would
     * leave it; declined, it stays as it was (and may then be expired here with {@link #expire}).
     */
    public Either<Rejection, Payment> beginExpiry(ExpireAuthorization c) {
        return Rule.firstBroken(ExpiryRules.ALL, this, c).map(ok -> begin(Transaction
                .begin(c.transactionId(), TransactionKind.VOID, capturable(), status, c.at())
                .withReason(Option.some(Transaction.EXPIRY_REASON))).build());
    }

    public boolean authorizationLapsed(Instant now) {
        return TransitionTable.allows(Operation.EXPIRE, status)
                && authorizationExpiresAt.exists(at -> !now.isBefore(at));
    }

    // ---------------------------------------------------------------- refund

    public Either<Rejection, Payment> beginRefund(Refund c) {
        return Rule.firstBroken(RefundRules.ALL, this, c).map(ok -> begin(Transaction
                .begin(c.refundId(), TransactionKind.REFUND, c.amount(), status, c.at()).withReason(c.reason()))
                .build());
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Applies a connector's answer, a sync or a webhook to one transaction. Forward only: an outcome
     * already applied, or one staler or less certain than what is known, leaves the payment as it is.
     */
    public Either<Rejection, Payment> recordOutcome(RecordOutcome c) {
        Option<Transaction> found = transaction(c.transactionId());
        if (found.isEmpty()) {
            return Either.left(new Rejection(RejectionCode.TRANSACTION_NOT_FOUND,
                    "Transaction " + c.transactionId() + " does not exist on payment " + id));
        }
        Transaction tx = found.get();
        if (c.outcome() instanceof Outcome.RequiresAction
                && tx.kind() != TransactionKind.AUTHORIZE && tx.kind() != TransactionKind.SETUP_MANDATE) {
            return Either.left(Rejection.invalid("A " + tx.kind() + " cannot require customer action"));
        }
        if (!tx.isNews(c.outcome(), c.observedAt())) {
            return Either.right(this);
        }
        return Either.right(Outcomes.apply(this, tx.observe(c.outcome(), c.observedAt()), c.outcome(),
                c.observedAt()));
    }

    /** The failure code of a transaction whose outcome its connector could not tell in time. */
    public static final String RECONCILIATION_EXHAUSTED = "reconciliation_exhausted";

    /**
     * Gives up asking the connector about an open transaction and hands it to a person: the transaction
     * becomes {@code unknown} with {@code reason} as its failure, and the payment
     * {@code requires_merchant_action} (a refund leaves the payment's status alone). Nothing is guessed:
     * money counts stay as they were, and a later answer (a webhook, a forced sync) still settles it. A
     * transaction that is settled, or waiting for the customer rather than for the connector, is left as it is.
     */
    public Either<Rejection, Payment> escalate(TransactionId transactionId, String reason, Instant at) {
        Option<Transaction> found = transaction(transactionId);
        if (found.isEmpty()) {
            return Either.left(new Rejection(RejectionCode.TRANSACTION_NOT_FOUND,
                    "Transaction " + transactionId + " does not exist on payment " + id));
        }
        Transaction tx = found.get();
        if (!tx.inFlight()) {
            return Either.right(this);
        }
        Failure failure = new Failure(RECONCILIATION_EXHAUSTED, reason);
        Transaction escalated = tx.escalated(failure);
        Payment after = Outcomes.apply(this, escalated, new Outcome.Unknown(reason), at);
        return Either.right(tx.kind() == TransactionKind.REFUND ? after
                : after.with().failure(Option.some(failure)).build());
    }

    // ---------------------------------------------------------------- mandates

    /** The mandate this payment set up, once its setup succeeded at the connector. */
    public Either<Rejection, Mandate> activateMandate(MandateId mandateId, Instant at) {
        if (mandateSetup.isEmpty()) {
            return Either.left(new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                    "Payment " + id + " did not ask to set up a mandate"));
        }
        Option<Transaction> setup = transactions.find(tx -> tx.succeeded()
                && (tx.kind() == TransactionKind.SETUP_MANDATE || tx.kind() == TransactionKind.AUTHORIZE));
        if (setup.isEmpty()) {
            return Either.left(Rejection.precondition("The mandate setup of payment " + id + " has not succeeded"));
        }
        MandateSetup request = mandateSetup.get();
        return Either.right(new Mandate(mandateId, merchantId, customerId.get(), MandateStatus.ACTIVE,
                request.type(), request.amountLimit(), amount.currency(), connector.getOrElse(""),
                connectorMandateReference.orElse(connectorTransactionId).getOrElse(setup.get().id().value()),
                request.acceptance(), id, List.empty(), at, at));
    }

    /** The same payment as stored under {@code storedVersion}: for repositories, which own the version. */
    public Payment withVersion(long storedVersion) {
        return new Payment(id, merchantId, amount, captureMethod, status, authorized, captured, paymentMethod,
                customerId, connector, capabilities, connectorTransactionId, orderReference, nextAction, failure,
                mandateSetup, connectorMandateReference, mandateId, metadata, authorizationValidity,
                authorizationExpiresAt, transactions, createdAt, updatedAt, storedVersion);
    }

    // ---------------------------------------------------------------- derived

    /** What can still be captured: authorized minus captured while the payment takes captures, else 0. */
    public Money capturable() {
        return status == REQUIRES_CAPTURE || status == PARTIALLY_CAPTURED_AND_CAPTURABLE
                ? authorized.minus(captured)
                : Money.zero(amount.currency());
    }

    /** The sum of succeeded refunds. */
    public Money refunded() {
        return refunds().filter(Transaction::succeeded).map(Transaction::amount)
                .foldLeft(Money.zero(amount.currency()), Money::plus);
    }

    /** Captured minus every refund that succeeded or may still succeed. */
    public Money refundable() {
        Money claimed = refunds().filter(Transaction::mayMoveMoney).map(Transaction::amount)
                .foldLeft(Money.zero(amount.currency()), Money::plus);
        return claimed.isGreaterThan(captured) ? Money.zero(amount.currency()) : captured.minus(claimed);
    }

    public List<Transaction> refunds() {
        return transactions.filter(tx -> tx.kind() == TransactionKind.REFUND);
    }

    public Option<Transaction> transaction(TransactionId transactionId) {
        return transactions.find(tx -> tx.id().equals(transactionId));
    }

    /** The non-refund operation sent to the connector and not settled, if any: at most one. */
    public Option<Transaction> inFlight() {
        return transactions.find(tx -> tx.kind() != TransactionKind.REFUND && tx.inFlight());
    }

    /** An order exists at the processor, or is being created: it ties the payment to that connector. */
    public boolean ordered() {
        return orderReference.isDefined() || openTransaction(TransactionKind.ORDER).isDefined();
    }

    public Option<Transaction> openTransaction(TransactionKind kind) {
        return transactions.find(tx -> tx.kind() == kind && tx.status().isOpen());
    }

    /** Transactions that still need an answer from the connector: what reconciliation looks for. */
    public List<Transaction> unresolved() {
        return transactions.filter(Transaction::inFlight);
    }

    // ---------------------------------------------------------------- internals

    Draft with() {
        return new Draft(this);
    }

    private Draft begin(Transaction tx) {
        return with().transactions(transactions.append(tx)).updatedAt(tx.createdAt());
    }

    /** A mutable copy used only to build the next immutable payment. */
    static final class Draft {
        private Money amount;
        private CaptureMethod captureMethod;
        private PaymentStatus status;
        private Money authorized;
        private Money captured;
        private Option<PaymentMethod> paymentMethod;
        private Option<String> customerId;
        private Option<String> connector;
        private Set<Capability> capabilities;
        private Option<String> connectorTransactionId;
        private Option<String> orderReference;
        private Option<Redirect> nextAction;
        private Option<Failure> failure;
        private Option<String> connectorMandateReference;
        private Option<MandateId> mandateId;
        private Map<String, String> metadata;
        private Duration authorizationValidity;
        private Option<Instant> authorizationExpiresAt;
        private List<Transaction> transactions;
        private Instant updatedAt;
        private final Payment from;

        private Draft(Payment p) {
            from = p;
            amount = p.amount;
            captureMethod = p.captureMethod;
            status = p.status;
            authorized = p.authorized;
            captured = p.captured;
            paymentMethod = p.paymentMethod;
            customerId = p.customerId;
            connector = p.connector;
            capabilities = p.capabilities;
            connectorTransactionId = p.connectorTransactionId;
            orderReference = p.orderReference;
            nextAction = p.nextAction;
            failure = p.failure;
            connectorMandateReference = p.connectorMandateReference;
            mandateId = p.mandateId;
            metadata = p.metadata;
            authorizationValidity = p.authorizationValidity;
            authorizationExpiresAt = p.authorizationExpiresAt;
            transactions = p.transactions;
            updatedAt = p.updatedAt;
        }

        Draft amount(Money v) { amount = v; return this; }
        Draft captureMethod(CaptureMethod v) { captureMethod = v; return this; }
        Draft status(PaymentStatus v) { status = v; return this; }
        Draft authorized(Money v) { authorized = v; return this; }
        Draft captured(Money v) { captured = v; return this; }
        Draft paymentMethod(Option<PaymentMethod> v) { paymentMethod = v; return this; }
        Draft customerId(Option<String> v) { customerId = v; return this; }
        Draft connector(Option<String> v) { connector = v; return this; }
        Draft capabilities(Set<Capability> v) { capabilities = v; return this; }
        Draft connectorTransactionId(Option<String> v) { connectorTransactionId = v; return this; }
        Draft orderReference(Option<String> v) { orderReference = v; return this; }
        Draft nextAction(Option<Redirect> v) { nextAction = v; return this; }
        Draft failure(Option<Failure> v) { failure = v; return this; }
        Draft connectorMandateReference(Option<String> v) { connectorMandateReference = v; return this; }
        Draft mandateId(Option<MandateId> v) { mandateId = v; return this; }
        Draft metadata(Map<String, String> v) { metadata = v; return this; }
        Draft authorizationValidity(Duration v) { authorizationValidity = v; return this; }
        Draft authorizationExpiresAt(Option<Instant> v) { authorizationExpiresAt = v; return this; }
        Draft transactions(List<Transaction> v) { transactions = v; return this; }
        Draft updatedAt(Instant v) { updatedAt = v.isAfter(updatedAt) ? v : updatedAt; return this; }

        Draft replace(Transaction tx) {
            transactions = transactions.map(old -> old.id().equals(tx.id()) ? tx : old);
            return this;
        }

        Payment build() {
            return new Payment(from.id, from.merchantId, amount, captureMethod, status, authorized, captured,
                    paymentMethod, customerId, connector, capabilities, connectorTransactionId, orderReference,
                    nextAction, failure, from.mandateSetup, connectorMandateReference, mandateId, metadata,
                    authorizationValidity, authorizationExpiresAt, transactions, from.createdAt, updatedAt,
                    from.version);
        }
    }
}
