package dev.tender.application;

import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.VoidPayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.ChargeMandateUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.RevokeMandateUseCase;
import dev.tender.ports.in.SetupMandateUseCase;
import dev.tender.ports.out.Mandates;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.Versioned;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Mandates: set up with a payment, activated when the connector approves (now, or later through a
 * sync), charged by the merchant, revoked. A single-use mandate's race between two charges is settled
 * by the mandate's version: one save wins.
 */
public final class MandateService implements SetupMandateUseCase, ChargeMandateUseCase, RevokeMandateUseCase {

    private final Mandates mandates;
    private final PaymentService payments;
    private final PaymentStore store;
    private final Idempotency idempotency;
    private final Clock clock;

    MandateService(Mandates mandates, PaymentService payments, PaymentStore store, Idempotency idempotency,
                   Clock clock) {
        this.mandates = mandates;
        this.payments = payments;
        this.store = store;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Either<ApplicationError, Result> setup(SetupMandateUseCase.Command c) {
        String fingerprint = Fingerprints.of("setup_mandate", c, Option.some(c.paymentMethod()));
        return payments.checkCard(Option.some(c.paymentMethod())).flatMap(valid ->
                idempotency.run(c.merchantId(), c.idempotencyKey(), fingerprint, () -> payments.create(
                        new CreatePaymentUseCase.Command(c.merchantId(), Option.none(), c.amount(),
                                c.captureMethod(), Option.some(c.paymentMethod()), Option.some(c.customerId()),
                                Option.some(c.mandate()), LinkedHashMap.empty(), true, Option.none(), Option.none(),
                                Option.none()))
                        .map(payment -> new Result(payment, activateIfReady(payment)))));
    }

    @Override
    public Either<ApplicationError, Payment> charge(ChargeMandateUseCase.Command c) {
        return idempotency.run(c.merchantId(), c.idempotencyKey(), "charge_mandate", c, () ->
                mandates.find(c.merchantId(), c.mandateId())
                        .toEither(() -> (ApplicationError) new ApplicationError.NotFound("mandate", c.mandateId().value()))
                        .flatMap(stored -> {
                            Mandate mandate = stored.value();
                            CreatePayment create = new CreatePayment(c.paymentId().getOrElse(() ->
                                    PaymentId.of(clock.ids().next("pay"))), c.merchantId(), c.amount(),
                                    c.captureMethod(), Option.none(), c.customerId(), Option.none(), c.metadata(),
                                    CreatePayment.DEFAULT_AUTHORIZATION_VALIDITY, clock.now());
                            return Payment.createWithMandate(create, mandate)
                                    .<ApplicationError>mapLeft(ApplicationError.Rejected::new)
                                    .flatMap(pair -> mandates.save(stored.with(pair._2))
                                            .<ApplicationError>mapLeft(conflict -> new ApplicationError.Conflict(
                                                    conflict.message()))
                                            // a charge that could not be saved (its id taken) gives its use back
                                            .flatMap(used -> store.save(Option.none(), pair._1)
                                                    .peekLeft(notSaved -> giveBack(pair._1))))
                                    .flatMap(payment -> payments.authorize(payment, new PaymentMethodData.StoredMandate(
                                                    mandate.id(), mandate.connectorMandateReference()),
                                            Option.some(mandate.connector()), Option.none())
                                            .peekLeft(notSent -> withdraw(payment)));
                        }));
    }

    @Override
    public Either<ApplicationError, Mandate> revoke(MerchantId merchantId, MandateId mandateId) {
        return mandates.find(merchantId, mandateId)
                .toEither(() -> (ApplicationError) new ApplicationError.NotFound("mandate", mandateId.value()))
                .flatMap(stored -> stored.value().revoke(clock.now())
                        .<ApplicationError>mapLeft(ApplicationError.Rejected::new)
                        .flatMap(revoked -> mandates.save(stored.with(revoked))
                                .<ApplicationError>mapLeft(c -> new ApplicationError.Conflict(c.message())))
                        .map(Versioned::value));
    }

    public Either<ApplicationError, Mandate> get(MerchantId merchantId, MandateId mandateId) {
        return mandates.find(merchantId, mandateId).map(Versioned::value)
                .toEither(() -> new ApplicationError.NotFound("mandate", mandateId.value()));
    }

    public List<Mandate> forCustomer(MerchantId merchantId, String customerId) {
        return mandates.forCustomer(merchantId, customerId);
    }

    /** The mandate the payment set up, once its setup succeeded. */
    public Option<Mandate> setUpBy(MerchantId merchantId, PaymentId setupPaymentId) {
        return mandates.findBySetupPayment(merchantId, setupPaymentId).map(Versioned::value);
    }

    /** The mandate of a setup payment whose setup succeeded, created once (one per setup payment). */
    Option<Mandate> activateIfReady(Payment payment) {
        if (payment.mandateSetup().isEmpty()) {
            return Option.none();
        }
        Option<Versioned<Mandate>> existing = mandates.findBySetupPayment(payment.merchantId(), payment.id());
        if (existing.isDefined()) {
            return existing.map(Versioned::value);
        }
        return payment.activateMandate(MandateId.of(clock.ids().next("man")), clock.now()).toOption()
                .flatMap(mandate -> mandates.save(Versioned.fresh(mandate)).map(Versioned::value).toOption()
                        .orElse(() -> mandates.findBySetupPayment(payment.merchantId(), payment.id())
                                .map(Versioned::value)));
    }

    /**
     * A charge that could not even be sent (no connector account can take it) is cancelled, so it can
     * never be confirmed later, and its use of the mandate is given back.
     */
    private void withdraw(Payment charge) {
        store.change(charge.merchantId(), charge.id(), p -> p.beginVoid(new VoidPayment(
                TransactionId.of(clock.ids().next("txn")), Option.some("no connector could take the charge"),
                clock.now())));
        giveBack(charge);
    }

    /** A declined charge gives a single-use mandate back. */
    void releaseIfFailed(Payment payment) {
        if (payment.mandateId().isEmpty() || payment.status() != PaymentStatus.FAILED
                || payment.transactions().exists(tx -> tx.kind() == TransactionKind.AUTHORIZE && tx.succeeded())) {
            return;
        }
        giveBack(payment);
    }

    /** Releases the charge's use of its mandate, re-reading the mandate when another save won the race. */
    private void giveBack(Payment charge) {
        for (int race = 0; race < 20; race++) {
            Option<Versioned<Mandate>> stored = mandates.find(charge.merchantId(), charge.mandateId().get());
            if (stored.isEmpty() || !stored.get().value().charges().contains(charge.id())) {
                return;
            }
            if (mandates.save(stored.get().with(stored.get().value().release(charge.id(), clock.now()))).isRight()) {
                return;
            }
        }
    }

    /** After any saved change of a payment: activate its mandate, or release a failed charge. */
    void afterChange(Payment payment) {
        activateIfReady(payment);
        releaseIfFailed(payment);
    }
}
