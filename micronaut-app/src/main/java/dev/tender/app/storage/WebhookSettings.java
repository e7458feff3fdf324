package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A merchant's {@code webhook_details} as stored in {@code merchants.settings}: the URL checked when it was set,
 * the password sealed by {@link WebhookSecrets} for the merchant (never in clear), the statuses as wire names.
 * Every component is null when never given.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WebhookSettings(@Nullable String webhookVersion, @Nullable String webhookUsername,
                              @Nullable String sealedPassword, @Nullable String webhookUrl,
                              @Nullable Boolean paymentCreatedEnabled, @Nullable Boolean paymentSucceededEnabled,
                              @Nullable Boolean paymentFailedEnabled, @Nullable List<String> paymentStatusesEnabled,
                              @Nullable List<String> refundStatusesEnabled,
                              @Nullable List<String> payoutStatusesEnabled) {

    public static final WebhookSettings NONE = new WebhookSettings(null, null, null, null, null, null, null, null,
            null, null);

    /** These settings with each component {@code change} gives (not null) in place of this one's. */
    public WebhookSettings merge(WebhookSettings change) {
        return new WebhookSettings(or(change.webhookVersion, webhookVersion), or(change.webhookUsername,
                webhookUsername), or(change.sealedPassword, sealedPassword), or(change.webhookUrl, webhookUrl),
                or(change.paymentCreatedEnabled, paymentCreatedEnabled),
                or(change.paymentSucceededEnabled, paymentSucceededEnabled),
                or(change.paymentFailedEnabled, paymentFailedEnabled),
                or(change.paymentStatusesEnabled, paymentStatusesEnabled),
                or(change.refundStatusesEnabled, refundStatusesEnabled),
                or(change.payoutStatusesEnabled, payoutStatusesEnabled));
    }

    private static <T> T or(@Nullable T changed, @Nullable T current) {
        return changed != null ? changed : current;
    }
}
