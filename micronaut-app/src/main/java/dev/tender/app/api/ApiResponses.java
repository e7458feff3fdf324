package dev.tender.app.api;

import dev.tender.app.api.PaymentsResponse.CustomerDetailsResponse;
import dev.tender.app.api.PaymentsResponse.IncrementalAuthorizationResponse;
import dev.tender.app.views.PaymentView;
import dev.tender.app.views.PaymentViews;
import dev.tender.application.Tender;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.TransitionTable;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.RefundRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payments, refunds and mandates as the API shows them. A card is shown as brand, BIN, last four, expiry and
 * holder only.
 */
@Singleton
public class ApiResponses {

    private static final java.util.Map<String, String> NETWORKS = java.util.Map.of("visa", "Visa",
            "mastercard", "Mastercard", "amex", "AmericanExpress", "discover", "Discover", "jcb", "JCB",
            "diners", "DinersClub");

    static final long DEFAULT_SESSION_EXPIRY_SECONDS = 900;
    /** Hyperswitch's bound: about three months. */
    static final long MAX_SESSION_EXPIRY_SECONDS = 7_890_000;

    private final PaymentViews views;
    private final ClientSecrets clientSecrets;
    private final Tender tender;

    public ApiResponses(PaymentViews views, ClientSecrets clientSecrets, Tender tender) {
        this.views = views;
        this.clientSecrets = clientSecrets;
        this.tender = tender;
    }

    /** The payment with every field of Hyperswitch's response, the request fields kept with it included. */
    public PaymentsResponse payment(Payment p) {
        return payment(views.of(p));
    }

    /** Several payments of one merchant, read in as many queries as one ({@link PaymentViews}). */
    public java.util.List<PaymentsResponse> payments(MerchantId merchant, List<Payment> payments) {
        return views.of(merchant, payments).map(this::payment).asJava();
    }

    private PaymentsResponse payment(PaymentView view) {
        return PaymentsResponse.of(known(view), view.kept());
    }

    private PaymentFacts known(PaymentView view) {
        Payment p = view.payment();
        Map<String, JsonNode> kept = view.kept();
        String profile = view.profileId().getOrNull();
        Option<ConnectorAccount> account = view.account();
        String connector = view.connectorName().getOrNull();
        Option<Failure> cancelled = p.failure().filter(f -> f.code().equals("cancelled"));
        Option<Failure> failure = p.failure().filter(f -> !f.code().equals("cancelled"));
        Option<String> reversalReason = Option.of(kept.get(PaymentsController.REVERSAL_REASON))
                .filter(reason -> p.status() == PaymentStatus.CANCELLED_POST_CAPTURE).map(JsonNode::getStringValue);
        Option<String> cancellationReason = reversalReason.orElse(() -> cancelled.map(Failure::message))
                .orElse(() -> p.transactions().filter(tx -> tx.kind() == TransactionKind.VOID).lastOption()
                        .flatMap(Transaction::reason));
        List<RefundResponse> refunds = p.refunds().map(tx -> refund(RefundRecord.of(p, tx), connector,
                p.connector().getOrNull(), profile, view.keptOfRefund(tx.id().value())));
        int attempts = p.transactions().count(tx -> tx.kind() == TransactionKind.AUTHORIZE
                || tx.kind() == TransactionKind.SETUP_MANDATE);
        List<IncrementalAuthorizationResponse> increments = increments(p);
        Option<Mandate> mandate = view.mandate();
        Option<PaymentMethod> method = view.paymentMethod();
        Option<JsonNode> customer = Option.of(kept.get("customer")).filter(JsonNode::isObject);
        String customerId = p.customerId().orElse(customer.flatMap(c -> text(c, "id"))).getOrNull();
        return new PaymentFacts(p.id().value(), p.merchantId().value(), p.status().wireName(),
                p.amount().minor(), p.amount().minor(), p.capturable().minor(), p.captured().minor(),
                p.amount().currency().code(), p.captureMethod().wireName(),
                clientSecrets.of(p.merchantId(), p.id()), expiresOn(p, kept),
                customerId, customerId == null && customer.isEmpty() ? null : new CustomerDetailsResponse(customerId,
                        customer.flatMap(c -> text(c, "name")).getOrNull(),
                        customer.flatMap(c -> text(c, "email")).getOrNull(),
                        customer.flatMap(c -> text(c, "phone")).getOrNull(),
                        customer.flatMap(c -> text(c, "phone_country_code")).getOrNull()),
                customer.flatMap(c -> text(c, "email")).getOrNull(), customer.flatMap(c -> text(c, "name")).getOrNull(),
                customer.flatMap(c -> text(c, "phone")).getOrNull(),
                method.map(PaymentMethod::type).getOrNull(), method.flatMap(ApiResponses::card).getOrNull(),
                method.filter(PaymentMethod.Card.class::isInstance)
                        .map(card -> p.mandateId().isDefined() ? "saved_card" : "manual").getOrNull(),
                connector, account.map(ConnectorAccount::label).getOrNull(), p.connector().getOrNull(),
                p.connectorTransactionId().getOrNull(), failure.map(Failure::code).getOrNull(),
                failure.map(Failure::message).getOrNull(),
                p.status() == PaymentStatus.FAILED ? TransitionTable.allows(Operation.CONFIRM, PaymentStatus.FAILED)
                        : null,
                p.status() == PaymentStatus.REQUIRES_CUSTOMER_ACTION
                        ? p.nextAction().map(r -> NextActionData.redirect(url(r))).getOrNull() : null,
                cancellationReason.getOrNull(),
                p.mandateId().orElse(mandate.map(Mandate::id)).map(MandateId::value).getOrNull(),
                p.mandateSetup().map(setup -> mandateData(setup, kept)).getOrNull(),
                mandate.map(Mandate::connectorMandateReference).orElse(p.connectorMandateReference()).getOrNull(),
                attempts,
                p.capabilities().contains(Capability.INCREMENTAL_AUTHORIZATION)
                        && p.captureMethod() != CaptureMethod.AUTOMATIC,
                increments.size(), increments.isEmpty() ? null : increments.asJava(),
                new LinkedHashMap<>(p.metadata().toJavaMap()), refunds.isEmpty() ? null : refunds.asJava(),
                p.authorizationExpiresAt().filter(at -> p.capturable().minor() > 0).getOrNull(),
                p.createdAt(), p.updatedAt(), profile);
    }

