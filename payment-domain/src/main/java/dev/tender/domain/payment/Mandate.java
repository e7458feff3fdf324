package dev.tender.domain.payment;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's standing permission to be charged by the merchant without being present, set up by a
 * payment with {@code setup_future_usage: off_session}. Immutable, like {@link Payment}.
 *
 * @param connectorMandateReference the processor's id for the stored credential, sent with each charge
 * @param charges                   payments charged against this mandate, oldest first
 */
public record Mandate(MandateId id, MerchantId merchantId, String customerId, MandateStatus status,
                      MandateType type, Option<Money> amountLimit, Currency currency, String connector,
                      String connectorMandateReference, CustomerAcceptance acceptance, PaymentId setupPaymentId,
                      List<PaymentId> charges, Instant createdAt, Instant updatedAt) {

    public Mandate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amountLimit, "amountLimit");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(connectorMandateReference, "connectorMandateReference");
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(setupPaymentId, "setupPaymentId");
        Objects.requireNonNull(charges, "charges");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Records a charge; a single-use mandate is used up by it. */
    public Either<Rejection, Mandate> charge(PaymentId payment, Money amount, Instant at) {
        if (status != MandateStatus.ACTIVE) {
            return Either.left(invalid("Mandate " + id + " is " + status + "; only an active mandate can be charged"));
        }
        if (!amount.currency().equals(currency)) {
            return Either.left(invalid("Mandate " + id + " is for " + currency + ", not " + amount.currency()));
        }
        if (amountLimit.exists(amount::isGreaterThan)) {
            return Either.left(invalid("The amount " + amount + " exceeds the mandate's limit of "
                    + amountLimit.get()));
        }
        MandateStatus next = type == MandateType.SINGLE_USE ? MandateStatus.INACTIVE : status;
        return Either.right(new Mandate(id, merchantId, customerId, next, type, amountLimit, currency, connector,
                connectorMandateReference, acceptance, setupPaymentId, charges.append(payment), createdAt,
                latest(at)));
    }

    /** The charge failed at the connector: a single-use mandate is usable again. */
    public Mandate release(PaymentId payment, Instant at) {
        if (!charges.contains(payment)) {
            return this;
        }
        MandateStatus next = type == MandateType.SINGLE_USE && status == MandateStatus.INACTIVE
                ? MandateStatus.ACTIVE : status;
        return new Mandate(id, merchantId, customerId, next, type, amountLimit, currency, connector,
                connectorMandateReference, acceptance, setupPaymentId, charges.remove(payment), createdAt,
                latest(at));
    }

    public Either<Rejection, Mandate> revoke(Instant at) {
        if (status == MandateStatus.REVOKED) {
            return Either.left(invalid("Mandate " + id + " is already revoked"));
        }
        return Either.right(new Mandate(id, merchantId, customerId, MandateStatus.REVOKED, type, amountLimit,
                currency, connector, connectorMandateReference, acceptance, setupPaymentId, charges, createdAt,
                latest(at)));
    }

    private Instant latest(Instant at) {
        return at.isAfter(updatedAt) ? at : updatedAt;
    }

    private static Rejection invalid(String message) {
        return new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED, message);
    }
}
