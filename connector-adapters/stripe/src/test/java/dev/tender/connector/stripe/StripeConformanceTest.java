package dev.tender.connector.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tender.connector.kit.ConnectorConformanceTest;
import dev.tender.connector.kit.MoneyMoved;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;


/** The Stripe connector with every capability it declares passes the conformance kit against a stateful fake Stripe. */
class StripeConformanceTest extends ConnectorConformanceTest {

    private final StatefulFakeStripe fake = new StatefulFakeStripe(StripeFixtures.SECRET_KEY);
    private final WireMockServer stripe = fake.serve();
    private final StripeConnector connector = new StripeConnector();
    private final ConnectorAccount account = StripeFixtures.account("http://localhost:" + stripe.port());

    @AfterEach
    void stopStripe() {
        stripe.stop();
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected ConnectorAccount account() {
        return account;
    }

    @Override
    protected PaymentMethodData approvingMethod() {
        return StripeFixtures.card("4242424242424242");
    }

    @Override
    protected PaymentMethodData decliningMethod() {
        return StripeFixtures.card("4000000000000002");
    }

    @Override
    protected Option<PaymentMethodData> challengeMethod() {
        return Option.some(StripeFixtures.card("4000000000003220"));
    }

    /** Not a Stripe customer id, so the connector makes one for each stored method. */
    @Override
    protected String customerId() {
        return "shopper_42";
    }

    @Override
    protected ConnectorRequest.CompleteAuthorize customerReturnsFromChallenge(CallContext context,
                                                                              Outcome.RequiresAction challenge,
                                                                              boolean authenticated) {
        String intent = challenge.reference().get();
        fake.authenticate(intent, authenticated);
        // Stripe sends the customer back to return_url with these query parameters
        return new ConnectorRequest.CompleteAuthorize(context, intent, HashMap.of("payment_intent", intent,
                "payment_intent_client_secret", intent + "_secret_x"));
    }

    @Override
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return fake.moneyMoved(connectorTransactionId);
    }
}
