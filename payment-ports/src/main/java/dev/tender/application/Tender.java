package dev.tender.application;

import dev.tender.ports.in.CardRules;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.Escalations;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.IdGenerator;
import dev.tender.ports.out.IdempotencyKeys;
import dev.tender.ports.out.Mandates;
import dev.tender.ports.out.MerchantReturnUrls;
import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.Reconciliations;
import dev.tender.ports.out.RedirectSecrets;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.UnitOfWork;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * The application services wired over the out-ports: what a host (the Micronaut service, a team's
 * own service, a test) builds once. {@code dev.tender.inmemory.InMemoryTender} builds one over the
 * in-memory adapters.
 */
public final class Tender {

    /** How long a card given without a confirm is held for it by default: 15 minutes, as Hyperswitch. */
    public static final Duration DEFAULT_CARD_HOLD_TTL = Duration.ofMinutes(15);

    private final PaymentService payments;
    private final RefundService refunds;
    private final MandateService mandates;
    private final RedirectService redirects;
    private final Reconciler reconciler;
    private final ExpiryService expiry;
    private final CardRules cards;
    private final WebhookService webhooks;

    private Tender(Builder b) {
        Clock clock = new Clock(b.time, b.ids, b.settings);
        PaymentStore store = new PaymentStore(b.payments, b.refunds, b.reconciliations, b.outbox, clock,
                b.unitOfWork);
        Routing routing = new Routing(b.accounts, b.connectors);
        ResilientConnectors resilient = new ResilientConnectors(b.settings);
        Idempotency idempotency = new Idempotency(b.idempotencyKeys, clock);
        RedirectSignatures signatures = RedirectSignatures.standard();
        ReturnUrls returnUrls = new ReturnUrls(b.returnUrlBase, b.merchantReturnUrls, b.redirectSecrets, signatures,
                clock);
        this.cards = new CardRules(b.time);
        CardHolds holds = new CardHolds(b.heldCards, b.cardHoldTtl, clock);
        this.payments = new PaymentService(b.payments, store, routing, resilient, idempotency, returnUrls, cards,
                clock, holds);
        this.refunds = new RefundService(b.refunds, store, routing, resilient, idempotency, clock);
        this.mandates = new MandateService(b.mandates, payments, store, idempotency, clock);
        this.redirects = new RedirectService(signatures, b.redirectSecrets, b.idempotencyKeys, payments, returnUrls,
                clock);
        // a claimed task comes back once its claimer could have finished the sync: sooner would sync it
        // twice (harmless), later leaves a task claimed by an instance that died waiting
        Duration lease = b.reconcileLease != null ? b.reconcileLease : b.settings.callBudget();
        this.reconciler = new Reconciler(b.reconciliations, b.payments, payments, clock, lease,
                b.escalations);
        this.expiry = new ExpiryService(b.payments, store, payments, routing, clock, holds);
        this.webhooks = new WebhookService(b.accounts, b.connectors, store);
        store.onSaved(mandates::afterChange);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PaymentService payments() {
        return payments;
    }

    public RefundService refunds() {
        return refunds;
    }

    public MandateService mandates() {
        return mandates;
    }

    public RedirectService redirects() {
        return redirects;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    /** Releases authorizations past their window: what a host runs on a schedule, as the reconciler. */
    public ExpiryService expiry() {
        return expiry;
    }

    /** The card rules on the services' clock, for a host that reads cards from outside input. */
    public CardRules cards() {
        return cards;
    }

    /** Processors' notifications, verified by the account's connector and applied as a sync would. */
    public WebhookService webhooks() {
        return webhooks;
    }

    /**
     * Every out-port is required; settings, return endpoint and reconcile lease have defaults (the lease: the
     * settings' call budget).
     */
    public static final class Builder {
        private Payments payments;
        private Refunds refunds;
        private Mandates mandates;
        private IdempotencyKeys idempotencyKeys;
        private Outbox outbox;
        private Reconciliations reconciliations;
        private ConnectorAccounts accounts;
        private Connectors connectors;
        private RedirectSecrets redirectSecrets;
        private TimeSource time;
        private IdGenerator ids;
        private ServiceSettings settings = ServiceSettings.defaults();
        private Option<String> returnUrlBase = Option.none();
        private MerchantReturnUrls merchantReturnUrls;
        private Duration reconcileLease;
        private UnitOfWork unitOfWork = UnitOfWork.direct();
        private Escalations escalations = Escalations.ignore();
        private HeldCards heldCards = HeldCards.none();
        private Duration cardHoldTtl = DEFAULT_CARD_HOLD_TTL;

        private Builder() {
        }

        public Builder payments(Payments v) { payments = v; return this; }
        public Builder refunds(Refunds v) { refunds = v; return this; }
        public Builder mandates(Mandates v) { mandates = v; return this; }
        public Builder idempotencyKeys(IdempotencyKeys v) { idempotencyKeys = v; return this; }
        public Builder outbox(Outbox v) { outbox = v; return this; }
        public Builder reconciliations(Reconciliations v) { reconciliations = v; return this; }
        public Builder connectorAccounts(ConnectorAccounts v) { accounts = v; return this; }
        public Builder connectors(Connectors v) { connectors = v; return this; }
        public Builder redirectSecrets(RedirectSecrets v) { redirectSecrets = v; return this; }
        public Builder time(TimeSource v) { time = v; return this; }
        public Builder ids(IdGenerator v) { ids = v; return this; }
        public Builder settings(ServiceSettings v) { settings = v; return this; }

        /**
         * Tender's own return endpoint for redirects (an absolute http(s) URL, no query), and where the
         * merchants' return URLs are kept meanwhile. Without it the merchant's return URL goes to the
         * connector, and the merchant completes the authorization itself.
         */
        public Builder returnEndpoint(String base, MerchantReturnUrls kept) {
            returnUrlBase = Option.of(base);
            merchantReturnUrls = kept;
            return this;
        }

        public Builder reconcileLease(Duration v) { reconcileLease = v; return this; }

        /** Who hears of a transaction the reconciler gave up on (default: nobody; the payment shows it). */
        public Builder escalations(Escalations v) {
            escalations = Objects.requireNonNull(v, "escalations");
            return this;
        }

        /**
         * Where the card of a payment created or updated without a confirm is kept until the confirm, and for
         * how long at most (default 15 minutes). Default: nowhere, and a confirm must carry the card.
         */
        public Builder heldCards(HeldCards v, Duration ttl) {
            heldCards = Objects.requireNonNull(v, "heldCards");
            cardHoldTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** How the storage adapters keep a change and what follows from it together (default: they don't). */
        public Builder unitOfWork(UnitOfWork v) { unitOfWork = Objects.requireNonNull(v, "unitOfWork"); return this; }

        public Tender build() {
            Objects.requireNonNull(payments, "payments");
            Objects.requireNonNull(refunds, "refunds");
            Objects.requireNonNull(mandates, "mandates");
            Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(reconciliations, "reconciliations");
            Objects.requireNonNull(accounts, "connectorAccounts");
            Objects.requireNonNull(connectors, "connectors");
            Objects.requireNonNull(redirectSecrets, "redirectSecrets");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(ids, "ids");
            if (returnUrlBase.isDefined()) {
                Objects.requireNonNull(returnUrlBase.get(), "return URL base");
                Objects.requireNonNull(merchantReturnUrls, "merchantReturnUrls");
            }
            return new Tender(this);
        }
    }
}
