package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the module's README.md, run as written there (keep the two in step). */
class ReadmeExampleTest {

    final FakeConnector simulator = new FakeConnector();
    final Connectors connectors = name -> name.equals("simulator") ? Option.some(simulator) : Option.none();

    PaymentClient client() {
        // README: setup
        PaymentClient client = PaymentClient.builder()
                .connector("simulator", connectors)
                .apiKey("sk_test_123")
                .environment(Environment.SANDBOX)
                .redirectSecret("change-me-to-32-bytes-or-more!!!")
                .build();
        return client;
    }

    @Test
    void authorizeThenCapture() {
        // given
        simulator.answering(Outcome.Approved.of("sim_pay_1"));
        PaymentClient client = client();

        // when: README: authorize and capture
        Money amount = Money.of(1250, Currency.USD);
        PaymentMethodData card = new PaymentMethodData.Card("4242424242424242", 12, 2030, "123", Option.none());

        AuthorizeResult authorized = client.authorize(AuthorizeRequest.of(
                CallIds.of("order_42", "order_42-authorize"), amount, card, CaptureMethod.MANUAL));

        CaptureResult captured = null;
        if (authorized.status() == AuthorizeResult.Status.AUTHORIZED) {
            captured = client.capture(CaptureRequest.of(
                    CallIds.of("order_42", "order_42-capture"), authorized.connectorTransactionId().get(), amount));
        }

        // then
        assertThat(authorized.status()).isEqualTo(AuthorizeResult.Status.AUTHORIZED);
        assertThat(captured).isNotNull();
        assertThat(captured.status()).isEqualTo(CaptureResult.Status.CAPTURED);
        assertThat(simulator.requests().get(1)).isEqualTo(new ConnectorRequest.Capture(
                simulator.requests().get(1).context(), "sim_pay_1", amount, true));
        assertThat(simulator.requests().get(1).context().idempotencyKey()).isEqualTo("order_42-capture:capture:fake");
    }

    @Test
    void threeDsRedirectAndReturn() {
        // given
        simulator.answeringBy(request -> request instanceof ConnectorRequest.Authorize
                ? new Outcome.RequiresAction(Redirect.get("https://acs.example/challenge/1"))
                : Outcome.Approved.of("sim_pay_2"));
        PaymentClient client = client();
        Money amount = Money.of(1250, Currency.USD);
        PaymentMethodData card = new PaymentMethodData.Card("4000000000003220", 12, 2030, "123", Option.none());
        Set<String> usedRedirects = new HashSet<>();

        // when: README: 3DS
        CallIds ids = CallIds.of("order_43", "order_43-authorize");
        AuthorizeResult authorized = client.authorize(AuthorizeRequest.of(ids, amount, card, CaptureMethod.MANUAL)
                .withReturnUrl("https://shop.example/return"));
        // REQUIRES_ACTION: send the customer to authorized.redirect(); they come back to the return URL with
        // its signed parameters plus the processor's. `parameters` is that query, as your web framework gives it.
        Map<String, String> parameters = returnedParameters();

        VerifyRedirectResult back = client.verifyRedirectResponse(VerifyRedirectRequest.of(parameters));
        GetResult now = null;
        if (back.status() == VerifyRedirectResult.Status.VERIFIED
                && back.paymentId().contains("order_43")
                && usedRedirects.add(back.replayKey().get())) {   // your replay store: the client keeps none
            now = client.get(GetRequest.withoutTransactionId(ids, TransactionKind.AUTHORIZE, amount));
        }

        // then
        assertThat(authorized.status()).isEqualTo(AuthorizeResult.Status.REQUIRES_ACTION);
        assertThat(authorized.redirect().map(Redirect::url)).contains("https://acs.example/challenge/1");
        assertThat(back.status()).isEqualTo(VerifyRedirectResult.Status.VERIFIED);
        assertThat(back.processorParameters().toJavaMap()).isEqualTo(Map.of("PaRes", "eJzN"));
        assertThat(now).isNotNull();
        assertThat(now.status()).isEqualTo(GetResult.Status.SUCCEEDED);
        assertThat(now.connectorTransactionId()).contains("sim_pay_2");
        assertThat(usedRedirects.add(back.replayKey().get())).as("a second return is a replay").isFalse();
    }

    /** What the browser brings back: the return URL's query the client signed, plus the processor's. */
    private Map<String, String> returnedParameters() {
        String returnUrl = ((ConnectorRequest.Authorize) simulator.requests().get(0)).returnUrl().get();
        return ClientFixtures.queryOf(returnUrl).put("PaRes", "eJzN").toJavaMap();
    }
}
