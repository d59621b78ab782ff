-- units.dissolved_at (auth 003) for units dissolved before the column existed: a unit whose every recorded
-- version is closed was dissolved when its last version ended.
UPDATE units SET dissolved_at = (SELECT MAX(h.valid_to) FROM unit_history h WHERE h.unit_id = units.id)
WHERE dissolved_at IS NULL
  AND EXISTS (SELECT 1 FROM unit_history h WHERE h.unit_id = units.id)
  AND NOT EXISTS (SELECT 1 FROM unit_history h WHERE h.unit_id = units.id AND h.valid_to IS NULL);
