-- Delivery takes fresh messages first (fewest attempts), so messages that keep failing (a user with no open page,
-- an SMS gateway that is down) never hold up new ones.
CREATE INDEX notifications_pending_attempts ON notifications (delivered_at, attempts, id);
