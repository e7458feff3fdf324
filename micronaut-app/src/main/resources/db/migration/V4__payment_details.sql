-- What a client sent with a payment that the payment itself does not model (billing, shipping, browser
-- info, descriptors, description, return_url, ...): kept as sent, to be echoed in responses. Written
-- after the payment is saved; later requests merge into it (a field sent again replaces the old value),
-- in one statement, so concurrent requests do not lose each other's fields.
CREATE TABLE payment_details (
    merchant_id  varchar(64)  NOT NULL,
    payment_id   varchar(64)  NOT NULL,
    fields       jsonb        NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, payment_id),
    FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id)
);
