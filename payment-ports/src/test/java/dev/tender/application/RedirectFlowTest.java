package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CompleteAuthorizationUseCase;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.VerifyRedirectUseCase;
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

    /** The return URL the connector was given for this payment. */
    String returnUrl(Payment payment) {
        return connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)
                .find(r -> r.context().paymentId().equals(payment.id()))
                .flatMap(ConnectorRequest.Authorize::returnUrl)
                .getOrElseThrow(() -> new AssertionError("no return URL sent for " + payment.id()));
    }

    /** The query parameters of that return URL, after checking its path names the payment, merchant and connector. */
    Map<String, String> returnParameters(Payment payment) {
        String url = returnUrl(payment);
        assertThat(url).startsWith(RETURN_BASE + "/payments/" + payment.id().value() + "/" + MERCHANT.value()
                + "/redirect/complete/sim?");
        return LinkedHashMap.ofEntries(List.of(url.substring(url.indexOf('?') + 1).split("&"))
                .map(pair -> pair.split("=", 2))
                .map(kv -> Tuple.of(decode(kv[0]), decode(kv[1]))));
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    Either<ApplicationError, VerifyRedirectUseCase.Returned> verify(Payment payment, Map<String, String> parameters) {
        return verify(MERCHANT, payment, "sim", parameters);
    }

    Either<ApplicationError, VerifyRedirectUseCase.Returned> verify(MerchantId merchant, Payment payment,
                                                                   String connectorName,
                                                                   Map<String, String> parameters) {
        return t.tender.redirects().verify(new VerifyRedirectUseCase.Return(merchant, payment.id(), connectorName,
                parameters));
    }

    @Nested
    class AGenuineReturn {

        @Test
        void theReturnUrlNamesPaymentMerchantAndConnectorInItsPathAndCarriesOnlyTheSignatureInItsQuery() {
            // when
            Payment payment = awaitingCustomer();

            // then
            Map<String, String> parameters = returnParameters(payment);
            assertThat(parameters.keySet().toJavaList()).containsExactly(RedirectSignatures.ISSUED_AT,
                    RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);
            assertThat(payment.nextAction()).contains(CHALLENGE);
            assertThat(returnUrl(payment)).as("short enough for a 3DS2 notification URL").hasSizeLessThan(256);
        }

        @Test
        void completesTheAuthorizationWithOnlyTheProcessorsParameters() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");

            // when
            Payment after = right(verify(payment, returned)).payment();

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

        @Test
        void aReturnRefusedByThePaymentsRulesAfterItWasVerifiedDoesNotUseItUp() {
            // given: the payment's account is gone when the customer comes back, so nothing can be sent
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");
            t.inMemory.accounts.add(TestTender.account("acc_1", "gone", 1, true));
            assertThat(left(verify(payment, returned))).isInstanceOf(ApplicationError.NoConnector.class);
            t.inMemory.accounts.add(TestTender.account("acc_1", "sim", 1, true));

            // when
            Payment after = right(verify(payment, returned)).payment();

            // then
            assertThat(after.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isEqualTo(1);
        }
    }

    @Nested
    class AForgedReturn {

        @Test
        void aPaymentIdInTheQueryCannotStandInForThePathsOne() {
            // given
            Payment mine = awaitingCustomer();
            Payment other = awaitingCustomer();
            Map<String, String> tampered = returnParameters(mine).put("payment_id", mine.id().value())
                    .put("result", "success");

            // when
            var result = verify(other, tampered);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
            assertThat(t.stored(other.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        }

        @Test
        void anotherConnectorInThePathIsRejected() {
            // given
            Payment payment = awaitingCustomer();
            Map<String, String> returned = returnParameters(payment).put("result", "success");

            // when
            var result = verify(MERCHANT, payment, "other", returned);

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isZero();
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
            Payment after = right(verify(mine, genuine)).payment();

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
            var result = verify(TestTender.OTHER_MERCHANT, payment, "sim", returned);

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

    @Nested
    class TwoSteps {

        final Redirect challenge = Redirect.get("https://acs.example/challenge/step-2");

        @Test
        void theSameReturnUrlServesTheFingerprintAndTheChallengeOnceEach() {
            // given: the processor sends the customer back to the one return URL after each step
            Payment payment = awaitingCustomer();
            connector.answer(Op.COMPLETE_AUTHORIZE, new Outcome.RequiresAction(challenge), Outcome.Approved.of("psp_1"));
            Map<String, String> signature = returnParameters(payment);
            VerifyRedirectUseCase.Returned fingerprinted = right(verify(payment,
                    signature.put("threeDSMethodData", "done")));
            assertThat(fingerprinted.nextStep()).contains(challenge);
            assertThat(left(verify(payment, signature.put("threeDSMethodData", "done"))))
                    .as("the first step's return again").isInstanceOf(ApplicationError.RedirectRejected.class);

            // when
            VerifyRedirectUseCase.Returned challenged = right(verify(payment, signature.put("cres", "Y")));

            // then
            assertThat(challenged.payment().status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(challenged.nextStep()).isEmpty();
            assertThat(connector.<ConnectorRequest.CompleteAuthorize>requests(Op.COMPLETE_AUTHORIZE)
                    .map(ConnectorRequest.CompleteAuthorize::parameters))
                    .containsExactly(LinkedHashMap.of("threeDSMethodData", "done"), LinkedHashMap.of("cres", "Y"));
            assertThat(left(verify(payment, signature.put("cres", "Y")))).as("once the payment no longer waits")
                    .isInstanceOf(ApplicationError.RedirectRejected.class);
            assertThat(connector.count(Op.COMPLETE_AUTHORIZE)).isEqualTo(2);
        }
    }

    @Nested
    class WhereTheCustomerGoesNext {

        Payment challengedWith(Option<String> createReturnUrl, boolean confirm) {
            var command = TestTender.createAndConfirm(usd(5_000), CaptureMethod.MANUAL);
            return right(t.tender.payments().create(new CreatePaymentUseCase.Command(command.merchantId(),
                    command.paymentId(), command.amount(), command.captureMethod(), command.paymentMethod(),
                    command.customerId(), command.setupMandate(), command.metadata(), confirm, createReturnUrl,
                    command.idempotencyKey(), Option.none())));
        }

        VerifyRedirectUseCase.Returned returned(Payment payment) {
            return right(verify(payment, returnParameters(payment).put("result", "success")));
        }

        @Test
        void backToTheMerchantsReturnUrlWithPaymentIdAndStatusAddedAndItsOwnQueryKept() {
            // given
            Payment payment = challengedWith(Option.some("https://shop.example/done?order=7&status=old#top"), true);

            // when
            VerifyRedirectUseCase.Returned returned = returned(payment);

            // then
            assertThat(returned.merchantUrl()).contains("https://shop.example/done?order=7&payment_id="
                    + payment.id().value() + "&status=requires_capture#top");
            assertThat(returnUrl(payment)).as("the connector never sees the merchant's URL")
                    .doesNotContain("shop.example");
        }

        @Test
        void theConfirmsReturnUrlReplacesTheCreates() {
            // given
            Payment created = challengedWith(Option.some("https://shop.example/at-create"), false);
            Payment payment = right(t.tender.payments().confirm(new ConfirmPaymentUseCase.Command(MERCHANT,
                    created.id(), Option.some(TestTender.card()), Option.none(),
                    Option.some("https://shop.example/at-confirm"), Option.none())));

            // when
            VerifyRedirectUseCase.Returned returned = returned(payment);

            // then
            assertThat(returned.merchantUrl()).contains("https://shop.example/at-confirm?payment_id="
                    + payment.id().value() + "&status=requires_capture");
        }

        @Test
        void theCreatesReturnUrlServesAConfirmWithoutOne() {
            // given
            Payment created = challengedWith(Option.some("https://shop.example/at-create"), false);
            Payment payment = right(t.tender.payments().confirm(new ConfirmPaymentUseCase.Command(MERCHANT,
                    created.id(), Option.some(TestTender.card()), Option.none(), Option.none(), Option.none())));

            // when
            VerifyRedirectUseCase.Returned returned = returned(payment);

            // then
            assertThat(returned.merchantReturnUrl()).contains("https://shop.example/at-create");
        }

        @Test
        void withoutAReturnUrlThereIsNowhereToGo() {
            // given
            Payment payment = challengedWith(Option.none(), true);

            // when
            VerifyRedirectUseCase.Returned returned = returned(payment);

            // then
            assertThat(returned.merchantUrl()).isEmpty();
            assertThat(returned.nextStep()).isEmpty();
            assertThat(returned.payment().status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        }
    }

    @Test
    void aReturnEndpointWithAQueryIsAConfigurationMistake() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new TestTender(TestTender.fastSettings(), "https://tender.example/return?x=1", connector));
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
                Option.some("https://shop.example/done"), command.idempotencyKey(), Option.none());

        // when
        right(noEndpoint.tender.payments().create(withReturnUrl));

        // then
        assertThat(plain.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().returnUrl())
                .contains("https://shop.example/done");
    }
}
