-- Outgoing webhooks (docs/webhooks.md). Each outbox event keeps the payment's row as it was when the event was
-- recorded (written by the same statement as the change), so the webhook shows the status of that moment, not
-- of the delivery; and its delivery state: pending until delivered, retried on a schedule, failed when the
-- schedule is spent, skipped when the merchant has no webhook for it.
ALTER TABLE outbox
    ADD COLUMN payment          json,
    ADD COLUMN status           varchar(20)  NOT NULL DEFAULT 'pending',
    ADD COLUMN attempts         integer      NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  timestamptz;

-- events recorded before Tender delivered webhooks are history, not a backlog to send now
UPDATE outbox SET status = 'skipped';

-- the delivery job's claim: due events, oldest first
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
-- events of one payment go out in order: an event waits while an earlier one of its payment is still due
CREATE INDEX outbox_payment_order ON outbox (merchant_id, payment_id, sequence) WHERE next_attempt_at IS NOT NULL;
-- the events API: a merchant's events, newest first
CREATE INDEX outbox_list ON outbox (merchant_id, occurred_at DESC, event_id);

-- every delivery attempt, as sent and as answered
CREATE TABLE webhook_attempts (
    event_id        varchar(64)  NOT NULL REFERENCES outbox (event_id),
    attempt         integer      NOT NULL,
    manual          boolean      NOT NULL,
    attempted_at    timestamptz  NOT NULL,
    url             text         NOT NULL,
    signature       varchar(128) NOT NULL,
    request_body    text         NOT NULL,
    status_code     integer,
    response_body   text,
    error           text,
    duration_ms     integer      NOT NULL,
    delivered       boolean      NOT NULL,
    PRIMARY KEY (event_id, attempt)
);
