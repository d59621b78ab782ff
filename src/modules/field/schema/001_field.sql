-- Checks made on the phone (盘查, issue 15): one row per check an officer made, online or queued offline and sent
-- later (client_key: the phone's key, unique per officer, so a resent check is one row). `subject` is what the
-- officer typed, sealed under the community keys (ADR 0017); `subject_index` the master index's blind index of an
-- ID number ('' for a name + birth date check). outcome: wanted | watched | known | nothing. checked_at is the
-- phone's time of the check, received_at the server's; the position is stored with the check only (issue 15:
-- "the position is recorded only with the actions that need it").
CREATE TABLE field_checks (
    id @ID@,
    client_key TEXT NOT NULL,
    officer_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_index TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL,
    person_id BIGINT,
    longitude DOUBLE PRECISION,
    latitude DOUBLE PRECISION,
    checked_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    offline INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX field_checks_key ON field_checks (officer_id, client_key);
CREATE INDEX field_checks_officer ON field_checks (officer_id, checked_at);