    // ---------------------------------------------------------------- mandates

    /**
     * Hyperswitch's {@code MandateData} of a setup: the acceptance, and the type with its limit; the limit's
     * {@code metadata} as the request sent it.
     */
    private static MandateDataResponse mandateData(MandateSetup setup, Map<String, JsonNode> kept) {
        String kind = setup.type().wireName();
        MandateDataResponse.MandateAmountData terms = setup.amountLimit().map(limit ->
                new MandateDataResponse.MandateAmountData(limit.minor(), limit.currency().code(), null, null,
                        sentMetadata(kept.get("mandate_data"), kind))).getOrNull();
        Map<String, MandateDataResponse.MandateAmountData> type = new LinkedHashMap<>();
        type.put(kind, terms);
        return new MandateDataResponse(null, CustomerAcceptanceResponse.of(setup.acceptance()), type);
    }

    @Nullable
    private static JsonNode sentMetadata(@Nullable JsonNode mandateData, String kind) {
        JsonNode node = mandateData;
        for (String step : List.of("mandate_type", kind, "metadata")) {
            node = node == null || !node.isObject() ? null : node.get(step);
        }
        return node;
    }

    /** Hyperswitch's {@code MandateResponse}: the payment method is the setup payment's. */
    public MandateResponse mandate(Mandate m) {
        Option<PaymentMethod> method = tender.payments().get(m.merchantId(), m.setupPaymentId()).toOption()
                .flatMap(Payment::paymentMethod);
        return new MandateResponse(m.id().value(), m.status().wireName(), m.id().value(),
                method.map(PaymentMethod::type).getOrNull(), null,
                method.flatMap(ApiResponses::mandateCard).getOrNull(),
                CustomerAcceptanceResponse.of(m.acceptance()));
    }

    private static Option<MandateResponse.MandateCardDetails> mandateCard(PaymentMethod method) {
        if (!(method instanceof PaymentMethod.Card card)) {
            return Option.none();
        }
        String network = NETWORKS.get(card.brand());
        return Option.some(new MandateResponse.MandateCardDetails(card.last4(),
                String.format("%02d", card.expiryMonth()), String.valueOf(card.expiryYear()),
                card.holderName().getOrNull(), null, network, null, null, card.bin(), null, network, null, null));
    }

    /** Each incremental authorization with the total authorized before it. */
    private static List<IncrementalAuthorizationResponse> increments(Payment p) {
        long authorized = p.transactions().find(tx -> tx.kind() == TransactionKind.AUTHORIZE)
                .map(tx -> tx.amount().minor()).getOrElse(p.amount().minor());
        java.util.List<IncrementalAuthorizationResponse> increments = new java.util.ArrayList<>();
        for (Transaction tx : p.transactions().filter(t -> t.kind() == TransactionKind.INCREMENT)) {
            increments.add(new IncrementalAuthorizationResponse(tx.id().value(), tx.amount().minor(),
                    switch (tx.status()) {
                        case SUCCEEDED -> "success";
                        case FAILED -> "failure";
                        case PENDING -> "processing";
                        case UNKNOWN -> "unresolved";
                    }, tx.failure().map(Failure::code).getOrNull(), tx.failure().map(Failure::message).getOrNull(),
                    authorized));
            if (tx.status() == TransactionStatus.SUCCEEDED) {
                authorized = tx.amount().minor();
            }
        }
        return List.ofAll(increments);
    }

    /** When the payment's client secret stops opening it to a client. */
    public Instant expiresOn(Payment p) {
        return expiresOn(p, views.keptOf(p));
    }

    private static Instant expiresOn(Payment p, Map<String, JsonNode> kept) {
        return p.createdAt().plusSeconds(sessionExpiry(kept));
    }

