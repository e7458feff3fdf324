package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CompleteAuthorizationUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** 3DS and bank pages: the customer comes back through Tender's signed return URL, once. */
class RedirectFlowTest {

    static final String RETURN_BASE = "https://tender.example/return";
    static final Redirect CHALLENGE = Redirect.get("https://acs.example/challenge/123");

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim")
            .always(Op.AUTHORIZE, new Outcome.RequiresAction(CHALLENGE));
    final TestTender t = new TestTender(TestTender.fastSettings(), RETURN_BASE, connector)
            .withAccount("acc_1", "sim", 1);

    Payment awaitingCustomer() {
        Payment payment = t.createConfirmed(usd(5_000), CaptureMethod.MANUAL);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        return payment;
    }

    /** The query parameters of the return URL the connector was given for this payment. */
    Map<String, String> returnParameters(Payment payment) {
        String url = connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)
                .find(r -> r.context().paymentId().equals(payment.id()))
                .flatMap(ConnectorRequest.Authorize::returnUrl)
                .getOrElseThrow(() -> new AssertionError("no return URL sent for " + payment.id()));
        assertThat(url).startsWith(RETURN_BASE + "?");
        return LinkedHashMap.ofEntries(List.of(url.substring(url.indexOf('?') + 1).split("&"))
                .map(pair -> pair.split("=", 2))
                .map(kv -> Tuple.of(decode(kv[0]), decode(kv[1]))));
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    Either<ApplicationError, Payment> verify(Payment payment, Map<String, String> parameters) {
        return t.tender.redirects().verify(MERCHANT, payment.id(), parameters);
    }

    @Nested
    class AGenuineReturn {

        @Test
        void theReturnUrlCarriesTheSignedPaymentAndMerchant() {
            // when
            Payment payment = awaitingCustomer();

            // then
            Map<String, String> parameters = returnParameters(payment);
            assertThat(parameters.keySet().toJavaSet()).containsExactlyInAnyOrder("payment_id", "merchant_id",
                    RedirectSignatures.ISSUED_AT, RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);
            assertThat(parameters.get("payment_id")).contains(payment.id().value());
            assertThat(parameters.get("merchant_id")).contains(MERCHANT.value());
            assertThat(payment.nextAction()).contains(CHALLENGE);
        }

        @Test
        void completesTheAuthorizationWithOnlyTheProcessorsParameters() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");

            // when
            Payment after = right(verify(payment, returned));

            // then
            ConnectorRequest.CompleteAuthorize complete = connector
                    .<ConnectorRequest.CompleteAuthorize>requests(Op.COMPLETE_AUTHORIZE).single();
            assertThat(complete.parameters()).isEqualTo(LinkedHashMap.of("result", "success"));
            assertThat(complete.context().transactionId()).isEqualTo(payment.transactions().single().id());
            assertThat(after.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(after.authorized()).isEqualTo(usd(5_000));
            assertThat(after.nextAction()).isEmpty();
        }

        @Test
        void theSameReturnAgainIsAReplayAndCallsNothing() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");
            right(verify(payment, returned));

            // when
            var replayed = verify(payment, returned);

            // then
            assertThat(left(replayed)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isEqualTo(1);
        }
    }

    @Nested
    class AForgedReturn {

        @Test
        void aTamperedPaymentIdIsRejected() {
            // given
            Payment mine = awaitingCustomer();
            Payment other = awaitingCustomer();
            Map<String, String> tampered = returnParameters(mine).put("payment_id", other.id().value())
                    .put("result", "success");

            // when
            var result = verify(other, tampered);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
            assertThat(t.stored(other.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        }

        @Test
        void anotherPaymentsReturnIsRejected() {
            // given
            Payment mine = awaitingCustomer();
            Payment other = awaitingCustomer();
            Map<String, String> othersReturn = returnParameters(other).put("result", "success");

            // when
            var result = verify(mine, othersReturn);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
            assertThat(t.stored(mine.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        }

        @Test
        void aRejectedForgeryDoesNotUseUpTheGenuineReturn() {
            // given
            Payment mine = awaitingCustomer();
            Payment other = awaitingCustomer();
            Map<String, String> genuine = returnParameters(mine).put("result", "success");
            left(verify(other, genuine));

            // when
            Payment after = right(verify(mine, genuine));

            // then
            assertThat(after.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isEqualTo(1);
        }

        @Test
        void aReturnForAnotherMerchantIsRejected() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");

            // when
            var result = t.tender.redirects().verify(TestTender.OTHER_MERCHANT, payment.id(), returned);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
        }

        @Test
        void aReturnWithoutSignatureIsRejected() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> unsigned = returnParameters(payment).remove(RedirectSignatures.SIGNATURE)
                    .put("result", "success");

            // when
            var result = verify(payment, unsigned);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
        }

        @Test
        void aStaleReturnIsRejected() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");
            t.clock.advance(RedirectSignatures.DEFAULT_MAX_AGE.plus(Duration.ofSeconds(1)));

            // when
            var result = verify(payment, returned);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
        }
    }

    /** 3DS2: a fingerprint step, then a challenge; each completion is a new call with a new answer. */
    @Test
    void aSecondChallengeIsCompletedWithANewIdempotencyKey() {
        // given
        Payment payment = awaitingCustomer();
        Redirect challenge = Redirect.get("https://acs.example/challenge/step-2");
        connector.answer(Op.COMPLETE_AUTHORIZE, new Outcome.RequiresAction(challenge), Outcome.Approved.of("psp_1"));
        Payment secondStep = right(t.tender.payments().complete(new CompleteAuthorizationUseCase.Command(MERCHANT,
                payment.id(), LinkedHashMap.of("threeDSMethodData", "done"), Option.none())));
        assertThat(secondStep.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        assertThat(secondStep.nextAction()).contains(challenge);

        // when
        Payment authorized = right(t.tender.payments().complete(new CompleteAuthorizationUseCase.Command(MERCHANT,
                payment.id(), LinkedHashMap.of("cres", "Y"), Option.none())));

        // then
        assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(connector.<ConnectorRequest.CompleteAuthorize>requests(Op.COMPLETE_AUTHORIZE)
                .map(r -> r.context().idempotencyKey()).distinct())
                .as("a processor replays the first answer to a key it has seen").hasSize(2);
    }

    @Test
    void withoutAReturnEndpointTheMerchantsReturnUrlIsPassedOn() {
        // given
        ScriptedConnector plain = ScriptedConnector.withAllCapabilities("plain");
        TestTender noEndpoint = new TestTender(TestTender.fastSettings(), plain).withAccount("acc_p", "plain", 1);
        var command = TestTender.createAndConfirm(usd(5_000), CaptureMethod.MANUAL);
        var withReturnUrl = new CreatePaymentUseCase.Command(command.merchantId(),
                command.paymentId(), command.amount(), command.captureMethod(), command.paymentMethod(),
                command.customerId(), command.setupMandate(), command.metadata(), true,
                Option.some("https://shop.example/done"), command.idempotencyKey());

        // when
        right(noEndpoint.tender.payments().create(withReturnUrl));

        // then
        assertThat(plain.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().returnUrl())
                .contains("https://shop.example/done");
    }
}
