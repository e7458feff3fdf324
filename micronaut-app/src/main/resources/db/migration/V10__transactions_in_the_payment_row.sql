-- A payment's transactions move into its own row, as one JSON array in list order: a payment is then read
-- with one row (no join) and saved with one versioned INSERT or UPDATE of one row (no upsert of a row per
-- transaction, no deletion of those it no longer lists, no foreign-key check per transaction row). The
-- statement counts and timings behind this are in docs/benchmarks.md.
--
-- `json`, not `jsonb`: jsonb reorders an object's keys, and a 3-D Secure redirect's form parameters must be
-- posted in the order the processor gave them. Nothing queries inside the array but the expiry job's filter
-- on the few lapsed payments its index returns.
--
-- Each transaction: {"id","kind","status","amount","currency","status_at_begin","final_capture",
-- "reference"?,"error_code"?,"error_message"?,"redirect"?,"review","reason"?,"answered","created_at",
-- "observed_at"}; absent rather than null; times as microseconds since the epoch (UTC; the columns held
-- microseconds, and a number is read back without parsing a date); the redirect as the object its text
-- column held.
ALTER TABLE payments ADD COLUMN transactions json NOT NULL DEFAULT '[]';

UPDATE payments p SET transactions = t.list
FROM (SELECT merchant_id, payment_id,
             json_agg(json_strip_nulls(json_build_object(
                 'id', transaction_id, 'kind', kind, 'status', status, 'amount', amount, 'currency', currency,
                 'status_at_begin', status_at_begin, 'final_capture', final_capture, 'reference', reference,
                 'error_code', error_code, 'error_message', error_message, 'redirect', redirect::json,
                 'review', review, 'reason', reason, 'answered', answered,
                 'created_at', (extract(epoch FROM created_at) * 1000000)::bigint,
                 'observed_at', (extract(epoch FROM observed_at) * 1000000)::bigint))
                 ORDER BY position) AS list
      FROM payment_transactions
      GROUP BY merchant_id, payment_id) t
WHERE p.merchant_id = t.merchant_id AND p.payment_id = t.payment_id;

ALTER TABLE payments ALTER COLUMN transactions DROP DEFAULT;

DROP TABLE payment_transactions;
