-- Idempotency keys (ADR 0053): one row per (user, key) a write endpoint marked with idempotency::Once applied.
-- A resend with the same key gets the stored reply instead of a second write. `request_hash` is SM3 of method,
-- path and body, so a key reused for another request is refused; `reply` is the reply body sealed under
-- DeriveKey(master, "idempotency.reply") (it may name a person). Rows older than the retention are purged.
CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL,
    idem_key TEXT NOT NULL,
    action TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    reply TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
