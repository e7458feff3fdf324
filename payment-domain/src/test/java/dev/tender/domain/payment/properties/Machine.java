package dev.tender.domain.payment.properties;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreateOrder;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.ExpireAuthorization;
import dev.tender.domain.payment.IncrementAuthorization;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.Reverse;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.domain.payment.VoidPayment;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a scenario against the domain, one step at a time, handing each executed step to a check. */
final class Machine {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final PaymentMethod CARD = new PaymentMethod.Card("visa", "424242", "4242", 12, 2030, Option.none());

    private Instant now = T0;
    private int ids;
    private Payment payment;
    private final Currency currency;

    private Machine(Currency currency) {
        this.currency = currency;
    }

    /** Creates the scenario's payment and runs its steps; returns the last payment, empty if creation was refused. */
    static Option<Payment> run(Scenario scenario, Consumer<Executed> check) {
        Machine machine = new Machine(Currency.of(scenario.currency()));
        Either<String, Money> amount = Money.from(scenario.amount(), machine.currency);
        if (scenario.amount() < 0) {
            assertThat(amount.isLeft()).as("a negative amount is not money").isTrue();
            return Option.none();
        }
        CreatePayment create = CreatePayment.of(PaymentId.of("pay_1"), MerchantId.of("merchant_1"), amount.get(),
                scenario.captureMethod(), scenario.withMethod() ? Option.some(CARD) : Option.none(), T0);
        if (scenario.mandateSetup()) {
            create = create.withCustomer("cus_1").withMandateSetup(new MandateSetup(MandateType.MULTI_USE,
                    Option.none(), new CustomerAcceptance("online", T0, Option.none(), Option.none())));
        }
        Either<Rejection, Payment> created = Payment.create(create);
        Option<dev.tender.domain.payment.RejectionCode> expected = Oracle.create(create);
        assertThat(created.swap().map(Rejection::code).toOption()).as("creation of %s", scenario).isEqualTo(expected);
        if (created.isLeft()) {
            return Option.none();
        }
        machine.payment = created.get();
        for (Step step : scenario.steps()) {
            machine.now = machine.now.plusSeconds(1);
            Option<Executed> executed = machine.execute(step);
            executed.forEach(check);
            executed.forEach(e -> machine.payment = e.after());
        }
        return Option.some(machine.payment);
    }

    private Option<Executed> execute(Step step) {
        Payment p = payment;
        return switch (step) {
            case Step.Update u -> money(u.amount(), p.amount().minor()).map(amount -> {
                UpdatePayment update = UpdatePayment.nothing(now).amount(amount).captureMethod(u.captureMethod());
                UpdatePayment command = u.addMethod() ? update.paymentMethod(CARD) : update;
                return done(step, Operation.UPDATE, Oracle.update(p, command), p.update(command));
            });
            case Step.CreateOrder o -> {
                CreateOrder command = new CreateOrder(nextId(), o.capabilities(), now);
                yield Option.some(done(step, Operation.CREATE_ORDER, Oracle.order(p, command), p.beginOrder(command)));
            }
            case Step.Confirm c -> {
                Confirm command = new Confirm(nextId(), c.bringsMethod() ? Option.some(CARD) : Option.none(),
                        "simulator", c.capabilities(), now);
                yield Option.some(done(step, Operation.CONFIRM, Oracle.confirm(p, command), p.confirm(command)));
            }
            case Step.CompleteAuthorize c -> Option.some(done(step, Operation.COMPLETE_AUTHORIZE,
                    Oracle.tableOnly(p, Operation.COMPLETE_AUTHORIZE), p.completeAuthorize(now)));
            case Step.Capture c -> money(c.amount(), p.capturable().minor()).map(amount -> {
                Capture command = new Capture(nextId(), amount, c.finalCapture(), now);
                return done(step, Operation.CAPTURE, Oracle.capture(p, command), p.beginCapture(command));
            });
            case Step.Cancel c -> {
                VoidPayment command = new VoidPayment(nextId(), Option.none(), now);
                yield Option.some(done(step, Operation.VOID, Oracle.cancel(p), p.beginVoid(command)));
            }
            case Step.Reverse r -> {
                Reverse command = new Reverse(nextId(), now.plusSeconds(r.cutoffInSeconds()), now);
                yield Option.some(done(step, Operation.REVERSE, Oracle.reverse(p, command), p.beginReverse(command)));
            }
            case Step.Refund r -> money(r.amount(), p.refundable().minor()).map(amount -> {
                Refund command = new Refund(nextId(), amount, Option.none(), now);
                return done(step, Operation.REFUND, Oracle.refund(p, command), p.beginRefund(command));
            });
            case Step.Increment i -> money(i.extra(), p.authorized().minor()).map(extra -> {
                Money total = new Money(saturatedSum(p.authorized().minor(), extra.minor()), extra.currency());
                IncrementAuthorization command = new IncrementAuthorization(nextId(), total, now);
                return done(step, Operation.INCREMENT_AUTHORIZATION, Oracle.increment(p, command),
                        p.beginIncrement(command));
            });
            case Step.Expire e -> Option.some(done(step, Operation.EXPIRE, Oracle.expire(p, now), p.expire(now)));
            case Step.ExpireAtProcessor e -> {
                now = now.plusSeconds(e.waitSeconds());
                ExpireAuthorization command = new ExpireAuthorization(nextId(), now);
                yield Option.some(done(step, Operation.EXPIRE, Oracle.beginExpiry(p, command),
                        p.beginExpiry(command)));
            }
            case Step.Wait w -> {
                now = now.plusSeconds(w.seconds());
                yield Option.none();
            }
            case Step.Observe o -> Option.some(observe(p, o));
        };
    }

