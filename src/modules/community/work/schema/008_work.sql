-- The community officer's daily work (issue 14, ADR 0035): visits (走访), patrol logs (巡逻), dispute mediation
-- (矛盾纠纷) and tasks assigned by the bureau. Every record names the grid (the grid code of its address,
-- community_addresses.grid_id, or the grid given) so grid summaries count them, and the unit whose officers
-- made it (what a station's data scope filters on). client_key is the optional idempotency key of the phone
-- that sent the record: unique per author, so a resent request finds the first record instead of adding one.
-- Times are Unix seconds (UTC).
CREATE TABLE community_visits (
    id @ID@,
    client_key TEXT,
    officer_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    grid_id TEXT NOT NULL DEFAULT '',
    person_ids TEXT NOT NULL DEFAULT '',
    address_code TEXT NOT NULL DEFAULT '',
    house_id BIGINT,
    org_id BIGINT,
    visited_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    follow_up INTEGER NOT NULL DEFAULT 0,
    follow_up_note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX community_visits_client_key ON community_visits (officer_id, client_key);
CREATE INDEX community_visits_unit ON community_visits (unit_id, visited_at);
CREATE INDEX community_visits_grid ON community_visits (grid_id, visited_at);
CREATE INDEX community_visits_address ON community_visits (address_code);

CREATE TABLE community_patrols (
    id @ID@,
    client_key TEXT,
    officer_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    grid_id TEXT NOT NULL DEFAULT '',
    started_at BIGINT NOT NULL,
    ended_at BIGINT NOT NULL,
    route TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    findings TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX community_patrols_client_key ON community_patrols (officer_id, client_key);
CREATE INDEX community_patrols_unit ON community_patrols (unit_id, started_at);
CREATE INDEX community_patrols_grid ON community_patrols (grid_id, started_at);

-- Disputes: parties holds the sealed JSON list of the parties ([{person_id, name}], ADR 0017); person_ids the
-- parties' register ids as ",3,17," for lookups; parties_index the blind index of the set of parties (the same
-- people in any order give the same index), which with address_code finds repeat disputes. status: open →
-- mediating → closed; outcome when closed: success (调解成功) | failed (未成功) | transferred (移交).
CREATE TABLE community_mediations (
    id @ID@,
    client_key TEXT,
    created_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    grid_id TEXT NOT NULL DEFAULT '',
    address_code TEXT NOT NULL DEFAULT '',
    dispute_type TEXT NOT NULL,
    parties TEXT NOT NULL,
    person_ids TEXT NOT NULL DEFAULT '',
    parties_index TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    occurred_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    agreement TEXT NOT NULL DEFAULT '',
    transferred_to TEXT NOT NULL DEFAULT '',
    repeat_of BIGINT,
    repeat_count INTEGER NOT NULL DEFAULT 0,
    closed_at BIGINT,
    closed_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX community_mediations_client_key ON community_mediations (created_by, client_key);
CREATE INDEX community_mediations_unit ON community_mediations (unit_id, occurred_at);
CREATE INDEX community_mediations_grid ON community_mediations (grid_id, status);
CREATE INDEX community_mediations_address ON community_mediations (address_code, occurred_at);
CREATE INDEX community_mediations_parties ON community_mediations (parties_index, occurred_at);

-- Tasks from the bureau: to one officer (assignee_id) or to a grid (grid_id, then every member of the grid's
-- team with an account may report). limit_working_days is set when the leader gave the limit in working days (the
-- due time was then computed by the deadline engine's calendar). reminded_due / reminded_overdue: the reminder
-- 24 h before and the one after the due time were enqueued (each once).
CREATE TABLE community_tasks (
    id @ID@,
    client_key TEXT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    assigned_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    assignee_id BIGINT,
    grid_id TEXT NOT NULL DEFAULT '',
    address_code TEXT NOT NULL DEFAULT '',
    due_at BIGINT NOT NULL,
    limit_working_days INTEGER,
    status TEXT NOT NULL DEFAULT 'open',
    report TEXT NOT NULL DEFAULT '',
    report_media_ids TEXT NOT NULL DEFAULT '',
    report_longitude DOUBLE PRECISION,
    report_latitude DOUBLE PRECISION,
    report_key TEXT,
    completed_by BIGINT,
    completed_at BIGINT,
    reminded_due INTEGER NOT NULL DEFAULT 0,
    reminded_overdue INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX community_tasks_client_key ON community_tasks (assigned_by, client_key);
CREATE INDEX community_tasks_assignee ON community_tasks (assignee_id, status, due_at);
CREATE INDEX community_tasks_grid ON community_tasks (grid_id, status, due_at);
CREATE INDEX community_tasks_due ON community_tasks (status, due_at);
