-- Grids (网格, issue 14, ADR 0034): the areas the community police work in, drawn as polygons on the map, with
-- their teams ("1+3+10+N": one community officer, auxiliaries, grid members, volunteers). polygon is a GeoJSON
-- Polygon geometry (RFC 7946; outer ring counter-clockwise, 7 decimals); min_/max_ hold its bounding box so that
-- the addresses inside are found without reading every address. community_addresses.grid_id holds the grid's
-- code: assigned by point in polygon when a polygon is saved (geo/polygon.hpp states the rule on edges).
CREATE TABLE community_grids (
    id @ID@,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id BIGINT NOT NULL,
    community TEXT NOT NULL DEFAULT '',
    polygon TEXT NOT NULL,
    expected_population INTEGER NOT NULL DEFAULT 0,
    min_lon DOUBLE PRECISION NOT NULL,
    min_lat DOUBLE PRECISION NOT NULL,
    max_lon DOUBLE PRECISION NOT NULL,
    max_lat DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_grids_unit ON community_grids (unit_id);

-- A grid's team. A member is a user of the platform (user_id; the community officer always is) or a named person
-- without an account (auxiliaries, grid members, volunteers). role: community_officer | auxiliary | grid_member |
-- volunteer. phone is sealed (sm4:…, ADR 0017); position keeps the order the team was given in.
CREATE TABLE community_grid_members (
    id @ID@,
    grid_code TEXT NOT NULL,
    user_id BIGINT,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX community_grid_members_grid ON community_grid_members (grid_code, position);
CREATE INDEX community_grid_members_user ON community_grid_members (user_id);

CREATE INDEX community_addresses_grid ON community_addresses (grid_id);
CREATE INDEX community_addresses_lon ON community_addresses (longitude);
