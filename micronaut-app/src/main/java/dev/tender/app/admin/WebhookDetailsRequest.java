package dev.tender.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Hyperswitch's {@code WebhookDetails} of a merchant account request, every property with its lengths; the
 * URL is checked by {@link dev.tender.app.webhooks.TargetPolicy} and the statuses by {@link WebhookStatuses}.
 * The spec lists the two status lists as required; Hyperswitch's own type takes them as optional, as here.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record WebhookDetailsRequest(@Nullable @Size(max = 255) String webhookVersion,
                             @Nullable @Size(max = 255) String webhookUsername,
                             @Nullable @Size(max = 255) String webhookPassword,
                             @Nullable String webhookUrl,
                             @Nullable Boolean paymentCreatedEnabled,
                             @Nullable Boolean paymentSucceededEnabled,
                             @Nullable Boolean paymentFailedEnabled,
                             @Nullable List<String> paymentStatusesEnabled,
                             @Nullable List<String> refundStatusesEnabled,
                             @Nullable List<String> payoutStatusesEnabled) {
}
