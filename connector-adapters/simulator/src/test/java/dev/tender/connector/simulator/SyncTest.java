package dev.tender.connector.simulator;

import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static dev.tender.connector.simulator.SimulatorFixtures.sync;
import static org.assertj.core.api.Assertions.assertThat;

/** A sync answers what the simulator did for the call with that key and kind. */
class SyncTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Test
    void aCallNeverReceivedIsNotFound() {
        // given
        var neverSent = context("tx_never");

        // when
        Outcome outcome = simulator.sync(sync(neverSent, TransactionKind.AUTHORIZE));

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
    }

    @Test
    void theKindMustBeTheKindOfTheCallSentWithTheKey() {
        // given
        var request = purchase("tx_p", TestCards.VISA);
        simulator.authorize(request);

        // when
        Outcome asRefund = simulator.sync(sync(request.context(), TransactionKind.REFUND));

        // then
        assertThat(asRefund).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
    }

    @Test
    void aZeroAmountAuthorizationSentAsAMandateSetupIsFoundEitherWay() {
        // given
        var setup = new ConnectorRequest.SetupMandate(context("tx_setup"), card(TestCards.VISA), "cus_1", Currency.USD);
        Outcome approved = simulator.setupMandate(setup);

        // when
        Outcome asSetup = simulator.sync(sync(setup.context(), TransactionKind.SETUP_MANDATE));
        Outcome asAuthorize = simulator.sync(sync(setup.context(), TransactionKind.AUTHORIZE));

        // then
        assertThat(asSetup).isEqualTo(approved);
        assertThat(asAuthorize).isEqualTo(approved);
        assertThat(((Outcome.Approved) approved).mandateReference().isDefined()).isTrue();
    }

    @Test
    void anOrderIsSyncedByTheOrderKind() {
        // given
        var order = new ConnectorRequest.CreateOrder(context("tx_order"), SimulatorFixtures.TEN);
        Outcome created = simulator.createOrder(order);

        // when
        Outcome synced = simulator.sync(sync(order.context(), TransactionKind.ORDER));

        // then
        assertThat(synced).isEqualTo(created);
    }

    @Test
    void theSimulatorDeclaresEveryCapabilityUnderItsName() {
        // given
        var simulatorByDefault = new SimulatorConnector();

        // when
        var capabilities = simulatorByDefault.capabilities();

        // then
        assertThat(simulatorByDefault.name()).isEqualTo("simulator");
        assertThat(capabilities.toJavaSet()).containsExactlyInAnyOrder(Capability.values());
    }
}
