package dev.tender.app.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON text columns, through Micronaut Serialization: one {@code @Serdeable} row record per stored shape,
 * mapped to and from the domain here. The shapes are the ones stored since the first migration (snake_case
 * keys, enums by wire name, absent rather than null), so every row written before reads the same:
 *
 * <ul>
 *   <li>payment method: {@code {"type":"card","brand","bin","last4","expiry_month","expiry_year","holder_name"?}},
 *       {@code {"type":"mandate","mandate_id"}}, or {@code {"type":"<other>"}} — never a card number;</li>
 *   <li>capabilities: an array of wire names, sorted;</li>
 *   <li>redirect: {@code {"url","method","parameters":{…}}} with the parameters in their order;</li>
 *   <li>mandate setup: {@code {"type","amount_limit":{"amount","currency"}?,"acceptance":{…}}};</li>
 *   <li>customer acceptance: {@code {"acceptance_type","accepted_at","ip_address"?,"user_agent"?}},
 *       the time as ISO-8601 with every digit it has;</li>
 *   <li>transactions (V10): an array in list order of {@code {"id","kind","status","amount","currency",
 *       "status_at_begin","final_capture","reference"?,"error_code"?,"error_message"?,"redirect"?,"review",
 *       "reason"?,"answered","created_at","observed_at"}}, the times in microseconds since the epoch;</li>
 *   <li>string maps (metadata, settings, credentials): an object of strings, in order; id lists: an array of
 *       strings.</li>
 * </ul>
 */
@Singleton
final class JsonColumns {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentMethodRow(String type, @Nullable String brand, @Nullable String bin, @Nullable String last4,
                            @JsonProperty("expiry_month") @Nullable Integer expiryMonth,
                            @JsonProperty("expiry_year") @Nullable Integer expiryYear,
                            @JsonProperty("holder_name") @Nullable String holderName,
                            @JsonProperty("mandate_id") @Nullable String mandateId) {
    }

    @Serdeable
    record RedirectRow(String url, String method,
                       @JsonInclude(JsonInclude.Include.ALWAYS) java.util.LinkedHashMap<String, String> parameters) {
    }

