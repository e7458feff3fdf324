-- Customers, each merchant's own (Hyperswitch's /customers). Personal data is text: no card data is kept here.
-- A deleted customer keeps its row, its personal fields redacted and deleted_at set: its id stays taken, and
-- the payments that name it stay readable.
CREATE TABLE customers (
    merchant_id         varchar(64)  NOT NULL,
    customer_id         varchar(64)  NOT NULL,
    name                varchar(255),
    email               varchar(255),
    phone               varchar(255),
    phone_country_code  varchar(255),
    description         varchar(255),
    tax_registration_id varchar(255),
    address             text,          -- JSON, Hyperswitch's AddressDetails as sent
    metadata            text,          -- JSON object of strings
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    deleted_at          timestamptz,
    version             bigint       NOT NULL,
    PRIMARY KEY (merchant_id, customer_id)
);
-- the list: oldest first, equal times in the ids' byte order
CREATE INDEX customers_list ON customers (merchant_id, created_at, customer_id COLLATE "C") WHERE deleted_at IS NULL;
