package dev.tender.benchmarks.chaos;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the campaign did, counted while it runs (thread-safe). */
final class Figures {

    final AtomicLong flows = new AtomicLong();
    final AtomicLong operations = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong connectionErrors = new AtomicLong();
    final AtomicLong kills = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    /** Each 5xx a live instance answered: the request and the answer. */
    final List<String> serverErrors = new CopyOnWriteArrayList<>();

    /** Payments by the status Tender shows at the verdict. */
    final Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
    /** Failed payments by Tender's error code and message (the first 80 characters). */
    final Map<String, Integer> failures = new ConcurrentSkipListMap<>();
    /** Merchant requests by their last answer's HTTP status before the final retry (-1: never answered). */
    final Map<Integer, Integer> answers = new TreeMap<>();

    void serverError(Request request, int status, String body) {
        serverErrors.add(request.paymentId + ": " + request + " answered " + status + " " + body);
    }
}
