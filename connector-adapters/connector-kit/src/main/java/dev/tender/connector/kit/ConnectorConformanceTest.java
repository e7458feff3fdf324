package dev.tender.connector.kit;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite every connector module extends in its tests: a connector is done when this
 * is green against its processor's local fake. It proves the rules of {@link Connector}: answers in
 * unified outcomes and codes, never an exception, one money movement per idempotency key, a sync
 * that tells what the first call did, and {@code Declined(not_supported)} outside
 * {@link Connector#capabilities()}.
 *
 * <p>Tests of a capability run only if the connector declares it, and are reported <em>skipped</em>
 * (a JUnit assumption) otherwise; the undeclared capabilities are instead checked to answer
 * {@code not_supported}. A declared capability cannot be skipped.
 *
 * <p>Hooks are called many times per test: return the same connector instance within a test (a field
 * is enough, JUnit makes a test instance per test). When {@link #moneyMoved} can say what the processor
 * really moved, every test also checks the amounts; otherwise only the answers.
 *
 * <p>Every test runs in one body whatever the processor's {@link #settlement()}: the outcome a test checks
 * for a modification or a sync is the settled one. For a processor that answers at once that is the
 * answer. For one that settles by notification, the answer must be {@code Pending} or {@code Unknown},
 * and the processor's signed notification, read by the connector's {@link dev.tender.ports.out.WebhookSource},
 * must carry the outcome a processor answering at once would have given, once per transaction.
 */
public abstract class ConnectorConformanceTest {

    private ConformanceCalls calls;

    // ------------------------------------------------------------------------------------------ hooks

    /** The connector under test, pointed at its processor's fake. */
    protected abstract Connector connector();

    /** The account the calls carry: credentials and settings (base URL) of the fake. */
    protected abstract ConnectorAccount account();

    /** A method the processor approves. */
    protected abstract PaymentMethodData approvingMethod();

    /** A method the processor refuses, with {@link #expectedDeclineCode()}. */
    protected abstract PaymentMethodData decliningMethod();

    protected String expectedDeclineCode() {
        return DeclineCodes.CARD_DECLINED;
    }

    /** A method the issuer challenges with 3DS; required when the connector declares {@code THREE_DS}. */
    protected Option<PaymentMethodData> challengeMethod() {
        return Option.none();
    }

    /**
     * Plays the customer at the challenge page: the request the orchestrator sends when the customer
     * is back, having passed the challenge or not. {@code context} is the completion's: the payment and
     * transaction of the authorization, under an idempotency key of its own. Required when the
     * connector declares {@code THREE_DS}.
     */
    protected ConnectorRequest.CompleteAuthorize customerReturnsFromChallenge(CallContext context,
                                                                              Outcome.RequiresAction challenge,
                                                                              boolean authenticated) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " declares THREE_DS: override customerReturnsFromChallenge to play the customer at the challenge");
    }

    /**
     * What the processor really moved for the payment with this reference, if the fake can say (a
     * ledger, the fake server's state); {@code none} checks answers only.
     */
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return Option.none();
    }

    /**
     * How the processor's outcomes become final: {@link Settlement#immediate()} (the default) when its
     * answers are final; {@link Settlement#byNotification} when it only acknowledges modifications (or
     * cannot be asked in a sync) and its notification settles them. Then the connector must be a
     * {@code WebhookSource}, and the hook produces the processor's signed notification about a call.
     */
    protected Settlement settlement() {
        return Settlement.immediate();
    }

    /** The amount of the test payments; at least 100 minor units, so a share of it is never zero. */
    protected Money amount() {
        return Money.of(10_00, Currency.USD);
    }

    protected String customerId() {
        return "cus_conformance";
    }

    // ------------------------------------------------------------------------------------------ suite

    @BeforeEach
    void startConversation() {
        calls = new ConformanceCalls(connector(), account(), customerId(),
                Settle.of(settlement(), connector(), account()));
    }

    @Test
    void theConnectorAnswersToTheNameItsAccountsUse() {
        // given
        Connector connector = connector();

        // when
        String name = connector.name();

        // then
        assertThat(name).isNotBlank().isEqualTo(account().connectorName());
        assertThat(connector.capabilities()).as("capabilities()").isNotNull();
    }

    @Test
    void theAuthorizationWindowIsPositiveWholeSeconds() {
        // given
        Connector connector = connector();

        // when
        java.time.Duration window = connector.authorizationWindow();

        // then: payments keep it in whole seconds, and Tender expires their authorizations after it
        assertThat(window.isNegative() || window.isZero()).as("authorizationWindow() %s", window).isFalse();
        assertThat(window.getNano()).as("authorizationWindow() %s in whole seconds", window).isZero();
    }

    @Nested
    class Authorize {

        @Test
        void anApprovingMethodIsApprovedWithTheProcessorsReference() {
            // given
            CallContext context = calls.newCall(calls.newPayment());

            // when
            Outcome outcome = calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, approvingMethod());

            // then
            String reference = approvedReference(outcome, "authorize");
            assertMoneyMoved(reference, moved -> {
                assertThat(moved.authorized()).as("authorized").isEqualTo(amount());
                assertThat(moved.captured()).as("captured by a purchase").isEqualTo(amount());
            });
        }

        @Test
        void aDecliningMethodIsDeclinedWithTheUnifiedCode() {
            // given
            CallContext context = calls.newCall(calls.newPayment());

            // when
            Outcome outcome = calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, decliningMethod());

            // then
            assertThat(declined(outcome, "authorize").code()).isEqualTo(expectedDeclineCode());
        }

        @Test
        void theSameIdempotencyKeyTwiceAuthorizesOnce() {
            // given
            CallContext context = calls.newCall(calls.newPayment());
            String first = approvedReference(
                    calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, approvingMethod()), "authorize");

            // when
            Outcome again = calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, approvingMethod());

            // then
            assertThat(approvedReference(again, "authorize replayed")).isEqualTo(first);
            assertMoneyMoved(first, moved -> {
                assertThat(moved.authorized()).as("authorized once").isEqualTo(amount());
                assertThat(moved.captured()).as("captured once").isEqualTo(amount());
            });
        }
    }

    @Nested
    class Refund {

        @Test
        void aPartialRefundThenTheRestAreBothApproved() {
            // given
            String payment = purchase();

            // when
            Outcome first = calls.refund(calls.newCall(calls.newPayment()), payment, share(30));
            Outcome second = calls.refund(calls.newCall(calls.newPayment()), payment, share(70));

            // then
            approved(first, "first refund");
            approved(second, "second refund");
            assertMoneyMoved(payment, moved -> assertThat(moved.refunded()).as("refunded").isEqualTo(amount()));
        }

        @Test
        void aRefundBeyondWhatIsLeftIsDeclined() {
            // given
            String payment = purchase();
            approved(calls.refund(calls.newCall(calls.newPayment()), payment, share(60)), "first refund");

            // when
            Outcome tooMuch = calls.refund(calls.newCall(calls.newPayment()), payment, share(50));

            // then
            declined(tooMuch, "refund beyond the refundable amount");
            assertMoneyMoved(payment, moved -> assertThat(moved.refunded()).as("refunded").isEqualTo(share(60)));
        }

        @Test
        void theSameIdempotencyKeyTwiceRefundsOnce() {
            // given
            String payment = purchase();
            CallContext context = calls.newCall(calls.newPayment());
            Outcome first = calls.refund(context, payment, share(40));

            // when
            Outcome again = calls.refund(context, payment, share(40));

            // then
            assertSameApproval(first, again, "refund");
            assertMoneyMoved(payment, moved -> assertThat(moved.refunded()).as("refunded once").isEqualTo(share(40)));
        }

        @Test
        void aRefundOfAPaymentTheProcessorDoesNotKnowIsDeclined() {
            // given
            CallContext context = calls.newCall(calls.newPayment());

            // when
            Outcome outcome = calls.refund(context, calls.unknownReference(), share(10));

            // then
            declined(outcome, "refund of an unknown payment");
        }
    }

    @Nested
    class Sync {

        @Test
        void syncOfAnApprovedAuthorizationAnswersTheSameApproval() {
            // given
            CallContext context = calls.newCall(calls.newPayment());
            String reference = approvedReference(
                    calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, approvingMethod()), "authorize");

            // when
            Outcome synced = calls.sync(context, TransactionKind.AUTHORIZE, Option.some(reference), amount());

            // then
            assertThat(approvedReference(synced, "sync")).isEqualTo(reference);
        }

        @Test
        void syncOfADeclinedAuthorizationAnswersTheSameDecline() {
            // given
            CallContext context = calls.newCall(calls.newPayment());
            String code = declined(calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, decliningMethod()),
                    "authorize").code();

            // when
            Outcome synced = calls.sync(context, TransactionKind.AUTHORIZE, Option.none(), amount());

            // then
            assertThat(declined(synced, "sync").code()).isEqualTo(code);
        }

        @Test
        void syncOfARefundAnswersTheSameApproval() {
            // given
            String payment = purchase();
            CallContext context = calls.newCall(calls.newPayment());
            Outcome refund = approved(calls.refund(context, payment, share(50)), "refund");

            // when
            Outcome synced = calls.sync(new ConnectorRequest.Sync(context, TransactionKind.REFUND,
                    Option.some(payment), share(50), ((Outcome.Approved) refund).reference(),
                    Option.some(Money.zero(amount().currency()))));

            // then
            assertSameApproval(refund, synced, "sync of the refund");
        }

        /** A processor that cannot look a call up may say it does not know; it must never invent one. */
        @Test
        void syncOfACallTheProcessorNeverReceivedIsNotFound() {
            // given
            CallContext neverSent = calls.newCall(calls.newPayment());

            // when
            Outcome synced = calls.sync(neverSent, TransactionKind.AUTHORIZE, Option.none(), amount());

            // then
            assertThat(synced).as("sync of a call never sent")
                    .satisfiesAnyOf(
                            o -> assertDeclinedWith(o, DeclineCodes.NOT_FOUND),
                            o -> assertThat(o).isInstanceOf(Outcome.Unknown.class));
        }
    }

    @Nested
    class ManualCapture {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.MANUAL_CAPTURE);
        }

        @Test
        void aManualAuthorizationCapturedInFull() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);
            assertMoneyMoved(payment, moved -> {
                assertThat(moved.authorized()).as("authorized").isEqualTo(amount());
                assertThat(moved.captured()).as("captured before the capture").isEqualTo(zero());
            });

            // when
            Outcome capture = calls.capture(calls.newCall(calls.newPayment()), payment, amount(), true);

            // then
            approved(capture, "capture");
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured").isEqualTo(amount()));
        }

        @Test
        void aManualAuthorizationCapturedInPart() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);

            // when
            Outcome capture = calls.capture(calls.newCall(calls.newPayment()), payment, share(40), true);

            // then
            approved(capture, "partial capture");
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured").isEqualTo(share(40)));
        }

        @Test
        void aCaptureBeyondTheAuthorizedAmountIsDeclined() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);

            // when
            Outcome capture = calls.capture(calls.newCall(calls.newPayment()), payment, share(101), true);

            // then
            declined(capture, "capture beyond the authorized amount");
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured").isEqualTo(zero()));
        }

        @Test
        void theSameIdempotencyKeyTwiceCapturesOnce() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);
            CallContext context = calls.newCall(calls.newPayment());
            Outcome first = calls.capture(context, payment, share(50), true);

            // when
            Outcome again = calls.capture(context, payment, share(50), true);

            // then
            assertSameApproval(first, again, "capture");
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured once").isEqualTo(share(50)));
        }

        @Test
        void syncOfACaptureAnswersTheSameApproval() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);
            CallContext context = calls.newCall(calls.newPayment());
            Outcome capture = approved(calls.capture(context, payment, amount(), true), "capture");

            // when
            Outcome synced = calls.sync(new ConnectorRequest.Sync(context, TransactionKind.CAPTURE,
                    Option.some(payment), amount(), Option.none(), Option.some(Money.zero(amount().currency()))));

            // then
            assertSameApproval(capture, synced, "sync of the capture");
        }

        @Test
        void aVoidReleasesTheAuthorization() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);

            // when
            Outcome released = calls.voidAuthorization(calls.newCall(calls.newPayment()), payment, amount());

            // then
            approved(released, "void");
            assertMoneyMoved(payment, moved -> {
                assertThat(moved.voided()).as("voided").isEqualTo(amount());
                assertThat(moved.captured()).as("captured").isEqualTo(zero());
            });
        }

        @Test
        void aCapturedPaymentCanBeRefunded() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);
            approved(calls.capture(calls.newCall(calls.newPayment()), payment, amount(), true), "capture");

            // when
            Outcome refund = calls.refund(calls.newCall(calls.newPayment()), payment, share(25));

            // then
            approved(refund, "refund");
            assertMoneyMoved(payment, moved -> assertThat(moved.refunded()).as("refunded").isEqualTo(share(25)));
        }
    }

    @Nested
    class MultipleCapture {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.MANUAL_CAPTURE);
            assumeDeclared(Capability.MULTIPLE_CAPTURE);
        }

        @Test
        void severalCapturesUpToTheAuthorizedAmount() {
            // given
            String payment = authorization(CaptureMethod.MANUAL_MULTIPLE);

            // when
            Outcome first = calls.capture(calls.newCall(calls.newPayment()), payment, share(30), false);
            Outcome second = calls.capture(calls.newCall(calls.newPayment()), payment, share(30), false);
            Outcome last = calls.capture(calls.newCall(calls.newPayment()), payment, share(40), true);

            // then
            approved(first, "first capture");
            approved(second, "second capture");
            approved(last, "final capture");
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured").isEqualTo(amount()));
        }

        /** The answer comes from the processor's record of that capture, never from an earlier capture's money. */
        @Test
        void syncOfACaptureThatNeverReachedTheProcessorIsNotApprovedByAnEarlierCapture() {
            // given: 30 % captured, then a capture of 20 % whose request never left
            String payment = authorization(CaptureMethod.MANUAL_MULTIPLE);
            approved(calls.capture(calls.newCall(calls.newPayment()), payment, share(30), false), "first capture");
            CallContext neverSent = calls.newCall(calls.newPayment());

            // when
            Outcome synced = calls.sync(new ConnectorRequest.Sync(neverSent, TransactionKind.CAPTURE,
                    Option.some(payment), share(20), Option.none(), Option.some(share(30))));

            // then
            assertThat(synced).as("sync of a capture never sent, after an approved one")
                    .satisfiesAnyOf(
                            o -> assertDeclinedWith(o, DeclineCodes.NOT_FOUND),
                            o -> assertThat(o).isInstanceOf(Outcome.Unknown.class));
            assertMoneyMoved(payment, moved -> assertThat(moved.captured()).as("captured").isEqualTo(share(30)));
        }
    }

    @Nested
    class Reverse {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.REVERSE);
        }

        @Test
        void aReverseCancelsTheCaptureBeforeSettlement() {
            // given
            String payment = purchase();

            // when
            Outcome reversed = calls.reverse(calls.newCall(calls.newPayment()), payment, amount());

            // then
            approved(reversed, "reverse");
            assertMoneyMoved(payment, moved -> assertThat(moved.reversed()).as("reversed").isEqualTo(amount()));
        }
    }

    @Nested
    class IncrementalAuthorization {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.MANUAL_CAPTURE);
            assumeDeclared(Capability.INCREMENTAL_AUTHORIZATION);
        }

        @Test
        void anIncrementRaisesWhatCanBeCaptured() {
            // given
            String payment = authorization(CaptureMethod.MANUAL);
            Money newTotal = share(150);

            // when
            Outcome increment = calls.incrementAuthorization(calls.newCall(calls.newPayment()), payment, newTotal);
            Outcome capture = calls.capture(calls.newCall(calls.newPayment()), payment, newTotal, true);

            // then
            approved(increment, "incremental authorization");
            approved(capture, "capture of the new total");
            assertMoneyMoved(payment, moved -> {
                assertThat(moved.authorized()).as("authorized").isEqualTo(newTotal);
                assertThat(moved.captured()).as("captured").isEqualTo(newTotal);
            });
        }
    }

    @Nested
    class Orders {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.ORDERS);
        }

        @Test
        void anOrderIsCreatedThenAuthorizedWithItsReference() {
            // given
            PaymentId payment = calls.newPayment();
            String order = approvedReference(calls.createOrder(calls.newCall(payment), amount()), "create order");

            // when
            Outcome outcome = calls.authorize(calls.newCall(payment), amount(), CaptureMethod.AUTOMATIC,
                    approvingMethod(), Option.some(order), false);

            // then
            approvedReference(outcome, "authorize with the order");
        }
    }

    @Nested
    class Mandates {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.MANDATES);
        }

        @Test
        void aMandateIsSetUpThenChargedByTheMerchant() {
            // given
            Outcome.Approved setup = approved(calls.setupMandate(calls.newCall(calls.newPayment()), approvingMethod(),
                    zero()), "setup mandate");
            assertThat(setup.mandateReference().isDefined()).as("setup mandate answers a mandate reference").isTrue();
            var stored = new PaymentMethodData.StoredMandate(MandateId.of("man_" + calls.run()),
                    setup.mandateReference().get());

            // when
            Outcome charge = calls.authorize(calls.newCall(calls.newPayment()), amount(), CaptureMethod.AUTOMATIC,
                    stored);

            // then
            String reference = approvedReference(charge, "merchant-initiated authorize");
            assertMoneyMoved(reference, moved -> assertThat(moved.captured()).as("captured").isEqualTo(amount()));
        }

        @Test
        void anAuthorizationStoredForFutureUseAnswersAMandateThatCanBeCharged() {
            // given
            Outcome.Approved first = approved(calls.authorize(calls.newCall(calls.newPayment()), amount(),
                    CaptureMethod.AUTOMATIC, approvingMethod(), Option.none(), true), "authorize stored for future use");
            assertThat(first.mandateReference().isDefined()).as("a mandate reference").isTrue();
            var stored = new PaymentMethodData.StoredMandate(MandateId.of("man_" + calls.run()),
                    first.mandateReference().get());

            // when
            Outcome charge = calls.authorize(calls.newCall(calls.newPayment()), amount(), CaptureMethod.AUTOMATIC,
                    stored);

            // then
            approvedReference(charge, "merchant-initiated authorize");
        }
    }

    @Nested
    class ThreeDs {

        @BeforeEach
        void onlyIfDeclared() {
            assumeDeclared(Capability.THREE_DS);
            assertThat(challengeMethod().isDefined())
                    .as("%s declares THREE_DS, so challengeMethod() must give a card the issuer challenges",
                            ConnectorConformanceTest.this.getClass().getSimpleName())
                    .isTrue();
        }

        @Test
        void aChallengePassedByTheCustomerIsApproved() {
            // given
            CallContext context = calls.newCall(calls.newPayment());
            Outcome.RequiresAction challenge = challenged(context);

            // when
            Outcome completed = calls.completeAuthorize(
                    customerReturnsFromChallenge(calls.completion(context), challenge, true));

            // then
            String reference = approvedReference(completed, "complete authorize");
            assertThat(approvedReference(calls.sync(context, TransactionKind.AUTHORIZE, Option.some(reference),
                    amount()), "sync after the challenge")).isEqualTo(reference);
            assertMoneyMoved(reference, moved -> assertThat(moved.captured()).as("captured").isEqualTo(amount()));
        }

        @Test
        void aChallengeFailedByTheCustomerIsDeclinedAsAuthenticationFailed() {
            // given
            CallContext context = calls.newCall(calls.newPayment());
            Outcome.RequiresAction challenge = challenged(context);

            // when
            Outcome completed = calls.completeAuthorize(
                    customerReturnsFromChallenge(calls.completion(context), challenge, false));

            // then
            assertThat(declined(completed, "complete authorize").code()).isEqualTo(DeclineCodes.AUTHENTICATION_FAILED);
        }

        private Outcome.RequiresAction challenged(CallContext context) {
            Outcome outcome = calls.authorize(context, amount(), CaptureMethod.AUTOMATIC, challengeMethod().get());
            assertThat(outcome).as("authorize of the challenge card").isInstanceOf(Outcome.RequiresAction.class);
            Outcome.RequiresAction challenge = (Outcome.RequiresAction) outcome;
            assertThat(challenge.redirect().url()).as("where the customer is sent").startsWith("http");
            return challenge;
        }
    }

    @Nested
    class UndeclaredCapabilities {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Capability.class)
        void anOperationOfAnUndeclaredCapabilityIsDeclinedAsNotSupported(Capability capability) {
            // given
            assumeFalse(connector().capabilities().contains(capability),
                    () -> connector().name() + " declares " + capability);
            CallContext context = calls.newCall(calls.newPayment());

            // when
            Outcome outcome = switch (capability) {
                case MANUAL_CAPTURE -> calls.authorize(context, amount(), CaptureMethod.MANUAL, approvingMethod());
                case MULTIPLE_CAPTURE ->
                        calls.authorize(context, amount(), CaptureMethod.MANUAL_MULTIPLE, approvingMethod());
                case INCREMENTAL_AUTHORIZATION -> calls.incrementAuthorization(context, purchase(), share(150));
                case REVERSE -> calls.reverse(context, purchase(), amount());
                case MANDATES -> calls.setupMandate(context, approvingMethod(), zero());
                case THREE_DS -> calls.completeAuthorize(context, purchase(), HashMap.of("result", "success"));
                case ORDERS -> calls.createOrder(context, amount());
            };

            // then
            assertDeclinedWith(outcome, DeclineCodes.NOT_SUPPORTED);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void assumeDeclared(Capability capability) {
        assumeTrue(connector().capabilities().contains(capability),
                () -> connector().name() + " does not declare " + capability);
    }

    /** An approved purchase (automatic capture) of {@link #amount()}; its reference. */
    private String purchase() {
        return approvedReference(calls.authorize(calls.newCall(calls.newPayment()), amount(), CaptureMethod.AUTOMATIC,
                approvingMethod()), "authorize (purchase)");
    }

    private String authorization(CaptureMethod captureMethod) {
        return approvedReference(calls.authorize(calls.newCall(calls.newPayment()), amount(), captureMethod,
                approvingMethod()), "authorize (" + captureMethod + ")");
    }

    private Money share(int percent) {
        Money amount = amount();
        assertThat(amount.minor()).as("amount() in minor units").isGreaterThanOrEqualTo(100);
        return Money.of(amount.minor() * percent / 100, amount.currency());
    }

    private Money zero() {
        return Money.zero(amount().currency());
    }

    private void assertMoneyMoved(String reference, Consumer<MoneyMoved> check) {
        moneyMoved(reference).forEach(check);
    }

    private static Outcome.Approved approved(Outcome outcome, String what) {
        assertThat(outcome).as("%s answer", what).isInstanceOf(Outcome.Approved.class);
        return (Outcome.Approved) outcome;
    }

    private static String approvedReference(Outcome outcome, String what) {
        Outcome.Approved approved = approved(outcome, what);
        assertThat(approved.reference().isDefined()).as("%s answers the processor's reference", what).isTrue();
        return approved.reference().get();
    }

    /** Two answers for one money movement: both approvals, with one reference if the processor gives one. */
    private static void assertSameApproval(Outcome first, Outcome second, String what) {
        Outcome.Approved one = approved(first, what);
        Outcome.Approved other = approved(second, what + " again");
        if (one.reference().isDefined() || other.reference().isDefined()) {
            assertThat(other.reference()).as("%s reference", what).isEqualTo(one.reference());
        }
    }

    private static Outcome.Declined declined(Outcome outcome, String what) {
        assertThat(outcome).as("%s answer", what).isInstanceOf(Outcome.Declined.class);
        Outcome.Declined declined = (Outcome.Declined) outcome;
        assertThat(UnifiedCodes.ALL.contains(declined.code()))
                .as("%s: decline code '%s' is one of DeclineCodes %s", what, declined.code(), UnifiedCodes.ALL)
                .isTrue();
        return declined;
    }

    private static void assertDeclinedWith(Outcome outcome, String code) {
        assertThat(outcome).as("expected a decline with code %s", code)
                .isInstanceOfSatisfying(Outcome.Declined.class, d -> assertThat(d.code()).isEqualTo(code));
    }
}
