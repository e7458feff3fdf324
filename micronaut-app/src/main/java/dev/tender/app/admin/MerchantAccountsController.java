package dev.tender.app.admin;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.Merchant;
import dev.tender.app.storage.MerchantSettings;
import dev.tender.app.storage.MerchantStore;
import dev.tender.app.storage.WebhookSecrets;
import dev.tender.app.webhooks.TargetPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/**
 * Hyperswitch's merchant accounts (admin key only). A merchant is created with its default business profile
 * and its publishable key. Deleting one marks it deleted: it is found no more and its API keys stop working
 * at once, while its payments, refunds and connector accounts are kept; its id cannot be taken again.
 */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/accounts")
@Access(AccessLevel.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MerchantAccountsController {

    private static final String DUPLICATE = "The merchant account with the specified details already exists in our "
            + "records";

    private final MerchantStore merchants;
    private final JsonMapper json;
    private final RequestBinder binder;
    private final TargetPolicy targets;
    private final WebhookSecrets secrets;

    public MerchantAccountsController(MerchantStore merchants, JsonMapper json, RequestBinder binder,
                                      TargetPolicy targets, WebhookSecrets secrets) {
        this.merchants = merchants;
        this.json = json;
        this.binder = binder;
        this.targets = targets;
        this.secrets = secrets;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountCreate")))
    @ApiResponse(responseCode = "200", description = "The merchant account created",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountResponse")))
    public MerchantAccountResponse create(@Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        MerchantAccountRequest request = binder.read(fields, MerchantAccountRequest.class);
        fields.refuse(MerchantAccountRequest.UPDATE_ONLY);
        String merchantId = request.merchantId();
        if (merchantId == null) {
            fields.required("merchant_id");
        }
        String organizationId = request.organizationId();
        MerchantAccountFields account = MerchantAccountFields.of(request, fields, targets);
        fields.requireValid();
        try {
            return response(merchants.create(merchantId, account.merchantName(), organizationId,
                    account.applyTo(MerchantSettings.NONE, merchantId, secrets)));
        } catch (MerchantStore.DuplicateMerchantException taken) {
            throw AdminErrors.duplicate(DUPLICATE);
        }
    }

    /** The merchants that are not deleted, oldest first; of one organization when it is given. */
    @Get("/list")
    @ApiResponse(responseCode = "200", description = "The merchant accounts",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountList")))
    public List<MerchantAccountResponse> list(@Nullable @QueryValue("organization_id") String organizationId) {
        return merchants.list(organizationId).stream().map(this::response).toList();
    }

    @Get("/{account_id}")
    @ApiResponse(responseCode = "200", description = "The merchant account",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountResponse")))
    public MerchantAccountResponse retrieve(@PathVariable("account_id") String accountId) {
        return merchants.find(accountId).map(this::response).orElseThrow(AdminErrors::merchantNotFound);
    }

    /** Fields absent (or null) stay as they are; {@code merchant_id} is required and must be the path's. */
    @Post("/{account_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountUpdate")))
    @ApiResponse(responseCode = "200", description = "The merchant account updated",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountResponse")))
    public MerchantAccountResponse update(@PathVariable("account_id") String accountId, @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        MerchantAccountRequest request = binder.read(fields, MerchantAccountRequest.class);
        fields.refuse(MerchantAccountRequest.CREATE_ONLY);
        String merchantId = request.merchantId();
        if (merchantId == null) {
            fields.required("merchant_id");
        } else if (!merchantId.equals(accountId)) {
            fields.error("merchant_id", "must be the id of the account updated");
        }
        String defaultProfile = request.defaultProfile();
        MerchantAccountFields account = MerchantAccountFields.of(request, fields, targets);
        fields.requireValid();
        if (merchants.find(accountId).isEmpty()) {
            throw AdminErrors.merchantNotFound();
        }
        if (defaultProfile != null && merchants.profile(accountId, defaultProfile).isEmpty()) {
            throw AdminErrors.profileNotFound();
        }
        return merchants.update(accountId, current -> current.with(
                        account.merchantName() != null ? account.merchantName() : current.merchantName(),
                        defaultProfile != null ? defaultProfile : current.defaultProfileId(),
                        account.applyTo(current.settings(), accountId, secrets)))
                .map(this::response).orElseThrow(AdminErrors::merchantNotFound);
    }

    /** The account as shown, its hash key opened (shown as none if it does not open: a key no longer held). */
    private MerchantAccountResponse response(Merchant merchant) {
        String sealed = merchant.settings().sealedPaymentResponseHashKey();
        String hashKey = sealed == null ? null : secrets.open(merchant.merchantId(),
                WebhookSecrets.Kind.PAYMENT_RESPONSE_HASH_KEY, sealed).getOrNull();
        return MerchantAccountResponse.of(merchant, hashKey);
    }

    @Delete("/{account_id}")
    @ApiResponse(responseCode = "200", description = "The merchant account deleted",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MerchantAccountDeleteResponse")))
    public MerchantAccountDeleteResponse delete(@PathVariable("account_id") String accountId) {
        if (!merchants.delete(accountId)) {
            throw AdminErrors.merchantNotFound();
        }
        return new MerchantAccountDeleteResponse(accountId, true);
    }
}
