package dev.tender.architecture.docs;

import com.sun.net.httpserver.HttpServer;
import dev.tender.connector.adyen.AdyenConnector;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.stripe.StripeConnector;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capability matrix of {@code docs/connectors.md} must show what the shipped connectors do. Each is
 * built as the service builds it ({@code TenderFactory#connectors}: default constructors), its
 * {@code capabilities()} read, and each operation probed once against a local server that answers every
 * request HTTP 500: an operation is shown only when declared (where a capability governs it) <em>and</em>
 * not answered {@code Declined(not_supported)}; a sync that answers {@code Unknown} without sending
 * anything is shown as such. When a connector changes, regenerate with
 * {@code mvn -pl architecture-tests -am test -Dtest=ConnectorMatrixTest -Dsurefire.failIfNoSpecifiedTests=false -Dtender.docs.write=true}
 * and commit.
 */
class ConnectorMatrixTest {

    static final String BEGIN = "<!-- capability-matrix:start -->";
    static final String END = "<!-- capability-matrix:end -->";
    private static final Path DOCUMENT = Path.of("..", "docs", "connectors.md");

    private static final String YES = "✓";
    private static final String NO = "—";
    private static final String SYNC_UNKNOWN = "`Unknown` only ¹";

    private static HttpServer processor;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startAProcessorThatAnswers500() throws IOException {
        processor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        processor.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        processor.start();
    }

    @AfterAll
    static void stopTheProcessor() {
        processor.stop(0);
    }

    /** The connectors the service ships, as {@code TenderFactory#connectors} builds them. */
    static List<Connector> shipped() {
        return List.of(new SimulatorConnector(), new StripeConnector(), new AdyenConnector());
    }

    @Test
    void theCommittedMatrixShowsWhatTheShippedConnectorsDo() throws IOException {
        // given
        String committed = Files.readString(DOCUMENT);
        int begin = committed.indexOf(BEGIN);
        int end = committed.indexOf(END);
        assertThat(begin).as("marker %s in %s", BEGIN, DOCUMENT).isNotNegative();
        assertThat(end).as("marker %s after %s in %s", END, BEGIN, DOCUMENT).isGreaterThan(begin);

        // when
        String expected = committed.substring(0, begin) + section() + committed.substring(end + END.length());
        if (Boolean.getBoolean("tender.docs.write")) {
            Files.writeString(DOCUMENT, expected);
        }

        // then
        assertThat(committed).as("the capability matrix in docs/connectors.md is out of date; regenerate it with "
                        + "mvn -B -pl architecture-tests -am test -Dtest=ConnectorMatrixTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dtender.docs.write=true and commit the page")
                .isEqualTo(expected);
    }

    @Test
    void aDeclaredCapabilityIsNeverAnsweredNotSupported() {
        for (Connector connector : shipped()) {
            Probe probe = new Probe(connector);
            for (Capability capability : connector.capabilities()) {
                assertThat(probe.answers(capability))
                        .as("%s declares %s but its operation answers not_supported", connector.name(), capability)
                        .isTrue();
            }
        }
    }

    @Test
    void everyRowHasACellPerShippedConnector() {
        String table = section();
        List<String> rows = List.ofAll(table.lines().filter(l -> l.startsWith("| ")).toList());
        assertThat(rows.head()).contains(shipped().map(c -> "`" + c.name() + "`").toJavaArray(String[]::new));
        rows.forEach(row -> assertThat(row.chars().filter(c -> c == '|').count())
                .as(row).isEqualTo(shipped().size() + 2L));
    }

    /** The generated section, markers included. */
    static String section() {
        List<Connector> connectors = shipped();
        List<Probe> probes = connectors.map(Probe::new);
        StringBuilder out = new StringBuilder(BEGIN).append('\n')
                .append("<!-- generated by ConnectorMatrixTest from the connectors' code; do not edit by hand -->\n\n")
                .append("| Operation / capability |")
                .append(connectors.map(c -> " `" + c.name() + "` |").mkString())
                .append('\n').append("|---|").append(connectors.map(c -> "---|").mkString()).append('\n');
        row(out, "authorize (automatic capture)", probes, p -> p.answersAuthorize(CaptureMethod.AUTOMATIC));
        row(out, "manual capture (`manual_capture`)", probes, p -> p.answers(Capability.MANUAL_CAPTURE));
        row(out, "multiple partial captures (`multiple_capture`)", probes,
                p -> p.answers(Capability.MULTIPLE_CAPTURE));
        row(out, "incremental authorization (`incremental_authorization`)", probes,
                p -> p.answers(Capability.INCREMENTAL_AUTHORIZATION));
        row(out, "void", probes, p -> p.answers(p.voidAuthorization()));
        row(out, "reverse before settlement (`reverse`)", probes, p -> p.answers(Capability.REVERSE));
        row(out, "refund", probes, p -> p.answers(p.refund()));
        row(out, "3DS redirect and completion (`three_ds`)", probes, p -> p.answers(Capability.THREE_DS));
        row(out, "mandates (`mandates`)", probes, p -> p.answers(Capability.MANDATES));
        row(out, "processor orders (`orders`)", probes, p -> p.answers(Capability.ORDERS));
        out.append("| sync (look up an earlier call) |")
                .append(probes.map(p -> " " + (p.syncLooksUp() ? YES : SYNC_UNKNOWN) + " |").mkString()).append('\n');
        row(out, "webhooks (`WebhookSource`)", probes, p -> p.connector instanceof WebhookSource);
        out.append('\n').append(YES).append(" done; ").append(NO)
                .append(" not declared in `capabilities()` or answered `Declined(not_supported)` (webhooks: ")
                .append("not a `WebhookSource`).");
        if (probes.exists(p -> !p.syncLooksUp())) {
            out.append("\n\n¹ `sync` sends nothing and answers `Unknown`: the processor cannot be asked, so only its "
                    + "webhook settles a pending or unknown transaction; one that no notification settles within the "
                    + "reconciler's schedule is escalated to a person (`requires_merchant_action`, "
                    + "`reconciliation_exhausted`), never guessed.");
        }
        return out.append('\n').append(END).toString();
    }

    private static void row(StringBuilder out, String label, List<Probe> probes, Function<Probe, Boolean> done) {
        out.append("| ").append(label).append(" |")
                .append(probes.map(p -> " " + (done.apply(p) ? YES : NO) + " |").mkString()).append('\n');
    }

    /**
     * One call of each operation, as the orchestrator would make it, to a connector account whose
     * processor (the local server) answers 500: what matters is whether the connector answers
     * {@code not_supported} and whether it sends anything.
     */
    static final class Probe {

        private static final Money AMOUNT = Money.of(10_00, Currency.USD);
        private static final PaymentMethodData CARD = new PaymentMethodData.Card("4242424242424242", 12, 2034, "314",
                Option.none());
        private static final String REFERENCE = "probe_reference";

        final Connector connector;
        private final ConnectorAccount account;
        private final AtomicInteger sequence = new AtomicInteger();

        Probe(Connector connector) {
            this.connector = connector;
            this.account = new ConnectorAccount("mca_matrix", MerchantId.of("merchant_matrix"), connector.name(),
                    "matrix", 0, true,
                    Credentials.of(HashMap.of("api_key", "probe_key", "webhook_secret", "probe_secret")),
                    HashMap.of("base_url", "http://127.0.0.1:" + processor.getAddress().getPort(),
                            "merchant_account", "ProbeMerchant"));
        }

        private CallContext call() {
            int n = sequence.incrementAndGet();
            return CallContext.of(account, PaymentId.of("pay_matrix_" + n), TransactionId.of("tx_matrix_" + n));
        }

        boolean answers(Capability capability) {
            if (!connector.capabilities().contains(capability)) {
                return false;
            }
            return switch (capability) {
                case MANUAL_CAPTURE -> answersAuthorize(CaptureMethod.MANUAL) && answers(connector.capture(
                        new ConnectorRequest.Capture(call(), REFERENCE, AMOUNT, true)));
                case MULTIPLE_CAPTURE -> answersAuthorize(CaptureMethod.MANUAL_MULTIPLE) && answers(connector.capture(
                        new ConnectorRequest.Capture(call(), REFERENCE, Money.of(5_00, Currency.USD), false)));
                case INCREMENTAL_AUTHORIZATION -> answers(connector.incrementAuthorization(
                        new ConnectorRequest.IncrementAuthorization(call(), REFERENCE, Money.of(15_00, Currency.USD))));
                case REVERSE -> answers(connector.reverse(new ConnectorRequest.Reverse(call(), REFERENCE, AMOUNT)));
                case MANDATES -> answers(connector.setupMandate(
                        new ConnectorRequest.SetupMandate(call(), CARD, "cus_matrix", Currency.USD)));
                case THREE_DS -> answers(connector.completeAuthorize(new ConnectorRequest.CompleteAuthorize(call(),
                        REFERENCE, HashMap.of("result", "success"))));
                case ORDERS -> answers(connector.createOrder(new ConnectorRequest.CreateOrder(call(), AMOUNT)));
            };
        }

        boolean answersAuthorize(CaptureMethod captureMethod) {
            return answers(connector.authorize(new ConnectorRequest.Authorize(call(), AMOUNT, captureMethod, CARD,
                    Option.some("cus_matrix"), Option.none(), false, Option.none(), LinkedHashMap.empty())));
        }

        Outcome voidAuthorization() {
            return connector.voidAuthorization(new ConnectorRequest.Void(call(), REFERENCE, AMOUNT));
        }

        Outcome refund() {
            return connector.refund(new ConnectorRequest.Refund(call(), REFERENCE, AMOUNT, Option.none()));
        }

        /** Whether a sync asks the processor (or answers from it, in process) rather than {@code Unknown} unasked. */
        boolean syncLooksUp() {
            int before = requests.get();
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(call(), TransactionKind.AUTHORIZE,
                    Option.some(REFERENCE), AMOUNT));
            return !(outcome instanceof Outcome.Unknown) || requests.get() > before;
        }

        static boolean answers(Outcome outcome) {
            return !(outcome instanceof Outcome.Declined d && d.code().equals(DeclineCodes.NOT_SUPPORTED));
        }
    }
}
