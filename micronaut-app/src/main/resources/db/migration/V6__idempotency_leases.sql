-- An Idempotency-Key in progress is leased to the instance running its request. When that instance dies
-- (the lease ends without a stored response), a retry with the same key takes the key over and answers
-- from what the first request left, instead of "still being processed" forever. Rows claimed before this
-- migration have no lease: they count as ended.
ALTER TABLE http_idempotency ADD COLUMN lease_until timestamptz;
ALTER TABLE http_idempotency ADD COLUMN takeovers integer NOT NULL DEFAULT 0;
