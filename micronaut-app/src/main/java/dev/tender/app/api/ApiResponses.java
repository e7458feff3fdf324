package dev.tender.app.api;

import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.RefundRecord;
import io.micronaut.core.annotation.Nullable;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Payments and refunds as the API shows them. A card is shown as brand, BIN, last four, expiry and holder only. */
@Singleton
public class ApiResponses {

    private static final java.util.Map<String, String> NETWORKS = java.util.Map.of("visa", "Visa",
            "mastercard", "Mastercard", "amex", "AmericanExpress", "discover", "Discover", "jcb", "JCB",
            "diners", "DinersClub");

    private final Optional<ConnectorAccounts> accounts;

    public ApiResponses(Optional<ConnectorAccounts> accounts) {
        this.accounts = accounts;
    }

    /** The connector account that took the payment, when the service can look it up. */
    private Option<ConnectorAccount> account(MerchantId merchant, Option<String> accountId) {
        return accountId.flatMap(id -> accounts.map(a -> a.find(merchant, id)).orElse(Option.none()));
    }

    public PaymentsResponse payment(Payment p) {
        Option<ConnectorAccount> account = account(p.merchantId(), p.connector());
        String connector = account.map(ConnectorAccount::connectorName).orElse(p.connector()).getOrNull();
        Option<Failure> cancelled = p.failure().filter(f -> f.code().equals("cancelled"));
        Option<Failure> failure = p.failure().filter(f -> !f.code().equals("cancelled"));
        Option<String> cancellationReason = cancelled.map(Failure::message).orElse(() -> p.transactions()
                .filter(tx -> tx.kind() == TransactionKind.VOID).lastOption().flatMap(Transaction::reason));
        List<RefundResponse> refunds = p.refunds().map(tx -> refund(RefundRecord.of(p, tx), connector,
                p.connector().getOrNull()));
        int attempts = p.transactions().count(tx -> tx.kind() == TransactionKind.AUTHORIZE
                || tx.kind() == TransactionKind.SETUP_MANDATE);
        return new PaymentsResponse(p.id().value(), p.merchantId().value(), p.status().wireName(),
                p.amount().minor(), p.amount().minor(), p.capturable().minor(), p.captured().minor(),
                p.amount().currency().code(), p.captureMethod().wireName(), p.customerId().getOrNull(), null,
                p.paymentMethod().map(PaymentMethod::type).getOrNull(),
                p.paymentMethod().flatMap(ApiResponses::card).getOrNull(), connector,
                account.map(ConnectorAccount::label).getOrNull(), p.connector().getOrNull(),
                p.connectorTransactionId().getOrNull(), failure.map(Failure::code).getOrNull(),
                failure.map(Failure::message).getOrNull(),
                p.status() == PaymentStatus.REQUIRES_CUSTOMER_ACTION
                        ? p.nextAction().map(r -> NextActionData.redirect(url(r))).getOrNull() : null,
                cancellationReason.getOrNull(), p.mandateId().map(m -> m.value()).getOrNull(), attempts,
                new LinkedHashMap<>(p.metadata().toJavaMap()), refunds.isEmpty() ? null : refunds.asJava(),
                p.authorizationExpiresAt().filter(at -> p.capturable().minor() > 0).getOrNull(),
                p.createdAt(), p.updatedAt());
    }

    /** A refund, with the connector of its payment when the payment is at hand. */
    public RefundResponse refund(RefundRecord r, @Nullable Payment payment) {
        Option<String> accountId = payment == null ? Option.none() : payment.connector();
        String connector = account(r.merchantId(), accountId).map(ConnectorAccount::connectorName)
                .orElse(accountId).getOrNull();
        return refund(r, connector, accountId.getOrNull());
    }

    private static RefundResponse refund(RefundRecord r, @Nullable String connector, @Nullable String accountId) {
        return new RefundResponse(r.refundId().value(), r.paymentId().value(), r.amount().minor(),
                r.amount().currency().code(), r.status().wireName(), r.reason().getOrNull(), null,
                r.failure().map(Failure::code).getOrNull(), r.failure().map(Failure::message).getOrNull(),
                r.createdAt(), r.updatedAt(), connector, accountId);
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
