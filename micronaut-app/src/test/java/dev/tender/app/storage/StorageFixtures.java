package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Values for the storage tests: merchants of their own, and payments with every field set. */
final class StorageFixtures {

    /** Microsecond times, as stored. */
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    private static final AtomicInteger MERCHANTS = new AtomicInteger();

    private StorageFixtures() {
    }

    /** A merchant no other test uses, created in the database. */
    static MerchantId newMerchant(String prefix) {
        String id = prefix + "_" + MERCHANTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        EmbeddedDatabase.merchant(id);
        return MerchantId.of(id);
    }

    static Money usd(long cents) {
        return Money.of(cents, Currency.USD);
    }

    /** A new payment as {@code Payment.create} makes it: no method, nothing optional. */
    static Payment simplePayment(MerchantId merchant, String id, Instant createdAt) {
        return Payment.create(CreatePayment.of(PaymentId.of(id), merchant, usd(1_000), CaptureMethod.MANUAL,
                Option.none(), createdAt)).get();
    }

    static Redirect redirect() {
        return new Redirect("https://acs.example/challenge?x=1&y=\"two\"", "POST",
                LinkedHashMap.of("PaReq", "eJx\\n+/=", "TermUrl", "https://tender.example/return", "MD", "ünïcødé ✓",
                        "empty", ""));
    }

    static MandateSetup mandateSetup() {
        return new MandateSetup(MandateType.MULTI_USE, Option.some(usd(50_00)),
                new CustomerAcceptance("online", Instant.parse("2025-02-28T09:59:59.123456789Z"),
                        Option.some("203.0.113.7"), Option.some("Mozilla/5.0 (X11; \"quoted\")")));
    }

    static PaymentMethod.Card card() {
        return new PaymentMethod.Card("visa", "424242", "4242", 12, 2030, Option.some("Zoë O'Brien"));
    }

    /** One transaction of every kind, with each optional part set somewhere and each status used. */
    static List<Transaction> everyKindOfTransaction(Instant at) {
        Instant t = at;
        return List.of(
                new Transaction(TransactionId.of("txn_order"), TransactionKind.ORDER, TransactionStatus.SUCCEEDED,
                        usd(10_00), PaymentStatus.REQUIRES_CONFIRMATION, false, Option.some("order_ref_1"),
                        Option.none(), Option.none(), false, Option.none(), true, t, t.plusMillis(1)),
                new Transaction(TransactionId.of("txn_setup"), TransactionKind.SETUP_MANDATE,
                        TransactionStatus.FAILED, usd(0), PaymentStatus.REQUIRES_CONFIRMATION, false, Option.none(),
                        Option.some(new Failure("card_declined", "Your card was declined.")), Option.none(), false,
                        Option.none(), true, t.plusSeconds(1), t.plusSeconds(2)),
                new Transaction(TransactionId.of("txn_auth"), TransactionKind.AUTHORIZE, TransactionStatus.SUCCEEDED,
                        usd(10_00), PaymentStatus.REQUIRES_CONFIRMATION, false, Option.some("ch_123"), Option.none(),
                        Option.none(), false, Option.none(), true, t.plusSeconds(3), t.plusSeconds(4)),
                new Transaction(TransactionId.of("txn_incr"), TransactionKind.INCREMENT, TransactionStatus.SUCCEEDED,
                        usd(12_00), PaymentStatus.REQUIRES_CAPTURE, false, Option.none(), Option.none(),
                        Option.none(), false, Option.none(), true, t.plusSeconds(5), t.plusSeconds(6)),
                new Transaction(TransactionId.of("txn_cap"), TransactionKind.CAPTURE, TransactionStatus.SUCCEEDED,
                        usd(8_00), PaymentStatus.REQUIRES_CAPTURE, true, Option.some("cap_1"), Option.none(),
                        Option.none(), false, Option.none(), true, t.plusSeconds(7), t.plusSeconds(8)),
                new Transaction(TransactionId.of("txn_void"), TransactionKind.VOID, TransactionStatus.UNKNOWN,
                        usd(4_00), PaymentStatus.REQUIRES_CAPTURE, false, Option.none(), Option.none(),
                        Option.none(), false, Option.some("customer changed their mind"), true, t.plusSeconds(9),
                        t.plusSeconds(10)),
                new Transaction(TransactionId.of("txn_rev"), TransactionKind.REVERSE, TransactionStatus.FAILED,
                        usd(8_00), PaymentStatus.SUCCEEDED, false, Option.none(),
                        Option.some(new Failure("processing_error", "")), Option.none(), false, Option.none(), true,
                        t.plusSeconds(11), t.plusSeconds(12)),
                new Transaction(TransactionId.of("txn_ref_1"), TransactionKind.REFUND, TransactionStatus.PENDING,
                        usd(2_50), PaymentStatus.SUCCEEDED, false, Option.some("re_1"), Option.none(), Option.none(),
                        true, Option.some("damaged\nin transit"), true, t.plusSeconds(13), t.plusSeconds(14)),
                new Transaction(TransactionId.of("txn_3ds"), TransactionKind.REFUND, TransactionStatus.PENDING,
                        usd(1_00), PaymentStatus.SUCCEEDED, false, Option.none(), Option.none(),
                        Option.some(redirect()), false, Option.none(), false, t.plusSeconds(15), t.plusSeconds(15)));
    }

    /** A payment with every field set (and times to the microsecond, as they are stored). */
    static Payment fullPayment(MerchantId merchant, String id, Instant createdAt) {
        return new Payment(PaymentId.of(id), merchant, usd(12_00), CaptureMethod.MANUAL_MULTIPLE,
                PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE, usd(12_00), usd(8_00), Option.some(card()),
                Option.some("cus_42"), Option.some("acc_sim"),
                HashSet.of(Capability.MANUAL_CAPTURE, Capability.MULTIPLE_CAPTURE, Capability.THREE_DS,
                        Capability.MANDATES, Capability.INCREMENTAL_AUTHORIZATION),
                Option.some("ch_123"), Option.some("order_ref_1"), Option.some(redirect()),
                Option.some(new Failure("insufficient_funds", "Not enough \"money\"")), Option.some(mandateSetup()),
                Option.some("pm_mandate_ref"), Option.some(MandateId.of("man_1")),
                LinkedHashMap.of("order", "1001", "note", "tab\there, quote \" backslash \\ ✓", "", "empty key"),
                Duration.ofDays(3), Option.some(createdAt.plus(Duration.ofDays(3))),
                everyKindOfTransaction(createdAt), createdAt, createdAt.plusSeconds(20), 0);
    }
}
