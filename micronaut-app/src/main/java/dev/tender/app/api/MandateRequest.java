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
import io.micronaut.json.tree.JsonNode;
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
    static MandateRequest read(JsonBody body, PaymentsRequest request) {
        String setupFutureUsage = setupFutureUsage(body, request.setupFutureUsage());
        String mandateId = mandateId(body, "mandate_id", request.mandateId());
        String recurringMandateId = recurringMandateId(body, request.recurringDetails());
        boolean acceptanceSent = body.has("customer_acceptance");
        Acceptance acceptance = acceptance(body, "customer_acceptance", request.customerAcceptance());
        boolean mandateDataSent = body.has("mandate_data");
        MandateType type = MandateType.MULTI_USE;
        Money limit = null;
        MandateFieldsRequest.MandateData data = request.mandateData();
        if (data != null) {
            acceptanceSent |= data.customerAcceptance() != null;
            Acceptance nested = acceptance(body, "mandate_data.customer_acceptance", data.customerAcceptance());
            acceptance = acceptance != null ? acceptance : nested;
            if (data.updateMandateId() != null) {
                body.error("mandate_data.update_mandate_id",
                        "is not supported: a mandate's payment method cannot be changed");
            }
            MandateFieldsRequest.MandateTypeRequest mandateType = data.mandateType();
            if (mandateType != null) {
                // multi_use: null is a mandate without a limit, so what counts is which one is sent
                JsonNode sentType = body.raw("mandate_data").get("mandate_type");
                boolean single = sentType.get("single_use") != null;
                if (single == (sentType.get("multi_use") != null)) {
                    body.error("mandate_data.mandate_type", "must have one of single_use and multi_use");
                } else {
                    type = single ? MandateType.SINGLE_USE : MandateType.MULTI_USE;
                    String kind = single ? "single_use" : "multi_use";
                    limit = amountData(body, "mandate_data.mandate_type." + kind,
                            single ? mandateType.singleUse() : mandateType.multiUse(), single);
                }
            }
        }
        return new MandateRequest(setupFutureUsage, request.offSession(), mandateId, recurringMandateId, acceptance,
                acceptanceSent, mandateDataSent, type, limit);
    }

    /**
     * The fields of an update or a confirm, which cannot start setting up or charging a mandate:
     * {@code setup_future_usage: on_session} and {@code off_session: false} are data, the rest is refused.
     */
    static MandateRequest readAfterCreate(JsonBody body, PaymentsRequest request) {
        String setupFutureUsage = setupFutureUsage(body, request.setupFutureUsage());
        Boolean offSession = request.offSession();
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

    // ---------------------------------------------------------------- checking the fields

    @Nullable
    private static String setupFutureUsage(JsonBody body, @Nullable String value) {
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
    private static String recurringMandateId(JsonBody body, @Nullable MandateFieldsRequest.RecurringDetails details) {
        if (details == null) {
            return null;
        }
        String type = details.type();
        if (!"mandate_id".equals(type) && !"payment_method_id".equals(type)) {
            if (!body.failed("recurring_details.type")) {
                body.error("recurring_details.type", type == null ? "is required" : "must be mandate_id or "
                        + "payment_method_id (a mandate's): Tender keeps mandates, not processor tokens or network "
                        + "transaction ids");
            }
            return null;
        }
        JsonNode data = details.data();
        if (data == null) {
            body.required("recurring_details.data");
            return null;
        }
        if (!data.isString()) {
            body.error("recurring_details.data", "must be a string");
            return null;
        }
        return mandateId(body, "recurring_details.data", data.getStringValue());
    }

    /** A customer acceptance at {@code path}, checked; null when absent or wrong. */
    @Nullable
    private static Acceptance acceptance(JsonBody body, String path, @Nullable MandateFieldsRequest.Acceptance a) {
        if (a == null) {
            return null;
        }
        int errors = body.errorCount();
        String type = a.acceptanceType();
        if (type == null) {
            body.required(path + ".acceptance_type");
        } else if (!type.equals("online") && !type.equals("offline")) {
            body.error(path + ".acceptance_type", "must be online or offline");
        }
        Instant acceptedAt = null;
        if (a.acceptedAt() != null) {
            Validation<FieldError, Instant> at = Requests.instant("accepted_at", a.acceptedAt());
            if (at.isInvalid()) {
                body.error(path + ".accepted_at", at.getError().message());
            } else {
                acceptedAt = at.get();
            }
        }
        MandateFieldsRequest.Online online = a.online();
        String ipAddress = online == null ? null : online.ipAddress();
        String userAgent = online == null ? null : online.userAgent();
        if (online != null) {
            if (ipAddress == null) {
                body.required(path + ".online.ip_address");
            } else if (!IPV4.matcher(ipAddress).matches()
                    && !(ipAddress.contains(":") && IPV6.matcher(ipAddress).matches())) {
                body.error(path + ".online.ip_address", "must be an IPv4 or IPv6 address");
            }
            if (userAgent == null) {
                body.required(path + ".online.user_agent");
            } else if (userAgent.isBlank()) {
                body.error(path + ".online.user_agent", "must not be blank");
            }
        } else if ("online".equals(type) && !body.failed(path + ".online")) {
            body.error(path + ".online", "is required when acceptance_type is online");
        }
        return body.errorCount() > errors ? null : new Acceptance(type, acceptedAt, ipAddress, userAgent);
    }

    /**
     * Hyperswitch's {@code MandateAmountData} at {@code path}: {@code amount} (the most one charge may take) and
     * {@code currency}; {@code metadata} is kept as sent. {@code start_date} and {@code end_date} are
     * refused: Tender does not enforce them, and a mandate charged past its end must not be.
     * {@code multi_use: null} is a mandate without a limit; {@code single_use} needs one.
     */
    @Nullable
    private static Money amountData(JsonBody body, String path, @Nullable MandateFieldsRequest.AmountData data,
                                    boolean required) {
        if (data == null) {
            if (required && !body.failed(path)) {
                body.error(path, "is required: an object with amount and currency");
            }
            return null;
        }
        if (data.startDate() != null) {
            body.error(path + ".start_date", "is not supported: Tender does not enforce a mandate's dates");
        }
        if (data.endDate() != null) {
            body.error(path + ".end_date", "is not supported: Tender does not enforce a mandate's dates");
        }
        if (data.currency() == null) {
            if (!body.failed(path + ".currency")) {
                body.error(path + ".currency", "is required");
            }
            if (data.amount() == null) {
                body.required(path + ".amount");
            }
            return null;
        }
        Validation<FieldError, Money> money = Fields.currency(data.currency())
                .mapError(e -> new FieldError("currency", e.message()))
                .flatMap(currency -> Fields.positiveAmount("amount", data.amount(), currency));
        if (money.isInvalid()) {
            String field = path + "." + money.getError().field();
            if (!body.failed(field)) {
                body.error(field, money.getError().message());
            }
            return null;
        }
        return money.get();
    }
}
