package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.ApplyWebhookUseCase;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.WebhookSource;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Processors' notifications: the account's connector verifies and reads the delivery; each event is
 * applied through the same forward-only path as a sync. An event only touches a payment that account
 * took, so one account's signed notification cannot move another account's (or merchant's) payment.
 */
public final class WebhookService implements ApplyWebhookUseCase {

    private final ConnectorAccounts accounts;
    private final Connectors connectors;
    private final PaymentStore store;

    WebhookService(ConnectorAccounts accounts, Connectors connectors, PaymentStore store) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.store = store;
    }

    @Override
    public Either<ApplicationError, Receipt> apply(MerchantId merchantId, String connectorAccountId,
                                                   WebhookSource.Delivery delivery) {
        Option<ConnectorAccount> account = accounts.find(merchantId, connectorAccountId);
        Option<WebhookSource> source = account.flatMap(a -> connectors.named(a.connectorName()))
                .filter(WebhookSource.class::isInstance).map(WebhookSource.class::cast);
        if (account.isEmpty() || source.isEmpty()) {
            return Either.left(new ApplicationError.NotFound("connector account", connectorAccountId));
        }
        return source.get().read(delivery, account.get())
                .<ApplicationError>mapLeft(refused -> new ApplicationError.WebhookRejected(refused.reason()))
                .map(events -> {
                    int applied = 0;
                    for (WebhookSource.Event event : events) {
                        if (applyOne(account.get(), event)) {
                            applied++;
                        }
                    }
                    return new Receipt(applied, events.size() - applied);
                });
    }

    /** Whether the event changed its payment. */
    private boolean applyOne(ConnectorAccount account, WebhookSource.Event event) {
        Option<Payment> payment = store.load(account.merchantId(), event.paymentId()).toOption()
                .filter(p -> p.connector().contains(account.id()))
                .filter(p -> p.transaction(event.transactionId()).isDefined());
        if (payment.isEmpty()) {
            return false;
        }
        Payment after = store.record(account.merchantId(), event.paymentId(), event.transactionId(), event.outcome());
        return !after.equals(payment.get());
    }
}
