package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import io.vavr.collection.List;

import java.math.BigInteger;

import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CAPTURE;
import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of DESIGN.md, checked on a payment after every accepted step. */
final class Invariants {

    private Invariants() {
    }

    /** Invariants about one payment alone (1, 2, 5 and the money each transaction accounts for). */
    static void holdFor(Payment p) {
        // 1. 0 <= captured <= authorized; capturable = authorized - captured while capturable, else 0
        assertThat(p.captured().minor()).as("captured").isBetween(0L, p.authorized().minor());
        boolean takesCaptures = p.status() == REQUIRES_CAPTURE || p.status() == PARTIALLY_CAPTURED_AND_CAPTURABLE;
        assertThat(p.capturable().minor()).as("capturable in %s", p.status())
                .isEqualTo(takesCaptures ? p.authorized().minor() - p.captured().minor() : 0L);
        if (p.status() == PARTIALLY_CAPTURED_AND_CAPTURABLE) {
            assertThat(p.captured().minor()).as("partially captured").isPositive();
            assertThat(p.capturable().minor()).as("still capturable").isPositive();
            assertThat(p.captureMethod()).isEqualTo(CaptureMethod.MANUAL_MULTIPLE);
        }
        if (p.status() == REQUIRES_CAPTURE) {
            assertThat(p.captured().isZero()).as("nothing captured in requires_capture").isTrue();
        }
        // 2. refunds that succeeded or may succeed never exceed what was captured
        assertThat(sum(p.refunds().filter(r -> r.status() != TransactionStatus.FAILED)))
                .as("refunds pending + succeeded").isLessThanOrEqualTo(BigInteger.valueOf(p.captured().minor()));
        assertThat(p.refunded().minor()).isEqualTo(sum(p.refunds().filter(Transaction::succeeded)).longValueExact());
        // 5. at most one connector operation in flight, refunds aside
        assertThat(p.transactions().count(t -> t.kind() != TransactionKind.REFUND && t.status().isOpen()))
                .as("open non-refund transactions").isLessThanOrEqualTo(1);
        // ids are unique: each is the idempotency token of one connector call
        assertThat(p.transactions().map(Transaction::id).distinct().size()).isEqualTo(p.transactions().size());
        // money moves only through succeeded transactions
        assertThat(p.captured().minor()).as("captured = what succeeded captures and purchases moved")
                .isEqualTo(expectedCaptured(p));
        assertThat(p.authorized().minor()).as("authorized = what succeeded authorizations and increments hold")
                .isEqualTo(expectedAuthorized(p));
        // 4. amounts of one payment share its currency
        assertThat(p.captured().currency()).isEqualTo(p.amount().currency());
    }

    /** Invariants about a step from {@code before} to {@code after} (3, 4, 6 and forward-only transactions). */
    static void holdAcross(Payment before, Payment after, Operation attributed) {
        // 4. currency, merchant and id never change; the amount only before confirm or by an increment
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.merchantId()).isEqualTo(before.merchantId());
        if (attributed != Operation.UPDATE) {
            assertThat(after.amount().currency()).isEqualTo(before.amount().currency());
            if (attributed != Operation.INCREMENT_AUTHORIZATION) {
                assertThat(after.amount()).as("amount after %s", attributed).isEqualTo(before.amount());
            }
        }
        // 3. terminal statuses are absorbing except what the table allows on them (refund, reverse)
        if (before.status().isTerminal() && after.status() != before.status()) {
            assertThat(attributed).as("leaving terminal %s", before.status()).isEqualTo(Operation.REVERSE);
        }
        List<PaymentStatus> absorbing = List.of(PaymentStatus.FAILED, PaymentStatus.CANCELLED,
                PaymentStatus.CANCELLED_POST_CAPTURE, PaymentStatus.EXPIRED);
        if (absorbing.contains(before.status())) {
            assertThat(after.status()).isEqualTo(before.status());
        }
        // 6. transactions only move forward: none disappears, a final one never changes
        assertThat(after.transactions().size()).isGreaterThanOrEqualTo(before.transactions().size());
        for (Transaction old : before.transactions()) {
            Transaction now = after.transaction(old.id()).get();
            assertThat(now.kind()).isEqualTo(old.kind());
            assertThat(now.amount()).isEqualTo(old.amount());
            if (old.status() == TransactionStatus.SUCCEEDED || old.status() == TransactionStatus.FAILED) {
                assertThat(now).as("final transaction %s", old.id()).isEqualTo(old);
            }
            if (now.status() == TransactionStatus.UNKNOWN) {
                assertThat(old.status()).as("unknown never replaces an answer").isIn(TransactionStatus.PENDING,
                        TransactionStatus.UNKNOWN);
            }
        }
        // captured and refunded never decrease
        assertThat(after.captured().minor()).isGreaterThanOrEqualTo(
                before.amount().currency().equals(after.amount().currency()) ? before.captured().minor() : 0);
        assertThat(after.refunded().minor()).isGreaterThanOrEqualTo(
                before.amount().currency().equals(after.amount().currency()) ? before.refunded().minor() : 0);
    }

    private static long expectedCaptured(Payment p) {
        long captures = sum(p.transactions().filter(t -> t.kind() == TransactionKind.CAPTURE && t.succeeded()))
                .longValueExact();
        boolean purchased = p.transactions().exists(t -> t.succeeded()
                && (t.kind() == TransactionKind.SETUP_MANDATE
                || t.kind() == TransactionKind.AUTHORIZE && p.captureMethod() == CaptureMethod.AUTOMATIC));
        long purchase = purchased ? authorizationAmount(p) : 0;
        return captures + purchase;
    }

    private static long expectedAuthorized(Payment p) {
        List<Transaction> increments = p.transactions()
                .filter(t -> t.kind() == TransactionKind.INCREMENT && t.succeeded());
        return increments.isEmpty() ? authorizationAmount(p) : increments.last().amount().minor();
    }

    private static long authorizationAmount(Payment p) {
        return p.transactions().find(t -> t.succeeded()
                        && (t.kind() == TransactionKind.AUTHORIZE || t.kind() == TransactionKind.SETUP_MANDATE))
                .map(t -> t.amount().minor()).getOrElse(0L);
    }

    private static BigInteger sum(List<Transaction> transactions) {
        return transactions.map(t -> BigInteger.valueOf(t.amount().minor())).fold(BigInteger.ZERO, BigInteger::add);
    }
}
