package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** GET /payments/list: {@code {"size":n,"data":[…]}}, newest first. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record PaymentListResponse(int size, List<PaymentsResponse> data) {
}
