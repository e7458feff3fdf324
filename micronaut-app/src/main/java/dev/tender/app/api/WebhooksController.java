package dev.tender.app.api;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.application.Tender;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.in.ApplyWebhookUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.Fields;
import dev.tender.ports.out.WebhookSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vavr.collection.HashMap;
import io.vavr.control.Validation;

import java.time.Instant;
import java.util.Locale;

/**
 * A processor's notifications for one of a merchant's connector accounts:
 * {@code POST /webhooks/{merchant_id}/{connector_account_id}}. <b>No api-key</b>: the delivery is
 * authenticated by the processor's signature under the account's secret ({@code ApiKeyFilter} lets this
 * route through). A delivery that does not verify is a 401 and changes nothing; a verified one is applied
 * as a sync (forward only, so a replay changes nothing) and answered 200 once it is committed, so the
 * processor retries anything not answered.
 */
@Controller("/webhooks")
@Access(AccessLevel.PUBLIC)
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
public class WebhooksController {

    private final Tender tender;

    public WebhooksController(Tender tender) {
        this.tender = tender;
    }

    @Post(uri = "/{merchant_id}/{connector_account_id}", consumes = MediaType.ALL)
    @ApiResponse(responseCode = "200", description = "The delivery was verified and applied",
            content = @Content(schema = @Schema(implementation = WebhookReceipt.class)))
    public HttpResponse<WebhookReceipt> receive(HttpRequest<?> request, @PathVariable("merchant_id") String merchantId,
                                                @PathVariable("connector_account_id") String accountId,
                                                @Nullable @Body byte[] body) {
        Validation<FieldError, MerchantId> merchant = Fields.merchant(merchantId);
        if (merchant.isInvalid()) {
            throw ApiErrors.notFound("connector account");
        }
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        ApplyWebhookUseCase.Receipt receipt = tender.webhooks().apply(merchant.get(), accountId,
                new WebhookSource.Delivery(HashMap.ofAll(headers), body == null ? new byte[0] : body, Instant.now()))
                .getOrElseThrow(ApiErrors::of);
        return HttpResponse.ok(new WebhookReceipt(receipt.applied(), receipt.unchanged()));
    }

    /** How many events of the delivery changed a payment, and how many changed nothing. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record WebhookReceipt(int applied, int unchanged) {
    }
}
