-- The merchant's return_url of each payment while Tender's own return endpoint (tender.return-url-base)
-- stands between the processor's page and the merchant: the processor is given Tender's signed URL, and
-- the customer's browser goes on to this one once its return is verified. One row per payment; a
-- confirm's return_url replaces the create's.
CREATE TABLE redirect_returns (
    merchant_id  varchar(64)  NOT NULL,
    payment_id   varchar(64)  NOT NULL,
    return_url   text         NOT NULL,
    PRIMARY KEY (merchant_id, payment_id),
    FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id)
);
