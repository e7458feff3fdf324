package dev.tender.client;

import dev.tender.application.RedirectSignatures;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The ten operations of the Payment Service over one {@link Connector}, keeping no state: each call
 * builds the connector request, sends it and maps the answer to a result. Your system keeps the ids
 * ({@link CallIds}, the connector transaction id) and decides what comes next.
 *
 * <pre>{@code
 * PaymentClient client = PaymentClient.builder()
 *         .connector("simulator", connectors)
 *         .apiKey("sk_test_123")
 *         .environment(Environment.SANDBOX)
 *         .redirectSecret("a secret of at least thirty-two bytes")
 *         .build();
 * }</pre>
 *
 * <p><b>Errors.</b> An invalid request throws {@link InvalidRequestException} (when the request record
 * is built, or when an operation gets {@code null}), before anything is sent. A misconfigured builder
 * throws {@link IllegalStateException} from {@link Builder#build()}. Every answer of the processor is a
 * result, never an exception: a decline is {@code DECLINED} with a unified code, a timeout or an
 * unreadable reply is {@code UNKNOWN}. A connector that breaks the SPI by throwing or answering
 * {@code null} also yields {@code UNKNOWN}, because it may have sent the call before failing; so does an
 * answer an operation cannot have (customer action on a capture). After {@code UNKNOWN}, ask with
 * {@link #get} using the same {@link CallIds}; do not send the call again under new ids.
 *
 * <p><b>Idempotency.</b> See {@link CallIds}: the key is yours or {@code <requestId>:<operation>:<accountId>}.
 *
 * <p><b>Redirects.</b> With a redirect secret, {@link #authorize} appends {@code payment_id},
 * {@code request_id}, {@code tender_issued_at}, {@code tender_nonce} and {@code tender_signature} to the
 * return URL it sends, signed with {@link RedirectSignatures}; {@link #verifyRedirectResponse} checks
 * them when the browser comes back.
 *
 * <p>Thread-safe; one client per connector account.
 */
public final class PaymentClient {

    private final Connector connector;
    private final ConnectorAccount account;
    private final Option<SignedReturnUrls> returnUrls;
    private final Clock clock;

    private PaymentClient(Connector connector, ConnectorAccount account, Option<SignedReturnUrls> returnUrls,
                          Clock clock) {
        this.connector = connector;
        this.account = account;
        this.returnUrls = returnUrls;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The account every call is sent with: the connector's name, the credentials and the settings. */
    public ConnectorAccount account() {
        return account;
    }

    /** What the connector can do beyond authorize, capture, void and refund. */
    public Set<Capability> capabilities() {
        return connector.capabilities();
    }

    /** The idempotency key a call of {@code kind} with these ids sends (see {@link CallIds}). */
    public String idempotencyKeyFor(CallIds ids, TransactionKind kind) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(kind, "kind");
        return ids.idempotencyKey().getOrElse(() -> ids.requestId() + ":" + kind.wireName() + ":" + account.id());
    }

    /**
     * Authorize, or charge under automatic capture. With a redirect secret the return URL goes out
     * signed; it must not already carry the parameter names the client signs.
     */
    public AuthorizeResult authorize(AuthorizeRequest request) {
        require(request, "authorize request");
        Option<String> returnUrl = request.returnUrl()
                .map(url -> returnUrls.map(urls -> urls.sign(url, request.ids(), clock.instant())).getOrElse(url));
        ConnectorRequest.Authorize call = new ConnectorRequest.Authorize(
                context(request.ids(), TransactionKind.AUTHORIZE), request.amount(), request.captureMethod(),
                request.method(), request.customerId(), request.orderReference(), request.storeForFutureUse(),
                returnUrl, request.metadata());
        return AuthorizeResult.from(Outcomes.call(() -> connector.authorize(call)), request.captureMethod());
    }

    public CaptureResult capture(CaptureRequest request) {
        require(request, "capture request");
        ConnectorRequest.Capture call = new ConnectorRequest.Capture(context(request.ids(), TransactionKind.CAPTURE),
                request.connectorTransactionId(), request.amount(), request.finalCapture());
        return CaptureResult.from(Outcomes.call(() -> connector.capture(call)));
    }

    /**
     * Where an earlier call stands at the processor ({@link Connector#sync}). The request names the
     * earlier call by the ids it was sent with, so the same idempotency key goes out again.
     */
    public GetResult get(GetRequest request) {
        require(request, "get request");
        ConnectorRequest.Sync call = new ConnectorRequest.Sync(context(request.ids(), request.kind()), request.kind(),
                request.connectorTransactionId(), request.amount(), request.operationReference(),
                request.settledBefore());
        return GetResult.from(request.kind(), Outcomes.call(() -> connector.sync(call)));
    }

    public VoidResult voidPayment(VoidRequest request) {
        require(request, "void request");
        ConnectorRequest.Void call = new ConnectorRequest.Void(context(request.ids(), TransactionKind.VOID),
                request.connectorTransactionId(), request.amount());
        return VoidResult.from(Outcomes.call(() -> connector.voidAuthorization(call)));
    }

    public ReverseResult reverse(ReverseRequest request) {
        require(request, "reverse request");
        ConnectorRequest.Reverse call = new ConnectorRequest.Reverse(context(request.ids(), TransactionKind.REVERSE),
                request.connectorTransactionId(), request.amount());
        return ReverseResult.from(Outcomes.call(() -> connector.reverse(call)));
    }

    public RefundResult refund(RefundRequest request) {
        require(request, "refund request");
        ConnectorRequest.Refund call = new ConnectorRequest.Refund(context(request.ids(), TransactionKind.REFUND),
                request.connectorTransactionId(), request.amount(), request.reason());
        return RefundResult.from(Outcomes.call(() -> connector.refund(call)));
    }

    public IncrementalAuthorizationResult incrementalAuthorization(IncrementalAuthorizationRequest request) {
        require(request, "incremental authorization request");
        ConnectorRequest.IncrementAuthorization call = new ConnectorRequest.IncrementAuthorization(
                context(request.ids(), TransactionKind.INCREMENT), request.connectorTransactionId(),
                request.newTotal());
        return IncrementalAuthorizationResult.from(Outcomes.call(() -> connector.incrementAuthorization(call)));
    }

    public CreateOrderResult createOrder(CreateOrderRequest request) {
        require(request, "create order request");
        ConnectorRequest.CreateOrder call = new ConnectorRequest.CreateOrder(
                context(request.ids(), TransactionKind.ORDER), request.amount());
        return CreateOrderResult.from(Outcomes.call(() -> connector.createOrder(call)), request.ids().requestId());
    }

    /**
     * Checks that a return from a redirect carries this client's signature over its payment and request
     * ids, unchanged, and was issued within the freshness window. It calls no connector.
     *
     * <p><b>Stateless: no replay detection.</b> The same valid return verifies again until it expires.
     * Stopping a replay needs a store: record {@link VerifyRedirectResult#replayKey()} as used until
     * {@link VerifyRedirectResult#expiresAt()} and refuse a key seen before — or use the stateful
     * service ({@code RedirectService} in payment-ports), which does so.
     *
     * @throws IllegalStateException when the client was built without a redirect secret
     */
    public VerifyRedirectResult verifyRedirectResponse(VerifyRedirectRequest request) {
        require(request, "verify redirect request");
        SignedReturnUrls urls = returnUrls.getOrElseThrow(() -> new IllegalStateException(
                "verifying a redirect needs a redirect secret: set one on the builder"));
        Map<String, String> parameters = request.parameters();
        return urls.verify(parameters, clock.instant()).fold(VerifyRedirectResult::rejected,
                verified -> VerifyRedirectResult.verified(verified,
                        parameters.filterKeys(name -> !SignedReturnUrls.SIGNED.contains(name))));
    }

    /** Store a payment method for later merchant-initiated charges ({@link Connector#setupMandate}). */
    public SetupRecurringResult setupRecurring(SetupRecurringRequest request) {
        require(request, "setup recurring request");
        ConnectorRequest.SetupMandate call = new ConnectorRequest.SetupMandate(
                context(request.ids(), TransactionKind.SETUP_MANDATE), request.method(), request.customerId(),
                request.currency());
        return SetupRecurringResult.from(Outcomes.call(() -> connector.setupMandate(call)));
    }

    private CallContext context(CallIds ids, TransactionKind kind) {
        return new CallContext(account, idempotencyKeyFor(ids, kind), PaymentId.of(ids.paymentId()),
                TransactionId.of(ids.requestId()));
    }

    private static void require(Object request, String name) {
        if (request == null) {
            throw new InvalidRequestException(name, List.of(name + " is required"));
        }
    }

    /**
     * How to reach the connector. Required: a connector (an instance, or a name and the registry to find
     * it in). Defaults: no credentials, {@link Environment#SANDBOX}, account id the connector's name,
     * merchant id {@code sdk}, no redirect secret (then {@link #verifyRedirectResponse} is unavailable and
     * return URLs go out as given), {@link RedirectSignatures#standard()} freshness, the UTC system clock.
     *
     * <p>The account settings a connector reads: {@code environment} ({@code sandbox} or
     * {@code production}), {@code base_url} when set (it overrides the environment's address), and any
     * {@link #setting} added.
     */
    public static final class Builder {

        private static final Set<String> RESERVED_SETTINGS = io.vavr.collection.HashSet.of("environment", "base_url");

        private Option<Connector> connector = Option.none();
        private Option<String> connectorName = Option.none();
        private Option<Connectors> registry = Option.none();
        private Credentials credentials = Credentials.of(HashMap.empty());
        private Environment environment = Environment.SANDBOX;
        private Option<String> baseUrl = Option.none();
        private Map<String, String> settings = LinkedHashMap.empty();
        private Option<byte[]> redirectSecret = Option.none();
        private RedirectSignatures signatures = RedirectSignatures.standard();
        private Clock clock = Clock.systemUTC();
        private Option<String> accountId = Option.none();
        private String merchantId = "sdk";

        private Builder() {
        }

        public Builder connector(Connector connector) {
            this.connector = Option.some(Objects.requireNonNull(connector, "connector"));
            this.connectorName = Option.none();
            this.registry = Option.none();
            return this;
        }

        /** The connector registered under {@code name}, looked up when {@link #build()} runs. */
        public Builder connector(String name, Connectors registry) {
            this.connectorName = Option.some(Objects.requireNonNull(name, "name"));
            this.registry = Option.some(Objects.requireNonNull(registry, "registry"));
            this.connector = Option.none();
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder credentials(java.util.Map<String, String> credentials) {
            return credentials(Credentials.of(LinkedHashMap.ofAll(Objects.requireNonNull(credentials, "credentials"))));
        }

        /** Shorthand for credentials holding one value, {@code api_key}. */
        public Builder apiKey(String apiKey) {
            return credentials(Credentials.of(LinkedHashMap.of("api_key", Objects.requireNonNull(apiKey, "apiKey"))));
        }

        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The processor's address, instead of the one the environment implies (a local fake, a proxy). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Option.some(Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /** Another account setting the connector reads ({@code environment} and {@code base_url} have their own). */
        public Builder setting(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (RESERVED_SETTINGS.contains(name)) {
                throw new IllegalArgumentException("set " + name + " with its own builder method");
            }
            this.settings = settings.put(name, value);
            return this;
        }

        /** The secret return URLs are signed with: at least 32 bytes, kept out of logs. */
        public Builder redirectSecret(byte[] secret) {
            this.redirectSecret = Option.some(Objects.requireNonNull(secret, "secret").clone());
            return this;
        }

        /** The secret as UTF-8 text. */
        public Builder redirectSecret(String secret) {
            return redirectSecret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
        }

        /** How old a return may be, and how far ahead of this clock the signer's may have been. */
        public Builder redirectFreshness(Duration maxAge, Duration maxFutureSkew) {
            this.signatures = new RedirectSignatures(maxAge, maxFutureSkew);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The account id in every call context and derived idempotency key; the connector's name if not set. */
        public Builder accountId(String accountId) {
            this.accountId = Option.some(Objects.requireNonNull(accountId, "accountId"));
            return this;
        }

        public Builder merchantId(String merchantId) {
            this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
            return this;
        }

        /** @throws IllegalStateException listing every configuration problem */
        public PaymentClient build() {
            List<String> problems = List.empty();
            Option<Connector> resolved = connector.orElse(() -> registry
                    .flatMap(r -> Option.of(r.named(connectorName.get())).flatMap(found -> found)));
            if (connector.isEmpty() && connectorName.isEmpty()) {
                problems = problems.append("no connector: set one, or a name and the registry holding it");
            } else if (resolved.isEmpty()) {
                problems = problems.append("no connector named '" + connectorName.get() + "' in the registry");
            }
            if (baseUrl.exists(url -> !Checks.isAbsoluteHttpUrl(url))) {
                problems = problems.append("base URL must be an absolute http(s) URL: " + baseUrl.get());
            }
            if (redirectSecret.exists(secret -> secret.length < RedirectSignatures.MIN_SECRET_BYTES)) {
                problems = problems.append("the redirect secret needs at least " + RedirectSignatures.MIN_SECRET_BYTES
                        + " bytes");
            }
            if (accountId.exists(String::isBlank)) {
                problems = problems.append("account id must not be blank");
            }
            Option<MerchantId> merchant = Option.of(merchantId).filter(Checks::isId).map(MerchantId::of);
            if (merchant.isEmpty()) {
                problems = problems.append(
                        "merchant id must be 1-64 characters of letters, digits, '_', '-', '.', ':'");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build the payment client: " + problems.mkString("; "));
            }
            Connector target = resolved.get();
            Map<String, String> accountSettings = settings.put("environment", environment.wireName())
                    .merge(baseUrl.map(url -> LinkedHashMap.of("base_url", url)).getOrElse(LinkedHashMap.empty()));
            ConnectorAccount account = new ConnectorAccount(accountId.getOrElse(target.name()), merchant.get(),
                    target.name(), target.name() + " (" + environment.wireName() + ")", 0, true, credentials,
                    accountSettings);
            return new PaymentClient(target, account,
                    redirectSecret.map(secret -> new SignedReturnUrls(signatures, secret)), clock);
        }
    }
}
