-- Personal fields of case people at rest (ADR 0017): id_number, phone and address hold "sm4:<hex>" once sealed
-- (sealed = 1); the blind indexes (HMAC-SM3 with a key outside the database) serve equality lookups, so the plain
-- ID number index goes. Existing rows are sealed by the server at start-up (cases::SealPlainRecords), not here:
-- migrations do not hold the key. Query code hashes become keyed (keyed = 1) the same way.
ALTER TABLE case_people ADD COLUMN id_number_index TEXT NOT NULL DEFAULT '';
ALTER TABLE case_people ADD COLUMN phone_index TEXT NOT NULL DEFAULT '';
ALTER TABLE case_people ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
DROP INDEX case_people_id_number;
CREATE INDEX case_people_id_number_index ON case_people (id_number_index);
CREATE INDEX case_people_phone_index ON case_people (phone_index);
CREATE INDEX case_people_unsealed ON case_people (sealed, id);
ALTER TABLE case_query_codes ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
-- The public progress page's limit per case number (failed attempts of any address).
CREATE INDEX case_query_attempts_case ON case_query_attempts (case_no, at);
