package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import io.micronaut.core.annotation.Nullable;
import io.vavr.control.Option;

/**
 * {@code routing} of a payment request, Hyperswitch's straight-through algorithm: {@code {"type":"single",
 * "data":{"connector":"stripe","merchant_connector_id":"mca_…"}}} sends the payment to that connector account
 * of the merchant (with only {@code connector}, to its first enabled account of that connector) instead of
 * routing by priority. {@code priority} and {@code volume_split} are refused: Tender routes by the accounts'
 * priorities. An account of another merchant is not found, named by its field.
 */
final class RoutingRequest {

    private RoutingRequest() {
    }

    /** The account the body's {@code routing} names, if it has one; each problem added to the body's. */
    static Option<String> account(JsonBody body, MerchantId merchant, ConnectorAccounts accounts) {
        JsonBody routing = body.object("routing");
        if (routing == null) {
            return Option.none();
        }
        String type = routing.string("type");
        if (!"single".equals(type)) {
            routing.ignore("data");
            if (type == null) {
                routing.required("type");
            } else {
                routing.error("type", "must be single: a payment is routed to one named connector account, "
                        + "or by the priorities of the merchant's accounts when routing is absent");
            }
            return Option.none();
        }
        JsonBody data = routing.object("data");
        if (data == null) {
            routing.required("data");
            return Option.none();
        }
        String connector = data.string("connector");
        String accountId = data.string("merchant_connector_id");
        if (connector == null) {
            data.required("connector");
            return Option.none();
        }
        return accountId != null ? named(data, merchant, accounts, connector, accountId)
                : first(data, merchant, accounts, connector);
    }

    private static Option<String> named(JsonBody data, MerchantId merchant, ConnectorAccounts accounts,
                                        String connector, String accountId) {
        Option<ConnectorAccount> account = accounts.find(merchant, accountId);
        if (account.isEmpty()) {
            data.error("merchant_connector_id", "is not a connector account of this merchant");
            return Option.none();
        }
        if (!account.get().connectorName().equals(connector)) {
            data.error("connector", "must be " + account.get().connectorName()
                    + ", the connector of merchant_connector_id");
            return Option.none();
        }
        if (!account.get().enabled()) {
            data.error("merchant_connector_id", "is a disabled connector account");
            return Option.none();
        }
        return Option.some(accountId);
    }

    private static Option<String> first(JsonBody data, MerchantId merchant, ConnectorAccounts accounts,
                                        String connector) {
        Option<String> first = accounts.forMerchant(merchant)
                .find(a -> a.enabled() && a.connectorName().equals(connector)).map(ConnectorAccount::id);
        if (first.isEmpty()) {
            data.error("connector", "names no enabled connector account of this merchant");
        }
        return first;
    }

    /** The account of a {@code routing} kept with the payment at its creation (null when none was sent). */
    static Option<String> kept(@Nullable io.micronaut.json.tree.JsonNode routing, MerchantId merchant,
                               ConnectorAccounts accounts) {
        if (routing == null) {
            return Option.none();
        }
        JsonBody body = JsonBody.of(java.util.Map.of("routing", routing));
        Option<String> account = account(body, merchant, accounts);
        body.requireValid();
        return account;
    }
}
