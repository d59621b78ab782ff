-- The person watch list (人员布控, issue 15, ADR 0052): wanted persons (在逃), persons of interest (重点人员) and the
-- other kinds of data/kinds.csv, applied for, approved by a leader, valid in [valid_from, valid_to) (Unix seconds,
-- UTC), withdrawn or expired. Personal fields are sealed at rest (ADR 0017): id_number and name are
-- "sm4:" + hex; id_index is the blind index of the normalised document number, name_birth_index that of
-- name + birth date (a check by name and birth date); neither key is in the database.
CREATE TABLE personwatch_entries (
    id @ID@,
    kind TEXT NOT NULL,
    id_kind TEXT NOT NULL DEFAULT 'resident_id',
    nationality TEXT NOT NULL DEFAULT 'CHN',
    id_number TEXT NOT NULL,
    id_index TEXT NOT NULL,
    name TEXT NOT NULL,
    birth_date TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    name_birth_index TEXT NOT NULL DEFAULT '',
    photo_media_id TEXT,
    person_id BIGINT,
    case_no TEXT NOT NULL,
    reason TEXT NOT NULL,
    instruction TEXT NOT NULL,
    applicant_id BIGINT NOT NULL REFERENCES users (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    approver_id BIGINT REFERENCES users (id),
    approved_at BIGINT,
    valid_from BIGINT NOT NULL,
    valid_to BIGINT NOT NULL,
    priority INTEGER NOT NULL,
    colour TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX personwatch_entries_id ON personwatch_entries (id_index, status);
CREATE INDEX personwatch_entries_name_birth ON personwatch_entries (name_birth_index, status);
CREATE INDEX personwatch_entries_status ON personwatch_entries (status, valid_to);
CREATE INDEX personwatch_entries_case ON personwatch_entries (case_no);
-- The units an entry notifies on a hit (besides the station the check names).
CREATE TABLE personwatch_entry_units (
    entry_id BIGINT NOT NULL REFERENCES personwatch_entries (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (entry_id, unit_id)
);
CREATE INDEX personwatch_entry_units_unit ON personwatch_entry_units (unit_id, entry_id);
-- create | approve | reject | withdraw | expire, oldest first by id.
CREATE TABLE personwatch_events (
    id @ID@,
    entry_id BIGINT NOT NULL REFERENCES personwatch_entries (id),
    at BIGINT NOT NULL,
    user_id BIGINT,
    action TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX personwatch_events_entry ON personwatch_events (entry_id, id);
-- One row per hit: an entry found by one check event (source + the caller's event reference). The unique key is
-- what makes the alert exactly-once per event: a retried check (the phone's queue, a courier record sent twice)
-- finds its row and raises nothing new.
CREATE TABLE personwatch_hits (
    id @ID@,
    entry_id BIGINT NOT NULL REFERENCES personwatch_entries (id),
    source TEXT NOT NULL,
    event_ref TEXT NOT NULL,
    alert_id BIGINT,
    checked_by BIGINT,
    station_unit_id BIGINT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    place TEXT NOT NULL DEFAULT '',
    checked_at BIGINT NOT NULL,
    UNIQUE (entry_id, source, event_ref)
);
CREATE INDEX personwatch_hits_time ON personwatch_hits (checked_at);
