-- Issue 11 (security): the minimum age between a user's own password changes, who set each password (a
-- user's own change or an administrator's reset: only the former starts the minimum age), whether this
-- database is the demo county (plain http on loopback: no Secure cookies, no TOTP duty for administrators),
-- and TOTP required for the three administrators (等保 level 3: two factors for administration).
ALTER TABLE policy ADD COLUMN min_age_days INTEGER NOT NULL DEFAULT 1;
ALTER TABLE password_history ADD COLUMN by_user INTEGER NOT NULL DEFAULT 0;
CREATE TABLE deployment (
    singleton INTEGER PRIMARY KEY,
    demo INTEGER NOT NULL
);
INSERT INTO deployment VALUES (1, 0);
UPDATE roles SET totp_required = 1 WHERE kind = 'admin';
