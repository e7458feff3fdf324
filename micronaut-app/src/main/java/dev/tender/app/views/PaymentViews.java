package dev.tender.app.views;

import dev.tender.app.storage.JdbcConnectorAccounts;
import dev.tender.app.storage.JdbcMandates;
import dev.tender.app.storage.JdbcPayments;
import dev.tender.app.storage.KeptFields;
import dev.tender.app.storage.MerchantStore;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.ports.out.ConnectorAccount;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Reads {@link PaymentView}s: one payment, or a page of a merchant's payments in as many queries as one
 * (kept fields of the payments and of their refunds, the default profile, the connector accounts, the
 * mandates, the payments that set up the mandates charged), never a query per payment.
 */
@Singleton
public class PaymentViews {

    private final KeptFields kept;
    private final JdbcConnectorAccounts accounts;
    private final JdbcMandates mandates;
    private final JdbcPayments payments;
    private final MerchantStore merchants;

    public PaymentViews(KeptFields kept, JdbcConnectorAccounts accounts, JdbcMandates mandates,
                        JdbcPayments payments, MerchantStore merchants) {
        this.kept = kept;
        this.accounts = accounts;
        this.mandates = mandates;
        this.payments = payments;
        this.merchants = merchants;
    }

    public PaymentView of(Payment payment) {
        return of(payment.merchantId(), List.of(payment)).head();
    }

    /** The views of the merchant's payments, in their order. */
    public List<PaymentView> of(MerchantId merchant, List<Payment> page) {
        if (page.isEmpty()) {
            return List.empty();
        }
        Map<String, Map<String, JsonNode>> keptOfPayments = kept.findAll(merchant, KeptFields.Kind.PAYMENT,
                page.map(p -> p.id().value()).asJava());
        Map<String, Map<String, JsonNode>> keptOfRefunds = kept.findAll(merchant, KeptFields.Kind.REFUND,
                page.flatMap(Payment::refunds).map(tx -> tx.id().value()).asJava());
        Option<String> defaultProfile = Option.ofOptional(merchants.defaultProfileId(merchant));
        Map<String, ConnectorAccount> accountsById = accounts.findAll(merchant,
                page.flatMap(Payment::connector).distinct().asJava());
        List<Mandate> found = mandates.findAll(merchant, page.flatMap(Payment::mandateId).distinct().asJava(),
                page.filter(p -> p.mandateId().isEmpty() && p.mandateSetup().isDefined()).map(Payment::id).asJava());
        Map<PaymentId, Option<PaymentMethod>> setupMethods = setupMethods(merchant, page, found);
        return page.map(p -> {
            Option<Mandate> mandate = mandateOf(p, found);
            Option<PaymentMethod> method = p.mandateId().isEmpty() ? p.paymentMethod()
                    : mandate.flatMap(m -> setupMethods.getOrDefault(m.setupPaymentId(), Option.none()));
            return new PaymentView(p, p.connector().flatMap(id -> Option.of(accountsById.get(id))), mandate, method,
                    keptOfPayments.getOrDefault(p.id().value(), Map.of()), keptOfRefunds, defaultProfile);
        });
    }

    /**
     * A view enough to answer for the payment's refunds — its account, its own kept fields, the merchant's
     * default profile — without its mandate, payment method or refunds' kept fields: one query (its kept
     * fields). Not for the payment's own answer.
     */
    public PaymentView forRefunds(Payment payment) {
        MerchantId merchant = payment.merchantId();
        Option<ConnectorAccount> account = payment.connector().flatMap(id -> Option.of(
                accounts.findAll(merchant, java.util.List.of(id)).get(id)));
        return new PaymentView(payment, account, Option.none(), Option.none(), keptOf(payment), Map.of(),
                Option.ofOptional(merchants.defaultProfileId(merchant)));
    }

    /** The views of the merchant's payments of the ids that exist, by id: one query more than a page. */
    public Map<PaymentId, PaymentView> ofIds(MerchantId merchant, List<PaymentId> ids) {
        Map<PaymentId, PaymentView> found = new java.util.HashMap<>();
        of(merchant, payments.findAll(merchant, ids.distinct().asJava()))
                .forEach(view -> found.put(view.payment().id(), view));
        return found;
    }

    /** The request fields kept with the payment alone (one query). */
    public Map<String, JsonNode> keptOf(Payment payment) {
        return kept.find(payment.merchantId(), KeptFields.Kind.PAYMENT, payment.id().value());
    }

    /** The request fields kept with each of the refunds that has some, by refund id (one query). */
    public Map<String, Map<String, JsonNode>> keptOfRefunds(MerchantId merchant, List<String> refundIds) {
        return kept.findAll(merchant, KeptFields.Kind.REFUND, refundIds.asJava());
    }

    /** The merchant's default business profile (one query). */
    public Option<String> defaultProfile(MerchantId merchant) {
        return Option.ofOptional(merchants.defaultProfileId(merchant));
    }

    /** The mandate a payment charges, or the one it set up once its setup succeeded. */
    private static Option<Mandate> mandateOf(Payment p, List<Mandate> found) {
        if (p.mandateId().isDefined()) {
            return found.find(m -> m.id().equals(p.mandateId().get()));
        }
        return p.mandateSetup().isDefined() ? found.find(m -> m.setupPaymentId().equals(p.id())) : Option.none();
    }

    /**
     * What the charges of the page are paid with: the payment method of their mandates' setup payments (a
     * stored mandate is no method to show), by setup payment.
     */
    private Map<PaymentId, Option<PaymentMethod>> setupMethods(MerchantId merchant, List<Payment> page,
                                                               List<Mandate> found) {
        java.util.Set<MandateId> charged = page.flatMap(Payment::mandateId).toJavaSet();
        List<PaymentId> setups = found.filter(m -> charged.contains(m.id())).map(Mandate::setupPaymentId).distinct();
        Map<PaymentId, Option<PaymentMethod>> methods = new java.util.HashMap<>();
        payments.findAll(merchant, setups.asJava()).forEach(setup -> methods.put(setup.id(),
                setup.paymentMethod().filter(m -> !(m instanceof PaymentMethod.StoredMandate))));
        return methods;
    }
}
