package dev.tender.domain.payment;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.CUSTOMER;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.confirmCommand;
import static dev.tender.domain.payment.PaymentFixtures.createCommand;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.onlineAcceptance;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** A mandate is charged only through createWithMandate, and the charge cannot be changed past its checks. */
class MandateChargeGuardsTest {

    private static final Money LIMIT = usd(10_00);

    private static Mandate mandate() {
        Payment setup = ok(Payment.create(createCommand("pay_setup", usd(0), CaptureMethod.AUTOMATIC)
                .withCustomer(CUSTOMER)
                .withMandateSetup(new MandateSetup(MandateType.MULTI_USE, Option.some(LIMIT), onlineAcceptance()))));
        Payment setUp = approve(ok(setup.confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))), AUTHORIZE);
        return ok(setUp.activateMandate(MandateId.of("man_1"), T0));
    }

    private static Payment charge(CaptureMethod method) {
        return ok(Payment.createWithMandate(createCommand("pay_2", LIMIT, method), mandate()))._1;
    }

    @Test
    void theAmountCurrencyMethodAndCustomerOfAMandateChargeCannotBeUpdated() {
        Payment charge = charge(CaptureMethod.AUTOMATIC);
        assertThat(charge.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
        for (UpdatePayment update : new UpdatePayment[]{
                UpdatePayment.nothing(T0).amount(usd(1_000_000_00)),
                UpdatePayment.nothing(T0).amount(Money.of(10_00, Currency.EUR)),
                UpdatePayment.nothing(T0).paymentMethod(PaymentFixtures.CARD),
                new UpdatePayment(Option.none(), Option.none(), Option.none(), Option.some("cus_other"),
                        Option.none(), T0)}) {
            assertThat(rejected(charge.update(update)).code()).as("%s", update)
                    .isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        }
        assertThat(ok(charge.update(UpdatePayment.nothing(T0).captureMethod(CaptureMethod.MANUAL))).captureMethod())
                .isEqualTo(CaptureMethod.MANUAL);
    }

    @Test
    void aStoredMandateCannotBeSlippedInAsAPaymentMethodAnywhereElse() {
        PaymentMethod stored = new PaymentMethod.StoredMandate(MandateId.of("man_1"));
        assertThat(rejected(Payment.create(CreatePayment.of(PaymentId.of("pay_3"), PaymentFixtures.MERCHANT,
                LIMIT, CaptureMethod.AUTOMATIC, Option.some(stored), T0))).code())
                .isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        assertThat(rejected(created(CaptureMethod.AUTOMATIC).update(UpdatePayment.nothing(T0).paymentMethod(stored)))
                .code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        assertThat(rejected(created(CaptureMethod.AUTOMATIC).confirm(new Confirm(AUTHORIZE, Option.some(stored),
                "simulator", ALL_CAPABILITIES, T0))).code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
    }

    @Test
    void aMandateChargeCannotBeIncrementedPastTheMandatesCheck() {
        Payment authorized = approve(ok(charge(CaptureMethod.MANUAL).confirm(
                confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))), AUTHORIZE);
        assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        Rejection rejection = rejected(authorized.beginIncrement(
                new IncrementAuthorization(tx("tx_increment"), usd(500_00), T0)));
        assertThat(rejection.code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
    }

    @Test
    void aMandateSetupKeepsTheCurrencyOfItsLimit() {
        Payment setup = ok(Payment.create(createCommand("pay_setup", usd(0), CaptureMethod.AUTOMATIC)
                .withCustomer(CUSTOMER)
                .withMandateSetup(new MandateSetup(MandateType.SINGLE_USE, Option.some(LIMIT), onlineAcceptance()))));
        assertThat(rejected(setup.update(UpdatePayment.nothing(T0).amount(Money.of(0, Currency.EUR)))).code())
                .isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        assertThat(ok(setup.update(UpdatePayment.nothing(T0).amount(usd(5_00)))).amount()).isEqualTo(usd(5_00));
    }

    @Test
    void aPaymentWithAnOrderBeingCreatedCanStillBeCancelledBeforeConfirm() {
        Payment ordering = ok(created(CaptureMethod.MANUAL).beginOrder(new CreateOrder(tx("tx_order"),
                ALL_CAPABILITIES, T0)));
        Payment cancelled = ok(ordering.beginVoid(new VoidPayment(tx("tx_void"), Option.none(), T0)));
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
    }
}
