-- Actual units (实有单位, issue 14): organisations at standard addresses. kind: enterprise | school | hospital |
-- special_trade (特种行业) | key_unit (重点单位) | other. credit_code is the 18-character unified social credit code
-- (统一社会信用代码) when the organisation has one. phone is sealed (ADR 0017).
CREATE TABLE community_orgs (
    id @ID@,
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL DEFAULT '',
    address_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    legal_rep_person_id BIGINT,
    security_contact_person_id BIGINT,
    phone TEXT NOT NULL DEFAULT '',
    photo_media_id TEXT,
    created_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_orgs_address ON community_orgs (address_code);
CREATE INDEX community_orgs_legal_rep ON community_orgs (legal_rep_person_id);
CREATE INDEX community_orgs_contact ON community_orgs (security_contact_person_id);
