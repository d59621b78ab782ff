-- Community-police assessment (自贡 社区民警考核, ADR 0036): rule editions, the items imported from the audit
-- chain, appeals, and how far the import has read. Times are Unix seconds (UTC); months "YYYY-MM" China time.
CREATE TABLE assessment_editions (
    id @ID@,
    version INTEGER NOT NULL UNIQUE,
    effective_month TEXT NOT NULL,
    rules_csv TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
-- One row per (audit record, rule): the audit record is why the point was given. Points are those of the
-- edition in force in the item's month, looked up when scored; `voided_at` is set by an upheld appeal.
CREATE TABLE assessment_items (
    id @ID@,
    officer_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    code TEXT NOT NULL,
    at BIGINT NOT NULL,
    month TEXT NOT NULL,
    audit_id BIGINT,
    event TEXT NOT NULL,
    object TEXT NOT NULL DEFAULT '',
    voided_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX assessment_items_audit ON assessment_items (audit_id, code);
CREATE INDEX assessment_items_month ON assessment_items (month, officer_id);
CREATE TABLE assessment_appeals (
    id @ID@,
    item_id BIGINT NOT NULL,
    officer_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    opinion TEXT NOT NULL DEFAULT '',
    decided_by BIGINT,
    decided_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX assessment_appeals_item ON assessment_appeals (item_id);
CREATE INDEX assessment_appeals_status ON assessment_appeals (status, unit_id);
CREATE TABLE assessment_import (
    singleton INTEGER PRIMARY KEY,
    last_audit_id BIGINT NOT NULL
);
INSERT INTO assessment_import (singleton, last_audit_id) VALUES (1, 0);
