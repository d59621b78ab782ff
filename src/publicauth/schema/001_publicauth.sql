-- SMS-code login for the public (issue 18, ADR 0058). One row per code sent. `subject` is the blind index of the
-- normalised phone number under publicauth's key (HMAC-SM3; no key in the database): the number itself is never
-- stored here. `code_hash` is HMAC-SM3 of subject|purpose|code under another key. A code is live while
-- used_at IS NULL, dead_at IS NULL and expires_at > now; `attempts` counts wrong tries (kMaxVerifyAttempts kill
-- it). Rows are the per-phone rate limit's memory and are purged a day after they expire.
CREATE TABLE publicauth_codes (
    id @ID@,
    subject TEXT NOT NULL,
    purpose TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at BIGINT,
    dead_at BIGINT
);
CREATE INDEX publicauth_codes_subject ON publicauth_codes (subject, created_at);
CREATE INDEX publicauth_codes_expires ON publicauth_codes (expires_at);
