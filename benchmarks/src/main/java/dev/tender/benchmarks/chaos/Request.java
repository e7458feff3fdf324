package dev.tender.benchmarks.chaos;

/**
 * One merchant request as the campaign sent it (every attempt the same, under one {@code Idempotency-Key}),
 * and the last answer it got: status -1 when no attempt was answered.
 */
final class Request {

    enum Kind { CREATE, CAPTURE, REFUND, CANCEL }

    final Kind kind;
    final String paymentId;
    final String path;
    final String key;
    final String body;
    final long amount;
    private volatile int status = -1;
    private volatile String answer = "";

    Request(Kind kind, String paymentId, String path, String key, String body, long amount) {
        this.kind = kind;
        this.paymentId = paymentId;
        this.path = path;
        this.key = key;
        this.body = body;
        this.amount = amount;
    }

    void answered(int newStatus, String newAnswer) {
        this.status = newStatus;
        this.answer = newAnswer;
    }

    int status() {
        return status;
    }

    String answer() {
        return answer;
    }

    @Override
    public String toString() {
        return "POST " + path + " (" + key + ")";
    }
}
