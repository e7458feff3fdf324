-- The card vault (JdbcCardVault): a merchant's saved cards by token. Envelope encryption: each card's number
-- (and holder name) is encrypted with AES-256-GCM under a data key of its own, drawn at random; the data key is
-- stored wrapped (AES-256-GCM) under a key derived from a tender.secrets master key, whose id is beside it, so
-- that a rotation re-wraps only the small data keys. Every ciphertext is bound to its merchant and token: a
-- value moved to another row does not open. The fingerprint is a keyed HMAC-SHA256 of the number (per merchant,
-- under the row's master key): the same card is found again without decrypting. BIN, last four, expiry and
-- brand are in clear, for display. No CVC is ever stored.
CREATE TABLE vaulted_cards (
    merchant_id    varchar(64)  NOT NULL REFERENCES merchants (merchant_id),
    token          varchar(64)  NOT NULL,
    customer_id    varchar(64)  NOT NULL,
    fingerprint    varchar(64)  NOT NULL,
    card_bin       varchar(8)   NOT NULL,
    last_four      varchar(4)   NOT NULL,
    expiry_month   integer      NOT NULL,
    expiry_year    integer      NOT NULL,
    brand          varchar(32)  NOT NULL,
    key_id         varchar(32)  NOT NULL,
    wrapped_key    bytea        NOT NULL,
    sealed_number  bytea        NOT NULL,
    sealed_holder  bytea,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, token),
    UNIQUE (merchant_id, fingerprint)
);

CREATE INDEX vaulted_cards_customer ON vaulted_cards (merchant_id, customer_id, created_at);
