-- GA/T 1400 (VIID) clients: upstream platforms and devices allowed to push data, and their registration
-- state. The Digest secret is stored SM4-encrypted with the platform key (hex of IV + ciphertext), because
-- HTTP Digest needs the clear secret to check a response. Times are Unix seconds (UTC).
CREATE TABLE viid_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    secret_enc TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    registered_at BIGINT,
    last_seen BIGINT,
    last_address TEXT NOT NULL DEFAULT ''
);
