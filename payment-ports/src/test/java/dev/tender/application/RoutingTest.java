package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tender.application.TestTender.createAndConfirm;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Which account takes an authorization, and when the next one may. */
class RoutingTest {

    final ScriptedConnector full = ScriptedConnector.withAllCapabilities("full");
    final ScriptedConnector basic = ScriptedConnector.named("basic");

    static String accountCalled(ScriptedConnector connector) {
        return connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().context().account().id();
    }

    @Nested
    class ChoosingTheFirstAccount {

        @Test
        void theAccountWithTheLowestPriorityIsTriedFirst() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full)
                    .withAccount("acc_b", "full", 20)
                    .withAccount("acc_a", "full", 10)
                    .withAccount("acc_c", "full", 30);

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(accountCalled(full)).isEqualTo("acc_a");
            assertThat(payment.connector()).contains("acc_a");
            assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void aDisabledAccountIsSkipped() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full)
                    .withDisabledAccount("acc_disabled", "full", 1)
                    .withAccount("acc_enabled", "full", 2);

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(accountCalled(full)).isEqualTo("acc_enabled");
            assertThat(payment.connector()).contains("acc_enabled");
        }

        @Test
        void anAccountWithoutManualCaptureIsSkippedForAManualPayment() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full, basic)
                    .withAccount("acc_basic", "basic", 1)
                    .withAccount("acc_full", "full", 2);

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);

            // then
            assertThat(basic.calls()).isEmpty();
            assertThat(accountCalled(full)).isEqualTo("acc_full");
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        }

        @Test
        void anAccountWithoutManualCaptureStillTakesAnAutomaticPayment() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full, basic)
                    .withAccount("acc_basic", "basic", 1)
                    .withAccount("acc_full", "full", 2);

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(accountCalled(basic)).isEqualTo("acc_basic");
            assertThat(full.calls()).isEmpty();
            assertThat(payment.connector()).contains("acc_basic");
        }

        @Test
        void anAccountOfAConnectorThisProcessDoesNotHaveIsSkipped() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full)
                    .withAccount("acc_elsewhere", "not_installed", 1)
                    .withAccount("acc_full", "full", 2);

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(payment.connector()).contains("acc_full");
        }
    }

    @Nested
    class FallingBack {

        final ScriptedConnector primary = ScriptedConnector.withAllCapabilities("primary");
        final ScriptedConnector secondary = ScriptedConnector.withAllCapabilities("secondary");
        final TestTender t = new TestTender(TestTender.fastSettings(), primary, secondary)
                .withAccount("acc_primary", "primary", 1)
                .withAccount("acc_secondary", "secondary", 2);

        @ParameterizedTest
        @ValueSource(strings = {DeclineCodes.TECHNICAL_ERROR, DeclineCodes.PROCESSING_ERROR})
        void aDeclineThatProvesNothingHappenedSendsTheAuthorizationToTheNextAccount(String code) {
            // given
            primary.answer(Op.AUTHORIZE, new Outcome.Declined(code, "try elsewhere"));
            secondary.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_secondary"));

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(payment.connector()).contains("acc_secondary");
            assertThat(payment.connectorTransactionId()).contains("psp_secondary");
            assertThat(primary.count(Op.AUTHORIZE)).isEqualTo(1);
            String txId = payment.transactions().single().id().value();
            assertThat(accountCalled(primary)).isEqualTo("acc_primary");
            assertThat(secondary.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().context()
                    .idempotencyKey()).isEqualTo(txId + ":acc_secondary");
            assertThat(primary.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single().context()
                    .idempotencyKey()).isEqualTo(txId + ":acc_primary");
        }

        @Test
        void laterOperationsGoToTheAccountThatAuthorized() {
            // given
            primary.answer(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "not sent"));
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);

            // when
            Payment captured = TestTender.right(t.tender.payments().capture(
                    TestTender.capture(payment.id(), usd(1_000))));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(primary.count(Op.CAPTURE)).isZero();
            assertThat(secondary.count(Op.CAPTURE)).isEqualTo(1);
        }

        @Test
        void aCardDeclineIsFinal() {
            // given
            primary.answer(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.CARD_DECLINED, "do not honor"));

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(payment.failure().map(f -> f.code())).contains(DeclineCodes.CARD_DECLINED);
            assertThat(payment.connector()).contains("acc_primary");
            assertThat(secondary.calls()).isEmpty();
        }

        @Test
        void whenEveryAccountDeclinesTechnicallyThePaymentFailsWithTheLastDecline() {
            // given
            primary.answer(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "primary down"));
            secondary.answer(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.PROCESSING_ERROR, "issuer busy"));

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(payment.failure().map(f -> f.code())).contains(DeclineCodes.PROCESSING_ERROR);
            assertThat(payment.connector()).contains("acc_secondary");
            assertThat(t.inMemory.reconciliations.all()).isEmpty();
        }
    }

    @Nested
    class NoEligibleAccount {

        @Test
        void withOnlyDisabledAccountsTheCreateAnswersNoConnector() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full)
                    .withDisabledAccount("acc_off", "full", 1);

            // when
            var result = t.tender.payments().create(createAndConfirm(usd(1_000), CaptureMethod.AUTOMATIC));

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.NoConnector.class);
            assertThat(full.calls()).isEmpty();
        }

        @Test
        void withoutAnAccountOfferingMultipleCaptureAManualMultiplePaymentAnswersNoConnector() {
            // given
            ScriptedConnector manualOnly = ScriptedConnector.named("manual_only", Capability.MANUAL_CAPTURE);
            TestTender t = new TestTender(TestTender.fastSettings(), manualOnly)
                    .withAccount("acc_manual", "manual_only", 1);

            // when
            var result = t.tender.payments().create(createAndConfirm(usd(1_000), CaptureMethod.MANUAL_MULTIPLE));

            // then
            ApplicationError error = left(result);
            assertThat(error).isInstanceOf(ApplicationError.NoConnector.class);
            assertThat(((ApplicationError.NoConnector) error).message()).contains("multiple_capture");
            assertThat(manualOnly.calls()).isEmpty();
        }

        @Test
        void anotherMerchantsAccountIsNotEligible() {
            // given
            TestTender t = new TestTender(TestTender.fastSettings(), full);
            t.inMemory.accounts.add(new ConnectorAccount("acc_theirs", TestTender.OTHER_MERCHANT, "full", "theirs",
                    1, true, Credentials.of(HashMap.empty()), HashMap.empty()));

            // when
            var result = t.tender.payments().create(createAndConfirm(usd(1_000), CaptureMethod.AUTOMATIC));

            // then
            assertThat(left(result)).isInstanceOf(ApplicationError.NoConnector.class);
            assertThat(full.calls()).isEmpty();
        }
    }
}
