-- GA/T 1400 session security (docs/adr/0016-viid-session-security.md): the SM3 hash of the current session
-- token issued by Register (so a fresh registration survives a restart; the token itself is never stored), and
-- the unit whose watch orders (GA/T 1400 Dispositions) the client receives — none until an administrator
-- assigns one.
ALTER TABLE viid_clients ADD COLUMN session_hash TEXT;
ALTER TABLE viid_clients ADD COLUMN unit_id BIGINT REFERENCES units (id);
