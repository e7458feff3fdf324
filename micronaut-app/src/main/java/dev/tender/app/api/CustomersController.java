package dev.tender.app.api;

import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.AdminIds;
import dev.tender.app.storage.Customer;
import dev.tender.app.storage.Customers;
import dev.tender.ports.in.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The customers API of Hyperswitch v1, scoped to the merchant of the secret key: another merchant's customer
 * is not found, and so is a deleted one. A delete redacts the customer's personal data as Hyperswitch does;
 * the payments that name the customer stay as they are.
 */
@Controller("/customers")
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomersController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final long MAX_OFFSET = 1_000_000_000L;

    private final Customers customers;
    private final RequestBinder binder;
    private final JsonMapper json;

    public CustomersController(Customers customers, RequestBinder binder, JsonMapper json) {
        this.customers = customers;
        this.binder = binder;
        this.json = json;
    }

    /** A customer id that is taken, by a deleted customer too, is Hyperswitch's {@code IR_12}. */
    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerRequest")))
    @ApiResponse(responseCode = "200", description = "The customer created",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerResponse")))
    @Idempotent
    public HttpResponse<?> create(HttpRequest<?> request, @Nullable @Body String body) {
        String merchant = Authenticated.merchant(request).value();
        JsonBody fields = JsonBody.parse(json, body);
        CustomerRequest r = binder.read(fields, CustomerRequest.class);
        if (r.customerId() != null && r.customerId().isBlank()) {
            fields.error("customer_id", "must be 1 to " + Requests.MAX_ID_LENGTH + " characters");
        }
        String address = address(fields);
        fields.requireValid();
        String id = r.customerId() != null ? r.customerId()
                : Takeovers.derivedId(request, "cus").orElseGet(() -> AdminIds.newId("cus"));
        Customer.Changes given = new Customer.Changes(r.name(), r.email(), r.phone(), r.phoneCountryCode(),
                r.description(), r.taxRegistrationId(), address, r.metadata());
        Customer created = customers.create(given.newCustomer(merchant, id, Instant.now()))
                .orElseThrow(() -> new ApiException(400, "IR_12",
                        "Customer with the given `customer_id` already exists", false));
        return HttpResponse.ok(response(created));
    }

    @Get("/{customer_id}")
    @ApiResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerResponse")))
    public HttpResponse<CustomerResponse> retrieve(HttpRequest<?> request,
                                                   @PathVariable("customer_id") String customerId) {
        String merchant = Authenticated.merchant(request).value();
        Customer customer = customers.find(merchant, checked(customerId)).orElseThrow(CustomersController::notFound);
        return HttpResponse.ok(response(customer));
    }

    /** The fields sent replace the customer's; the others stay. */
    @Post("/{customer_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerUpdateRequest")))
    @ApiResponse(responseCode = "200", description = "The customer updated",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerResponse")))
    @Idempotent
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable("customer_id") String customerId,
                                  @Nullable @Body String body) {
        String merchant = Authenticated.merchant(request).value();
        JsonBody fields = JsonBody.parse(json, body);
        CustomerUpdateRequest r = binder.read(fields, CustomerUpdateRequest.class);
        String address = address(fields);
        String id = checked(customerId);
        fields.requireValid();
        Customer.Changes given = new Customer.Changes(r.name(), r.email(), r.phone(), r.phoneCountryCode(),
                r.description(), r.taxRegistrationId(), address, r.metadata());
        Instant now = Instant.now();
        Optional<Customer> updated = customers.update(merchant, id, c -> c.with(given, now));
        return HttpResponse.ok(response(updated.orElseThrow(CustomersController::notFound)));
    }

    /** Redacts the customer's personal data; the customer is not found afterwards. */
    @Delete("/{customer_id}")
    @ApiResponse(responseCode = "200", description = "The customer deleted",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerDeleteResponse")))
    public HttpResponse<CustomerDeleteResponse> delete(HttpRequest<?> request,
                                                       @PathVariable("customer_id") String customerId) {
        String merchant = Authenticated.merchant(request).value();
        String id = checked(customerId);
        if (!customers.delete(merchant, id, Instant.now())) {
            throw notFound();
        }
        return HttpResponse.ok(new CustomerDeleteResponse(id, true, true, true));
    }

    /** Oldest first; {@code limit} 1–{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), {@code offset}. */
    @Get("/list")
    @ApiResponse(responseCode = "200", description = "The merchant's customers, oldest first",
            content = @Content(schema = @Schema(ref = "#/components/schemas/CustomerList")))
    public HttpResponse<java.util.List<CustomerResponse>> list(HttpRequest<?> request) {
        String merchant = Authenticated.merchant(request).value();
        java.util.List<FieldError> errors = new ArrayList<>();
        long limit = number(request, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
        long offset = number(request, "offset", 0, MAX_OFFSET, 0, errors);
        if (!errors.isEmpty()) {
            throw ApiErrors.invalid(List.ofAll(errors), false);
        }
        return HttpResponse.ok(customers.list(merchant, (int) limit, offset).stream().map(this::response).toList());
    }

    private static long number(HttpRequest<?> request, String name, long min, long max, long absent,
                               java.util.List<FieldError> errors) {
        Optional<String> text = request.getParameters().getFirst(name);
        if (text.isEmpty()) {
            return absent;
        }
        if (text.get().matches("\\d{1,10}")) {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return absent;
    }

    private static String checked(String customerId) {
        if (customerId.isBlank() || customerId.length() > Requests.MAX_ID_LENGTH) {
            throw ApiErrors.invalid(List.of(new FieldError("customer_id", "must be 1 to " + Requests.MAX_ID_LENGTH
                    + " characters")), false);
        }
        return customerId;
    }

    /** The address as JSON text, bounded as a kept field is; null when not sent. */
    @Nullable
    private String address(JsonBody fields) {
        JsonNode address = fields.keep(java.util.List.of("address")).get("address");
        if (address == null) {
            return null;
        }
        try {
            return json.writeValueAsString(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CustomerResponse response(Customer c) {
        JsonNode address = null;
        if (c.address() != null) {
            try {
                address = json.readValue(c.address(), JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CustomerResponse(c.customerId(), c.name(), c.email(), c.phone(), c.phoneCountryCode(),
                c.description(), address, c.createdAt(), c.metadata(), null, c.taxRegistrationId());
    }

    /** Hyperswitch's answer for a customer that is not the merchant's, or no more. */
    private static ApiException notFound() {
        return ApiErrors.notFound("customer");
    }
}
