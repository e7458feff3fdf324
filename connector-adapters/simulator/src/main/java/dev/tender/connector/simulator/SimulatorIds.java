package dev.tender.connector.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Processor-side ids, derived from what identifies the call (account, operation, idempotency key):
 * the same call always gets the same id, in this run and the next, so tests can predict them.
 */
final class SimulatorIds {

    private SimulatorIds() {
    }

    static String derive(String prefix, String accountId, Op operation, String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (accountId + '\n' + operation.name() + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "sim_" + prefix + "_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
