package dev.tender.app.api;

import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.application.Tender;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.in.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vavr.collection.List;
import io.vavr.control.Try;

/**
 * The mandates API of Hyperswitch v1. A mandate is set up and charged through {@code POST /payments};
 * here it is read and revoked. Every call is scoped to the merchant of the API key: another merchant's
 * mandate is not found, and so is a customer without mandates of this merchant (Hyperswitch answers a
 * customer without mandates so).
 */
@Controller
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@ExecuteOn(TaskExecutors.BLOCKING)
public class MandatesController {

    private final Tender tender;
    private final ApiResponses responses;
    private final JsonMapper json;

    public MandatesController(Tender tender, ApiResponses responses, JsonMapper json) {
        this.tender = tender;
        this.responses = responses;
        this.json = json;
    }

    @ApiResponse(responseCode = "200", description = "The mandate",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MandateResponse")))
    @Get("/mandates/{mandate_id}")
    public HttpResponse<MandateResponse> retrieve(HttpRequest<?> request,
                                                  @PathVariable("mandate_id") String mandateId) {
        MerchantId merchant = Authenticated.merchant(request);
        MandateId id = mandateId(mandateId);
        return HttpResponse.ok(responses.mandate(PaymentsController.result(tender.mandates().get(merchant, id))));
    }

    /**
     * Later charges are refused. The connector is not told: the ports have no revocation call, so the
     * processor's stored credential stays until it lapses there; Tender never charges it again.
     */
    @RequestBody(required = false,
            content = @Content(schema = @Schema(ref = "#/components/schemas/MandateRevokeRequest")))
    @ApiResponse(responseCode = "200", description = "The mandate, revoked",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MandateRevokedResponse")))
    @Post("/mandates/revoke/{mandate_id}")
    @Idempotent
    public HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable("mandate_id") String mandateId,
                                  @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        MandateId id = mandateId(mandateId);
        fields.requireValid();
        Mandate revoked = PaymentsController.result(tender.mandates().revoke(merchant, id));
        return HttpResponse.ok(new MandateRevokedResponse(revoked.id().value(), revoked.status().wireName(),
                null, null));
    }

    /** Oldest first; a customer without mandates is not found. */
    @ApiResponse(responseCode = "200", description = "The customer's mandates",
            content = @Content(schema = @Schema(ref = "#/components/schemas/MandateList")))
    @Get("/customers/{customer_id}/mandates")
    public HttpResponse<java.util.List<MandateResponse>> forCustomer(HttpRequest<?> request,
                                                                    @PathVariable("customer_id") String customerId) {
        MerchantId merchant = Authenticated.merchant(request);
        if (customerId.isBlank() || customerId.length() > Requests.MAX_ID_LENGTH) {
            throw ApiErrors.invalid(List.of(new FieldError("customer_id", "must be 1 to " + Requests.MAX_ID_LENGTH
                    + " characters")), false);
        }
        List<Mandate> mandates = tender.mandates().forCustomer(merchant, customerId);
        if (mandates.isEmpty()) {
            throw ApiErrors.notFound("mandate");
        }
        return HttpResponse.ok(mandates.map(responses::mandate).asJava());
    }

    private static MandateId mandateId(String value) {
        return Try.of(() -> MandateId.of(value)).getOrElseThrow(invalid -> ApiErrors.invalid(
                List.of(new FieldError("mandate_id", invalid.getMessage())), false));
    }
}
