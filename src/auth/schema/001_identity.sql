CREATE TABLE units (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id BIGINT REFERENCES units (id),
    region_code TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE TABLE users (
    id @ID@,
    username TEXT NOT NULL UNIQUE,
    police_no TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    phone TEXT NOT NULL,
    status TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    password_changed_at BIGINT NOT NULL,
    must_change_password INTEGER NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    totp_secret TEXT NOT NULL DEFAULT '',
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    totp_pending TEXT NOT NULL DEFAULT '',
    last_totp_step BIGINT NOT NULL DEFAULT 0,
    last_login_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX users_unit ON users (unit_id);
CREATE TABLE password_history (
    user_id BIGINT NOT NULL REFERENCES users (id),
    hash TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, changed_at);
CREATE TABLE roles (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    totp_required INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE role_permissions (
    role_code TEXT NOT NULL REFERENCES roles (code),
    permission TEXT NOT NULL,
    PRIMARY KEY (role_code, permission)
);
CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role_code TEXT NOT NULL REFERENCES roles (code),
    PRIMARY KEY (user_id, role_code)
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    client TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
);
CREATE TABLE policy (
    singleton INTEGER PRIMARY KEY,
    min_length INTEGER NOT NULL,
    min_classes INTEGER NOT NULL,
    max_age_days INTEGER NOT NULL,
    history INTEGER NOT NULL,
    max_failures INTEGER NOT NULL,
    lock_minutes INTEGER NOT NULL,
    idle_minutes INTEGER NOT NULL
);
INSERT INTO policy VALUES (1, 8, 3, 90, 5, 5, 15, 30);
