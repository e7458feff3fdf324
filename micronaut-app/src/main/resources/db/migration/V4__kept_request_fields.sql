-- What a client sent with a payment or a refund that Tender does not model (billing, shipping, browser
-- info, descriptors, description, return_url, a refund's metadata, ...): kept as sent, to be echoed in
-- responses. Written after the payment or refund is saved; later requests merge into it (a field sent
-- again replaces the old value) in one statement, so concurrent requests do not lose each other's fields.
CREATE TABLE kept_request_fields (
    merchant_id  varchar(64)  NOT NULL,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('payment', 'refund')),
    id           varchar(64)  NOT NULL,  -- the payment_id or refund_id
    fields       jsonb        NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, kind, id)
);
