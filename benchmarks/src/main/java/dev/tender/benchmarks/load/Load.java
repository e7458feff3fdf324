package dev.tender.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the service with payment flows (create with {@code confirm: true} and manual capture → capture →
 * refund; three operations) from client threads, each with its own kept-alive connection.
 *
 * <p>Closed loop ({@link #closedLoop}): each client sends its next operation when the last one answered,
 * which finds the most the service can do with that many clients. Paced ({@link #paced}): operations
 * are due at a fixed rate whatever the answers; a latency is measured from when the operation was due,
 * not from when it was sent, so a stall shows as the wait every later operation had (no coordinated
 * omission).
 *
 * <p>Operations are counted when they start and end inside the measured window, after a warm-up.
 */
final class Load {

    /** The figures of one run. */
    record Result(String mode, int clients, double targetRate, double seconds, long operations, long flows,
                  long errors, String firstError, Latencies all, Latencies create, Latencies capture,
                  Latencies refund) {

        double operationsPerSecond() {
            return operations / seconds;
        }
    }

    private enum Step { CREATE, CAPTURE, REFUND }

    private Load() {
    }

    static Result closedLoop(URI base, String apiKey, int clients, Duration warmup, Duration measured) {
        return closedLoop(base, apiKey, clients, warmup, measured, Window.NONE);
    }

    /** With {@code window} told when the measured window opens and when it closes. */
    static Result closedLoop(URI base, String apiKey, int clients, Duration warmup, Duration measured,
                             Window window) {
        return run("closed", base, apiKey, clients, 0, warmup, measured, window);
    }

    /** Told when the measured window opens and closes, on a thread of its own (to read CPU counters then). */
    interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    static Result paced(URI base, String apiKey, int clients, double operationsPerSecond, Duration warmup,
                        Duration measured) {
        if (operationsPerSecond <= 0) {
            throw new IllegalArgumentException("a paced run needs a positive rate");
        }
        return run("paced", base, apiKey, clients, operationsPerSecond, warmup, measured, Window.NONE);
    }

    private static Result run(String mode, URI base, String apiKey, int clients, double rate, Duration warmup,
                              Duration measured, Window window) {
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long from = start + warmup.toNanos();
        long until = from + measured.toNanos();
        Thread watcher = Thread.ofPlatform().name("load-window").start(() -> {
            Client.waitUntil(from);
            window.opened();
            Client.waitUntil(until);
            window.closed();
        });
        // each client is due every clients/rate seconds, the clients staggered over one interval
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        ConcurrentLinkedQueue<Client> done = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorMessages = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long firstDue = start + (interval > 0 ? interval * i / clients : 0);
            Client client = new Client(new TenderApi(base, apiKey), firstDue, interval, from, until);
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                try {
                    client.run();
                } catch (RuntimeException failure) {
                    errors.incrementAndGet();
                    errorMessages.add(failure.getMessage());
                } finally {
                    client.api.close();
                    done.add(client);
                }
            }));
        }
        threads.add(watcher);
        joinAll(threads);
        List<Latencies> all = new ArrayList<>();
        List<Latencies> creates = new ArrayList<>();
        List<Latencies> captures = new ArrayList<>();
        List<Latencies> refunds = new ArrayList<>();
        long flows = 0;
        for (Client client : done) {
            all.add(client.latencies[0]);
            all.add(client.latencies[1]);
            all.add(client.latencies[2]);
            creates.add(client.latencies[0]);
            captures.add(client.latencies[1]);
            refunds.add(client.latencies[2]);
            flows += client.flows;
        }
        Latencies merged = Latencies.merge(all);
        return new Result(mode, clients, rate, measured.toNanos() / 1e9, merged.count(), flows, errors.get(),
                errorMessages.peek(), merged, Latencies.merge(creates), Latencies.merge(captures),
                Latencies.merge(refunds));
    }

    /** Waits for every thread; an interrupt of the waiting thread ends the run. */
    static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the load ran", interrupted);
            }
        }
    }

    /** One client: flows, one operation after the other, until the window closes. */
    private static final class Client {

        private final TenderApi api;
        private final long interval;
        private final long from;
        private final long until;
        private final Latencies[] latencies = {new Latencies(), new Latencies(), new Latencies()};
        private long due;
        private long flows;

        Client(TenderApi api, long firstDue, long interval, long from, long until) {
            this.api = api;
            this.due = firstDue;
            this.interval = interval;
            this.from = from;
            this.until = until;
        }

        void run() {
            waitUntil(due);
            while (System.nanoTime() < until) {
                String[] payment = new String[1];
                boolean whole = step(Step.CREATE, () -> payment[0] = api.createConfirmed())
                        && step(Step.CAPTURE, () -> api.capture(payment[0]))
                        && step(Step.REFUND, () -> api.refund(payment[0]));
                if (!whole) {
                    return;
                }
            }
        }

        /** Runs one operation when due; false once the window has closed. */
        private boolean step(Step step, Runnable operation) {
            long began;
            if (interval > 0) {
                waitUntil(due);
                began = due;
                due += interval;
            } else {
                began = System.nanoTime();
            }
            if (began >= until) {
                return false;
            }
            operation.run();
            long ended = System.nanoTime();
            if (began >= from && ended <= until) {
                latencies[step.ordinal()].record(ended - began);
                if (step == Step.REFUND) {
                    flows++;
                }
            }
            return true;
        }

        private static void waitUntil(long due) {
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }
}
