-- Issue 13 (ADR 0045). Locking and unlocking an account is the security administrator's (等保 level 3: the
-- security administrator keeps the accounts' security state, the system administrator the accounts themselves):
-- the new permission user.lock goes to sec_admin in databases created before it (a fresh database is seeded
-- from permissions.csv). And the previous successful login (time and client address) is kept beside the
-- current one, so "上次登录" shows the login before this one, not this one.
INSERT INTO role_permissions (role_code, permission)
SELECT code, 'user.lock' FROM roles WHERE code = 'sec_admin'
AND NOT EXISTS (SELECT 1 FROM role_permissions WHERE role_code = 'sec_admin' AND permission = 'user.lock');
ALTER TABLE users ADD COLUMN last_login_ip TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN prev_login_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN prev_login_ip TEXT NOT NULL DEFAULT '';
