package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.AnswerMapper;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Either;

import java.util.Objects;
import java.util.function.Function;

/**
 * Adyen's Checkout API v71 behind the {@link Connector} SPI. Authorisations answer at once
 * (Authorised, Refused, a 3DS redirect, Pending/Received); every modification is only acknowledged
 * ({@code "status":"received"}) and so answers {@code Pending} until Adyen's webhook says how it went.
 * {@link #sync} answers {@code Unknown}: Checkout cannot look a payment up by its pspReference, so
 * only the webhook settles a transaction (see the module README).
 *
 * <p>Account: credential {@code api_key}, settings {@code merchant_account} and {@code base_url}
 * (default {@value AdyenAccount#TEST_BASE_URL}). Stateless and thread-safe.
 */
public final class AdyenConnector implements Connector, WebhookSource {

    public static final String NAME = "adyen";

    private static final Set<Capability> CAPABILITIES = HashSet.of(Capability.MANUAL_CAPTURE,
            Capability.MULTIPLE_CAPTURE, Capability.INCREMENTAL_AUTHORIZATION, Capability.REVERSE,
            Capability.MANDATES, Capability.THREE_DS);

    private final ConnectorHttp http;

    public AdyenConnector() {
        this(ConnectorHttp.create());
    }

    public AdyenConnector(ConnectorHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Adyen's standard notifications ({@link AdyenNotifications}), each item verified by its HMAC. */
    @Override
    public Either<Refused, io.vavr.collection.List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return AdyenNotifications.read(delivery, account);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Adyen's default authorisation validity for most card schemes; an account's contract may differ. */
    @Override
    public java.time.Duration authorizationWindow() {
        return java.time.Duration.ofDays(28);
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return send(request.context(), "/payments", merchant -> PaymentBodies.authorize(request, merchant),
                PaymentAnswers::read);
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return send(request.context(), "/payments/details", merchant -> Either.right(PaymentBodies.details(request)),
                PaymentAnswers::read);
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return modify(request.context(), request.connectorTransactionId(), "captures",
                merchant -> ModificationBodies.withAmount(request.context(), merchant, request.amount()));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return modify(request.context(), request.connectorTransactionId(), "cancels",
                merchant -> Either.right(ModificationBodies.withoutAmount(request.context(), merchant)));
    }

    /** Adyen's reversal cancels an uncaptured payment or refunds a captured one, always in full. */
    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return modify(request.context(), request.connectorTransactionId(), "reversals",
                merchant -> Either.right(ModificationBodies.withoutAmount(request.context(), merchant)));
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return modify(request.context(), request.connectorTransactionId(), "refunds",
                merchant -> ModificationBodies.refund(request.context(), merchant, request.amount(), request.reason()));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return modify(request.context(), request.connectorTransactionId(), "amountUpdates",
                merchant -> ModificationBodies.amountUpdate(request.context(), merchant, request.newTotal()));
    }

    /** Adyen's orders are for split payments with gift cards, not Tender's processor orders. */
    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "the Adyen connector does not create orders");
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return send(request.context(), "/payments", merchant -> PaymentBodies.setupMandate(request, merchant),
                PaymentAnswers::read);
    }

    /**
     * Checkout has no lookup of a payment or a modification by pspReference, and re-sending the call
     * under its Idempotency-Key would need the original body (card data) and could act if the first
     * call never arrived. So a sync knows nothing: {@code Unknown}, and the webhook settles it.
     */
    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return new Outcome.Unknown("Adyen's Checkout API cannot look up a " + request.kind()
                + "; its webhook settles it");
    }

    private Outcome modify(CallContext context, String pspReference, String modification,
                           Function<String, Either<String, ObjectNode>> body) {
        return send(context, AdyenAccount.modificationPath(pspReference, modification), body,
                ModificationAnswers::read);
    }

    /**
     * An account that cannot be called, or a body that cannot be built (an amount Adyen's minor units cannot
     * hold, a stored card without its customer), is declined before anything is sent.
     */
    private Outcome send(CallContext context, String path, Function<String, Either<String, ObjectNode>> body,
                         AnswerMapper onSuccess) {
        Either<String, AdyenAccount> account = AdyenAccount.of(context.account());
        if (account.isLeft()) {
            return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, account.getLeft() + "; nothing was sent");
        }
        Either<String, ObjectNode> built = body.apply(account.get().merchantAccount());
        if (built.isLeft()) {
            return new Outcome.Declined(DeclineCodes.INVALID_REQUEST, built.getLeft());
        }
        return http.exchange(account.get().post(path, built.get(), context),
                answer -> answer.isSuccess() ? onSuccess.map(answer) : AdyenErrors.outcomeOf(answer));
    }
}
