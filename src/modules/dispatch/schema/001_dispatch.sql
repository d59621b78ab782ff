-- 110 dispatch (接处警, issue 18, ADR 0057): calls, patrol units, department work orders (diversion to 12345 and
-- departments), callbacks (回访), the outbound 12345 webhook queue. Times are Unix seconds (UTC).
-- Personal fields are sealed at rest (ADR 0017): caller_phone and caller_name are "sm4:v2:" + hex; caller_index is
-- the blind index of the normalised phone (related calls from the same number); no key is in the database.
CREATE TABLE dispatch_calls (
    id @ID@,
    call_no TEXT NOT NULL UNIQUE,
    received_at BIGINT NOT NULL,
    caller_phone TEXT NOT NULL,
    caller_index TEXT NOT NULL,
    caller_name TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL,
    place_text TEXT NOT NULL,
    address_id BIGINT,
    address_code TEXT NOT NULL DEFAULT '',
    place_key TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    category TEXT NOT NULL,
    police INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT '110',
    external_ref TEXT NOT NULL DEFAULT '',
    unit_id BIGINT NOT NULL REFERENCES units (id),
    patrol_id BIGINT,
    state TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    case_id BIGINT,
    dispatched_at BIGINT,
    accepted_at BIGINT,
    arrived_at BIGINT,
    finished_at BIGINT,
    closed_at BIGINT,
    dispatch_due_at BIGINT NOT NULL,
    arrival_due_at BIGINT NOT NULL,
    escalated_at BIGINT,
    taken_by BIGINT REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX dispatch_calls_state ON dispatch_calls (state, received_at);
CREATE INDEX dispatch_calls_caller ON dispatch_calls (caller_index, received_at);
CREATE INDEX dispatch_calls_place ON dispatch_calls (place_key, received_at);
CREATE INDEX dispatch_calls_address ON dispatch_calls (address_id, received_at);
CREATE INDEX dispatch_calls_unit ON dispatch_calls (unit_id, received_at);
CREATE INDEX dispatch_calls_due ON dispatch_calls (escalated_at, arrival_due_at);
-- Every change of a call, oldest first by id: intake | dispatch | accept | arrive | finish | divert | case |
-- callback | close | reopen | review | escalate.
CREATE TABLE dispatch_call_events (
    id @ID@,
    call_id BIGINT NOT NULL REFERENCES dispatch_calls (id),
    at BIGINT NOT NULL,
    user_id BIGINT,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dispatch_call_events_call ON dispatch_call_events (call_id, id);
-- Patrol units (巡逻组) of a station and their status, changed by the unit on the phone: available | en_route |
-- on_scene | busy | off_duty. call_id is the call it works on.
CREATE TABLE dispatch_patrols (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    leader_user_id BIGINT REFERENCES users (id),
    status TEXT NOT NULL,
    status_at BIGINT NOT NULL,
    call_id BIGINT
);
CREATE INDEX dispatch_patrols_unit ON dispatch_patrols (unit_id, status);
-- The department catalogue (data/departments.csv) on the orgs registry: each row names the organisation
-- (organisations.id, kind department) whose dept_staff accounts work its orders; channel account | webhook.
CREATE TABLE dispatch_departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    org_id BIGINT REFERENCES organisations (id),
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    limit_hours INTEGER NOT NULL,
    channel TEXT NOT NULL,
    topics TEXT NOT NULL DEFAULT ''
);
-- Work orders: a non-police call handed to a department (direction out), or a police matter 12345 handed to the
-- police (direction in, then it is a call). sent → accepted → reported → closed (the callback done); reopened
-- goes back to accepted.
CREATE TABLE dispatch_work_orders (
    id @ID@,
    order_no TEXT NOT NULL UNIQUE,
    call_id BIGINT NOT NULL REFERENCES dispatch_calls (id),
    department_code TEXT NOT NULL REFERENCES dispatch_departments (code),
    org_id BIGINT,
    state TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    accepted_at BIGINT,
    accepted_by BIGINT,
    reported_at BIGINT,
    reported_by BIGINT,
    report TEXT NOT NULL DEFAULT '',
    external_ref TEXT NOT NULL DEFAULT '',
    closed_at BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX dispatch_work_orders_org ON dispatch_work_orders (org_id, state);
CREATE INDEX dispatch_work_orders_call ON dispatch_work_orders (call_id);
CREATE INDEX dispatch_work_orders_ext ON dispatch_work_orders (external_ref);
-- One callback (回访) per finished call: the unique key is what makes it exactly once, whoever finishes the call
-- and however often. result satisfied | basic | unsatisfied; review open | done when unsatisfied.
CREATE TABLE dispatch_callbacks (
    id @ID@,
    call_id BIGINT NOT NULL UNIQUE REFERENCES dispatch_calls (id),
    work_order_id BIGINT,
    unit_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    done_by BIGINT,
    done_at BIGINT,
    review TEXT NOT NULL DEFAULT '',
    review_note TEXT NOT NULL DEFAULT '',
    review_by BIGINT,
    review_at BIGINT
);
CREATE INDEX dispatch_callbacks_state ON dispatch_callbacks (state, due_at);
-- Outbound 12345 messages, written in the transaction of the change (so one exists exactly when the change does)
-- and pushed by the delivery job with an HMAC-SM3 signature; delivered_at set once the platform answered 2xx.
CREATE TABLE dispatch_webhook_out (
    id @ID@,
    work_order_id BIGINT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    delivered_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dispatch_webhook_out_pending ON dispatch_webhook_out (delivered_at, id);
