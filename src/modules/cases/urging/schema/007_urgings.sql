-- 督办 and 催办 (issue 13): a leader sends an open case's unit head a message and a deadline; a 催办 reminds of a
-- 督办 not yet answered. The unit is the case's (joined at read time, so a restructured unit carries its cases'
-- urgings along); recipients are the unit heads notified when it was sent. Times are Unix seconds (UTC).
CREATE TABLE case_urgings (
    id @ID@,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    parent_id BIGINT NOT NULL DEFAULT 0,
    message TEXT NOT NULL,
    due_date TEXT NOT NULL DEFAULT '',
    issued_by BIGINT NOT NULL REFERENCES users (id),
    issued_at BIGINT NOT NULL,
    recipients TEXT NOT NULL DEFAULT '[]',
    answer TEXT NOT NULL DEFAULT '',
    answered_by BIGINT NOT NULL DEFAULT 0,
    answered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX case_urgings_case ON case_urgings (case_id, id);
CREATE INDEX case_urgings_open ON case_urgings (parent_id, answered_at);
