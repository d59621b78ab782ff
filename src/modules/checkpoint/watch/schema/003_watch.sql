-- Watch orders (布控, GA/T 1400 DispositionObject), the units each notifies, their history, and their hits
-- (GA/T 1400 DispositionNotificationObject). Times are Unix seconds (UTC); validity is [valid_from, valid_to).
-- target_kind is 'plate' for now; other modules may add 'id_no' (GB 11643 ID numbers) with their own matcher.
CREATE TABLE watch_orders (
    id @ID@,
    target_kind TEXT NOT NULL DEFAULT 'plate',
    target TEXT NOT NULL,
    plate_color INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL,
    case_no TEXT NOT NULL,
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
CREATE INDEX watch_orders_status ON watch_orders (status, valid_to);
CREATE INDEX watch_orders_target ON watch_orders (target_kind, target);
CREATE INDEX watch_orders_case ON watch_orders (case_no);
CREATE TABLE watch_order_units (
    order_id BIGINT NOT NULL REFERENCES watch_orders (id),
    unit_id BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (order_id, unit_id)
);
CREATE INDEX watch_order_units_unit ON watch_order_units (unit_id, order_id);
CREATE TABLE watch_order_events (
    id @ID@,
    order_id BIGINT NOT NULL REFERENCES watch_orders (id),
    at BIGINT NOT NULL,
    user_id BIGINT,
    action TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX watch_order_events_order ON watch_order_events (order_id, id);
CREATE TABLE watch_hits (
    id @ID@,
    order_id BIGINT NOT NULL REFERENCES watch_orders (id),
    plate TEXT NOT NULL,
    plate_color INTEGER NOT NULL DEFAULT 0,
    checkpoint_id TEXT NOT NULL,
    pass_time BIGINT NOT NULL,
    direction INTEGER NOT NULL DEFAULT 0,
    lane INTEGER NOT NULL DEFAULT 0,
    speed INTEGER NOT NULL DEFAULT 0,
    alert_id BIGINT,
    recorded_at BIGINT NOT NULL,
    UNIQUE (order_id, plate, checkpoint_id, pass_time)
);
CREATE INDEX watch_hits_time ON watch_hits (pass_time);
