-- Unit restructuring (ADR 0024): versions of each unit over time, the restructures that changed them, who took
-- over from whom, and the journal of every row a restructure moved (for undo). Times are Unix seconds (UTC).
-- A unit without rows in unit_history has had its current attributes since before any restructure.
CREATE TABLE unit_restructures (
    id @ID@,
    title TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    effective_date TEXT NOT NULL,
    effective_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    plan_json TEXT NOT NULL,
    summary_json TEXT NOT NULL,
    created_by BIGINT NOT NULL DEFAULT 0,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    undone_at BIGINT NOT NULL DEFAULT 0,
    undone_by BIGINT NOT NULL DEFAULT 0,
    undo_reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE unit_history (
    id @ID@,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id BIGINT,
    valid_from BIGINT NOT NULL,
    valid_to BIGINT,
    opened_by BIGINT REFERENCES unit_restructures (id),
    closed_by BIGINT REFERENCES unit_restructures (id)
);
CREATE INDEX unit_history_unit ON unit_history (unit_id, valid_from);
CREATE TABLE unit_successions (
    restructure_id BIGINT NOT NULL REFERENCES unit_restructures (id),
    from_unit_id BIGINT NOT NULL REFERENCES units (id),
    to_unit_id BIGINT NOT NULL REFERENCES units (id),
    is_default INTEGER NOT NULL,
    PRIMARY KEY (restructure_id, from_unit_id, to_unit_id)
);
CREATE INDEX unit_successions_to ON unit_successions (to_unit_id);
CREATE TABLE unit_restructure_units (
    restructure_id BIGINT NOT NULL REFERENCES unit_restructures (id),
    unit_id BIGINT NOT NULL,
    change TEXT NOT NULL,
    before_code TEXT NOT NULL DEFAULT '',
    before_name TEXT NOT NULL DEFAULT '',
    before_kind TEXT NOT NULL DEFAULT '',
    before_parent_id BIGINT,
    PRIMARY KEY (restructure_id, unit_id)
);
CREATE TABLE unit_restructure_moves (
    id @ID@,
    restructure_id BIGINT NOT NULL REFERENCES unit_restructures (id),
    module TEXT NOT NULL,
    what TEXT NOT NULL,
    row_key TEXT NOT NULL,
    from_unit_id BIGINT NOT NULL,
    to_unit_id BIGINT NOT NULL
);
CREATE INDEX unit_restructure_moves_r ON unit_restructure_moves (restructure_id, id);