    private Executed observe(Payment p, Step.Observe o) {
        List<Transaction> txs = p.transactions();
        TransactionId target = o.transaction() < 0 || txs.isEmpty()
                ? TransactionId.of("tx_unknown_to_the_payment")
                : o.transaction() >= 10 ? txs.last().id() : txs.get(o.transaction() % txs.size()).id();
        Operation attributed = p.transaction(target).map(Transaction::operation).getOrElse(Operation.SYNC);
        if (o.outcome() == Step.OutcomeKind.ESCALATED) {
            Option<dev.tender.domain.payment.RejectionCode> expected = p.transaction(target).isEmpty()
                    ? Option.some(dev.tender.domain.payment.RejectionCode.TRANSACTION_NOT_FOUND) : Option.none();
            return new Executed(p, o, Operation.SYNC, attributed, expected,
                    p.escalate(target, "no answer from the connector in time", now), Option.none());
        }
        Outcome outcome = switch (o.outcome()) {
            case APPROVED -> Outcome.Approved.of("psp_" + target.value());
            case DECLINED -> new Outcome.Declined("card_declined", "Your card was declined.");
            case PENDING -> Outcome.Pending.of();
            case REVIEW -> new Outcome.Pending(true);
            case REQUIRES_ACTION -> new Outcome.RequiresAction(Redirect.get("https://acs.example/3ds/" + target));
            case UNKNOWN -> new Outcome.Unknown("read timed out");
            case ESCALATED -> throw new IllegalStateException("escalation is not an outcome");
        };
        RecordOutcome command = new RecordOutcome(target, outcome, now.plusSeconds(o.skewSeconds()));
        return new Executed(p, o, Operation.SYNC, attributed, Oracle.observe(p, command), p.recordOutcome(command),
                Option.some(command));
    }

    private Executed done(Step step, Operation operation, Option<dev.tender.domain.payment.RejectionCode> expected,
                          Either<Rejection, Payment> result) {
        return new Executed(payment, step, operation, operation, expected, result, Option.none());
    }

    /**
     * The money a step asks for; a negative amount never becomes money (checked here, since the domain
     * cannot even be given one), so that step is skipped.
     */
    private Option<Money> money(Amount amount, long limit) {
        long minor = amount.resolve(limit);
        Currency in = amount instanceof Amount.Foreign ? foreign() : currency;
        Either<String, Money> money = Money.from(minor, in);
        assertThat(money.isLeft()).as("Money.from(%s) refused", minor).isEqualTo(minor < 0);
        return money.toOption();
    }

    private Currency foreign() {
        return currency.equals(Currency.EUR) ? Currency.GBP : Currency.EUR;
    }

    private TransactionId nextId() {
        return TransactionId.of("tx_" + ++ids);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
