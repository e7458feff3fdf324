-- The storage adapters order ids in the "C" collation (code point order, as Java's String.compareTo and
-- the in-memory adapters do), whatever the database's default collation is. The indexes that serve
-- keyset pagination and routing order follow that collation, so the queries can walk them.
DROP INDEX payments_list;
CREATE INDEX payments_list ON payments (merchant_id, created_at DESC, payment_id COLLATE "C" DESC);

DROP INDEX refunds_list;
CREATE INDEX refunds_list ON refunds (merchant_id, created_at DESC, refund_id COLLATE "C" DESC);

DROP INDEX connector_accounts_routing;
CREATE INDEX connector_accounts_routing ON connector_accounts (merchant_id, priority, account_id COLLATE "C");

DROP INDEX mandates_customer;
CREATE INDEX mandates_customer ON mandates (merchant_id, customer_id, created_at, mandate_id COLLATE "C");
