CREATE TABLE case_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO case_settings (name, value) VALUES ('number_scheme', '{region}{year}{type}{seq:5}');
INSERT INTO case_settings (name, value) VALUES ('type_code.administrative', 'XZ');
INSERT INTO case_settings (name, value) VALUES ('type_code.criminal', 'XS');
CREATE TABLE case_number_seq (
    prefix TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
CREATE TABLE cases (
    id @ID@,
    case_no TEXT NOT NULL UNIQUE,
    case_type TEXT NOT NULL,
    law TEXT NOT NULL,
    cause TEXT NOT NULL,
    cause_code TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    place_address TEXT NOT NULL,
    place_lon DOUBLE PRECISION,
    place_lat DOUBLE PRECISION,
    facts TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    lead_officer_id BIGINT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    penalty_source TEXT NOT NULL DEFAULT '',
    penalty_json TEXT NOT NULL DEFAULT '',
    accepted_at BIGINT NOT NULL,
    filed_at BIGINT NOT NULL DEFAULT 0,
    closed_at BIGINT NOT NULL DEFAULT 0,
    last_event_at BIGINT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    create_key TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX cases_unit_state ON cases (unit_id, state);
CREATE INDEX cases_officer_state ON cases (lead_officer_id, state);
CREATE INDEX cases_state_type ON cases (state, case_type);
CREATE UNIQUE INDEX cases_create_key ON cases (created_by, create_key);
CREATE TABLE case_assistants (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_assistants_user ON case_assistants (user_id);
CREATE TABLE case_people (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    id_type TEXT NOT NULL,
    id_number TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX case_people_case ON case_people (case_id);
CREATE INDEX case_people_id_number ON case_people (id_number);
CREATE TABLE case_events (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    actor_unit_id BIGINT NOT NULL,
    person_id BIGINT,
    reason TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL DEFAULT '{}',
    idempotency_key TEXT,
    case_version BIGINT NOT NULL,
    UNIQUE (case_id, seq)
);
CREATE UNIQUE INDEX case_events_idempotency ON case_events (case_id, idempotency_key);
CREATE INDEX case_events_action ON case_events (action, at);
CREATE TABLE case_query_codes (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    person_id BIGINT NOT NULL REFERENCES case_people (id),
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0,
    revoked_by BIGINT NOT NULL DEFAULT 0,
    last_used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX case_query_codes_case ON case_query_codes (case_id);
CREATE TABLE case_query_attempts (
    id @ID@,
    client TEXT NOT NULL,
    case_no TEXT NOT NULL,
    at BIGINT NOT NULL,
    ok INTEGER NOT NULL
);
CREATE INDEX case_query_attempts_client ON case_query_attempts (client, at);
