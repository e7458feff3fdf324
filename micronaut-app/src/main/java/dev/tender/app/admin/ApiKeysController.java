package dev.tender.app.admin;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.AdminIds;
import dev.tender.app.storage.ApiKeyStore;
import dev.tender.app.storage.MerchantStore;
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

import java.time.Instant;
import java.util.List;

/**
 * Hyperswitch's API keys of a merchant (admin key only). The key itself is shown once, when it is created;
 * afterwards only its first characters. A revoked key, an expired key and a key of a deleted merchant are
 * refused (401 {@code IR_01}) from the next request on.
 */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/api_keys/{merchant_id}")
@Access(AccessLevel.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeysController {

    static final int MAX_LIMIT = 100;

    private final MerchantStore merchants;
    private final ApiKeyStore keys;
    private final JsonMapper json;
    private final RequestBinder binder;

    public ApiKeysController(MerchantStore merchants, ApiKeyStore keys, JsonMapper json,
            RequestBinder binder) {
        this.merchants = merchants;
        this.keys = keys;
        this.json = json;
        this.binder = binder;
    }

    /** {@code name} is required; without {@code expiration} the key never expires. */
    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/CreateApiKeyRequest")))
    @ApiResponse(responseCode = "200", description = "The API key created, shown this once",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CreateApiKeyResponse")))
    public CreateApiKeyResponse create(@PathVariable("merchant_id") String merchantId, @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        ApiKeyRequest request = binder.read(fields, ApiKeyRequest.class);
        String name = request.name();
        if (name == null) {
            fields.required("name");
        }
        String description = request.description();
        ApiKeyExpiration expiration = ApiKeyExpiration.read(fields, "expiration", request.expiration(),
                Instant.now());
        fields.requireValid();
        return keys.create(merchantId, AdminIds.newId("key"), name, description,
                        expiration == null ? null : expiration.at())
                .map(CreateApiKeyResponse::of).orElseThrow(AdminErrors::merchantNotFound);
    }

    /** The keys that are not revoked (expired ones too), oldest first: {@code limit} 1–100 after {@code skip}. */
    @Get("/list")
    @ApiResponse(responseCode = "200", description = "The API keys",
            content = @Content(schema = @Schema(ref = "#/components/schemas/ApiKeyList")))
    public List<ApiKeyResponse> list(@PathVariable("merchant_id") String merchantId,
                                     @Nullable @QueryValue String limit, @Nullable @QueryValue String skip) {
        Integer max = limit == null ? null : count("limit", limit, 1, MAX_LIMIT);
        Integer skipped = skip == null ? 0 : count("skip", skip, 0, Integer.MAX_VALUE);
        merchant(merchantId);
        return keys.list(merchantId, max, skipped).stream().map(ApiKeyResponse::of).toList();
    }

    @Get("/{key_id}")
    @ApiResponse(responseCode = "200", description = "The API key",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RetrieveApiKeyResponse")))
    public ApiKeyResponse retrieve(@PathVariable("merchant_id") String merchantId,
                                   @PathVariable("key_id") String keyId) {
        merchant(merchantId);
        return keys.find(merchantId, keyId).map(ApiKeyResponse::of).orElseThrow(AdminErrors::apiKeyNotFound);
    }

    /** {@code name}, {@code description} and {@code expiration}; those absent stay as they are. */
    @Post("/{key_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/UpdateApiKeyRequest")))
    @ApiResponse(responseCode = "200", description = "The API key updated",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RetrieveApiKeyResponse")))
    public ApiKeyResponse update(@PathVariable("merchant_id") String merchantId, @PathVariable("key_id") String keyId,
                                 @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        ApiKeyRequest request = binder.read(fields, ApiKeyRequest.class);
        String name = request.name();
        String description = request.description();
        ApiKeyExpiration expiration = ApiKeyExpiration.read(fields, "expiration", request.expiration(),
                Instant.now());
        fields.requireValid();
        merchant(merchantId);
        return keys.update(merchantId, keyId, current -> current.with(name != null ? name : current.name(),
                        description != null ? description : current.description(),
                        expiration != null ? expiration.at() : current.expiresAt()))
                .map(ApiKeyResponse::of).orElseThrow(AdminErrors::apiKeyNotFound);
    }

    @Delete("/{key_id}")
    @ApiResponse(responseCode = "200", description = "The API key revoked",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RevokeApiKeyResponse")))
    public RevokeApiKeyResponse revoke(@PathVariable("merchant_id") String merchantId,
                                       @PathVariable("key_id") String keyId) {
        merchant(merchantId);
        if (!keys.revoke(merchantId, keyId)) {
            throw AdminErrors.apiKeyNotFound();
        }
        return new RevokeApiKeyResponse(merchantId, keyId, true);
    }

    private void merchant(String merchantId) {
        if (merchants.find(merchantId).isEmpty()) {
            throw AdminErrors.merchantNotFound();
        }
    }

    private static int count(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiErrors.invalid(name + ": must be an integer from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }
}
