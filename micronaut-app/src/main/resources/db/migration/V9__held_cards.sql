-- The card of a payment created (or updated) with a card and without confirm, held for the confirm that
-- does not send it again, as Hyperswitch keeps it. The whole card (number, expiry, holder, CVC) is one value
-- sealed with AES-256-GCM under the tender.secrets keys (v1:<key id>:<base64>), never in clear; the payment
-- row has only its brand, BIN and last four. A row goes at the confirm, at a cancel, or once held_until is
-- past (refused when read, then purged by every instance: DELETE ... WHERE held_until <= now).
CREATE TABLE held_cards (
    merchant_id  varchar(64)  NOT NULL,
    payment_id   varchar(64)  NOT NULL,
    sealed_card  text         NOT NULL,
    held_until   timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, payment_id),
    FOREIGN KEY (merchant_id, payment_id) REFERENCES payments (merchant_id, payment_id)
);

CREATE INDEX held_cards_held_until ON held_cards (held_until);
