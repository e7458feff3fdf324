package dev.tender.connector.simulator;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's memory of calls: idempotency (a key answers its first answer again, without acting),
 * work accepted as pending until a sync runs it, and what a sync of a call answers. Every method holds
 * this object's lock, so the {@link Processor} is only ever touched by one call at a time.
 */
final class Simulation {

    /** Keys are per account and per operation: a 3DS completion may reuse its authorization's key. */
    private record CallKey(String accountId, Op op, String idempotencyKey) {
    }

    record Answer(Outcome outcome, boolean lost) {
    }

    private static final class RecordedCall {
        final String fingerprint;
        final Outcome firstAnswer;
        Outcome current;
        Deferred deferred;

        RecordedCall(String fingerprint, Outcome firstAnswer, Deferred deferred) {
            this.fingerprint = fingerprint;
            this.firstAnswer = firstAnswer;
            this.current = firstAnswer;
            this.deferred = deferred;
        }
    }

    /** Work accepted as pending; run once, by the first sync that needs it. */
    private static final class Deferred {
        final Option<Movement> intended;
        Supplier<Processed> work;
        Outcome result;

        Deferred(Option<Movement> intended, Supplier<Processed> work) {
            this.intended = intended;
            this.work = work;
        }
    }

    private final Processor processor;
    private final Ledger ledger;
    private final Map<CallKey, RecordedCall> calls;
    /** Unresolved work by the payment and kind of money it would move. */
    private final Map<String, List<Deferred>> open = new HashMap<>();

    /** Remembers at most {@code limit} calls and payments, forgetting the oldest first. */
    Simulation(Ledger ledger, int limit) {
        this.ledger = ledger;
        this.calls = Memory.bounded(limit);
        this.processor = new Processor(limit);
    }

    Processor processor() {
        return processor;
    }

    synchronized Answer handle(Op op, ConnectorRequest request, String id, String fingerprint, boolean async,
                               Supplier<Processed> work) {
        String accountId = request.context().account().id();
        CallKey key = new CallKey(accountId, op, request.context().idempotencyKey());
        RecordedCall known = calls.get(key);
        if (known != null) {
            return known.fingerprint.equals(fingerprint) ? new Answer(known.firstAnswer, false)
                    : new Answer(new Outcome.Declined(DeclineCodes.INVALID_REQUEST,
                    "The idempotency key was already used for a different " + op.name().toLowerCase(Locale.ROOT) + " request"),
                    false);
        }
        if (async) {
            calls.put(key, new RecordedCall(fingerprint, Outcome.Pending.of(),
                    defer(processor.intended(request, id, accountId), work)));
            return new Answer(Outcome.Pending.of(), false);
        }
        Processed processed = work.get();
        ledger.moved(processed.movements());
        Deferred later = processed.later().map(w -> defer(processor.intended(request, id, accountId), w)).getOrNull();
        calls.put(key, new RecordedCall(fingerprint, processed.outcome(), later));
        return new Answer(processed.outcome(), processed.answerLost());
    }

    /** What the simulator did for the call with this key: resolving it first if it was pending. */
    synchronized Outcome sync(ConnectorRequest.Sync request) {
        String accountId = request.context().account().id();
        String idempotencyKey = request.context().idempotencyKey();
        for (Op op : Op.syncedBy(request.kind())) {
            RecordedCall call = calls.get(new CallKey(accountId, op, idempotencyKey));
            if (call == null) {
                continue;
            }
            if (call.deferred != null) {
                call.current = resolve(call.deferred);
                call.deferred = call.deferred.work == null ? null : call.deferred;
            }
            if (op == Op.AUTHORIZE) {
                // the authorization may have moved on since: a 3DS completion, an async approval
                Option<Authorization> authorization = processor.authorization(accountId, op.id(accountId, idempotencyKey));
                if (authorization.isDefined()) {
                    resolveOpen(authorization.get().id, TransactionKind.AUTHORIZE);
                    return authorization.get().answer;
                }
            }
            return call.current;
        }
        return new Outcome.Declined(DeclineCodes.NOT_FOUND,
                "The simulator never received a " + request.kind() + " call with this idempotency key");
    }

    private Deferred defer(Option<Movement> intended, Supplier<Processed> work) {
        Deferred deferred = new Deferred(intended, work);
        intended.forEach(m -> {
            ledger.pending(m);
            open.computeIfAbsent(openKey(m.connectorTransactionId(), m.kind()), k -> new ArrayList<>()).add(deferred);
        });
        return deferred;
    }

    private void resolveOpen(String connectorTransactionId, TransactionKind kind) {
        List<Deferred> waiting = open.getOrDefault(openKey(connectorTransactionId, kind), List.of());
        List.copyOf(waiting).forEach(this::resolve);
    }

    /** Runs pending work once; work that is itself still pending stays open for the next sync. */
    private Outcome resolve(Deferred deferred) {
        if (deferred.work == null) {
            return deferred.result;
        }
        Processed processed = deferred.work.get();
        if (processed.later().isDefined()) {
            ledger.moved(processed.movements());
            deferred.work = processed.later().get();
            return processed.outcome();
        }
        deferred.work = null;
        deferred.result = processed.outcome();
        deferred.intended.forEach(m -> {
            open.getOrDefault(openKey(m.connectorTransactionId(), m.kind()), new ArrayList<>()).remove(deferred);
            ledger.resolved(m, processed.outcome() instanceof Outcome.Declined, processed.movements());
        });
        if (deferred.intended.isEmpty()) {
            ledger.moved(processed.movements());
        }
        return deferred.result;
    }

    private static String openKey(String connectorTransactionId, TransactionKind kind) {
        return connectorTransactionId + "|" + kind;
    }
}
