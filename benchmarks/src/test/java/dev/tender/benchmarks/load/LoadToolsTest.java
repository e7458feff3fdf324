package dev.tender.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load run's own tools report what happened: exact percentiles, the right field, whole bodies. */
class LoadToolsTest {

    @Test
    void percentilesAreTheSmallestValuesCoveringThatShareOfAllParts() {
        // given 1..100 ms spread over two recorders, out of order
        Latencies odd = new Latencies();
        Latencies even = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            (ms % 2 == 0 ? even : odd).record(ms * 1_000_000L);
        }

        // when
        Latencies all = Latencies.merge(List.of(odd, even));

        // then
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.percentile(0.5)).isEqualTo(50_000_000L);
        assertThat(all.percentile(0.99)).isEqualTo(99_000_000L);
        assertThat(all.percentile(0.001)).isEqualTo(1_000_000L);
        assertThat(all.max()).isEqualTo(100_000_000L);
        assertThatThrownBy(() -> new Latencies().percentile(0.5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> all.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLatencyRecordedAfterAPercentileIsCounted() {
        Latencies latencies = new Latencies();
        latencies.record(5);
        assertThat(latencies.max()).isEqualTo(5);
        latencies.record(9);
        assertThat(latencies.max()).isEqualTo(9);
    }

    @Test
    void theFirstStringFieldOfThatNameIsRead() {
        String payment = "{\"payment_id\" : \"pay_1\",\"status\":\"requires_capture\",\"refunds\":[{\"status\":\"x\"}]}";

        assertThat(JsonText.firstString(payment, "status")).contains("requires_capture");
        assertThat(JsonText.firstString(payment, "payment_id")).contains("pay_1");
        assertThat(JsonText.firstString("{\"amount\":5}", "amount")).isEmpty();
        assertThat(JsonText.firstString("{\"note\":\"status\",\"status\":\"ok\"}", "status")).contains("ok");
        assertThat(JsonText.firstString("{}", "status")).isEmpty();
    }

    @Test
    void chunkedAndSizedBodiesAreReadWholeOnOneKeptConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread peer = Thread.ofPlatform().start(() -> answerTwice(server));
            try (HttpConnection http = new HttpConnection(URI.create("http://localhost:" + server.getLocalPort()))) {
                HttpConnection.Response chunked = http.send("POST", "/payments", "key", "{\"a\":1}");
                HttpConnection.Response sized = http.send("GET", "/payments/pay_1", "key", null);

                assertThat(chunked.status()).isEqualTo(200);
                assertThat(chunked.body()).isEqualTo("{\"status\":\"succeeded\"}");
                assertThat(sized.status()).isEqualTo(404);
                assertThat(sized.body()).isEqualTo("{\"error\":{}}");
            }
            peer.join();
        }
    }

    private static void answerTwice(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String first = readRequest(in, true);
            assertThat(first).startsWith("POST /payments HTTP/1.1").contains("api-key: key");
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "c\r\n{\"status\":\"s\r\n9\r\nucceeded\"\r\n1\r\n}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String second = readRequest(in, false);
            assertThat(second).startsWith("GET /payments/pay_1 HTTP/1.1");
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 12\r\n\r\n{\"error\":{}}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request head, and the 7-byte body of the POST. */
    private static String readRequest(InputStream in, boolean withBody) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        if (withBody) {
            in.readNBytes(7);
        }
        return head.toString();
    }

    @Test
    void theCpuAndMemoryOfAProcessAreReadFromProc() {
        long pid = ProcessHandle.current().pid();
        double before = ProcStat.cpuSeconds(pid);
        long spin = 0;
        for (long end = System.nanoTime() + 300_000_000L; System.nanoTime() < end; ) {
            spin++;
        }

        assertThat(spin).isPositive();
        double after = ProcStat.cpuSeconds(pid);
        assertThat(after).isGreaterThan(before);
        assertThat(ProcStat.treeCpuSeconds(pid)).isGreaterThanOrEqualTo(after);
        long resident = ProcStat.rssKb(pid);
        assertThat(resident).isPositive();
        assertThat(ProcStat.peakRssKb(pid)).isGreaterThanOrEqualTo(resident);
        assertThat(ProcStat.cpuSeconds(Long.MAX_VALUE)).isZero();
    }

    @Test
    void chartScalesEndOnOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Chart.niceCeiling(0.3)).isEqualTo(1);
        assertThat(Chart.niceCeiling(12_764)).isEqualTo(20_000);
        assertThat(Chart.niceCeiling(213.9)).isEqualTo(500);
        assertThat(Chart.niceCeiling(100)).isEqualTo(100);
        assertThat(Chart.niceCeiling(4_100)).isEqualTo(5_000);
    }
}
