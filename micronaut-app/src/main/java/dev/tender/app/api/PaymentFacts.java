package dev.tender.app.api;

import dev.tender.app.api.PaymentsResponse.CustomerDetailsResponse;
import dev.tender.app.api.PaymentsResponse.IncrementalAuthorizationResponse;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Tender itself says of a payment in Hyperswitch's {@code PaymentsResponse}; {@link PaymentsResponse}
 * fills the other fields from the request fields kept with the payment. {@code amount_received} is what was
 * captured; {@code connector} the connector's name, {@code merchant_connector_id} the merchant's connector
 * account that took the payment; {@code capture_before} when an uncaptured authorization lapses.
 * {@code mandate_id} is the mandate a charge charges or a setup set up, {@code connector_mandate_id} the
 * connector's reference of it, and {@code mandate_data} what a setup asked for.
 */
record PaymentFacts(String paymentId, String merchantId, String status, long amount, long netAmount,
                    long amountCapturable, long amountReceived, String currency, String captureMethod,
                    @Nullable String clientSecret, @Nullable Instant expiresOn,
                    @Nullable String customerId, @Nullable CustomerDetailsResponse customer,
                    @Nullable String email, @Nullable String name, @Nullable String phone,
                    @Nullable String paymentMethod, @Nullable PaymentMethodDataResponse paymentMethodData,
                    @Nullable String cardDiscovery,
                    @Nullable String connector, @Nullable String connectorLabel,
                    @Nullable String merchantConnectorId, @Nullable String connectorTransactionId,
                    @Nullable String errorCode, @Nullable String errorMessage,
                    @Nullable Boolean manualRetryAllowed,
                    @Nullable NextActionData nextAction, @Nullable String cancellationReason,
                    @Nullable String mandateId, @Nullable MandateDataResponse mandateData,
                    @Nullable String connectorMandateId, int attemptCount,
                    @Nullable Boolean incrementalAuthorizationAllowed, int authorizationCount,
                    @Nullable List<IncrementalAuthorizationResponse> incrementalAuthorizations,
                    Map<String, String> metadata, @Nullable List<RefundResponse> refunds,
                    @Nullable Instant captureBefore, Instant created, Instant updated,
                    @Nullable String profileId) {
}
