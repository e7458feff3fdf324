package dev.tender.app.admin;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.AdminIds;
import dev.tender.app.storage.ConnectorAccountEntry;
import dev.tender.app.storage.JdbcConnectorAccounts;
import dev.tender.app.storage.Merchant;
import dev.tender.app.storage.MerchantStore;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.Credentials;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vavr.collection.LinkedHashMap;

import java.util.List;
import java.util.Map;

/**
 * A merchant's connector accounts, with Hyperswitch's paths and bodies (the admin key, or the merchant's own
 * secret key on its own {@code account_id}: its {@code @Access}).
 * {@code connector_name: simulator} selects the simulator. An account belongs to a business profile (the
 * merchant's default one unless {@code profile_id} says otherwise), where its {@code connector_label} is
 * unique: that tells several accounts of one connector apart. Credentials ({@code connector_account_details})
 * are stored and never shown. Deleting an account marks it deleted: it takes no new payment, while the
 * payments it took are still captured, refunded and synced through it.
 */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/account/{account_id}/connectors")
@Access(value = AccessLevel.MERCHANT_OR_ADMIN, merchantVariable = "account_id")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorAccountsController {

    private final MerchantStore merchants;
    private final JdbcConnectorAccounts accounts;
    private final Connectors connectors;
    private final JsonMapper json;
    private final RequestBinder binder;

    public ConnectorAccountsController(MerchantStore merchants, JdbcConnectorAccounts accounts, Connectors connectors,
                                       JsonMapper json,
            RequestBinder binder) {
        this.merchants = merchants;
        this.accounts = accounts;
        this.connectors = connectors;
        this.json = json;
        this.binder = binder;
    }

    /** {@code connector_type} and {@code connector_name} are required; the label defaults to {@code <connector>_<profile>}. */
    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorCreate")))
    @ApiResponse(responseCode = "200", description = "The connector account created",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorResponse")))
    public MerchantConnectorResponse create(@PathVariable("account_id") String accountId, @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        MerchantConnectorRequest request = binder.read(fields, MerchantConnectorRequest.class);
        MerchantConnectorFields account = MerchantConnectorFields.of(request, fields);
        if (account.connectorType() == null) {
            fields.required("connector_type");
        }
        String connectorName = request.connectorName();
        if (connectorName == null) {
            fields.required("connector_name");
        } else if (connectors.named(connectorName).isEmpty()) {
            fields.error("connector_name", "must be one of the connectors this service ships, e.g. simulator");
        }
        String profileId = request.profileId();
        fields.requireValid();
        Merchant merchant = merchants.find(accountId).orElseThrow(AdminErrors::merchantNotFound);
        String profile = profileId != null ? profileId : merchant.defaultProfileId();
        String profileName = profile == null ? MerchantStore.DEFAULT_PROFILE : merchants.profile(accountId, profile)
                .orElseThrow(AdminErrors::profileNotFound).profileName();
        String label = account.connectorLabel() != null ? account.connectorLabel() : connectorName + "_" + profileName;
        ConnectorAccount created = new ConnectorAccount(AdminIds.newId("mca"), MerchantId.of(accountId),
                connectorName, label, account.priority() == null ? 0 : account.priority(), true,
                credentials(account.credentials()), LinkedHashMap.ofAll(orEmpty(account.metadata())));
        ConnectorAccountEntry entry = ConnectorAccountEntry.of(created, profile,
                Boolean.TRUE.equals(account.disabled()), account.status() == null ? ConnectorAccountEntry.ACTIVE
                        : account.status(), Boolean.TRUE.equals(account.testMode()));
        try {
            return accounts.add(entry).map(MerchantConnectorResponse::of).getOrElseThrow(AdminErrors::merchantNotFound);
        } catch (JdbcConnectorAccounts.DuplicateAccountException taken) {
            throw duplicate(profile, label);
        }
    }

    /** The merchant's accounts that are not deleted, in routing order, without their credentials. */
    @Get
    @ApiResponse(responseCode = "200", description = "The connector accounts",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorList")))
    public List<MerchantConnectorListResponse> list(@PathVariable("account_id") String accountId) {
        merchant(accountId);
        return accounts.entries(MerchantId.of(accountId)).map(MerchantConnectorListResponse::of).asJava();
    }

    @Get("/{merchant_connector_id}")
    @ApiResponse(responseCode = "200", description = "The connector account",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorResponse")))
    public MerchantConnectorResponse retrieve(@PathVariable("account_id") String accountId,
                                              @PathVariable("merchant_connector_id") String connectorAccountId) {
        merchant(accountId);
        return accounts.entry(MerchantId.of(accountId), connectorAccountId).map(MerchantConnectorResponse::of)
                .getOrElseThrow(AdminErrors::connectorAccountNotFound);
    }

    /**
     * {@code connector_type} and {@code status} are required, as in Hyperswitch; the other fields absent stay
     * as they are. New {@code connector_account_details} or {@code metadata} replace the old ones whole.
     */
    @Post("/{merchant_connector_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorUpdate")))
    @ApiResponse(responseCode = "200", description = "The connector account updated",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorResponse")))
    public MerchantConnectorResponse update(@PathVariable("account_id") String accountId,
                                            @PathVariable("merchant_connector_id") String connectorAccountId,
                                            @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        MerchantConnectorFields change = MerchantConnectorFields.of(binder.read(fields,
                MerchantConnectorRequest.class), fields);
        fields.refuse(MerchantConnectorRequest.CREATE_ONLY);
        if (change.connectorType() == null) {
            fields.required("connector_type");
        }
        if (change.status() == null) {
            fields.required("status");
        }
        fields.requireValid();
        merchant(accountId);
        try {
            return accounts.update(MerchantId.of(accountId), connectorAccountId, current -> changed(current, change))
                    .map(MerchantConnectorResponse::of).getOrElseThrow(AdminErrors::connectorAccountNotFound);
        } catch (JdbcConnectorAccounts.DuplicateAccountException taken) {
            ConnectorAccountEntry current = accounts.entry(MerchantId.of(accountId), connectorAccountId)
                    .getOrElseThrow(AdminErrors::connectorAccountNotFound);
            throw duplicate(current.profileId(), change.connectorLabel());
        }
    }

    @Delete("/{merchant_connector_id}")
    @ApiResponse(responseCode = "200", description = "The connector account deleted",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantConnectorDeleteResponse")))
    public MerchantConnectorDeleteResponse delete(@PathVariable("account_id") String accountId,
                                                  @PathVariable("merchant_connector_id") String connectorAccountId) {
        merchant(accountId);
        if (!accounts.delete(MerchantId.of(accountId), connectorAccountId)) {
            throw AdminErrors.connectorAccountNotFound();
        }
        return new MerchantConnectorDeleteResponse(accountId, connectorAccountId, true);
    }

    private static ConnectorAccountEntry changed(ConnectorAccountEntry current, MerchantConnectorFields change) {
        ConnectorAccount a = current.account();
        ConnectorAccount account = new ConnectorAccount(a.id(), a.merchantId(), a.connectorName(),
                change.connectorLabel() != null ? change.connectorLabel() : a.label(),
                change.priority() != null ? change.priority() : a.priority(), a.enabled(),
                change.credentials() != null ? credentials(change.credentials()) : a.credentials(),
                change.metadata() != null ? LinkedHashMap.ofAll(change.metadata()) : a.settings());
        return ConnectorAccountEntry.of(account, current.profileId(),
                change.disabled() != null ? change.disabled() : current.disabled(),
                change.status() != null ? change.status() : current.status(),
                change.testMode() != null ? change.testMode() : current.testMode());
    }

    private void merchant(String accountId) {
        if (merchants.find(accountId).isEmpty()) {
            throw AdminErrors.merchantNotFound();
        }
    }

    private static Credentials credentials(@Nullable Map<String, String> values) {
        return Credentials.of(LinkedHashMap.ofAll(orEmpty(values)));
    }

    private static Map<String, String> orEmpty(@Nullable Map<String, String> values) {
        return values == null ? Map.of() : values;
    }

    private static RuntimeException duplicate(@Nullable String profileId, String label) {
        return AdminErrors.duplicate("The merchant connector account with the specified profile_id '" + profileId
                + "' and connector_label '" + label + "' already exists in our records");
    }
}
