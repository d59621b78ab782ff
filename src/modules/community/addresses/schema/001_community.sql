-- Standard addresses (标准地址), every level of the hierarchy in one table (ADR 0031). code is the address_id
-- users and other modules see; the components above a row's level are kept on the row so that the matching engine
-- and exports read one row without walking parents. grid_id stays NULL until grids are drawn.
CREATE TABLE community_addresses (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    level TEXT NOT NULL,
    parent_code TEXT NOT NULL DEFAULT '',
    township TEXT NOT NULL DEFAULT '',
    community TEXT NOT NULL DEFAULT '',
    road TEXT NOT NULL DEFAULT '',
    house_no TEXT NOT NULL DEFAULT '',
    building TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    full_name TEXT NOT NULL,
    longitude DOUBLE PRECISION,
    latitude DOUBLE PRECISION,
    grid_id TEXT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX community_addresses_road ON community_addresses (road, house_no);
CREATE INDEX community_addresses_parent ON community_addresses (parent_code);
