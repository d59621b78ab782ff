-- ADR 0015: records from now on are keyed (HMAC-SM3, chain 2); those already written stay plain SM3 (chain 1).
ALTER TABLE audit_log ADD COLUMN chain INTEGER NOT NULL DEFAULT 1;
