package dev.tender.application;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Connectors;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Which connector accounts may take a payment, in the merchant's priority order: enabled, with an
 * implementation in this process, and offering what the payment needs.
 */
final class Routing {

    private final ConnectorAccounts accounts;
    private final Connectors connectors;

    Routing(ConnectorAccounts accounts, Connectors connectors) {
        this.accounts = accounts;
        this.connectors = connectors;
    }

    record Route(ConnectorAccount account, Connector connector) {
    }

    Either<ApplicationError, List<Route>> candidates(Payment payment, Option<String> accountId, Set<Capability> extra) {
        Set<Capability> needed = needs(payment).addAll(extra);
        List<Route> routes = accounts.forMerchant(payment.merchantId())
                .filter(ConnectorAccount::enabled)
                .filter(a -> accountId.forAll(a.id()::equals))
                .flatMap(a -> connectors.named(a.connectorName()).map(c -> new Route(a, c)))
                .filter(r -> r.connector().capabilities().containsAll(needed));
        return routes.isEmpty()
                ? Either.left(new ApplicationError.NoConnector("No enabled connector account of merchant "
                + payment.merchantId() + accountId.map(id -> " with id " + id).getOrElse("") + " supports "
                + (needed.isEmpty() ? "payments" : needed.toList().sorted().mkString(", "))))
                : Either.right(routes);
    }

    /** The account that took the payment: later operations go where the authorization is. */
    Either<ApplicationError, Route> of(Payment payment) {
        return payment.connector()
                .flatMap(id -> accounts.find(payment.merchantId(), id))
                .flatMap(a -> connectors.named(a.connectorName()).map(c -> new Route(a, c)))
                .toEither(() -> new ApplicationError.NoConnector("The connector account of payment " + payment.id()
                        + " is not configured any more"));
    }

    /**
     * The route found for {@code before} a moment ago, while {@code begun} still goes to the same account (no
     * second read of it), else found anew.
     */
    Either<ApplicationError, Route> of(Payment begun, Payment before, Option<Either<ApplicationError, Route>> found) {
        return found.isDefined() && begun.connector().equals(before.connector()) ? found.get() : of(begun);
    }

    private static Set<Capability> needs(Payment payment) {
        Set<Capability> needed = HashSet.empty();
        if (payment.captureMethod() == CaptureMethod.MANUAL) {
            needed = needed.add(Capability.MANUAL_CAPTURE);
        }
        if (payment.captureMethod() == CaptureMethod.MANUAL_MULTIPLE) {
            needed = needed.add(Capability.MULTIPLE_CAPTURE);
        }
        if (payment.mandateSetup().isDefined() || payment.mandateId().isDefined()) {
            needed = needed.add(Capability.MANDATES);
        }
        return needed;
    }
}
