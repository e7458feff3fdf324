package dev.tender.app.api;

import dev.tender.app.http.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a controller keeps beside an outcome the use case already saved (request fields to echo, a return
 * URL): by then a processor may have moved money, so a failure to keep them is logged and the outcome is
 * answered all the same. A 500 there would hide a charge from a merchant, who would then retry and pay twice.
 * Every input is checked before the use case runs; this only guards against what those checks missed.
 */
final class AfterTheOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(AfterTheOutcome.class);

    private AfterTheOutcome() {
    }

    static void keep(String what, String id, Runnable keeping) {
        try {
            keeping.run();
        } catch (RuntimeException failed) {
            LOG.error("Could not keep the {} of {}: answered without them", what, id,
                    Failures.withoutMessages(failed));
        }
    }
}
