package dev.tender.app.api;

import dev.tender.app.api.PaymentsResponse.CustomerDetailsResponse;
import dev.tender.app.api.PaymentsResponse.IncrementalAuthorizationResponse;
import dev.tender.app.storage.KeptFields;
import dev.tender.app.storage.MerchantStore;
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
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.TransitionTable;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.RefundRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    private final Optional<ConnectorAccounts> accounts;
    private final KeptFields details;
    private final ClientSecrets clientSecrets;
    private final JsonMapper json;
    private final MerchantStore merchants;
    private final Tender tender;

    public ApiResponses(Optional<ConnectorAccounts> accounts, KeptFields details, ClientSecrets clientSecrets,
                        JsonMapper json, MerchantStore merchants, Tender tender) {
        this.merchants = merchants;
        this.accounts = accounts;
        this.details = details;
        this.clientSecrets = clientSecrets;
        this.json = json;
        this.tender = tender;
    }

    /** The connector account that took the payment, when the service can look it up. */
    private Option<ConnectorAccount> account(MerchantId merchant, Option<String> accountId) {
        return accountId.flatMap(id -> accounts.map(a -> a.find(merchant, id)).orElse(Option.none()));
    }

    /** The payment with every field of Hyperswitch's response, the request fields kept with it included. */
    public JsonNode payment(Payment p) {
        return payments(p.merchantId(), List.of(p)).get(0);
    }

    /** Several payments of one merchant, the kept fields of them and of their refunds read in two queries. */
    public java.util.List<JsonNode> payments(MerchantId merchant, List<Payment> payments) {
        Map<String, Map<String, JsonNode>> kept = details.findAll(merchant, KeptFields.Kind.PAYMENT,
                payments.map(p -> p.id().value()).asJava());
        Map<String, Map<String, JsonNode>> keptOfRefunds = details.findAll(merchant, KeptFields.Kind.REFUND,
                payments.flatMap(Payment::refunds).map(tx -> tx.id().value()).asJava());
        Option<String> defaultProfile = Option.ofOptional(merchants.defaultProfileId(merchant));
        return payments.map(p -> payment(p, kept.getOrDefault(p.id().value(), Map.of()), keptOfRefunds,
                defaultProfile)).asJava();
    }

    private JsonNode payment(Payment p, Map<String, JsonNode> kept, Map<String, Map<String, JsonNode>> ofRefunds,
                             Option<String> defaultProfile) {
        String profile = profileOf(kept, defaultProfile);
        JsonNode known = tree(known(p, kept, ofRefunds, profile));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String name : PaymentsResponse.FIELDS) {
            JsonNode value = known.get(name);
            if ((value == null || value.isNull()) && !PaymentsRequest.NOT_ECHOED.contains(name)) {
                value = kept.get(name);
            }
            if (value == null) {
                value = JsonNode.nullNode();
            }
            fields.put(name, value);
        }
        return JsonNode.createObjectNode(fields);
    }

    private PaymentsResponse known(Payment p, Map<String, JsonNode> kept,
                                   Map<String, Map<String, JsonNode>> ofRefunds, @Nullable String profile) {
        Option<ConnectorAccount> account = account(p.merchantId(), p.connector());
        String connector = account.map(ConnectorAccount::connectorName).orElse(p.connector()).getOrNull();
        Option<Failure> cancelled = p.failure().filter(f -> f.code().equals("cancelled"));
        Option<Failure> failure = p.failure().filter(f -> !f.code().equals("cancelled"));
        Option<String> reversalReason = Option.of(kept.get(PaymentsController.REVERSAL_REASON))
                .filter(reason -> p.status() == PaymentStatus.CANCELLED_POST_CAPTURE).map(JsonNode::getStringValue);
        Option<String> cancellationReason = reversalReason.orElse(() -> cancelled.map(Failure::message))
                .orElse(() -> p.transactions().filter(tx -> tx.kind() == TransactionKind.VOID).lastOption()
                        .flatMap(Transaction::reason));
        List<RefundResponse> refunds = p.refunds().map(tx -> refund(RefundRecord.of(p, tx), connector,
                p.connector().getOrNull(), profile, ofRefunds.getOrDefault(tx.id().value(), Map.of())));
        int attempts = p.transactions().count(tx -> tx.kind() == TransactionKind.AUTHORIZE
                || tx.kind() == TransactionKind.SETUP_MANDATE);
        List<IncrementalAuthorizationResponse> increments = increments(p);
        Option<Mandate> mandate = mandateOf(p);
        Option<PaymentMethod> method = methodOf(p, mandate);
        Option<JsonNode> customer = Option.of(kept.get("customer")).filter(JsonNode::isObject);
        String customerId = p.customerId().orElse(customer.flatMap(c -> text(c, "id"))).getOrNull();
        return new PaymentsResponse(p.id().value(), p.merchantId().value(), p.status().wireName(),
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

    private JsonNode tree(Object response) {
        try {
            return json.writeValueToTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException("a response did not serialize", e);
        }
    }

    // ---------------------------------------------------------------- mandates

    /** The mandate a payment charges, or the one it set up once its setup succeeded. */
    private Option<Mandate> mandateOf(Payment p) {
        if (p.mandateId().isDefined()) {
            return tender.mandates().get(p.merchantId(), p.mandateId().get()).toOption();
        }
        return p.mandateSetup().isDefined() ? tender.mandates().setUpBy(p.merchantId(), p.id()) : Option.none();
    }

    /** A charge is paid with what its mandate was set up with: the setup payment's card. */
    private Option<PaymentMethod> methodOf(Payment p, Option<Mandate> mandate) {
        if (p.mandateId().isEmpty()) {
            return p.paymentMethod();
        }
        return mandate.flatMap(m -> tender.payments().get(m.merchantId(), m.setupPaymentId()).toOption())
                .flatMap(Payment::paymentMethod).filter(m -> !(m instanceof PaymentMethod.StoredMandate));
    }

    /**
     * Hyperswitch's {@code MandateData} of a setup: the acceptance, and the type with its limit; the limit's
     * {@code metadata} as the request sent it.
     */
    private JsonNode mandateData(MandateSetup setup, Map<String, JsonNode> kept) {
        String kind = setup.type().wireName();
        JsonNode terms = setup.amountLimit().map(limit -> {
            Map<String, JsonNode> amount = new LinkedHashMap<>();
            amount.put("amount", JsonNode.createNumberNode(limit.minor()));
            amount.put("currency", JsonNode.createStringNode(limit.currency().code()));
            amount.put("start_date", JsonNode.nullNode());
            amount.put("end_date", JsonNode.nullNode());
            amount.put("metadata", sentMetadata(kept.get("mandate_data"), kind));
            return JsonNode.createObjectNode(amount);
        }).getOrElse(JsonNode::nullNode);
        Map<String, JsonNode> data = new LinkedHashMap<>();
        data.put("update_mandate_id", JsonNode.nullNode());
        data.put("customer_acceptance", tree(CustomerAcceptanceResponse.of(setup.acceptance())));
        data.put("mandate_type", JsonNode.createObjectNode(Map.of(kind, terms)));
        return JsonNode.createObjectNode(data);
    }

    private static JsonNode sentMetadata(@Nullable JsonNode mandateData, String kind) {
        JsonNode node = mandateData;
        for (String step : List.of("mandate_type", kind, "metadata")) {
            node = node == null || !node.isObject() ? null : node.get(step);
        }
        return node == null ? JsonNode.nullNode() : node;
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
        return expiresOn(p, details.find(p.merchantId(), KeptFields.Kind.PAYMENT, p.id().value()));
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

    /** Refunds of one merchant, their kept fields read in one query. */
    public List<RefundResponse> refunds(MerchantId merchant, List<RefundRecord> refunds, @Nullable Payment payment) {
        Option<String> accountId = payment == null ? Option.none() : payment.connector();
        String connector = account(merchant, accountId).map(ConnectorAccount::connectorName)
                .orElse(accountId).getOrNull();
        Map<String, Map<String, JsonNode>> kept = details.findAll(merchant, KeptFields.Kind.REFUND,
                refunds.map(r -> r.refundId().value()).asJava());
        String profile = profileOf(payment == null ? Map.of()
                : details.find(merchant, KeptFields.Kind.PAYMENT, payment.id().value()),
                Option.ofOptional(merchants.defaultProfileId(merchant)));
        return refunds.map(r -> refund(r, connector, accountId.getOrNull(), profile,
                kept.getOrDefault(r.refundId().value(), Map.of())));
    }

    /** The business profile a payment was made under: the one it named, else the merchant's default. */
    @Nullable
    private static String profileOf(Map<String, JsonNode> keptOfPayment, Option<String> defaultProfile) {
        JsonNode named = keptOfPayment.get("profile_id");
        return named != null && named.isString() ? named.getStringValue() : defaultProfile.getOrNull();
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
                card.last4(), card.last4(), String.format("%02d", card.expiryMonth()),
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
