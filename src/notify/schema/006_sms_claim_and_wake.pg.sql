-- ADR 0066, two servers on one database. An SMS is claimed before it is sent (claimed_until: a lease), so of two
-- servers' delivery passes only one sends it. A queued notification wakes every server's delivery thread at once
-- (NOTIFY jw_outbox after the commit), so a red alert raised on one server reaches a duty desk whose WebSocket is
-- open on another without waiting for its next timed pass.
ALTER TABLE notifications ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION jw_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jw_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER notifications_wake AFTER INSERT ON notifications FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_outbox();
