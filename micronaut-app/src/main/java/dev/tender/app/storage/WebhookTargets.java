package dev.tender.app.storage;

import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A merchant's stored settings as the {@link WebhookTarget} the delivery needs, its secrets opened. */
final class WebhookTargets {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTargets.class);

    private WebhookTargets() {
    }

    static Optional<WebhookTarget> of(String merchantId, MerchantSettings settings, WebhookSecrets secrets) {
        WebhookSettings webhook = settings.webhookDetails();
        if (webhook == null || webhook.webhookUrl() == null) {
            return Optional.empty();
        }
        if (settings.sealedPaymentResponseHashKey() == null) {
            LOG.warn("merchant {} has a webhook_url and no payment_response_hash_key: no webhook is sent until one "
                    + "is set", merchantId);
            return Optional.empty();
        }
        Either<String, String> hashKey = secrets.open(merchantId, WebhookSecrets.Kind.PAYMENT_RESPONSE_HASH_KEY,
                settings.sealedPaymentResponseHashKey());
        Either<String, String> password = webhook.sealedPassword() == null ? Either.right(null)
                : secrets.open(merchantId, WebhookSecrets.Kind.WEBHOOK_PASSWORD, webhook.sealedPassword());
        if (hashKey.isLeft() || password.isLeft()) {
            LOG.warn("merchant {}'s webhook secrets do not open ({}): no webhook is sent until they are set again",
                    merchantId, hashKey.isLeft() ? hashKey.getLeft() : password.getLeft());
            return Optional.empty();
        }
        return Optional.of(new WebhookTarget(URI.create(webhook.webhookUrl()), webhook.webhookUsername(),
                password.get(), hashKey.get(), set(webhook.paymentStatusesEnabled()),
                set(webhook.refundStatusesEnabled())));
    }

    private static Set<String> set(List<String> statuses) {
        return statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
