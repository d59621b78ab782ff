-- Grouped alerts (issue 13, ADR 0043): the sightings of one subject (a watch order's plate) within a window grow
-- one alert instead of raising one alert each. Times are Unix seconds (UTC).
-- alert_groups: one row per group key (e.g. "watch:<order id>"), the alert currently growing and the span of its
-- sightings. The row is the lock that makes grouping exactly-once: a writer inserts it if missing, then updates it
-- (PostgreSQL holds the row lock until commit; SQLite's write transaction excludes other writers).
CREATE TABLE alert_groups (
    group_key TEXT PRIMARY KEY,
    alert_id BIGINT REFERENCES alerts (id),
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    touched_at BIGINT NOT NULL
);
-- alert_sightings: each sighting of the alert's subject (time, place, direction, photo when there is one).
-- `ref` is the source's id of the sighting (the watch hit's key), unique, so a retried post adds nothing.
CREATE TABLE alert_sightings (
    id @ID@,
    alert_id BIGINT NOT NULL REFERENCES alerts (id),
    ref TEXT NOT NULL UNIQUE,
    seen_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    place_id TEXT NOT NULL DEFAULT '',
    longitude DOUBLE PRECISION,
    latitude DOUBLE PRECISION,
    direction INTEGER NOT NULL DEFAULT 0,
    lane INTEGER NOT NULL DEFAULT 0,
    photo TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX alert_sightings_alert ON alert_sightings (alert_id, seen_at);
