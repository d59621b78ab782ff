-- Residence-permit (居住证) expiry reminders sent (issue 14, ADR 0032): one row per person and expiry date, so the
-- daily job reminds the collecting officer once per permit, also across restarts and two servers; a renewed
-- permit (new expiry date) is reminded again.
CREATE TABLE community_permit_reminders (
    id @ID@,
    person_id BIGINT NOT NULL,
    permit_expires TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    UNIQUE (person_id, permit_expires)
);
