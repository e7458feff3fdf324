-- Tender's schema. Money is bigint minor units + a currency code; card numbers are never stored
-- (a card is brand, BIN, last four, expiry and holder). Every table is scoped by merchant_id.

CREATE TABLE merchants (
    merchant_id      varchar(64)  PRIMARY KEY,
    merchant_name    varchar(255),
    publishable_key  varchar(128) NOT NULL UNIQUE,
    created_at       timestamptz  NOT NULL
);

-- API keys are stored as SHA-256 hashes; the plain key is shown once, when created
CREATE TABLE api_keys (
    key_id       varchar(64)  PRIMARY KEY,
    merchant_id  varchar(64)  NOT NULL REFERENCES merchants (merchant_id),
    name         varchar(255),
    key_hash     char(64)     NOT NULL UNIQUE,
    prefix       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    revoked_at   timestamptz
);

CREATE TABLE connector_accounts (
    account_id      varchar(64)  PRIMARY KEY,
    merchant_id     varchar(64)  NOT NULL REFERENCES merchants (merchant_id),
    connector_name  varchar(64)  NOT NULL,
    connector_type  varchar(64)  NOT NULL DEFAULT 'payment_processor',
    label           varchar(255) NOT NULL,
    priority        integer      NOT NULL DEFAULT 0,
    enabled         boolean      NOT NULL DEFAULT true,
    credentials     text         NOT NULL,   -- JSON object; never returned by the API
    settings        text         NOT NULL,   -- JSON object
    created_at      timestamptz  NOT NULL,
    UNIQUE (merchant_id, connector_name, label)
);
CREATE INDEX connector_accounts_routing ON connector_accounts (merchant_id, priority, account_id);

CREATE TABLE payments (
    merchant_id               varchar(64)  NOT NULL REFERENCES merchants (merchant_id),
    payment_id                varchar(64)  NOT NULL,
    status                    varchar(40)  NOT NULL,
    amount                    bigint       NOT NULL CHECK (amount >= 0),
    currency                  char(3)      NOT NULL,
    capture_method            varchar(20)  NOT NULL,
    amount_authorized         bigint       NOT NULL CHECK (amount_authorized >= 0),
    amount_captured           bigint       NOT NULL CHECK (amount_captured >= 0),
    payment_method            text,        -- JSON: type, brand, bin, last4, expiry, holder
    customer_id               varchar(64),
    connector_account_id      varchar(64),
    capabilities              text         NOT NULL,  -- JSON array
    connector_transaction_id  varchar(255),
    order_reference           varchar(255),
    next_action               text,        -- JSON redirect
    error_code                varchar(64),
    error_message             text,
    mandate_setup             text,        -- JSON
    connector_mandate_reference varchar(255),
    mandate_id                varchar(64),
    metadata                  text         NOT NULL,  -- JSON object
    authorization_validity_seconds bigint  NOT NULL,
    authorization_expires_at  timestamptz,
    created_at                timestamptz  NOT NULL,
    updated_at                timestamptz  NOT NULL,
    version                   bigint       NOT NULL,
    PRIMARY KEY (merchant_id, payment_id)
);
-- keyset pagination, newest first
CREATE INDEX payments_list ON payments (merchant_id, created_at DESC, payment_id DESC);

CREATE TABLE payment_transactions (
    merchant_id      varchar(64)  NOT NULL,
    payment_id       varchar(64)  NOT NULL,
    transaction_id   varchar(64)  NOT NULL,
    position         integer      NOT NULL,
    kind             varchar(20)  NOT NULL,
    status           varchar(20)  NOT NULL,
    amount           bigint       NOT NULL CHECK (amount >= 0),
    currency         char(3)      NOT NULL,
    status_at_begin  varchar(40)  NOT NULL,
    final_capture    boolean      NOT NULL,
    reference        varchar(255),
    error_code       varchar(64),
    error_message    text,
    redirect         text,        -- JSON
    review           boolean      NOT NULL,
    reason           text,
    answered         boolean      NOT NULL,
    created_at       timestamptz  NOT NULL,
    observed_at      timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, payment_id, transaction_id),
    FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id)
);

CREATE TABLE refunds (
    merchant_id          varchar(64)  NOT NULL,
    refund_id            varchar(64)  NOT NULL,
    payment_id           varchar(64)  NOT NULL,
    amount               bigint       NOT NULL CHECK (amount > 0),
    currency             char(3)      NOT NULL,
    status               varchar(20)  NOT NULL,
    reason               text,
    connector_refund_id  varchar(255),
    error_code           varchar(64),
    error_message        text,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL,
    PRIMARY KEY (merchant_id, refund_id),
    FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id)
);
CREATE INDEX refunds_list ON refunds (merchant_id, created_at DESC, refund_id DESC);

CREATE TABLE mandates (
    merchant_id                 varchar(64)  NOT NULL,
    mandate_id                  varchar(64)  NOT NULL,
    customer_id                 varchar(64)  NOT NULL,
    status                      varchar(20)  NOT NULL,
    mandate_type                varchar(20)  NOT NULL,
    amount_limit                bigint,
    currency                    char(3)      NOT NULL,
    connector_account_id        varchar(64)  NOT NULL,
    connector_mandate_reference varchar(255) NOT NULL,
    acceptance                  text         NOT NULL,  -- JSON
    setup_payment_id            varchar(64)  NOT NULL,
    charges                     text         NOT NULL,  -- JSON array of payment ids
    created_at                  timestamptz  NOT NULL,
    updated_at                  timestamptz  NOT NULL,
    version                     bigint       NOT NULL,
    PRIMARY KEY (merchant_id, mandate_id),
    UNIQUE (merchant_id, setup_payment_id)
);
CREATE INDEX mandates_customer ON mandates (merchant_id, customer_id, created_at);

-- the application's idempotency keys (redirect replay markers, SDK-level keys)
CREATE TABLE idempotency_keys (
    merchant_id   varchar(64)  NOT NULL,
    idem_key      varchar(255) NOT NULL,
    fingerprint   varchar(128) NOT NULL,
    result        text,
    claimed_at    timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, idem_key)
);

-- the HTTP API's Idempotency-Key: the first response is stored and replayed
CREATE TABLE http_idempotency (
    merchant_id    varchar(64)  NOT NULL,
    idem_key       varchar(255) NOT NULL,
    fingerprint    char(64)     NOT NULL,
    status_code    integer,
    response_body  text,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, idem_key)
);

CREATE TABLE outbox (
    event_id        varchar(64)  PRIMARY KEY,
    merchant_id     varchar(64)  NOT NULL,
    event_type      varchar(64)  NOT NULL,
    payment_id      varchar(64)  NOT NULL,
    refund_id       varchar(64),
    payment_status  varchar(40)  NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    delivered_at    timestamptz,
    sequence        bigserial
);
CREATE INDEX outbox_pending ON outbox (sequence) WHERE delivered_at IS NULL;

CREATE TABLE reconciliation_tasks (
    merchant_id     varchar(64)  NOT NULL,
    payment_id      varchar(64)  NOT NULL,
    transaction_id  varchar(64)  NOT NULL,
    attempts        integer      NOT NULL,
    due_at          timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, payment_id, transaction_id)
);
CREATE INDEX reconciliation_due ON reconciliation_tasks (due_at);
