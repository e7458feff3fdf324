package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.WebhookSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Hyperswitch's {@code WebhookDetails} as a merchant account shows it. Hyperswitch returns
 * {@code webhook_password} in clear (api_models' {@code WebhookDetails.webhook_password} is a
 * {@code Secret<String>}, which its masking crate serializes exposed, and its responses show it); Tender shows
 * a set password as {@value MaskedCredentials#MASK}, as it shows connector credentials: it is never read back.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookDetailsResponse(@Nullable String webhookVersion, @Nullable String webhookUsername,
                                     @Nullable String webhookPassword, @Nullable String webhookUrl,
                                     @Nullable Boolean paymentCreatedEnabled,
                                     @Nullable Boolean paymentSucceededEnabled,
                                     @Nullable Boolean paymentFailedEnabled,
                                     @Nullable List<String> paymentStatusesEnabled,
                                     @Nullable List<String> refundStatusesEnabled,
                                     @Nullable List<String> payoutStatusesEnabled) {

    @Nullable
    static WebhookDetailsResponse of(@Nullable WebhookSettings s) {
        return s == null ? null : new WebhookDetailsResponse(s.webhookVersion(), s.webhookUsername(),
                s.sealedPassword() == null ? null : MaskedCredentials.MASK, s.webhookUrl(), s.paymentCreatedEnabled(),
                s.paymentSucceededEnabled(), s.paymentFailedEnabled(), s.paymentStatusesEnabled(),
                s.refundStatusesEnabled(), s.payoutStatusesEnabled());
    }
}
