-- Where a patrol unit last said it was: the phone sends its position with a status change (issue 18, ADR 0063),
-- so the duty desk's board shows the units on the map. Empty until the unit's first change from the phone.
ALTER TABLE dispatch_patrols ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE dispatch_patrols ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE dispatch_patrols ADD COLUMN position_at BIGINT;
