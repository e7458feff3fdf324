package dev.tender.app.metrics;

import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.inmemory.InMemoryPayments;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.domain.payment.TransactionId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void connectorCallsAreTimedByConnectorOperationAndOutcome() {
        // given
        MeteredConnector connector = new MeteredConnector(new SimulatorConnector(), registry);
        ConnectorAccount account = new ConnectorAccount("acc_1", MerchantId.of("m_1"), "simulator", "default", 0, true,
                Credentials.of(HashMap.empty()), HashMap.empty());
        CallContext context = CallContext.of(account, PaymentId.of("pay_1"), TransactionId.of("txn_1"));

        // when
        connector.authorize(new ConnectorRequest.Authorize(context, Money.of(10_00, Currency.USD),
                CaptureMethod.AUTOMATIC, new PaymentMethodData.Card("4000000000000002", 12, 2030, "123",
                Option.none()), Option.none(), Option.none(), false, Option.none(), HashMap.empty()));

        // then
        assertThat(registry.get("tender.connector.calls").tag("connector", "simulator").tag("operation", "authorize")
                .tag("outcome", "declined").timer().count()).isEqualTo(1);
        assertThat(connector.name()).isEqualTo("simulator");
    }

    @Test
    void savedPaymentsAreCountedByStatusAndLostRacesAsConflicts() {
        // given
        MeteredPayments payments = new MeteredPayments(new InMemoryPayments(), registry);
        Payment payment = Payment.create(CreatePayment.of(PaymentId.of("pay_1"), MerchantId.of("m_1"),
                Money.of(5_00, Currency.USD), CaptureMethod.AUTOMATIC, Option.none(), Instant.now())).get();

        // when
        payments.save(payment);
        payments.save(payment);

        // then
        assertThat(registry.get("tender.payments.saved").tag("status", "requires_payment_method").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("tender.payments.conflicts").tag("kind", "duplicate_id").counter().count())
                .isEqualTo(1);
        assertThat(payments.find(MerchantId.of("m_1"), PaymentId.of("pay_1")).isDefined()).isTrue();
    }
}