    @Serdeable
    record MoneyRow(long amount, String currency) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AcceptanceRow(@JsonProperty("acceptance_type") String acceptanceType,
                         @JsonProperty("accepted_at") String acceptedAt,
                         @JsonProperty("ip_address") @Nullable String ipAddress,
                         @JsonProperty("user_agent") @Nullable String userAgent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MandateSetupRow(String type, @JsonProperty("amount_limit") @Nullable MoneyRow amountLimit,
                           AcceptanceRow acceptance) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransactionRow(String id, String kind, String status, long amount, String currency,
                          @JsonProperty("status_at_begin") String statusAtBegin,
                          @JsonProperty("final_capture") boolean finalCapture, @Nullable String reference,
                          @JsonProperty("error_code") @Nullable String errorCode,
                          @JsonProperty("error_message") @Nullable String errorMessage,
                          @Nullable RedirectRow redirect, boolean review, @Nullable String reason, boolean answered,
                          @JsonProperty("created_at") long createdAt,
                          @JsonProperty("observed_at") long observedAt) {
    }

    private static final Argument<java.util.List<TransactionRow>> TRANSACTIONS = Argument.listOf(TransactionRow.class);
    private static final Argument<java.util.List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<java.util.Map<String, String>> STRING_MAP = Argument.mapOf(String.class,
            String.class);

    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    // ---------------------------------------------------------------- payment method

    String paymentMethod(PaymentMethod method) {
        return write(switch (method) {
            case PaymentMethod.Card c -> new PaymentMethodRow(c.type(), c.brand(), c.bin(), c.last4(), c.expiryMonth(),
                    c.expiryYear(), c.holderName().getOrNull(), null);
            case PaymentMethod.StoredMandate m -> new PaymentMethodRow(m.type(), null, null, null, null, null, null,
                    m.mandateId().value());
            case PaymentMethod.Other o -> new PaymentMethodRow(o.type(), null, null, null, null, null, null, null);
        });
    }

    PaymentMethod paymentMethod(String text) {
        PaymentMethodRow row = read(text, Argument.of(PaymentMethodRow.class));
        if (row.bin() != null) {
            return new PaymentMethod.Card(required(row.brand(), "brand"), row.bin(), required(row.last4(), "last4"),
                    required(row.expiryMonth(), "expiry_month"), required(row.expiryYear(), "expiry_year"),
                    Option.of(row.holderName()));
        }
        if (row.mandateId() != null) {
            return new PaymentMethod.StoredMandate(MandateId.of(row.mandateId()));
        }
        return new PaymentMethod.Other(required(row.type(), "type"));
    }

    // ---------------------------------------------------------------- capabilities

    /**
     * A payment carries its connector's capabilities, one of a handful of sets, written and read with every save
     * and read of it: each set's text (and each text's set) is worked out once. Bounded all the same.
     */
    private static final int CAPABILITY_SETS = 1_024;
    private final java.util.Map<Set<Capability>, String> capabilityTexts = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Set<Capability>> capabilitySets = new java.util.concurrent.ConcurrentHashMap<>();

    String capabilities(Set<Capability> capabilities) {
        String known = capabilityTexts.get(capabilities);
        if (known != null) {
            return known;
        }
        String text = write(new java.util.ArrayList<>(capabilities.toList().map(Wire::wire).sorted().asJava()));
        remember(capabilityTexts, capabilities, text);
        return text;
    }

    Set<Capability> capabilities(String text) {
        Set<Capability> known = capabilitySets.get(text);
        if (known != null) {
            return known;
        }
        Set<Capability> set = HashSet.ofAll(read(text, STRINGS)).map(name -> Wire.wire(Capability.class, name));
        remember(capabilitySets, text, set);
        return set;
    }

    private static <K, V> void remember(java.util.Map<K, V> map, K key, V value) {
        if (map.size() >= CAPABILITY_SETS) {
            map.clear();
        }
        map.put(key, value);
    }

    // ---------------------------------------------------------------- redirect

    String redirect(Redirect redirect) {
        return write(redirectRow(redirect));
    }

    Redirect redirect(String text) {
        return redirect(read(text, Argument.of(RedirectRow.class)));
    }

    private static RedirectRow redirectRow(Redirect redirect) {
        return new RedirectRow(redirect.url(), redirect.method(),
                redirect.parameters().toJavaMap(java.util.LinkedHashMap::new, t -> t));
    }

    private static Redirect redirect(RedirectRow row) {
        return new Redirect(required(row.url(), "url"), required(row.method(), "method"),
                LinkedHashMap.ofAll(required(row.parameters(), "parameters")));
    }

    // ---------------------------------------------------------------- transactions

    String transactions(List<Transaction> transactions) {
        java.util.List<TransactionRow> rows = new java.util.ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            rows.add(new TransactionRow(t.id().value(), Wire.wire(t.kind()), Wire.wire(t.status()),
                    t.amount().minor(), t.amount().currency().code(), Wire.wire(t.statusAtBegin()), t.finalCapture(),
                    t.reference().getOrNull(), t.failure().map(Failure::code).getOrNull(),
                    t.failure().map(Failure::message).getOrNull(), t.redirect().map(JsonColumns::redirectRow)
                    .getOrNull(), t.review(), t.reason().getOrNull(), t.answered(), micros(t.createdAt()),
                    micros(t.observedAt())));
        }
        return write(rows);
    }

