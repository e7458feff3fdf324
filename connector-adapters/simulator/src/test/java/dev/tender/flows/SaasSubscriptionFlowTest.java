package dev.tender.flows;

import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateStatus;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.in.ChargeMandateUseCase;
import dev.tender.ports.in.SetupMandateUseCase;
import dev.tender.ports.out.ListQuery;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.flows.SimulatedTender.ACCOUNT;
import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.START;
import static dev.tender.flows.SimulatedTender.card;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.rejectionCode;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * SaaS subscription (seed 000): the customer sets up a mandate once (zero amount, with consent), the
 * merchant charges it every month without the customer, until the subscription is cancelled.
 */
class SaasSubscriptionFlowTest {

    static final String CUSTOMER = "cus_saas_1";
    static final long MONTHLY_FEE = 19_99;

    final SimulatorConnector simulator = new SimulatorConnector();
    final SimulatedTender t = SimulatedTender.with(simulator);

    static SetupMandateUseCase.Command subscribe() {
        return new SetupMandateUseCase.Command(MERCHANT, CUSTOMER, usd(0), CaptureMethod.AUTOMATIC,
                card(TestCards.VISA), new MandateSetup(MandateType.MULTI_USE, Option.some(usd(50_00)),
                new CustomerAcceptance("online", START, Option.some("203.0.113.7"), Option.some("Mozilla/5.0"))),
                Option.some("subscribe-" + CUSTOMER));
    }

    static ChargeMandateUseCase.Command monthlyCharge(Mandate mandate, String month) {
        return new ChargeMandateUseCase.Command(MERCHANT, mandate.id(), usd(MONTHLY_FEE), CaptureMethod.AUTOMATIC,
                Option.some("invoice-" + month));
    }

    Mandate subscribed() {
        SetupMandateUseCase.Result result = right(t.tender.mandates().setup(subscribe()));
        return result.mandate().getOrElseThrow(() -> new AssertionError("the mandate is not active: " + result));
    }

    @Test
    void aZeroAmountSetupMakesAnActiveMandateAndMovesNoMoney() {
        // when
        SetupMandateUseCase.Result result = right(t.tender.mandates().setup(subscribe()));

        // then
        Payment setup = result.payment();
        assertThat(setup.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(setup.amount()).isEqualTo(usd(0));
        assertThat(setup.captured()).isEqualTo(usd(0));
        assertThat(setup.transactions().single().kind()).isEqualTo(TransactionKind.SETUP_MANDATE);
        assertThat(result.mandate()).singleElement().satisfies(mandate -> {
            assertThat(mandate.status()).isEqualTo(MandateStatus.ACTIVE);
            assertThat(mandate.customerId()).isEqualTo(CUSTOMER);
            assertThat(mandate.connector()).isEqualTo(ACCOUNT);
            assertThat(mandate.connectorMandateReference()).startsWith("sim_mandate_");
            assertThat(mandate.setupPaymentId()).isEqualTo(setup.id());
        });
        assertThat(simulator.ledger().entries())
                .extracting(LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::status)
                .containsExactly(tuple(TransactionKind.SETUP_MANDATE, usd(0), LedgerEntry.Status.SUCCEEDED));
        assertThat(ledgerOf(simulator, setup).captured()).isEqualTo(usd(0));
    }

    @Test
    void twoMonthlyMerchantInitiatedChargesBothSucceedAndTheProcessorChargesTwice() {
        // given
        Mandate mandate = subscribed();

        // when
        Payment march = right(t.tender.mandates().charge(monthlyCharge(mandate, "2025-03")));
        t.clock.advance(Duration.ofDays(31));
        Payment april = right(t.tender.mandates().charge(monthlyCharge(mandate, "2025-04")));

        // then
        for (Payment charge : List.of(march, april)) {
            assertThat(charge.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(charge.captured()).isEqualTo(usd(MONTHLY_FEE));
            assertThat(charge.mandateId()).contains(mandate.id());
            assertThat(ledgerOf(simulator, charge).authorized()).isEqualTo(usd(MONTHLY_FEE));
            assertThat(ledgerOf(simulator, charge).captured()).isEqualTo(charge.captured());
        }
        assertThat(march.id()).isNotEqualTo(april.id());
        assertThat(simulator.ledger().entries().filter(e -> e.kind() == TransactionKind.CAPTURE))
                .extracting(LedgerEntry::connectorTransactionId, LedgerEntry::amount, LedgerEntry::status)
                .containsExactly(
                        tuple(march.connectorTransactionId().get(), usd(MONTHLY_FEE), LedgerEntry.Status.SUCCEEDED),
                        tuple(april.connectorTransactionId().get(), usd(MONTHLY_FEE), LedgerEntry.Status.SUCCEEDED));
        assertThat(right(t.tender.mandates().get(MERCHANT, mandate.id())).charges())
                .containsExactly(march.id(), april.id());
    }

    @Test
    void afterTheSubscriptionIsRevokedTheNextChargeIsRejectedAndNothingMoves() {
        // given
        Mandate mandate = subscribed();
        right(t.tender.mandates().charge(monthlyCharge(mandate, "2025-03")));
        List<LedgerEntry> before = simulator.ledger().entries();

        // when
        Mandate revoked = right(t.tender.mandates().revoke(MERCHANT, mandate.id()));
        var next = t.tender.mandates().charge(monthlyCharge(mandate, "2025-04"));

        // then
        assertThat(revoked.status()).isEqualTo(MandateStatus.REVOKED);
        assertThat(rejectionCode(next)).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        assertThat(simulator.ledger().entries()).as("the processor was not asked").isEqualTo(before);
        assertThat(t.tender.payments().list(MERCHANT, ListQuery.first(10)).items())
                .as("the setup and the one charge, no payment for the rejected charge").hasSize(2);
    }
}
