package dev.tender.app.admin;

import dev.tender.app.storage.JdbcConnectorAccounts;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.Credentials;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.vavr.collection.HashMap;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's connector accounts, with Hyperswitch's bodies. {@code connector_name: simulator} selects the
 * simulator. Credentials ({@code connector_account_details}) are stored and never returned.
 */
@Controller("/account/{merchantId}/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorAccountsController {

    @Serdeable
    public record ConnectorCreate(@Nullable String connector_type, @Nullable String connector_name,
                                  @Nullable String connector_label, @Nullable Map<String, String> connector_account_details,
                                  @Nullable Boolean disabled, @Nullable Integer priority,
                                  @Nullable Map<String, String> metadata) {
    }

    @Serdeable
    public record ConnectorResponse(String merchant_connector_id, String merchant_id, String connector_name,
                                    String connector_label, String connector_type, boolean disabled, int priority,
                                    String status) {
        static ConnectorResponse of(ConnectorAccount a) {
            return new ConnectorResponse(a.id(), a.merchantId().value(), a.connectorName(), a.label(),
                    "payment_processor", !a.enabled(), a.priority(), a.enabled() ? "active" : "inactive");
        }
    }

    private final MerchantStore merchants;
    private final JdbcConnectorAccounts accounts;
    private final Connectors connectors;

    public ConnectorAccountsController(MerchantStore merchants, JdbcConnectorAccounts accounts, Connectors connectors) {
        this.merchants = merchants;
        this.accounts = accounts;
        this.connectors = connectors;
    }

    @Post
    public HttpResponse<ConnectorResponse> create(@PathVariable String merchantId, @Body ConnectorCreate body) {
        if (merchants.find(merchantId).isEmpty()) {
            return AdminErrors.notFound("merchant account");
        }
        if (body.connector_name() == null || connectors.named(body.connector_name()).isEmpty()) {
            return AdminErrors.invalid("connector_name must be one of the connectors this service ships, "
                    + "e.g. simulator; got " + body.connector_name());
        }
        String label = body.connector_label() != null ? body.connector_label() : body.connector_name() + "_default";
        ConnectorAccount account = new ConnectorAccount(
                "mca_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26), MerchantId.of(merchantId),
                body.connector_name(), label, body.priority() == null ? 0 : body.priority(),
                body.disabled() == null || !body.disabled(),
                Credentials.of(HashMap.ofAll(body.connector_account_details() == null ? Map.of()
                        : body.connector_account_details())),
                HashMap.ofAll(body.metadata() == null ? Map.of() : body.metadata()));
        try {
            return HttpResponse.ok(ConnectorResponse.of(accounts.add(account)));
        } catch (JdbcConnectorAccounts.DuplicateAccountException duplicate) {
            return AdminErrors.duplicate("connector account " + body.connector_name() + " " + label);
        }
    }

    @Get
    public HttpResponse<List<ConnectorResponse>> list(@PathVariable String merchantId) {
        if (merchants.find(merchantId).isEmpty()) {
            return AdminErrors.notFound("merchant account");
        }
        return HttpResponse.ok(accounts.forMerchant(MerchantId.of(merchantId)).map(ConnectorResponse::of).asJava());
    }
}
