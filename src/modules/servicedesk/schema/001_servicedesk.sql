-- The service supervision centre (服务监督中心, issue 18, ADR 0058): complaints, suggestions and praise from six
-- channels (data/channels.csv), each followed to the unit's reply, the supervisor's check, rectification and the
-- complainant's callback. Times are Unix seconds (UTC); due dates China civil dates (YYYY-MM-DD).
-- The complainant is sealed at rest (ADR 0017, FieldSealer purpose "servicedesk"): complainant_name, _phone and
-- _id_number are "sm4:v2:" + hex; phone_index / id_index are blind indexes for duplicate detection. filer_subject
-- is the publicauth subject of a website filer (ADR 0058) — the only key to the public's own tickets.
-- created_by is NULL for the public form (no account). query_code_hash: HMAC-SM3 of ticket_no|code (the public progress query); the code itself is never stored.
CREATE TABLE servicedesk_tickets (
    id @ID@,
    ticket_no TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    external_ref TEXT NOT NULL DEFAULT '',
    complainant_name TEXT NOT NULL DEFAULT '',
    complainant_phone TEXT NOT NULL DEFAULT '',
    complainant_id_number TEXT NOT NULL DEFAULT '',
    phone_index TEXT NOT NULL DEFAULT '',
    id_index TEXT NOT NULL DEFAULT '',
    filer_subject TEXT NOT NULL DEFAULT '',
    anonymous INTEGER NOT NULL DEFAULT 0,
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    unit_id BIGINT REFERENCES units (id),
    officer_police_no TEXT NOT NULL DEFAULT '',
    received_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    parent_id BIGINT REFERENCES servicedesk_tickets (id),
    query_code_hash TEXT NOT NULL DEFAULT '',
    assigned_at BIGINT,
    replied_at BIGINT,
    closed_at BIGINT,
    reply TEXT NOT NULL DEFAULT '',
    rectification TEXT NOT NULL DEFAULT '',
    finding TEXT NOT NULL DEFAULT '',
    extended_days INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX servicedesk_tickets_state ON servicedesk_tickets (state, received_at);
CREATE INDEX servicedesk_tickets_unit ON servicedesk_tickets (unit_id, received_at);
CREATE INDEX servicedesk_tickets_phone ON servicedesk_tickets (phone_index, received_at);
CREATE INDEX servicedesk_tickets_id_index ON servicedesk_tickets (id_index, received_at);
CREATE INDEX servicedesk_tickets_filer ON servicedesk_tickets (filer_subject);
CREATE INDEX servicedesk_tickets_received ON servicedesk_tickets (received_at);
-- Every step of a ticket, oldest first by id: register, join, split, assign, extend, reply, return, accept,
-- require_rectification, rectified, verify, callback, reopen.
CREATE TABLE servicedesk_events (
    id @ID@,
    ticket_id BIGINT NOT NULL REFERENCES servicedesk_tickets (id),
    at BIGINT NOT NULL,
    user_id BIGINT,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX servicedesk_events_ticket ON servicedesk_events (ticket_id, id);
-- The complainant's callback (回访): one per ticket — the primary key makes a second one a Conflict, so a retried
-- or doubled request never records two.
CREATE TABLE servicedesk_callbacks (
    ticket_id BIGINT PRIMARY KEY REFERENCES servicedesk_tickets (id),
    at BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    result TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
-- Photos and scans of a ticket (shared media, ADR 0033: owner_kind "servicedesk.ticket").
CREATE TABLE servicedesk_attachments (
    ticket_id BIGINT NOT NULL REFERENCES servicedesk_tickets (id),
    media_id TEXT NOT NULL,
    PRIMARY KEY (ticket_id, media_id)
);
-- Reminders and escalations already sent (timelimits/reminder_plan.hpp keys): exactly once per key.
CREATE TABLE servicedesk_reminders_sent (
    reminder_key TEXT PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES servicedesk_tickets (id),
    sent_at BIGINT NOT NULL
);
-- Public progress queries (public/public_progress.hpp): every attempt, for the limits per client address and per
-- ticket number; refused attempts have ok = 0.
CREATE TABLE servicedesk_query_attempts (
    id @ID@,
    client TEXT NOT NULL,
    ticket_no TEXT NOT NULL,
    at BIGINT NOT NULL,
    ok INTEGER NOT NULL
);
CREATE INDEX servicedesk_query_attempts_client ON servicedesk_query_attempts (client, at);
CREATE INDEX servicedesk_query_attempts_ticket ON servicedesk_query_attempts (ticket_no, at);
