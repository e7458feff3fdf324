package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.ports.in.ApplicationError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.tender.application.TestTender.createAndConfirm;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create that confirms at once may name the connector account to authorize at (Hyperswitch's
 * {@code routing} of type {@code single}) instead of routing by the accounts' priorities.
 */
class RoutedCreateTest {

    final ScriptedConnector first = ScriptedConnector.withAllCapabilities("first");
    final ScriptedConnector second = ScriptedConnector.withAllCapabilities("second");
    final TestTender t = new TestTender(TestTender.fastSettings(), first, second)
            .withAccount("acc_first", "first", 10)
            .withAccount("acc_second", "second", 20)
            .withDisabledAccount("acc_off", "second", 5);

    @Test
    void withoutAnAccountTheFirstByPriorityAuthorizes() {
        // when
        Payment payment = right(t.tender.payments().create(createAndConfirm(usd(1_000), CaptureMethod.AUTOMATIC)));

        // then
        assertThat(payment.connector()).contains("acc_first");
        assertThat(first.requests(Op.AUTHORIZE)).hasSize(1);
        assertThat(second.requests(Op.AUTHORIZE)).isEmpty();
    }

    @Test
    void theNamedAccountAuthorizesAndNoOtherIsCalled() {
        // when
        Payment payment = right(t.tender.payments().create(createAndConfirm(usd(1_000), CaptureMethod.AUTOMATIC)
                .routedTo(Option.some("acc_second"))));

        // then
        assertThat(payment.connector()).contains("acc_second");
        assertThat(second.requests(Op.AUTHORIZE)).hasSize(1);
        assertThat(first.requests(Op.AUTHORIZE)).isEmpty();
    }

    @Test
    void aDisabledOrUnknownAccountTakesNoPaymentAndCallsNoConnector() {
        // when
        ApplicationError disabled = left(t.tender.payments().create(createAndConfirm(usd(1_000),
                CaptureMethod.AUTOMATIC).routedTo(Option.some("acc_off"))));
        ApplicationError unknown = left(t.tender.payments().create(createAndConfirm(usd(1_000),
                CaptureMethod.AUTOMATIC).routedTo(Option.some("acc_someone_elses"))));

        // then
        assertThat(disabled).isInstanceOf(ApplicationError.NoConnector.class);
        assertThat(unknown).isInstanceOf(ApplicationError.NoConnector.class);
        assertThat(first.requests(Op.AUTHORIZE)).isEmpty();
        assertThat(second.requests(Op.AUTHORIZE)).isEmpty();
    }
}
