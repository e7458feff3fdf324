package dev.tender.benchmarks.jmh;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One call of a processor's connector without the network: the body built and encoded, the request with its
 * headers, the recorded answer decoded and read into an outcome ({@link CannedHttpClient}). A subclass
 * names the connector, its recorded answers and the requests, in {@link #use}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public abstract class ConnectorCallBenchmark {

    private CannedHttpClient http;
    private Connector connector;
    private ConnectorRequest.Authorize authorize;
    private ConnectorRequest.Capture capture;
    private ConnectorRequest.Refund refund;

    protected void use(CannedHttpClient cannedHttp, Connector overCannedHttp, ConnectorRequest.Authorize authorizeCall,
                       ConnectorRequest.Capture captureCall, ConnectorRequest.Refund refundCall) {
        http = cannedHttp;
        connector = overCannedHttp;
        authorize = authorizeCall;
        capture = captureCall;
        refund = refundCall;
    }

    @Benchmark
    public Outcome authorize() {
        return connector.authorize(authorize);
    }

    @Benchmark
    public Outcome capture() {
        return connector.capture(capture);
    }

    @Benchmark
    public Outcome refund() {
        return connector.refund(refund);
    }

    /** What the connector sent last. */
    CannedHttpClient http() {
        return http;
    }

    static CannedHttpClient.Answer answer(int status, String payload) {
        return CannedHttpClient.Answer.json(status, Payloads.read(payload));
    }
}
