package dev.tender.flows;

import dev.tender.application.Tender;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.RefundRecord;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/embedding.md: it runs here, and the guide shows exactly this code. */
class EmbeddingGuideTest {

    private static final Path GUIDE = Path.of("..", "..", "docs", "embedding.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "tender", "flows",
            "EmbeddingGuideTest.java");

    @Test
    void theGuidesExampleAuthorizesCapturesAndRefundsAtTheSimulator() {
        // tag::example[]
        // one process: the simulator as processor, the in-memory adapters as storage
        SimulatorConnector simulator = new SimulatorConnector();
        InMemoryTender inMemory = InMemoryTender.withConnectors(simulator);
        MerchantId merchant = MerchantId.of("merchant_1");
        inMemory.accounts.add(new ConnectorAccount("acc_simulator", merchant, "simulator", "default", 0, true,
                Credentials.of(HashMap.empty()), HashMap.empty()));
        Tender tender = inMemory.tender;

        // authorize 10.00 USD now (confirm: true), capture it when the goods ship
        var create = CreatePaymentUseCase.Command.of("merchant_1", null, 10_00L, "USD", "manual",
                        new PaymentMethodData.Card("4242424242424242", 12, 2030, "123", Option.none()),
                        null, null, null, true, null, "checkout-1001")
                .toEither().getOrElseThrow(errors -> new IllegalArgumentException(errors.mkString("; ")));
        Payment authorized = tender.payments().create(create)
                .getOrElseThrow(error -> new IllegalStateException(error.toString()));

        var capture = CapturePaymentUseCase.Command.of("merchant_1", authorized.id().value(), null, null, false,
                "ship-1001").get();
        Payment captured = tender.payments().capture(capture).get();

        // the customer returns part of the order
        var refund = RefundPaymentUseCase.Command.of("merchant_1", captured.id().value(), null, 2_50L, "USD",
                "damaged", "return-1001").get();
        RefundRecord refunded = tender.refunds().refund(refund).get();
        // end::example[]

        assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(captured.captured().minor()).isEqualTo(10_00L);
        assertThat(refunded.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refunded.amount().minor()).isEqualTo(2_50L);
        assertThat(simulator.ledger().balance(captured.connectorTransactionId().get()).get().captured().minor())
                .isEqualTo(10_00L);
    }

    @Test
    void theGuideShowsTheExampleExactlyAsItRunsHere() throws IOException {
        String source = Files.readString(THIS_FILE);
        String example = source.substring(source.indexOf("// tag::example[]") + "// tag::example[]".length(),
                source.indexOf("// end::example[]"));
        String expected = Arrays.stream(example.split("\n"))
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n")).strip();
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf("```java\n") + "```java\n".length();
        String shown = guide.substring(start, guide.indexOf("```", start)).strip();
        assertThat(shown).as("docs/embedding.md's example; copy it from EmbeddingGuideTest").isEqualTo(expected);
    }
}
