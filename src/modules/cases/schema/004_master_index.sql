-- Case people and places resolve through the community master index (issue 14, ADR 0037). person_id is the person
-- of community_people a party with a resident ID number is (NULL: no ID number, another document, or not linked
-- yet); linked = 1 once the party was looked at, so the start-up backfill (cases::LinkMasterIndex) never takes a
-- row twice. place_address_id is the standard address (community_addresses.code) the case's place matched, with
-- the matcher's score; NULL below the threshold (the officer sees the candidates). place_linked as linked.
ALTER TABLE case_people ADD COLUMN person_id BIGINT;
ALTER TABLE case_people ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
CREATE INDEX case_people_person ON case_people (person_id);
CREATE INDEX case_people_unlinked ON case_people (linked, id);
ALTER TABLE cases ADD COLUMN place_address_id TEXT;
ALTER TABLE cases ADD COLUMN place_match_score DOUBLE PRECISION;
ALTER TABLE cases ADD COLUMN place_linked INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_place_unlinked ON cases (place_linked, id);
CREATE INDEX cases_place_address ON cases (place_address_id);
