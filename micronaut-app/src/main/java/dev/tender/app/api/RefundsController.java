package dev.tender.app.api;

import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.KeptFields;
import dev.tender.application.Tender;
import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.Fields;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vavr.collection.List;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The refunds API of Hyperswitch v1, scoped to the merchant of the API key. */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RefundsController {

    /** How many refunds a list looks through at most to filter, count and offset. */
    static final int MAX_SCAN = 10_000;
    private static final Set<String> STATUSES = Set.of("succeeded", "failed", "pending", "review");

    private final Tender tender;
    private final RequestBinder binder;
    private final ApiResponses responses;
    private final JsonMapper json;
    private final KeptFields details;

    public RefundsController(Tender tender, RequestBinder binder, ApiResponses responses, JsonMapper json,
                             KeptFields details) {
        this.details = details;
        this.tender = tender;
        this.binder = binder;
        this.responses = responses;
        this.json = json;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/RefundRequest")))
    @ApiResponse(responseCode = "200", description = "The refund",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RefundResponse")))
    @Idempotent(Idempotent.Takeover.CREATED_REFUND)
    public HttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        RefundRequest r = binder.read(fields, RefundRequest.class);
        if (r.merchantId() != null && !r.merchantId().equals(merchant.value())) {
            fields.error("merchant_id", "must be the merchant of the API key");
        }
        Map<String, JsonNode> kept = new TreeMap<>(fields.keep(RefundRequest.KEPT));
        if (r.metadata() != null) {
            Map<String, JsonNode> metadata = new TreeMap<>();
            r.metadata().forEach((name, value) -> metadata.put(name, JsonNode.createStringNode(value)));
            kept.put("metadata", JsonNode.createObjectNode(metadata));
        }
        Validation<FieldError, PaymentId> paymentId = Fields.payment(r.paymentId());
        // without a refund_id, the one its Idempotency-Key gives it, so a retry finds the refund
        String newRefundId = r.refundId() != null ? r.refundId()
                : Takeovers.derivedId(request, "ref").orElse(null);
        Validation<FieldError, Option<TransactionId>> refundId =
                Fields.optionalTransaction("refund_id", newRefundId);
        Requests.valid(fields, Validation.combine(paymentId, refundId).ap((p, id) -> true));
        Payment payment = PaymentsController.result(tender.payments().get(merchant, paymentId.get()));
        RefundPaymentUseCase.Command command = Requests.valid(fields, RefundPaymentUseCase.Command.of(
                merchant.value(), r.paymentId(), newRefundId, r.amount(), payment.amount().currency().code(),
                r.reason(), null));
        RefundRecord refund = PaymentsController.result(tender.refunds().refund(command));
        AfterTheOutcome.keep("request fields", refund.refundId().value(),
                () -> details.merge(merchant, KeptFields.Kind.REFUND, refund.refundId().value(), kept,
                        Instant.now()));
        return HttpResponse.ok(responses.refund(refund, payment, kept));
    }

    /** With {@code force_sync=true}, the payment's open operations are synced with the connector first. */
    @Get("/{refund_id}")
    @ApiResponse(responseCode = "200", description = "The refund",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RefundResponse")))
    public HttpResponse<RefundResponse> retrieve(HttpRequest<?> request, @PathVariable("refund_id") String refundId) {
        MerchantId merchant = Authenticated.merchant(request);
        Validation<FieldError, TransactionId> id = Fields.transaction("refund_id", refundId);
        if (id.isInvalid()) {
            throw ApiErrors.invalid(List.of(id.getError()), false);
        }
        boolean sync = PaymentsController.flag(request, "force_sync");
        RefundRecord refund = PaymentsController.result(tender.refunds().get(merchant, id.get()));
        Payment payment = PaymentsController.result(sync
                ? tender.payments().sync(merchant, refund.paymentId())
                : tender.payments().get(merchant, refund.paymentId()));
        if (sync) {
            refund = PaymentsController.result(tender.refunds().get(merchant, id.get()));
        }
        return HttpResponse.ok(responses.refund(refund, payment));
    }

    /**
     * Filters: {@code payment_id}, {@code refund_id}, {@code start_time} / {@code end_time} (inclusive),
     * {@code currency} and {@code refund_status} (lists); {@code limit} 1–100 (default 10) and
     * {@code offset}. Newest first. {@code total_count} counts the matches among the newest
     * {@value #MAX_SCAN} refunds.
     */
    @Post("/list")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/RefundListRequest")))
    @ApiResponse(responseCode = "200", description = "The refunds, newest first",
            content = @Content(schema = @Schema(ref = "#/components/schemas/RefundListResponse")))
    @Idempotent
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @Body String body) {
        MerchantId merchant = Authenticated.merchant(request);
        JsonBody fields = JsonBody.parse(json, body);
        RefundListRequest r = binder.read(fields, RefundListRequest.class);
        if (r.paymentId() != null) {
            Validation<FieldError, PaymentId> id = Fields.payment(r.paymentId());
            if (id.isInvalid()) {
                fields.error("payment_id", id.getError().message());
            }
        }
        if (r.refundId() != null) {
            Validation<FieldError, TransactionId> id = Fields.transaction("refund_id", r.refundId());
            if (id.isInvalid()) {
                fields.error("refund_id", id.getError().message());
            }
        }
        long limit = r.limit() == null ? PaymentsController.DEFAULT_LIMIT : r.limit();
        if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
            fields.error("limit", "must be from 1 to " + ListQuery.MAX_LIMIT);
        }
        long offset = r.offset() == null ? 0 : r.offset();
        if (offset < 0 || offset > MAX_SCAN) {
            fields.error("offset", "must be from 0 to " + MAX_SCAN);
        }
        Option<Instant> from = time(fields, "start_time", r.startTime());
        Option<Instant> to = time(fields, "end_time", r.endTime()).map(t -> t.plusNanos(1));
        if (r.currency() != null) {
            r.currency().stream().filter(c -> Currency.find(c).isEmpty()).findFirst()
                    .ifPresent(c -> fields.error("currency", "unknown currency " + c));
        }
        if (r.refundStatus() != null) {
            r.refundStatus().stream().filter(s -> !STATUSES.contains(s)).findFirst()
                    .ifPresent(s -> fields.error("refund_status", "must be succeeded, failed, pending or review"));
        }
        fields.requireValid();

        List<RefundRecord> matching = candidates(merchant, r, from, to)
                .filter(refund -> from.forAll(f -> !refund.createdAt().isBefore(f)))
                .filter(refund -> to.forAll(t -> refund.createdAt().isBefore(t)))
                .filter(refund -> r.refundId() == null || refund.refundId().value().equals(r.refundId()))
                .filter(refund -> r.paymentId() == null || refund.paymentId().value().equals(r.paymentId()))
                .filter(refund -> r.currency() == null || r.currency().stream()
                        .anyMatch(c -> c.equalsIgnoreCase(refund.amount().currency().code())))
                .filter(refund -> r.refundStatus() == null || r.refundStatus().contains(refund.status().wireName()))
                .filter(refund -> r.startAmount() == null || refund.amount().minor() >= r.startAmount())
                .filter(refund -> r.endAmount() == null || refund.amount().minor() <= r.endAmount());
        if (r.connector() != null || r.merchantConnectorId() != null || r.profileId() != null) {
            // what the refund shows: its payment's connector, connector account and profile
            matching = matching.zip(responses.refunds(merchant, matching)).filter(shown -> {
                RefundResponse response = shown._2;
                return (r.connector() == null || r.connector().contains(response.connector()))
                        && (r.merchantConnectorId() == null
                        || r.merchantConnectorId().contains(response.merchantConnectorId()))
                        && (r.profileId() == null || r.profileId().equals(response.profileId()));
            }).map(shown -> shown._1);
        }
        List<RefundRecord> page = matching.drop((int) offset).take((int) limit);
        List<RefundResponse> data = responses.refunds(merchant, page);
        return HttpResponse.ok(new RefundListResponse(data.size(), matching.size(), data.asJava()));
    }

    /** The refunds to filter, newest first: of one payment, one refund, or the merchant's newest. */
    private List<RefundRecord> candidates(MerchantId merchant, RefundListRequest r, Option<Instant> from,
                                          Option<Instant> to) {
        if (r.refundId() != null) {
            return tender.refunds().get(merchant, TransactionId.of(r.refundId())).toList();
        }
        if (r.paymentId() != null) {
            return tender.payments().get(merchant, PaymentId.of(r.paymentId())).toList()
                    .flatMap(p -> p.refunds().map(tx -> RefundRecord.of(p, tx)))
                    .sortBy(refund -> refund.createdAt()).reverse();
        }
        List<RefundRecord> all = List.empty();
        Option<String> after = Option.none();
        while (all.size() < MAX_SCAN) {
            Page<RefundRecord> page = tender.refunds().list(merchant,
                    new ListQuery(from, to, after, Option.none(), ListQuery.MAX_LIMIT));
            all = all.appendAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            after = Option.some(page.items().last().refundId().value());
        }
        return all;
    }

    private static Option<Instant> time(JsonBody fields, String name, @Nullable String value) {
        if (value == null) {
            return Option.none();
        }
        Validation<FieldError, Instant> at = Requests.instant(name, value);
        if (at.isInvalid()) {
            fields.error(name, at.getError().message());
            return Option.none();
        }
        return Option.some(at.get());
    }
}
