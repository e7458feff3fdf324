package dev.tender.connector.stripe;

import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.connector.kit.Requests;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link Connector} SPI over Stripe's PaymentIntents API (form bodies, {@code Authorization:
 * Bearer <api_key>} and a pinned {@code Stripe-Version} on every request, the call's idempotency key as
 * {@code Idempotency-Key} on every POST). Refunds
 * are Refunds, mandates SetupIntents or {@code setup_future_usage}, 3DS a {@code redirect_to_url}.
 * Stripe has no reverse distinct from a refund, and no orders: those answer {@code not_supported}.
 * Stateless and thread-safe.
 */
public final class StripeConnector implements Connector, WebhookSource {

    public static final String NAME = "stripe";

    /** What Stripe can do; an account without multicapture or increments (they need IC+ pricing) may declare less. */
    public static final Set<Capability> SUPPORTED = HashSet.of(Capability.MANUAL_CAPTURE, Capability.MULTIPLE_CAPTURE,
            Capability.INCREMENTAL_AUTHORIZATION, Capability.MANDATES, Capability.THREE_DS);

    private final ConnectorHttp http;
    private final Set<Capability> capabilities;

    public StripeConnector() {
        this(ConnectorHttp.create(), SUPPORTED);
    }

    public StripeConnector(ConnectorHttp http, Set<Capability> capabilities) {
        this.http = Objects.requireNonNull(http, "http");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        if (!SUPPORTED.containsAll(capabilities)) {
            throw new IllegalArgumentException("Stripe cannot do " + capabilities.removeAll(SUPPORTED));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Stripe's webhook events ({@link StripeWebhooks}), verified with the account's {@code webhook_secret}. */
    @Override
    public Either<Refused, io.vavr.collection.List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return StripeWebhooks.read(delivery, account);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Stripe cancels an online card PaymentIntent left uncaptured after 7 days. */
    @Override
    public java.time.Duration authorizationWindow() {
        return java.time.Duration.ofDays(7);
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize r) {
        boolean mandate = r.storeForFutureUse() || r.method() instanceof PaymentMethodData.StoredMandate;
        if (r.captureMethod() != CaptureMethod.AUTOMATIC && !capabilities.contains(Capability.MANUAL_CAPTURE)
                || r.captureMethod() == CaptureMethod.MANUAL_MULTIPLE && !capabilities.contains(Capability.MULTIPLE_CAPTURE)
                || mandate && !capabilities.contains(Capability.MANDATES)) {
            return notSupported("capture method " + r.captureMethod() + (mandate ? " with a mandate" : ""));
        }
        if (r.orderReference().isDefined()) {
            return notSupported("orders");
        }
        return withAccount(r.context(), account -> {
            Option<String> customer = Option.none();
            if (r.storeForFutureUse()) {
                Either<Outcome, String> created = customer(account, r.context(), r.customerId());
                if (created.isLeft()) {
                    return created.getLeft();
                }
                customer = Option.some(created.get());
            }
            var fields = StripeForms.paymentIntent(r, customer, capabilities.contains(Capability.MULTIPLE_CAPTURE));
            return http.exchange(post(account, "/v1/payment_intents", fields, r.context()), StripeAnswers::paymentIntent);
        });
    }

    /** The customer is back from the 3DS page: what the PaymentIntent says now. */
    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize r) {
        if (!capabilities.contains(Capability.THREE_DS)) {
            return notSupported("3DS");
        }
        String id = r.parameters().get("payment_intent").getOrElse(r.connectorTransactionId());
        return onIntent(r.context(), id, account -> http.exchange(get(account, "/v1/payment_intents/" + id),
                answer -> {
                    Outcome outcome = StripeAnswers.paymentIntent(answer);
                    // back without finishing the challenge: still open, a later sync settles it
                    return outcome instanceof Outcome.RequiresAction ? Outcome.Pending.of() : outcome;
                }));
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture r) {
        if (!capabilities.contains(Capability.MANUAL_CAPTURE)) {
            return notSupported("manual capture");
        }
        var fields = StripeForms.capture(r, capabilities.contains(Capability.MULTIPLE_CAPTURE));
        return onIntent(r.context(), r.connectorTransactionId(), account -> http.exchange(
                post(account, "/v1/payment_intents/" + r.connectorTransactionId() + "/capture", fields, r.context()),
                StripeAnswers::paymentIntent));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void r) {
        return onIntent(r.context(), r.connectorTransactionId(), account -> http.exchange(
                post(account, "/v1/payment_intents/" + r.connectorTransactionId() + "/cancel",
                        LinkedHashMap.empty(), r.context()),
                answer -> answer.isSuccess() && "canceled".equals(answer.json().path("status").asText())
                        ? Outcome.Approved.of(answer.json().path("id").asText())
                        : StripeAnswers.paymentIntent(answer)));
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse r) {
        return notSupported("a reverse (Stripe refunds a capture instead)");
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund r) {
        return onIntent(r.context(), r.connectorTransactionId(), account -> http.exchange(
                post(account, "/v1/refunds", StripeForms.refund(r), r.context()), StripeAnswers::refund));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization r) {
        if (!capabilities.contains(Capability.INCREMENTAL_AUTHORIZATION)) {
            return notSupported("incremental authorization");
        }
        var fields = StripeForms.amount("amount", r.newTotal());
        return onIntent(r.context(), r.connectorTransactionId(), account -> http.exchange(
                post(account, "/v1/payment_intents/" + r.connectorTransactionId() + "/increment_authorization",
                        fields, r.context()), StripeAnswers::paymentIntent));
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder r) {
        return notSupported("orders");
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate r) {
        if (!capabilities.contains(Capability.MANDATES)) {
            return notSupported("mandates");
        }
        if (r.method() instanceof PaymentMethodData.StoredMandate) {
            return new Outcome.Declined(DeclineCodes.INVALID_REQUEST, "a mandate is set up with a payment method");
        }
        return withAccount(r.context(), account -> customer(account, r.context(), Option.of(r.customerId())).fold(
                failed -> failed,
                customer -> http.exchange(post(account, "/v1/setup_intents", StripeForms.setupIntent(r, customer),
                        r.context()), StripeAnswers::setupIntent)));
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync r) {
        Outcome outcome = withAccount(r.context(), account -> new StripeSync(http, account).sync(r));
        // a sync that could not be sent says nothing about the transaction
        return outcome instanceof Outcome.Declined d && d.code().equals(DeclineCodes.TECHNICAL_ERROR)
                ? new Outcome.Unknown("sync not answered: " + d.message()) : outcome;
    }

    /**
     * The Stripe customer a stored method is attached to: the caller's when it is one ("cus_…"),
     * otherwise one created for it. If it cannot be made, the payment is not sent at all.
     */
    private Either<Outcome, String> customer(StripeAccount account, CallContext context, Option<String> customerId) {
        if (customerId.exists(id -> id.startsWith("cus_"))) {
            return Either.right(customerId.get());
        }
        HttpRequest.Builder request = account.headers(Requests.postForm(account.uri("/v1/customers"),
                        StripeForms.customer(context, customerId)))
                .header("Idempotency-Key", context.idempotencyKey() + ":customer");
        Outcome outcome = http.exchange(request, answer -> answer.isSuccess()
                ? Outcome.Approved.of(StripeAnswers.text(answer.json(), "id")) : StripeAnswers.error(answer));
        if (outcome instanceof Outcome.Approved approved && approved.reference().isDefined()) {
            return Either.right(approved.reference().get());
        }
        return Either.left(outcome instanceof Outcome.Declined declined ? declined
                : new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                "the Stripe customer for the mandate was not created; the payment was not sent"));
    }

    private Outcome withAccount(CallContext context, Function<StripeAccount, Outcome> call) {
        return StripeAccount.of(context.account()).fold(
                problem -> new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, problem + "; nothing was sent"), call);
    }

    /** Stripe ids are letters, digits and underscores; anything else is no Stripe object (and no path). */
    private Outcome onIntent(CallContext context, String id, Function<StripeAccount, Outcome> call) {
        if (id == null || !id.matches("[A-Za-z0-9_]{1,255}")) {
            return new Outcome.Declined(DeclineCodes.NOT_FOUND, "not a Stripe id");
        }
        return withAccount(context, call);
    }

    static HttpRequest.Builder post(StripeAccount account, String path, Map<String, String> fields,
                                    CallContext context) {
        return account.headers(Requests.idempotent(Requests.postForm(account.uri(path), fields), "Idempotency-Key",
                context));
    }

    static HttpRequest.Builder get(StripeAccount account, String pathAndQuery) {
        return account.headers(Requests.get(account.uri(pathAndQuery)));
    }

    private static Outcome notSupported(String what) {
        return new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "the Stripe connector does not do " + what);
    }
}
