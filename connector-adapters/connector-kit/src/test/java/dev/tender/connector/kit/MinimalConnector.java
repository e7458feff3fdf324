package dev.tender.connector.kit;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.Map;

/**
 * The smallest connector the kit accepts: purchases, refunds and sync, no capability. {@link Defect}s
 * break one rule each, to prove the kit notices. Open to one subclass, {@link AcknowledgingConnector}.
 */
class MinimalConnector implements Connector {

    static final String DECLINED_CARD = "4000000000000002";

    enum Defect { NONE, THROWS_ON_REFUND, MOVES_MONEY_TWICE, ANSWERS_PROCESSOR_CODES, CLAIMS_REVERSE }

    private final Defect defect;
    private final Map<String, Outcome> answers = new HashMap<>();
    private final Map<String, MoneyMoved> moved = new HashMap<>();

    MinimalConnector(Defect defect) {
        this.defect = defect;
    }

    @Override
    public String name() {
        return "minimal";
    }

    @Override
    public Set<Capability> capabilities() {
        return defect == Defect.CLAIMS_REVERSE ? HashSet.of(Capability.REVERSE) : HashSet.empty();
    }

    @Override
    public synchronized Outcome authorize(ConnectorRequest.Authorize r) {
        if (r.captureMethod() != CaptureMethod.AUTOMATIC || r.orderReference().isDefined() || r.storeForFutureUse()
                || !(r.method() instanceof PaymentMethodData.Card card)) {
            return notSupported();
        }
        String key = "authorize:" + r.context().idempotencyKey();
        if (answers.containsKey(key) && defect != Defect.MOVES_MONEY_TWICE) {
            return answers.get(key);
        }
        Outcome outcome;
        if (card.number().equals(DECLINED_CARD)) {
            outcome = new Outcome.Declined(defect == Defect.ANSWERS_PROCESSOR_CODES ? "do_not_honor"
                    : DeclineCodes.CARD_DECLINED, "declined");
        } else {
            String reference = "min_" + Integer.toHexString(key.hashCode());
            Money zero = Money.zero(r.amount().currency());
            MoneyMoved before = moved.getOrDefault(reference, new MoneyMoved(zero, zero, zero, zero, zero));
            moved.put(reference, new MoneyMoved(before.authorized().plus(r.amount()),
                    before.captured().plus(r.amount()), zero, zero, zero));
            outcome = Outcome.Approved.of(reference);
        }
        answers.put(key, outcome);
        return outcome;
    }

    @Override
    public synchronized Outcome refund(ConnectorRequest.Refund r) {
        if (defect == Defect.THROWS_ON_REFUND) {
            throw new IllegalStateException("refund failed");
        }
        String key = "refund:" + r.context().idempotencyKey();
        if (answers.containsKey(key)) {
            return answers.get(key);
        }
        MoneyMoved payment = moved.get(r.connectorTransactionId());
        Outcome outcome;
        if (payment == null) {
            outcome = new Outcome.Declined(DeclineCodes.NOT_FOUND, "no such payment");
        } else if (payment.refunded().plus(r.amount()).isGreaterThan(payment.captured())) {
            outcome = new Outcome.Declined(DeclineCodes.INVALID_REQUEST, "more than is refundable");
        } else {
            moved.put(r.connectorTransactionId(), new MoneyMoved(payment.authorized(), payment.captured(),
                    payment.refunded().plus(r.amount()), payment.voided(), payment.reversed()));
            outcome = Outcome.Approved.of("re_" + Integer.toHexString(key.hashCode()));
        }
        answers.put(key, outcome);
        return outcome;
    }

    @Override
    public synchronized Outcome sync(ConnectorRequest.Sync r) {
        String operation = r.kind().wireName().equals("refund") ? "refund:" : "authorize:";
        Outcome answer = answers.get(operation + r.context().idempotencyKey());
        return answer != null ? answer : new Outcome.Declined(DeclineCodes.NOT_FOUND, "never received");
    }

    synchronized Option<MoneyMoved> moneyMoved(String reference) {
        return Option.of(moved.get(reference));
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize r) {
        return notSupported();
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture r) {
        return notSupported();
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void r) {
        return notSupported();
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse r) {
        return notSupported();
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization r) {
        return notSupported();
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder r) {
        return notSupported();
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate r) {
        return notSupported();
    }

    private static Outcome notSupported() {
        return new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "the minimal connector does not do that");
    }
}
