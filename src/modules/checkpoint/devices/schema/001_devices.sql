-- The checkpoint registry (issue 6 § Devices): checkpoints (tollgates, 卡口) and capture devices (APEs) with
-- GB/T 28181-style 20-digit ids, their lanes (GA/T 1400 LaneObject), the vector base map and map settings.
-- Times are Unix seconds (UTC). Status is derived: disabled when enabled = 0, else offline when last_seen is
-- NULL or older than the offline threshold (setting offline_after_s), else online.
CREATE TABLE checkpoint_devices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    longitude DOUBLE PRECISION,
    latitude DOUBLE PRECISION,
    place_code TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    tollgate_id TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    lane_count INTEGER NOT NULL DEFAULT 0,
    unit_id BIGINT REFERENCES units (id),
    enabled INTEGER NOT NULL DEFAULT 1,
    last_seen BIGINT,
    -- health job: 1 once the duty desk was told this device is offline; back to 0 when it is seen again.
    offline_reported INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX checkpoint_devices_kind ON checkpoint_devices (kind, enabled);
CREATE INDEX checkpoint_devices_tollgate ON checkpoint_devices (tollgate_id);
CREATE TABLE checkpoint_lanes (
    tollgate_id TEXT NOT NULL REFERENCES checkpoint_devices (id),
    lane_no INTEGER NOT NULL,
    direction TEXT NOT NULL DEFAULT '',
    max_speed INTEGER NOT NULL DEFAULT 0,
    ape_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tollgate_id, lane_no)
);
CREATE TABLE checkpoint_basemap (
    id INTEGER PRIMARY KEY,
    geojson TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE checkpoint_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
