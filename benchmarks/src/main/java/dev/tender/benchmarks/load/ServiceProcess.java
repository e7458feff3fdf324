package dev.tender.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code micronaut-app/target/tender-service.jar}) in a process of its own, started
 * with the same JDK as the load run and the given JVM options, against the run's database.
 */
public final class ServiceProcess implements AutoCloseable {

    /** A key for this run only (an embedded database is made for the run). */
    private static final String SECRET_KEY = randomKey();

    private final Process process;
    private final URI base;

    private ServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static ServiceProcess start(Path jar, List<String> jvmOptions, Database database, String adminKey, Path log)
            throws IOException {
        return start(jar, jvmOptions, database, adminKey, log, Map.of());
    }

    /** With more environment variables for the service (settings: {@code TENDER_…}). */
    static ServiceProcess start(Path jar, List<String> jvmOptions, Database database, String adminKey, Path log,
                                Map<String, String> environment) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("DATASOURCES_DEFAULT_URL", database.jdbcUrl());
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", database.user());
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", database.password());
        builder.environment().put("TENDER_ADMIN_API_KEY", adminKey);
        // connector credentials are encrypted at rest: the caller's keys (TENDER_SECRETS_KEYS_…), else the run's
        if (builder.environment().keySet().stream().noneMatch(name -> name.startsWith("TENDER_SECRETS_KEYS_"))) {
            builder.environment().put("TENDER_SECRETS_KEYS_LOAD", SECRET_KEY);
            builder.environment().put("TENDER_SECRETS_ACTIVE_KEY", "load");
        }
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://localhost:" + port));
        service.awaitHealthy(Duration.ofSeconds(90), log);
        return service;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try (HttpConnection probe = new HttpConnection(base)) {
                if (probe.send("GET", "/health", null, null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the service started", interrupted);
            }
        }
        throw new IllegalStateException("the service did not answer /health within " + timeout + "; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, as a crash or an OOM kill leaves the service. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
