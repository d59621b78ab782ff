-- Houses and units, what 003 and 004 left out (issue 14, ADR 0033).
-- Rental checks (出租屋检查): every visit of an officer to a rented house, its result and notes; the house's
-- checked_at is the newest of them. The assessment counts checks from the audit chain (community.house.check).
CREATE TABLE community_house_checks (
    id @ID@,
    house_id BIGINT NOT NULL,
    result TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    checked_by BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX community_house_checks_house ON community_house_checks (house_id, at);
-- Lists filter by scope, use and kind.
CREATE INDEX community_houses_unit ON community_houses (unit_id, use);
CREATE INDEX community_orgs_unit ON community_orgs (unit_id, kind);
CREATE INDEX community_orgs_credit_code ON community_orgs (credit_code);
