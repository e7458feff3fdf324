package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.Fields;
import io.micronaut.core.annotation.Nullable;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.vavr.control.Validation;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a payment request asks of mandates, each field checked for its shape: {@code setup_future_usage},
 * {@code off_session}, {@code customer_acceptance}, {@code mandate_data} (its {@code customer_acceptance}
 * stands in for the top-level one), {@code mandate_id} and {@code recurring_details} (of type
 * {@code mandate_id}, or {@code payment_method_id}, which for Tender is the mandate's id). Only a create sets up ({@link #setup}) or charges ({@link #charged}) a mandate; an update or a
 * confirm asking for one is refused ({@link #readAfterCreate}).
 *
 * @param limit   the {@code mandate_type}'s amount, when it has one
 * @param type    {@code multi_use} unless {@code mandate_type} says {@code single_use}
 */
record MandateRequest(@Nullable String setupFutureUsage, @Nullable Boolean offSession, @Nullable String mandateId,
                      @Nullable String recurringMandateId, @Nullable Acceptance acceptance, boolean acceptanceSent,
                      boolean mandateDataSent, MandateType type, @Nullable Money limit) {

    static final int USER_AGENT_LENGTH = 1000;
    private static final String AT_CREATE = "is taken only by POST /payments: a payment sets up or charges a "
            + "mandate when it is created";
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** {@code customer_acceptance}; {@code acceptedAt} is null when not sent (then: when the request came). */
    record Acceptance(String acceptanceType, @Nullable Instant acceptedAt, @Nullable String ipAddress,
                      @Nullable String userAgent) {

        CustomerAcceptance at(Instant now) {
            return new CustomerAcceptance(acceptanceType, acceptedAt == null ? now : acceptedAt,
                    Option.of(ipAddress), Option.of(userAgent));
        }
    }

    /** The fields of a create. */
    static MandateRequest read(JsonBody body) {
        String setupFutureUsage = setupFutureUsage(body);
        Boolean offSession = body.bool("off_session");
        String mandateId = mandateId(body, "mandate_id", body.string("mandate_id"));
        String recurringMandateId = recurringMandateId(body);
        boolean acceptanceSent = body.has("customer_acceptance");
        Acceptance acceptance = acceptance(body);
        boolean mandateDataSent = body.has("mandate_data");
        MandateType type = MandateType.MULTI_USE;
        Money limit = null;
        JsonBody data = body.object("mandate_data");
        if (data != null) {
            acceptanceSent |= data.has("customer_acceptance");
            Acceptance nested = acceptance(data);
            acceptance = acceptance != null ? acceptance : nested;
            if (data.string("update_mandate_id") != null) {
                data.error("update_mandate_id", "is not supported: a mandate's payment method cannot be changed");
            }
            JsonBody mandateType = data.object("mandate_type");
            if (mandateType != null) {
                boolean single = mandateType.sent("single_use");
                if (single == mandateType.sent("multi_use")) {
                    data.error("mandate_type", "must have one of single_use and multi_use");
                    mandateType.ignore("single_use", "multi_use");
                } else {
                    type = single ? MandateType.SINGLE_USE : MandateType.MULTI_USE;
                    limit = amountData(mandateType, single ? "single_use" : "multi_use", single);
                }
            }
        }
        return new MandateRequest(setupFutureUsage, offSession, mandateId, recurringMandateId, acceptance,
                acceptanceSent, mandateDataSent, type, limit);
    }

    /**
     * The fields of an update or a confirm, which cannot start setting up or charging a mandate:
     * {@code setup_future_usage: on_session} and {@code off_session: false} are data, the rest is refused.
     */
    static MandateRequest readAfterCreate(JsonBody body) {
        String setupFutureUsage = setupFutureUsage(body);
        Boolean offSession = body.bool("off_session");
        if ("off_session".equals(setupFutureUsage)) {
            body.error("setup_future_usage", "off_session " + AT_CREATE);
        }
        if (Boolean.TRUE.equals(offSession)) {
            body.error("off_session", "true " + AT_CREATE);
        }
        for (String field : new String[]{"mandate_id", "recurring_details", "customer_acceptance", "mandate_data"}) {
            if (body.has(field)) {
                body.error(field, AT_CREATE);
            }
            body.ignore(field);
        }
        return new MandateRequest(setupFutureUsage, offSession, null, null, null, false, false,
                MandateType.MULTI_USE, null);
    }

    // ---------------------------------------------------------------- what the request asks

    /** Whether the request asks to set up a mandate: any of its fields for that sent. */
    boolean asksSetup() {
        return "off_session".equals(setupFutureUsage) || acceptanceSent || mandateDataSent;
    }

    /** Whether the request charges a mandate: names one, or is off session without setting one up. */
    boolean charges() {
        return mandateId != null || recurringMandateId != null
                || (Boolean.TRUE.equals(offSession) && !asksSetup());
    }

    /**
     * The mandate a create sets up: a customer, {@code setup_future_usage: off_session} and the customer's
     * acceptance are required. Null when the request asks for none, or when it is wrong (the errors are
     * on the body).
     */
    @Nullable
    MandateSetup setup(JsonBody body, @Nullable String customerId, Instant now) {
        if (!asksSetup()) {
            return null;
        }
        int errors = body.errorCount();
        if (setupFutureUsage == null && !body.failed("setup_future_usage")) {
            body.error("setup_future_usage", "is required (off_session) to set up a mandate");
        } else if ("on_session".equals(setupFutureUsage)) {
            body.error("setup_future_usage", "must be off_session to set up a mandate");
        }
        if (!acceptanceSent && !body.failed("customer_acceptance")) {
            body.error("customer_acceptance", "is required to set up a mandate");
        }
        if (customerId == null && !body.failed("customer_id")) {
            body.error("customer_id", "is required to set up a mandate");
        }
        if (Boolean.TRUE.equals(offSession)) {
            body.error("off_session", "must not be true to set up a mandate: the customer is there to accept it");
        }
        if (body.errorCount() > errors || acceptance == null) {
            return null;
        }
        return new MandateSetup(type, Option.of(limit), acceptance.at(now));
    }

    /**
     * The mandate a create charges, off session and confirmed at once, for the mandate's customer, with no
     * payment method of its own; what is wrong with the request is on the body. Null when no mandate is
     * named (the body says why).
     */
    @Nullable
    String charged(JsonBody body, @Nullable Boolean confirm, @Nullable String customerId, boolean methodSent) {
        if (mandateId != null && recurringMandateId != null) {
            body.error("recurring_details", "cannot be sent with mandate_id: both name the mandate to charge");
        }
        if (mandateId == null && recurringMandateId == null && !body.failed("mandate_id")
                && !body.failed("recurring_details")) {
            body.error("mandate_id", "is required: an off_session payment charges a mandate");
        }
        for (String field : new String[]{"setup_future_usage", "customer_acceptance", "mandate_data"}) {
            if (body.has(field) && !body.failed(field)
                    && !(field.equals("setup_future_usage") && "on_session".equals(setupFutureUsage))) {
                body.error(field, "cannot be sent with a mandate to charge: a payment charges a mandate or sets "
                        + "one up");
            }
        }
        if (!Boolean.TRUE.equals(confirm) && !body.failed("confirm")) {
            body.error("confirm", confirm == null ? "is required (true) to charge a mandate"
                    : "must be true to charge a mandate");
        }
        if (!Boolean.TRUE.equals(offSession) && !body.failed("off_session")) {
            body.error("off_session", offSession == null ? "is required (true) to charge a mandate"
                    : "must be true to charge a mandate");
        }
        if (customerId == null && !body.failed("customer_id")) {
            body.error("customer_id", "is required to charge a mandate");
        }
        if (methodSent) {
            body.error("payment_method_data", "must not be sent to charge a mandate: the mandate's payment method "
                    + "is charged");
        }
        return mandateId != null ? mandateId : recurringMandateId;
    }

    // ---------------------------------------------------------------- reading the fields

    @Nullable
    private static String setupFutureUsage(JsonBody body) {
        String value = body.string("setup_future_usage");
        if (value != null && !value.equals("on_session") && !value.equals("off_session")) {
            body.error("setup_future_usage", "must be on_session or off_session");
            return null;
        }
        return value;
    }

    @Nullable
    private static String mandateId(JsonBody body, String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        Validation<Throwable, MandateId> id = Try.of(() -> MandateId.of(value)).toValidation();
        if (id.isInvalid()) {
            body.error(field, id.getError().getMessage());
            return null;
        }
        return value;
    }

    /**
     * {@code recurring_details} of type {@code mandate_id}, or {@code payment_method_id} (Tender answers a
     * mandate's id as its payment method's); the other kinds name things Tender does not keep.
     */
    @Nullable
    private static String recurringMandateId(JsonBody body) {
        JsonBody details = body.object("recurring_details");
        if (details == null) {
            return null;
        }
        String type = details.string("type");
        if (!"mandate_id".equals(type) && !"payment_method_id".equals(type)) {
            details.ignore("data");
            if (!details.failed("type")) {
                details.error("type", type == null ? "is required" : "must be mandate_id or payment_method_id (a "
                        + "mandate's): Tender keeps mandates, not processor tokens or network transaction ids");
            }
            return null;
        }
        String data = details.string("data");
        if (data == null) {
            details.required("data");
        }
        return mandateId(details, "data", data);
    }

    /** A {@code customer_acceptance} of {@code body}, checked; null when absent or wrong. */
    @Nullable
    private static Acceptance acceptance(JsonBody body) {
        JsonBody a = body.object("customer_acceptance");
        if (a == null) {
            return null;
        }
        int errors = a.errorCount();
        String type = a.string("acceptance_type");
        if (type == null) {
            a.required("acceptance_type");
        } else if (!type.equals("online") && !type.equals("offline")) {
            a.error("acceptance_type", "must be online or offline");
        }
        String acceptedAtText = a.string("accepted_at");
        Instant acceptedAt = null;
        if (acceptedAtText != null) {
            Validation<FieldError, Instant> at = Requests.instant("accepted_at", acceptedAtText);
            if (at.isInvalid()) {
                a.error("accepted_at", at.getError().message());
            } else {
                acceptedAt = at.get();
            }
        }
        String ipAddress = null;
        String userAgent = null;
        JsonBody online = a.object("online");
        if (online != null) {
            ipAddress = online.string("ip_address");
            if (ipAddress == null) {
                online.required("ip_address");
            } else if (!IPV4.matcher(ipAddress).matches()
                    && !(ipAddress.contains(":") && IPV6.matcher(ipAddress).matches())) {
                online.error("ip_address", "must be an IPv4 or IPv6 address");
            }
            userAgent = online.string("user_agent", USER_AGENT_LENGTH);
            if (userAgent == null) {
                online.required("user_agent");
            } else if (userAgent.isBlank()) {
                online.error("user_agent", "must not be blank");
            }
        } else if ("online".equals(type) && !a.failed("online")) {
            a.error("online", "is required when acceptance_type is online");
        }
        return a.errorCount() > errors ? null : new Acceptance(type, acceptedAt, ipAddress, userAgent);
    }

    /**
     * Hyperswitch's {@code MandateAmountData}: {@code amount} (the most one charge may take) and
     * {@code currency}; {@code metadata} is kept as sent. {@code start_date} and {@code end_date} are
     * refused: Tender does not enforce them, and a mandate charged past its end must not be.
     * {@code multi_use: null} is a mandate without a limit; {@code single_use} needs one.
     */
    @Nullable
    private static Money amountData(JsonBody mandateType, String kind, boolean required) {
        JsonBody data = mandateType.object(kind);
        if (data == null) {
            if (required && !mandateType.failed(kind)) {
                mandateType.error(kind, "is required: an object with amount and currency");
            }
            return null;
        }
        Long amount = data.integer("amount");
        String currencyCode = data.string("currency");
        for (String date : new String[]{"start_date", "end_date"}) {
            if (data.has(date)) {
                data.string(date);
                data.error(date, "is not supported: Tender does not enforce a mandate's dates");
            } else {
                data.ignore(date);
            }
        }
        data.anyObject("metadata");
        if (currencyCode == null) {
            if (!data.failed("currency")) {
                data.error("currency", "is required");
            }
            if (amount == null) {
                data.required("amount");
            }
            return null;
        }
        Validation<FieldError, Money> money = Fields.currency(currencyCode)
                .mapError(e -> new FieldError("currency", e.message()))
                .flatMap(currency -> Fields.positiveAmount("amount", amount, currency));
        if (money.isInvalid()) {
            if (!data.failed(money.getError().field())) {
                data.error(money.getError().field(), money.getError().message());
            }
            return null;
        }
        return money.get();
    }
}
