-- Organisations outside the police (issue 16, ADR 0051): procuratorates, courts, government departments, courier
-- companies and their outlets, whose staff log in to Jingwu with external roles and see only what is shared with
-- them. kind is one of auth/data/org_kinds.csv (data: more kinds can come). code is the unified social credit code
-- (统一社会信用代码, GB 32100-2015) or the older organisation code (组织机构代码, GB 11714-1997). parent_id: an
-- outlet's company. supervisor_unit_id: the police unit that supervises it (an outlet's local station). status:
-- active | suspended (a suspended organisation's accounts cannot log in). Each change is kept in
-- organisation_history (who, when, the fields before and after) beside the audit record of the request.
CREATE TABLE organisations (
    id @ID@,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    parent_id BIGINT REFERENCES organisations (id),
    supervisor_unit_id BIGINT NOT NULL REFERENCES units (id),
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_parent ON organisations (parent_id);
CREATE INDEX organisations_supervisor ON organisations (supervisor_unit_id);
CREATE TABLE organisation_history (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    at BIGINT NOT NULL,
    by_user BIGINT NOT NULL,
    change TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL
);
CREATE INDEX organisation_history_org ON organisation_history (org_id, id);
-- An external account belongs to an organisation instead of a police unit: its unit_id is the organisation's
-- supervising unit (kept NOT NULL for the unit-based tables), never its data scope.
ALTER TABLE users ADD COLUMN org_id BIGINT REFERENCES organisations (id);
CREATE INDEX users_org ON users (org_id);
