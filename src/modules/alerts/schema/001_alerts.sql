-- Alerts raised by any module (checkpoint hits, case supervision, the intelligence centre by hand) and the
-- units that must sign for them and report back. Times are Unix seconds (UTC).
CREATE TABLE alerts (
    id @ID@,
    source TEXT NOT NULL,
    source_ref TEXT NOT NULL DEFAULT '',
    dedup_key TEXT UNIQUE,
    colour TEXT NOT NULL,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    links TEXT NOT NULL DEFAULT '[]',
    case_no TEXT NOT NULL DEFAULT '',
    raised_by BIGINT,
    raised_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    closed_at BIGINT
);
CREATE INDEX alerts_raised ON alerts (raised_at);
CREATE INDEX alerts_status ON alerts (status, colour);
CREATE TABLE alert_targets (
    alert_id BIGINT NOT NULL REFERENCES alerts (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    sign_due_at BIGINT NOT NULL,
    signed_at BIGINT,
    signed_by BIGINT,
    escalated_at BIGINT,
    feedback_at BIGINT,
    feedback_by BIGINT,
    outcome TEXT NOT NULL DEFAULT '',
    officer TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (alert_id, unit_id)
);
CREATE INDEX alert_targets_unit ON alert_targets (unit_id, alert_id);
CREATE INDEX alert_targets_due ON alert_targets (sign_due_at);