    /** Seconds the client secret is good for: the request's {@code session_expiry}, 15 minutes by default. */
    private static long sessionExpiry(Map<String, JsonNode> kept) {
        JsonNode expiry = kept.get("session_expiry");
        return expiry != null && expiry.isNumber()
                ? Math.max(0, Math.min(expiry.getLongValue(), MAX_SESSION_EXPIRY_SECONDS))
                : DEFAULT_SESSION_EXPIRY_SECONDS;
    }

    private static Option<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() ? Option.some(value.getStringValue()) : Option.none();
    }

    /** A refund, with the connector of its payment when the payment is at hand. */
    public RefundResponse refund(RefundRecord r, @Nullable Payment payment) {
        return refunds(r.merchantId(), List.of(r), payment).get(0);
    }

    /**
     * A refund just made, with the fields its request kept (what its kept row holds): only the payment's own
     * kept fields are read, for its profile.
     */
    public RefundResponse refund(RefundRecord r, Payment payment, Map<String, JsonNode> keptOfRefund) {
        PaymentView view = views.forRefunds(payment);
        return refund(r, view.connectorName().getOrNull(), payment.connector().getOrNull(),
                view.profileId().getOrNull(), keptOfRefund);
    }

    /** Refunds of one merchant, their kept fields read in one query. */
    public List<RefundResponse> refunds(MerchantId merchant, List<RefundRecord> refunds, @Nullable Payment payment) {
        Option<PaymentView> view = Option.of(payment).map(views::of);
        // the view holds the kept fields of the payment's refunds; a refund it does not have is read apart
        Map<String, Map<String, JsonNode>> kept = view.filter(v -> refunds.forAll(r -> v.payment().refunds()
                        .exists(tx -> tx.id().equals(r.refundId())))).map(PaymentView::keptOfRefunds)
                .getOrElse(() -> views.keptOfRefunds(merchant, refunds.map(r -> r.refundId().value())));
        String connector = view.flatMap(PaymentView::connectorName).getOrNull();
        String profile = view.map(PaymentView::profileId).getOrElse(() -> views.defaultProfile(merchant))
                .getOrNull();
        String accountId = view.flatMap(v -> v.payment().connector()).getOrNull();
        return refunds.map(r -> refund(r, connector, accountId, profile,
                kept.getOrDefault(r.refundId().value(), Map.of())));
    }

    /**
     * Refunds of one merchant, each with its payment's connector, account and profile, in as many queries as
     * one: a list does not read per refund.
     */
    public List<RefundResponse> refunds(MerchantId merchant, List<RefundRecord> refunds) {
        if (refunds.isEmpty()) {
            return List.empty();
        }
        Map<PaymentId, PaymentView> payments = views.ofIds(merchant, refunds.map(RefundRecord::paymentId));
        Map<String, Map<String, JsonNode>> kept = views.keptOfRefunds(merchant,
                refunds.map(r -> r.refundId().value()));
        Option<String> defaultProfile = payments.isEmpty() ? views.defaultProfile(merchant)
                : payments.values().iterator().next().defaultProfile();
        return refunds.map(r -> {
            Option<PaymentView> view = Option.of(payments.get(r.paymentId()));
            return refund(r, view.flatMap(PaymentView::connectorName).getOrNull(),
                    view.flatMap(v -> v.payment().connector()).getOrNull(),
                    view.map(PaymentView::profileId).getOrElse(defaultProfile).getOrNull(),
                    kept.getOrDefault(r.refundId().value(), Map.of()));
        });
    }

    private static RefundResponse refund(RefundRecord r, @Nullable String connector, @Nullable String accountId,
                                         @Nullable String profile, Map<String, JsonNode> kept) {
        return new RefundResponse(r.refundId().value(), r.paymentId().value(), r.amount().minor(),
                r.amount().currency().code(), r.status().wireName(), r.reason().getOrNull(), kept.get("metadata"),
                r.failure().map(Failure::message).getOrNull(), r.failure().map(Failure::code).getOrNull(), null, null,
                r.createdAt(), r.updatedAt(), connector, profile, accountId, kept.get("split_refunds"), null, null,
                null);
    }

    private static Option<PaymentMethodDataResponse> card(PaymentMethod method) {
        if (!(method instanceof PaymentMethod.Card card)) {
            return Option.none();
        }
        return Option.some(new PaymentMethodDataResponse(new CardResponse(NETWORKS.get(card.brand()), card.bin(),
                card.last4(), card.last4(), (card.expiryMonth() < 10 ? "0" : "") + card.expiryMonth(),
                String.valueOf(card.expiryYear()), card.holderName().getOrNull())));
    }

    /** A GET redirect carries its parameters in the URL; a POST one is given as its URL. */
    private static String url(Redirect redirect) {
        if (!redirect.method().equalsIgnoreCase("GET") || redirect.parameters().isEmpty()) {
            return redirect.url();
        }
        String query = redirect.parameters().toJavaStream()
                .map(e -> URLEncoder.encode(e._1, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e._2, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return redirect.url() + (redirect.url().contains("?") ? "&" : "?") + query;
    }

    static Map<String, String> javaMap(io.vavr.collection.Map<String, String> map) {
        return new LinkedHashMap<>(map.toJavaMap());
    }
}
