-- Actual population (实有人口, issue 14): one row per person, whoever registered them and however often. The
-- identity is (id_kind, nationality, number): resident ID numbers are stored as 18 digits (15-digit ones converted,
-- checksum verified), passports with their nationality. id_number, phones and hukou_address hold sealed values
-- (sm4:…, ADR 0017); id_index is the blind index of the identity (HMAC-SM3 with its own derived key) and is what
-- makes a second registration of the same person find the first. version rises with every change: a phone that
-- edited an older version gets a conflict, never a silent overwrite.
CREATE TABLE community_people (
    id @ID@,
    id_kind TEXT NOT NULL,
    id_number TEXT NOT NULL,
    id_index TEXT NOT NULL UNIQUE,
    nationality TEXT NOT NULL DEFAULT 'CHN',
    name TEXT NOT NULL,
    sex TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    hukou_address TEXT NOT NULL DEFAULT '',
    residence_code TEXT,
    category TEXT NOT NULL,
    phones TEXT NOT NULL DEFAULT '',
    photo_media_id TEXT,
    permit_no TEXT NOT NULL DEFAULT '',
    permit_expires TEXT,
    status TEXT NOT NULL DEFAULT 'present',
    collected_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_people_residence ON community_people (residence_code);
CREATE INDEX community_people_name ON community_people (name);
CREATE INDEX community_people_permit ON community_people (permit_expires);
CREATE INDEX community_people_collector ON community_people (collected_by, created_at);

-- Moving in and out (迁入 / 迁出), with the dates the person moved (China dates, YYYY-MM-DD).
CREATE TABLE community_person_moves (
    id @ID@,
    person_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    address_code TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX community_person_moves_person ON community_person_moves (person_id, on_date);
