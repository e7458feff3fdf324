-- The expiry job (ExpiryService) asks, on every instance and every few minutes, for the capturable payments
-- whose authorization window has passed, the longest lapsed first. A partial index holds only those
-- payments, so the query reads the lapsed head of it and never scans the payments that cannot lapse.
CREATE INDEX payments_due_for_expiry ON payments (authorization_expires_at)
    WHERE status IN ('requires_capture', 'partially_captured_and_capturable');
