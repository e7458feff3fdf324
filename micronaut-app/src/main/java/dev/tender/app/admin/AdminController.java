package dev.tender.app.admin;

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

import java.time.Instant;
import java.util.UUID;

/** Enough of Hyperswitch's admin API to set up a merchant: accounts and API keys (admin key only). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {

    @Serdeable
    public record MerchantAccountCreate(@Nullable String merchant_id, @Nullable String merchant_name) {
    }

    @Serdeable
    public record MerchantAccountResponse(String merchant_id, @Nullable String merchant_name, String publishable_key,
                                          Instant created_at) {
        static MerchantAccountResponse of(MerchantStore.Merchant m) {
            return new MerchantAccountResponse(m.merchantId(), m.merchantName(), m.publishableKey(), m.createdAt());
        }
    }

    @Serdeable
    public record ApiKeyCreate(@Nullable String name, @Nullable String description, @Nullable String expiration) {
    }

    @Serdeable
    public record ApiKeyCreated(String key_id, String merchant_id, @Nullable String name, String api_key,
                                Instant created) {
    }

    private final MerchantStore merchants;

    public AdminController(MerchantStore merchants) {
        this.merchants = merchants;
    }

    @Post("/accounts")
    public HttpResponse<MerchantAccountResponse> createAccount(@Body MerchantAccountCreate body) {
        String id = body.merchant_id() != null ? body.merchant_id()
                : "merchant_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        if (merchants.find(id).isPresent()) {
            return AdminErrors.duplicate("merchant account " + id);
        }
        return HttpResponse.ok(MerchantAccountResponse.of(merchants.create(id, body.merchant_name())));
    }

    @Get("/accounts/{merchantId}")
    public HttpResponse<MerchantAccountResponse> account(@PathVariable String merchantId) {
        return merchants.find(merchantId)
                .<HttpResponse<MerchantAccountResponse>>map(m -> HttpResponse.ok(MerchantAccountResponse.of(m)))
                .orElseGet(() -> AdminErrors.notFound("merchant account"));
    }

    @Post("/api_keys/{merchantId}")
    public HttpResponse<ApiKeyCreated> createApiKey(@PathVariable String merchantId, @Body ApiKeyCreate body) {
        if (merchants.find(merchantId).isEmpty()) {
            return AdminErrors.notFound("merchant account");
        }
        String keyId = "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        String key = merchants.createApiKey(merchantId, keyId, body.name());
        return HttpResponse.ok(new ApiKeyCreated(keyId, merchantId, body.name(), key, Instant.now()));
    }
}
