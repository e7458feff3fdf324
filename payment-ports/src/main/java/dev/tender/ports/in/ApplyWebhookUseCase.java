package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.WebhookSource;
import io.vavr.control.Either;

/**
 * A processor's notification for one of the merchant's connector accounts: verified with that account's
 * credentials, then each event applied to its payment as a sync would apply it (forward only; an event
 * already applied, or for a transaction Tender does not have, changes nothing).
 */
public interface ApplyWebhookUseCase {

    Either<ApplicationError, Receipt> apply(MerchantId merchantId, String connectorAccountId,
                                            WebhookSource.Delivery delivery);

    /** How many events changed a payment and how many changed nothing. */
    record Receipt(int applied, int unchanged) {
    }
}
