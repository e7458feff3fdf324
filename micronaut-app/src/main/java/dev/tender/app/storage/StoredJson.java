package dev.tender.app.storage;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.Redirect;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The JSON text columns' formats, one pair of methods per domain value. The formats are this adapter's
 * own (snake_case keys, wire names of enums) and are listed here so a migration can rely on them:
 *
 * <ul>
 *   <li>payment method: {@code {"type":"card","brand","bin","last4","expiry_month","expiry_year","holder_name"?}},
 *       {@code {"type":"mandate","mandate_id"}}, or {@code {"type":"<other>"}} — never a card number;</li>
 *   <li>capabilities: an array of wire names, sorted;</li>
 *   <li>redirect: {@code {"url","method","parameters":{…}}} with the parameters in their order;</li>
 *   <li>mandate setup: {@code {"type","amount_limit":{"amount","currency"}?,"acceptance":{…}}};</li>
 *   <li>customer acceptance: {@code {"acceptance_type","accepted_at","ip_address"?,"user_agent"?}},
 *       the time as ISO-8601 with every digit it has;</li>
 *   <li>string maps (metadata, settings, credentials): an object of strings; id lists: an array of strings.</li>
 * </ul>
 */
final class StoredJson {

    private StoredJson() {
    }

    // ---------------------------------------------------------------- enums

    /** The enum constant of a wire name: every storable enum's wire name is its name in lower case. */
    static <E extends Enum<E>> E wire(Class<E> type, String wireName) {
        return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- payment method

    static String paymentMethod(PaymentMethod method) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("type", method.type());
        switch (method) {
            case PaymentMethod.Card card -> {
                json.put("brand", card.brand());
                json.put("bin", card.bin());
                json.put("last4", card.last4());
                json.put("expiry_month", card.expiryMonth());
                json.put("expiry_year", card.expiryYear());
                card.holderName().forEach(name -> json.put("holder_name", name));
            }
            case PaymentMethod.StoredMandate mandate -> json.put("mandate_id", mandate.mandateId().value());
            case PaymentMethod.Other other -> {
                // the type is all that is kept
            }
        }
        return Json.write(json);
    }

    static PaymentMethod paymentMethod(String text) {
        java.util.Map<String, Object> json = Json.readObject(text);
        if (json.containsKey("bin")) {
            return new PaymentMethod.Card(str(json, "brand"), str(json, "bin"), str(json, "last4"),
                    integer(json, "expiry_month"), integer(json, "expiry_year"), optionalStr(json, "holder_name"));
        }
        if (json.containsKey("mandate_id")) {
            return new PaymentMethod.StoredMandate(MandateId.of(str(json, "mandate_id")));
        }
        return new PaymentMethod.Other(str(json, "type"));
    }

    // ---------------------------------------------------------------- capabilities

    static String capabilities(Set<Capability> capabilities) {
        return Json.write(new ArrayList<>(capabilities.toList().map(StoredJson::wire).sorted().asJava()));
    }

    static Set<Capability> capabilities(String text) {
        return HashSet.ofAll(Json.readArray(text)).map(name -> wire(Capability.class, (String) name));
    }

    // ---------------------------------------------------------------- redirect

    static String redirect(Redirect redirect) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("url", redirect.url());
        json.put("method", redirect.method());
        json.put("parameters", redirect.parameters().toJavaMap(java.util.LinkedHashMap::new, t -> t));
        return Json.write(json);
    }

    static Redirect redirect(String text) {
        java.util.Map<String, Object> json = Json.readObject(text);
        return new Redirect(str(json, "url"), str(json, "method"), stringMap(json.get("parameters")));
    }

    // ---------------------------------------------------------------- mandate setup, acceptance

    static String mandateSetup(MandateSetup setup) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("type", wire(setup.type()));
        setup.amountLimit().forEach(limit -> json.put("amount_limit", money(limit)));
        json.put("acceptance", acceptanceJson(setup.acceptance()));
        return Json.write(json);
    }

    static MandateSetup mandateSetup(String text) {
        java.util.Map<String, Object> json = Json.readObject(text);
        return new MandateSetup(wire(MandateType.class, str(json, "type")),
                Option.of(json.get("amount_limit")).map(StoredJson::money),
                acceptance(object(json.get("acceptance"))));
    }

    static String acceptance(CustomerAcceptance acceptance) {
        return Json.write(acceptanceJson(acceptance));
    }

    static CustomerAcceptance acceptance(String text) {
        return acceptance(Json.readObject(text));
    }

    private static java.util.Map<String, Object> acceptanceJson(CustomerAcceptance acceptance) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("acceptance_type", acceptance.acceptanceType());
        json.put("accepted_at", acceptance.acceptedAt().toString());
        acceptance.ipAddress().forEach(ip -> json.put("ip_address", ip));
        acceptance.userAgent().forEach(agent -> json.put("user_agent", agent));
        return json;
    }

    private static CustomerAcceptance acceptance(java.util.Map<String, Object> json) {
        return new CustomerAcceptance(str(json, "acceptance_type"), Instant.parse(str(json, "accepted_at")),
                optionalStr(json, "ip_address"), optionalStr(json, "user_agent"));
    }

    private static java.util.Map<String, Object> money(Money money) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("amount", money.minor());
        json.put("currency", money.currency().code());
        return json;
    }

    private static Money money(Object value) {
        java.util.Map<String, Object> json = object(value);
        return Money.of(((Number) json.get("amount")).longValue(), Currency.of(str(json, "currency")));
    }

    // ---------------------------------------------------------------- string maps, id lists

    static String stringMap(Map<String, String> map) {
        return Json.write(map.toJavaMap(java.util.LinkedHashMap::new, t -> t));
    }

    static Map<String, String> stringMap(String text) {
        return stringMap((Object) Json.readObject(text));
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> map = LinkedHashMap.empty();
        for (java.util.Map.Entry<String, Object> entry : object(value).entrySet()) {
            if (!(entry.getValue() instanceof String s)) {
                throw new IllegalArgumentException("not a string: " + entry.getKey());
            }
            map = map.put(entry.getKey(), s);
        }
        return map;
    }

    static String paymentIds(List<PaymentId> ids) {
        return Json.write(new ArrayList<>(ids.map(PaymentId::value).asJava()));
    }

    static List<PaymentId> paymentIds(String text) {
        return List.ofAll(Json.readArray(text)).map(id -> PaymentId.of((String) id));
    }

    // ---------------------------------------------------------------- fields

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> object(Object value) {
        if (!(value instanceof java.util.Map)) {
            throw new IllegalArgumentException("not a JSON object: " + value);
        }
        return (java.util.Map<String, Object>) value;
    }

    private static String str(java.util.Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof String s)) {
            throw new IllegalArgumentException("missing text field " + key);
        }
        return s;
    }

    private static Option<String> optionalStr(java.util.Map<String, Object> json, String key) {
        return json.get(key) == null ? Option.none() : Option.some(str(json, key));
    }

    private static int integer(java.util.Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Long n)) {
            throw new IllegalArgumentException("missing integer field " + key);
        }
        return Math.toIntExact(n);
    }
}
