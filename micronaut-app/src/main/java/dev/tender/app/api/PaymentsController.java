package dev.tender.app.api;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.http.ReturnUrl;
import dev.tender.app.storage.KeptFields;
import dev.tender.app.storage.MerchantStore;
import dev.tender.application.Tender;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.ChargeMandateUseCase;
import dev.tender.ports.in.CompleteAuthorizationUseCase;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.Fields;
import dev.tender.ports.in.IncrementAuthorizationUseCase;
import dev.tender.ports.in.ReversePaymentUseCase;
import dev.tender.ports.in.UpdateMetadataUseCase;
import dev.tender.ports.in.UpdatePaymentUseCase;
import dev.tender.ports.in.VoidPaymentUseCase;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.MerchantReturnUrls;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.PaymentMethodData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vavr.Lazy;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.Instant;
import java.util.Map;

/**
 * The payments API of Hyperswitch v1. Every call is scoped to the merchant of the API key: another
 * merchant's payment is not found. Every POST honours an {@code Idempotency-Key}; the use cases are
 * called without one of their own.
 */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/payments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentsController {

    static final int DEFAULT_LIMIT = 10;
    /** The kept field that holds a reversal's reason (not a request field of any create, update or confirm). */
    static final String REVERSAL_REASON = "cancel_post_capture_reason";

    private final Tender tender;
    private final RequestBinder binder;
    private final ApiResponses responses;
    private final JsonMapper json;
    private final KeptFields details;
    private final ClientSecrets clientSecrets;
    private final MerchantReturnUrls returnUrls;
    private final MerchantStore merchants;
    private final ConnectorAccounts accounts;
    private final PaymentCustomers customers;

    public PaymentsController(Tender tender, RequestBinder binder, ApiResponses responses, JsonMapper json,
                              KeptFields details, ClientSecrets clientSecrets, MerchantReturnUrls returnUrls,
                              MerchantStore merchants, ConnectorAccounts accounts, PaymentCustomers customers) {
        this.customers = customers;
        this.accounts = accounts;
        this.merchants = merchants;
        this.returnUrls = returnUrls;
        this.tender = tender;
        this.binder = binder;
        this.responses = responses;
        this.json = json;
        this.details = details;
        this.clientSecrets = clientSecrets;
    }

    // ---------------------------------------------------------------- create, update, confirm

    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsRequest")))
    @ApiResponse(responseCode = "200", description = "The payment created",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.CREATED_PAYMENT)
    public HttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
        PaymentInput in = input(request, body, null);
        PaymentsRequest r = in.request();
        JsonBody fields = in.fields();
        if (r.amount() == null) {
            fields.required("amount");
        }
        String customerId = in.common().customerId() != null ? in.common().customerId()
                : Requests.customerIdOf(in.kept());
        checkProfile(in);
        if (r.amountToCapture() != null && r.amount() != null && !r.amountToCapture().equals(r.amount())) {
            fields.error("amount_to_capture", "must equal amount: a partial capture at creation is not supported; "
                    + "create with capture_method manual and capture what is due");
        }
        if (in.common().mandate().charges()) {
            return charged(request, in, customerId);
        }
        CreatePaymentUseCase.Command command = Requests.valid(fields, CreatePaymentUseCase.Command.of(
                in.merchant().value(), newPaymentId(request, r), r.amount(), r.currency(),
                in.common().captureMethod(), in.method().getOrNull(), customerId,
                in.common().mandate().setup(fields, customerId, Instant.now()), Requests.vavr(in.common().metadata()),
                Boolean.TRUE.equals(r.confirm()), in.common().returnUrl(), null).map(c -> c.routedTo(in.routed())));
        refuseTakenId(in.merchant(), command.paymentId());
        return saved(tender.payments().create(command), in.kept());
    }

    /** A body of a create ({@code paymentId} null), an update or a confirm, read and checked as far as it goes. */
    private record PaymentInput(MerchantId merchant, JsonBody fields, PaymentsRequest request,
                                PaymentRequestCommon common, Option<PaymentMethodData> method, Option<String> routed,
                                Map<String, JsonNode> kept, Lazy<Map<String, JsonNode>> stored) {
    }

    private PaymentInput input(HttpRequest<?> request, @Nullable String body, @Nullable String paymentId) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsRequest r = binder.read(fields, PaymentsRequest.class);
        PaymentRequestCommon common = PaymentRequestCommon.of(r, paymentId == null ? MandateRequest.read(fields, r)
                : MandateRequest.readAfterCreate(fields, r));
        Option<PaymentMethodData> method = Requests.paymentMethod(fields, tender.cards(), r.paymentMethod(),
                r.paymentMethodData());
        Option<String> routed = RoutingRequest.account(fields, merchant, accounts);
        // the fields kept since the payment's creation, read at most once per request, and only when needed
        Lazy<Map<String, JsonNode>> stored = Lazy.of(() -> paymentId == null ? Map.of()
                : details.find(merchant, KeptFields.Kind.PAYMENT, paymentId));
        return new PaymentInput(merchant, fields, r, common, method, routed,
                keptFields(fields, r, common, merchant, stored), stored);
    }

    private void checkProfile(PaymentInput in) {
        JsonNode profile = in.kept().get("profile_id");
        if (profile != null && merchants.profile(in.merchant().value(), profile.getStringValue()).isEmpty()) {
            in.fields().error("profile_id", "is not a business profile of this merchant");
        }
    }

    /** A merchant-initiated charge on a mandate: {@code mandate_id} (or {@code recurring_details}), off session. */
    private HttpResponse<PaymentsResponse> charged(HttpRequest<?> request, PaymentInput in,
                                                   @Nullable String customerId) {
        PaymentsRequest r = in.request();
        if (in.routed().isDefined()) {
            in.fields().error("routing", "cannot route a mandate charge: it goes to its mandate's account");
        }
        String mandateId = in.common().mandate().charged(in.fields(), r.confirm(), customerId,
                r.paymentMethodData() != null);
        if (mandateId == null) {
            // the body says why no mandate is named; the command would only repeat it as mandate_id's
            in.fields().requireValid();
        }
        ChargeMandateUseCase.Command command = Requests.valid(in.fields(), ChargeMandateUseCase.Command.of(
                in.merchant().value(), newPaymentId(request, r), mandateId, r.amount(), r.currency(),
                in.common().captureMethod(), customerId, Requests.vavr(in.common().metadata()), null));
        refuseTakenId(in.merchant(), command.paymentId());
        return saved(tender.mandates().charge(command), in.kept());
    }

    /** The id the body names, else the one its Idempotency-Key gives it (so a retry finds it), else none. */
    private static String newPaymentId(HttpRequest<?> request, PaymentsRequest r) {
        return r.paymentId() != null ? r.paymentId() : Takeovers.derivedId(request, "pay").orElse(null);
    }

    private void refuseTakenId(MerchantId merchant, Option<PaymentId> id) {
        if (id.isDefined() && tender.payments().get(merchant, id.get()).isRight()) {
            throw new ApiException(400, "HE_01",
                    "The payment with the specified payment_id already exists in our records", true);
        }
    }

    @Post("/{payment_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsRequest")))
    @ApiResponse(responseCode = "200", description = "The payment updated (and confirmed with confirm: true)",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                  @Nullable @Body String body) {
        PaymentInput in = input(request, body, paymentId);
        PaymentsRequest r = in.request();
        PaymentId id = paymentId(paymentId);
        in.fields().requireValid();
        Payment payment = load(in.merchant(), id);
        checkClientSecret(in.merchant(), id, r.clientSecret());
        UpdatePaymentUseCase.Command command = Requests.valid(in.fields(),
                update(in.merchant(), payment, r.amount(), r.currency(), in.common(), in.kept(), in.method()));
        if (!Boolean.TRUE.equals(r.confirm())) {
            return saved(tender.payments().update(command), in.kept());
        }
        result(tender.payments().update(command));
        return saved(tender.payments().confirm(confirmCommand(in, paymentId)), in.kept());
    }

    /** The confirm the body asks, at the account its {@code routing} (or its creation's) names. */
    private ConfirmPaymentUseCase.Command confirmCommand(PaymentInput in, String paymentId) {
        Option<String> routed = in.fields().sent("routing") ? in.routed()
                : RoutingRequest.kept(in.stored().get().get("routing"), in.merchant(), accounts);
        return Requests.valid(in.fields(), ConfirmPaymentUseCase.Command.of(in.merchant().value(), paymentId,
                in.method().getOrNull(), routed.getOrNull(), in.common().returnUrl(), null));
    }

    /**
     * Confirms, after applying the changes the body carries (amount, capture method, customer, metadata:
     * the same as an update, made first).
     */
    @Access(AccessLevel.PUBLISHABLE)
    @Post("/{payment_id}/confirm")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsRequest")))
    @ApiResponse(responseCode = "200", description = "The payment confirmed",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                   @Nullable @Body String body) {
        PaymentInput in = input(request, body, paymentId);
        PaymentsRequest r = in.request();
        PaymentId id = paymentId(paymentId);
        if (Authenticated.client(request)) {
            clientMayNotChange(in);
        }
        clientSecretRequired(request, in.fields(), r.clientSecret());
        in.fields().requireValid();
        Payment payment = load(in.merchant(), id);
        checkClientSecret(in.merchant(), id, r.clientSecret());
        checkSessionOpen(request, () -> payment);
        ConfirmPaymentUseCase.Command command = confirmCommand(in, paymentId);
        if (!r.changedTerms(in.kept()).isEmpty()) {
            result(tender.payments().update(Requests.valid(in.fields(), update(in.merchant(), payment, r.amount(),
                    r.currency(), in.common(), in.kept(), Option.none()))));
        }
        return saved(tender.payments().confirm(command), in.kept());
    }

    /** What only the merchant's server may change, refused to a client's confirm (publishable key). */
    private static void clientMayNotChange(PaymentInput in) {
        List<String> merchantsOwn = List.ofAll(in.request().changedTerms(in.kept()))
                .appendAll(List.of("session_expiry", "routing").filter(in.kept()::containsKey));
        merchantsOwn.forEach(term -> in.fields().error(term, "can be changed with the secret API key only"));
    }

    /**
     * The request fields kept with the payment: those no use case takes, each checked for its kind, plus
     * the checked {@code description}, {@code return_url}, {@code setup_future_usage}, {@code off_session}
     * and {@code mandate_data} (for its {@code metadata}).
     */
    private Map<String, JsonNode> keptFields(JsonBody fields, PaymentsRequest request, PaymentRequestCommon common,
                                             MerchantId merchant, Lazy<Map<String, JsonNode>> stored) {
        Requests.customerId(fields, common.customerId());
        Map<String, JsonNode> kept = new java.util.TreeMap<>(fields.keep(PaymentsRequest.KEPT));
        JsonNode routing = fields.raw("routing");
        if (routing != null && routing.isObject() && fields.bounded("routing", routing)) {
            kept.put("routing", routing);
        }
        JsonNode captureOn = kept.get("capture_on");
        if (captureOn != null) {
            Requests.instant("capture_on", captureOn.getStringValue()).swap()
                    .forEach(e -> fields.error(e.field(), e.message()));
        }
        CustomerFields.read(request, merchant, kept,
                () -> java.util.Optional.ofNullable(stored.get().get("customer")));
        JsonNode expiry = kept.get("session_expiry");
        if (expiry != null && (!expiry.isNumber() || expiry.getNumberValue() instanceof java.math.BigInteger
                || expiry.getLongValue() < 0 || expiry.getLongValue() > ApiResponses.MAX_SESSION_EXPIRY_SECONDS)) {
            fields.error("session_expiry", "must be from 0 to " + ApiResponses.MAX_SESSION_EXPIRY_SECONDS + " seconds");
        }
        JsonNode customer = kept.get("customer");
        JsonNode customerId = customer == null ? null : customer.get("id");
        if (customerId != null && (!customerId.isString() || customerId.getStringValue().isBlank()
                || customerId.getStringValue().length() > Requests.MAX_ID_LENGTH)) {
            fields.error("customer.id", "must be 1 to " + Requests.MAX_ID_LENGTH + " characters");
        }
        if (common.description() != null) {
            kept.put("description", JsonNode.createStringNode(common.description()));
        }
        if (common.mandate().setupFutureUsage() != null) {
            kept.put("setup_future_usage", JsonNode.createStringNode(common.mandate().setupFutureUsage()));
        }
        if (common.mandate().offSession() != null) {
            kept.put("off_session", JsonNode.createBooleanNode(common.mandate().offSession()));
        }
        if (common.mandate().mandateDataSent() && fields.bounded("mandate_data", fields.raw("mandate_data"))) {
            kept.put("mandate_data", fields.raw("mandate_data"));
        }
        String returnUrl = ReturnUrl.checked(fields, "return_url", common.returnUrl());
        if (returnUrl != null) {
            kept.put("return_url", JsonNode.createStringNode(returnUrl));
        }
        return kept;
    }

    private static Validation<io.vavr.collection.Seq<FieldError>, UpdatePaymentUseCase.Command> update(
            MerchantId merchant, Payment payment, @Nullable Long amountValue, @Nullable String currencyCode,
            PaymentRequestCommon common, Map<String, JsonNode> kept, Option<PaymentMethodData> method) {
        Currency currency = payment.amount().currency();
        Validation<FieldError, Option<Money>> amount = amountValue == null ? Validation.valid(Option.none())
                : Fields.amount("amount", amountValue, currency).map(Option::some);
        Validation<FieldError, Boolean> sameCurrency = currencyCode == null
                || Currency.find(currencyCode).contains(currency) ? Validation.valid(true)
                : Validation.invalid(new FieldError("currency", "cannot change: the payment is in " + currency));
        Validation<FieldError, Option<CaptureMethod>> captureMethod = common.captureMethod() == null
                ? Validation.valid(Option.none()) : Fields.captureMethod(common.captureMethod()).map(Option::some);
        String customerId = common.customerId() != null ? common.customerId() : Requests.customerIdOf(kept);
        return Validation.combine(amount, sameCurrency, captureMethod).ap((a, same, capture) ->
                new UpdatePaymentUseCase.Command(merchant, payment.id(), new UpdatePayment(a, capture,
                        Option.none(), Option.of(customerId), Option.of(common.metadata()).map(Requests::vavr),
                        Instant.now()), method, Option.none()));
    }

    /** A client (publishable key) must show the payment's {@code client_secret}. */
    private static void clientSecretRequired(HttpRequest<?> request, JsonBody fields, @Nullable String clientSecret) {
        if (Authenticated.client(request) && clientSecret == null) {
            fields.required("client_secret");
        }
    }

    /** A {@code client_secret} sent along must be the payment's. */
    private void checkClientSecret(MerchantId merchant, PaymentId id, @Nullable String clientSecret) {
        if (clientSecret != null && !clientSecrets.matches(merchant, id, clientSecret)) {
            throw new ApiException(400, "IR_09", "The client_secret provided does not match the client_secret "
                    + "associated with the Payment", true);
        }
    }

    /**
     * A client (publishable key) acts on a payment until its {@code expires_on}: {@code created} plus the
     * {@code session_expiry} it was created with (15 minutes by default). The merchant's server is not held
     * to it.
     */
    private void checkSessionOpen(HttpRequest<?> request, java.util.function.Supplier<Payment> payment) {
        if (!Authenticated.client(request)) {
            return; // the payment is read only for a client
        }
        Instant expiresOn = responses.expiresOn(payment.get());
        if (!Instant.now().isBefore(expiresOn)) {
            throw new ApiException(400, "IR_09", "The client_secret has expired: the payment's session ended at "
                    + expiresOn, true);
        }
    }

    /** The payment as the use case left it, after its request fields are kept with it. */
    private HttpResponse<PaymentsResponse> saved(Either<ApplicationError, Payment> result, Map<String, JsonNode> kept) {
        Payment payment = result(result);
        AfterTheOutcome.keep("request fields", payment.id().value(), () -> {
            details.merge(payment.merchantId(), KeptFields.Kind.PAYMENT, payment.id().value(), kept, Instant.now());
            JsonNode returnUrl = kept.get("return_url");
            if (returnUrl != null) { // an update's too: where the customer goes back after a redirect
                returnUrls.keep(payment.merchantId(), payment.id(), returnUrl.getStringValue());
            }
        });
        customers.keep(payment, kept);
        return HttpResponse.ok(responses.payment(payment));
    }

    // ---------------------------------------------------------------- operations on an authorization

    @Post("/{payment_id}/capture")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsCaptureRequest")))
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> capture(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                   @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsCaptureRequest r = binder.read(fields, PaymentsCaptureRequest.class);
        PaymentId id = paymentId(paymentId);
        fields.requireValid();
        Payment payment = load(merchant, id);
        CapturePaymentUseCase.Command command = Requests.valid(fields, CapturePaymentUseCase.Command.of(
                merchant.value(), paymentId, r.amountToCapture(), payment.amount().currency().code(), false,
                null));
        return ok(tender.payments().capture(command));
    }

    @Post("/{payment_id}/cancel")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsCancelRequest")))
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                  @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        fields.ignore("merchant_connector_details");
        PaymentsCancelRequest r = binder.read(fields, PaymentsCancelRequest.class);
        VoidPaymentUseCase.Command command = Requests.valid(fields, VoidPaymentUseCase.Command.of(
                merchant.value(), paymentId, r.cancellationReason(), null));
        return ok(tender.payments().cancel(command));
    }

    /**
     * A reversal of what was captured, before it settles; its {@code cancellation_reason} is kept with the
     * payment's request fields and shown once the payment is {@code cancelled_post_capture}.
     */
    @Post("/{payment_id}/cancel_post_capture")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsCancelPostCaptureRequest")))
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> cancelPostCapture(HttpRequest<?> request,
                                             @PathVariable("payment_id") String paymentId,
                                             @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsCancelRequest r = binder.read(fields, PaymentsCancelRequest.class);
        ReversePaymentUseCase.Command command = Requests.valid(fields, ReversePaymentUseCase.Command.of(
                merchant.value(), paymentId, null, null));
        Map<String, JsonNode> kept = r.cancellationReason() == null ? Map.of()
                : Map.of(REVERSAL_REASON, JsonNode.createStringNode(r.cancellationReason()));
        return saved(tender.payments().reverse(command), kept);
    }

    @Post("/{payment_id}/incremental_authorization")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsIncrementalAuthorizationRequest")))
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> incrementalAuthorization(HttpRequest<?> request,
                                                    @PathVariable("payment_id") String paymentId,
                                                    @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsIncrementalAuthorizationRequest r = binder.read(fields,
                PaymentsIncrementalAuthorizationRequest.class);
        PaymentId id = paymentId(paymentId);
        if (r.amount() == null) {
            fields.required("amount");
        }
        fields.requireValid();
        Payment payment = load(merchant, id);
        IncrementAuthorizationUseCase.Command command = Requests.valid(fields,
                IncrementAuthorizationUseCase.Command.of(merchant.value(), paymentId, r.amount(),
                        payment.amount().currency().code(), null));
        return ok(tender.payments().increment(command));
    }

    @Access(AccessLevel.PUBLISHABLE)
    @Post("/{payment_id}/complete_authorize")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsCompleteAuthorizeRequest")))
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    @Idempotent(Idempotent.Takeover.PAYMENT)
    public HttpResponse<?> completeAuthorize(HttpRequest<?> request,
                                             @PathVariable("payment_id") String paymentId,
                                             @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsCompleteAuthorizeRequest r = binder.read(fields, PaymentsCompleteAuthorizeRequest.class);
        Map<String, String> parameters = r.parameters(fields);
        clientSecretRequired(request, fields, r.clientSecret());
        fields.requireValid();
        PaymentId id = paymentId(paymentId);
        checkClientSecret(merchant, id, r.clientSecret());
        checkSessionOpen(request, () -> load(merchant, id));
        CompleteAuthorizationUseCase.Command command = Requests.valid(fields,
                CompleteAuthorizationUseCase.Command.of(merchant.value(), paymentId,
                        Requests.vavr(parameters), null));
        return ok(tender.payments().complete(command));
    }

    /** Replaces the metadata in any status (as Hyperswitch does); money and status are left as they are. */
    @Post("/{payment_id}/update_metadata")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsUpdateMetadataRequest")))
    @ApiResponse(responseCode = "200", description = "The metadata now kept",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsUpdateMetadataResponse")))
    @Idempotent
    public HttpResponse<?> updateMetadata(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                          @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        PaymentsUpdateMetadataRequest r = binder.read(fields, PaymentsUpdateMetadataRequest.class);
        PaymentId id = paymentId(paymentId);
        if (r.metadata() == null) {
            fields.required("metadata");
        }
        fields.requireValid();
        Payment updated = result(tender.payments().updateMetadata(new UpdateMetadataUseCase.Command(merchant, id,
                Requests.vavr(r.metadata()))));
        return HttpResponse.ok(new PaymentsUpdateMetadataResponse(updated.id().value(),
                ApiResponses.javaMap(updated.metadata())));
    }

    // ---------------------------------------------------------------- read

    /** With {@code force_sync=true}, asks the connector about every open operation first. */
    @Access(AccessLevel.PUBLISHABLE)
    @Get("/{payment_id}")
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentsResponse")))
    public HttpResponse<PaymentsResponse> retrieve(HttpRequest<?> request,
                                                   @PathVariable("payment_id") String paymentId) {
        MerchantId merchant = Authenticated.merchant(request);
        PaymentId id = paymentId(paymentId);
        boolean sync = flag(request, "force_sync");
        String clientSecret = param(request, "client_secret").getOrNull();
        if (Authenticated.client(request) && clientSecret == null) {
            throw ApiErrors.invalid(List.of(new FieldError("client_secret", "is required")), false);
        }
        if (clientSecret != null) {
            load(merchant, id); // a missing payment is not found, whatever the secret
            checkClientSecret(merchant, id, clientSecret);
        }
        return HttpResponse.ok(responses.payment(result(sync
                ? tender.payments().sync(merchant, id)
                : tender.payments().get(merchant, id))));
    }

    /**
     * Newest first: {@code limit} (1–100, default 10), the cursors {@code starting_after} /
     * {@code ending_before} (payment ids), and {@code created}, {@code created_lt}, {@code created_gt},
     * {@code created_lte}, {@code created_gte} (also written {@code created.lt}, …).
     */
    @Get("/list")
    @ApiResponse(responseCode = "200", description = "The payments, newest first",
            content = @Content(schema = @Schema(ref = "#/components/schemas/PaymentListResponse")))
    public HttpResponse<PaymentListResponse> list(HttpRequest<?> request) {
        MerchantId merchant = Authenticated.merchant(request);
        ListQuery query = listQuery(request);
        Page<Payment> page = tender.payments().list(merchant, query);
        return HttpResponse.ok(new PaymentListResponse(page.items().size(), responses.payments(merchant, page.items())));
    }

    private static ListQuery listQuery(HttpRequest<?> request) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        if (param(request, "customer_id").isDefined()) {
            errors.add(new FieldError("customer_id", "is not supported as a filter of this list"));
        }
        int limit = DEFAULT_LIMIT;
        Option<String> limitText = param(request, "limit");
        if (limitText.isDefined()) {
            if (limitText.get().matches("\\d{1,3}") && Integer.parseInt(limitText.get()) >= 1
                    && Integer.parseInt(limitText.get()) <= ListQuery.MAX_LIMIT) {
                limit = Integer.parseInt(limitText.get());
            } else {
                errors.add(new FieldError("limit", "must be an integer from 1 to " + ListQuery.MAX_LIMIT));
            }
        }
        Option<Instant> from = Option.none();
        Option<Instant> to = Option.none();
        for (String bound : java.util.List.of("created", "created_gte", "created_gt", "created_lte", "created_lt")) {
            Option<String> text = param(request, bound).orElse(() -> param(request, bound.replace("created_", "created.")));
            if (text.isEmpty()) {
                continue;
            }
            Validation<FieldError, Instant> at = Requests.instant(bound, text.get());
            if (at.isInvalid()) {
                errors.add(at.getError());
                continue;
            }
            Instant t = at.get();
            Option<Instant> lower = switch (bound) {
                case "created", "created_gte" -> Option.some(t);
                case "created_gt" -> Option.some(t.plusNanos(1));
                default -> Option.none();
            };
            Option<Instant> upper = switch (bound) {
                case "created", "created_lte" -> Option.some(t.plusNanos(1));
                case "created_lt" -> Option.some(t);
                default -> Option.none();
            };
            from = lower.isDefined() ? Option.some(from.filter(f -> f.isAfter(lower.get())).getOrElse(lower.get())) : from;
            to = upper.isDefined() ? Option.some(to.filter(u -> u.isBefore(upper.get())).getOrElse(upper.get())) : to;
        }
        Option<String> startingAfter = cursor(request, "starting_after", errors);
        Option<String> endingBefore = cursor(request, "ending_before", errors);
        if (!errors.isEmpty()) {
            throw ApiErrors.invalid(List.ofAll(errors), false);
        }
        return new ListQuery(from, to, startingAfter, endingBefore, limit);
    }

    private static Option<String> cursor(HttpRequest<?> request, String name, java.util.List<FieldError> errors) {
        Option<String> value = param(request, name);
        if (value.isDefined() && Fields.payment(value.get()).isInvalid()) {
            errors.add(new FieldError(name, "must be a payment_id"));
            return Option.none();
        }
        return value;
    }

    static Option<String> param(HttpRequest<?> request, String name) {
        return Option.ofOptional(request.getParameters().getFirst(name));
    }

    static boolean flag(HttpRequest<?> request, String name) {
        Option<String> value = param(request, name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiErrors.invalid(List.of(new FieldError(name, "must be true or false")), false);
        };
    }

    // ---------------------------------------------------------------- helpers

    private Payment load(MerchantId merchant, PaymentId id) {
        return result(tender.payments().get(merchant, id));
    }

    static PaymentId paymentId(String value) {
        Validation<FieldError, PaymentId> id = Fields.payment(value);
        if (id.isInvalid()) {
            throw ApiErrors.invalid(List.of(id.getError()), false);
        }
        return id.get();
    }

    static <T> T result(Either<ApplicationError, T> result) {
        return result.getOrElseThrow(ApiErrors::of);
    }

    private HttpResponse<PaymentsResponse> ok(Either<ApplicationError, Payment> result) {
        return HttpResponse.ok(responses.payment(result(result)));
    }
}
