package dev.tender.domain.payment;

import io.vavr.collection.HashSet;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.minutesAfterT0;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing fall-back: an authorization nobody answered yet may move to another connector account. */
class RerouteAuthorizationTest {

    @Test
    void anUnansweredAuthorizationMovesToAnotherAccountThatCanDoWhatThePaymentNeeds() {
        // given
        Payment sent = confirmed(created(CaptureMethod.MANUAL));

        // when
        Payment rerouted = ok(sent.rerouteAuthorization("acc_second", ALL_CAPABILITIES, minutesAfterT0(1)));

        // then
        assertThat(rerouted.connector()).contains("acc_second");
        assertThat(rerouted.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(rerouted.inFlight().map(Transaction::id)).contains(AUTHORIZE);
        assertThat(rerouted.updatedAt()).isEqualTo(minutesAfterT0(1));
    }

    @Test
    void anAccountWithoutManualCaptureCannotTakeAManualPayment() {
        Payment sent = confirmed(created(CaptureMethod.MANUAL));
        Rejection rejection = rejected(sent.rerouteAuthorization("acc_second", HashSet.of(Capability.THREE_DS), T0));
        assertThat(rejection.code()).isEqualTo(RejectionCode.NOT_SUPPORTED);
    }

    @Test
    void anAuthorizationWithAnAnswerOrNoAuthorizationAtAllStaysWhereItIs() {
        Payment sent = confirmed(created(CaptureMethod.AUTOMATIC));
        Payment pending = record(sent, AUTHORIZE, Outcome.Pending.of(), minutesAfterT0(1));
        assertThat(rejected(pending.rerouteAuthorization("acc_second", ALL_CAPABILITIES, T0)).code())
                .isEqualTo(RejectionCode.PRECONDITION_FAILED);
        assertThat(rejected(created(CaptureMethod.AUTOMATIC).rerouteAuthorization("acc_second", ALL_CAPABILITIES,
                T0)).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        Payment unknown = record(sent, AUTHORIZE, new Outcome.Unknown("timeout"), minutesAfterT0(1));
        assertThat(rejected(unknown.rerouteAuthorization("acc_second", ALL_CAPABILITIES, T0)).code())
                .isEqualTo(RejectionCode.PRECONDITION_FAILED);
    }
}