    List<Transaction> transactions(String text) {
        java.util.List<TransactionRow> rows = read(text, TRANSACTIONS);
        java.util.List<Transaction> transactions = new java.util.ArrayList<>(rows.size());
        for (TransactionRow row : rows) {
            Currency currency = Currency.of(required(row.currency(), "currency"));
            transactions.add(new Transaction(TransactionId.of(required(row.id(), "id")),
                    Wire.wire(TransactionKind.class, required(row.kind(), "kind")),
                    Wire.wire(TransactionStatus.class, required(row.status(), "status")),
                    Money.of(row.amount(), currency),
                    Wire.wire(PaymentStatus.class, required(row.statusAtBegin(), "status_at_begin")),
                    row.finalCapture(), Option.of(row.reference()),
                    row.errorCode() == null ? Option.none()
                            : Option.some(new Failure(row.errorCode(), required(row.errorMessage(), "error_message"))),
                    Option.of(row.redirect()).map(JsonColumns::redirect), row.review(), Option.of(row.reason()),
                    row.answered(), instant(row.createdAt()), instant(row.observedAt())));
        }
        return List.ofAll(transactions);
    }

    /** Microseconds since the epoch (what PostgreSQL keeps of an instant; anything finer is dropped). */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    // ---------------------------------------------------------------- mandate setup, acceptance

    String mandateSetup(MandateSetup setup) {
        return write(new MandateSetupRow(Wire.wire(setup.type()),
                setup.amountLimit().map(m -> new MoneyRow(m.minor(), m.currency().code())).getOrNull(),
                acceptanceRow(setup.acceptance())));
    }

    MandateSetup mandateSetup(String text) {
        MandateSetupRow row = read(text, Argument.of(MandateSetupRow.class));
        return new MandateSetup(Wire.wire(MandateType.class, required(row.type(), "type")),
                Option.of(row.amountLimit()).map(m -> Money.of(m.amount(), Currency.of(m.currency()))),
                acceptance(required(row.acceptance(), "acceptance")));
    }

    String acceptance(CustomerAcceptance acceptance) {
        return write(acceptanceRow(acceptance));
    }

    CustomerAcceptance acceptance(String text) {
        return acceptance(read(text, Argument.of(AcceptanceRow.class)));
    }

    /** The acceptance as its row, for a row record that keeps it as a JSON column. */
    static AcceptanceRow toRow(CustomerAcceptance acceptance) {
        return acceptanceRow(acceptance);
    }

    /** The acceptance a row holds. */
    static CustomerAcceptance fromRow(AcceptanceRow row) {
        return acceptance(row);
    }

    private static AcceptanceRow acceptanceRow(CustomerAcceptance a) {
        return new AcceptanceRow(a.acceptanceType(), a.acceptedAt().toString(), a.ipAddress().getOrNull(),
                a.userAgent().getOrNull());
    }

    private static CustomerAcceptance acceptance(AcceptanceRow row) {
        return new CustomerAcceptance(required(row.acceptanceType(), "acceptance_type"),
                Instant.parse(required(row.acceptedAt(), "accepted_at")), Option.of(row.ipAddress()),
                Option.of(row.userAgent()));
    }

    // ---------------------------------------------------------------- string maps, id lists

    String stringMap(Map<String, String> map) {
        return write(map.toJavaMap(java.util.LinkedHashMap::new, t -> t));
    }

    Map<String, String> stringMap(String text) {
        return LinkedHashMap.ofAll(read(text, STRING_MAP));
    }

    String paymentIds(List<PaymentId> ids) {
        return write(new java.util.ArrayList<>(ids.map(PaymentId::value).asJava()));
    }

    List<PaymentId> paymentIds(String text) {
        return List.ofAll(read(text, STRINGS)).map(PaymentId::of);
    }

    // ---------------------------------------------------------------- any row

    String write(Object row) {
        try {
            return json.writeValueAsString(row);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + row.getClass().getSimpleName(), e);
        }
    }

    <T> T read(String text, Argument<T> type) {
        try {
            T row = json.readValue(text, type);
            if (row == null) {
                throw new IllegalArgumentException("not a " + type.getType().getSimpleName() + ": null");
            }
            return row;
        } catch (IOException e) {
            // never the text: a sealed card opens into this
            throw new IllegalArgumentException("not a stored " + type.getType().getSimpleName(), e);
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }
}
