package dev.tender.app.views;

import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.ports.out.ConnectorAccount;
import io.micronaut.json.tree.JsonNode;
import io.vavr.control.Option;

import java.util.Map;

/**
 * A payment with what its response shows besides it, read together ({@link PaymentViews}): the connector
 * account that took it, the mandate it charges or set up, what it was paid with (a charge: its mandate's
 * setup card), the request fields kept with it and with each of its refunds (by refund id), and its
 * merchant's default business profile.
 */
public record PaymentView(Payment payment, Option<ConnectorAccount> account, Option<Mandate> mandate,
                          Option<PaymentMethod> paymentMethod, Map<String, JsonNode> kept,
                          Map<String, Map<String, JsonNode>> keptOfRefunds, Option<String> defaultProfile) {

    /** The connector's name: the account's connector, else (no account found) what the payment names. */
    public Option<String> connectorName() {
        return account.map(ConnectorAccount::connectorName).orElse(payment.connector());
    }

    /** The business profile the payment was made under: the one its request named, else the default. */
    public Option<String> profileId() {
        JsonNode named = kept.get("profile_id");
        return named != null && named.isString() ? Option.some(named.getStringValue()) : defaultProfile;
    }

    /** The fields kept with one of its refunds. */
    public Map<String, JsonNode> keptOfRefund(String refundId) {
        return keptOfRefunds.getOrDefault(refundId, Map.of());
    }
}
