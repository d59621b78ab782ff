CREATE TABLE notifications (
    id @ID@,
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    read_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_pending ON notifications (delivered_at, id);
CREATE TABLE scheduled_jobs (
    name TEXT PRIMARY KEY,
    next_run BIGINT NOT NULL,
    interval_s BIGINT NOT NULL,
    running_until BIGINT NOT NULL DEFAULT 0,
    last_run BIGINT NOT NULL DEFAULT 0,
    last_result TEXT NOT NULL DEFAULT ''
);
