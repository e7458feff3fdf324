package dev.tender.benchmarks.chaos;

import dev.tender.benchmarks.load.Database;
import dev.tender.benchmarks.load.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The packaged service as several processes on one database; an instance can be killed ({@code kill -9})
 * and started again (on a new port, with a log of its own). Clients pick a live one at random.
 */
final class Cluster implements AutoCloseable {

    private final Path jar;
    private final List<String> jvm;
    private final Database database;
    private final String adminKey;
    private final Path logs;
    private final AtomicReferenceArray<ServiceProcess> instances;
    private final AtomicInteger starts = new AtomicInteger();

    Cluster(Path jar, List<String> jvm, Database database, String adminKey, Path logs, int size) {
        this.jar = jar;
        this.jvm = jvm;
        this.database = database;
        this.adminKey = adminKey;
        this.logs = logs;
        this.instances = new AtomicReferenceArray<>(size);
    }

    /** Starts every instance, one after the other (the first one migrates the schema). */
    void startAll() throws IOException {
        for (int i = 0; i < instances.length(); i++) {
            start(i);
        }
    }

    void start(int index) throws IOException {
        Path log = logs.resolve("service-" + index + "-" + starts.incrementAndGet() + ".log");
        instances.set(index, ServiceProcess.start(jar, jvm, database, adminKey, log));
    }

    /** {@code kill -9} of the instance; clients see connections refused or reset until it is started again. */
    void kill(int index) throws InterruptedException {
        ServiceProcess instance = instances.getAndSet(index, null);
        if (instance != null) {
            instance.kill();
        }
    }

    int size() {
        return instances.length();
    }

    boolean allAlive() {
        for (int i = 0; i < instances.length(); i++) {
            if (instances.get(i) == null) {
                return false;
            }
        }
        return true;
    }

    /** A live instance's base URL, at random; empty while none is up. */
    Optional<URI> pick() {
        List<URI> live = new ArrayList<>();
        for (int i = 0; i < instances.length(); i++) {
            ServiceProcess instance = instances.get(i);
            if (instance != null) {
                live.add(instance.base());
            }
        }
        return live.isEmpty() ? Optional.empty()
                : Optional.of(live.get(ThreadLocalRandom.current().nextInt(live.size())));
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < instances.length(); i++) {
            ServiceProcess instance = instances.getAndSet(i, null);
            if (instance != null) {
                instance.close();
            }
        }
    }
}
