package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A payment, as Hyperswitch's {@code PaymentsResponse} (the fields Tender has; absent ones are null).
 * {@code amount_received} is what was captured; {@code connector} the connector's name,
 * {@code merchant_connector_id} the merchant's connector account that took the payment;
 * {@code capture_before} when an uncaptured authorization lapses.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentsResponse(String paymentId, String merchantId, String status, long amount, long netAmount,
                               long amountCapturable, long amountReceived, String currency, String captureMethod,
                               @Nullable String customerId, @Nullable String description,
                               @Nullable String paymentMethod, @Nullable PaymentMethodDataResponse paymentMethodData,
                               @Nullable String connector, @Nullable String connectorLabel,
                               @Nullable String merchantConnectorId, @Nullable String connectorTransactionId,
                               @Nullable String errorCode, @Nullable String errorMessage,
                               @Nullable NextActionData nextAction, @Nullable String cancellationReason,
                               @Nullable String mandateId, int attemptCount, Map<String, String> metadata,
                               @Nullable List<RefundResponse> refunds, @Nullable Instant captureBefore,
                               Instant created, Instant updated) {
}
