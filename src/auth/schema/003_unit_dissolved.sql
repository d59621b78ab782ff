-- When a unit was dissolved by a restructure (ADR 0024, issue 12): the instant its dissolution takes effect
-- (00:00 China time of the plan's effective date), NULL while the unit is live. Set by the restructure that
-- dissolves the unit and cleared by its undo. A dissolved unit keeps its row (old records point at it) but is
-- no longer offered for new work.
ALTER TABLE units ADD COLUMN dissolved_at BIGINT;
