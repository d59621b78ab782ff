-- Actual houses (实有房屋, issue 14): one row per house at a standard address (a room, or a house number for a
-- single house). use: own (自住) | rented (出租) | commercial (商用) | vacant (空置). checked_at is the last rental
-- check (出租屋检查) by an officer.
CREATE TABLE community_houses (
    id @ID@,
    address_code TEXT NOT NULL UNIQUE,
    owner_person_id BIGINT,
    use TEXT NOT NULL,
    area_m2 DOUBLE PRECISION,
    photo_media_id TEXT,
    notes TEXT NOT NULL DEFAULT '',
    checked_at BIGINT,
    created_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_houses_owner ON community_houses (owner_person_id);

-- Tenants of rented houses, with the landlord's report (出租人报告义务): reported_at is when the landlord (or the
-- officer on the landlord's behalf) reported the tenant; NULL means not yet reported.
CREATE TABLE community_house_tenants (
    id @ID@,
    house_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT,
    reported_at BIGINT,
    recorded_by BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX community_house_tenants_house ON community_house_tenants (house_id);
CREATE INDEX community_house_tenants_person ON community_house_tenants (person_id);
