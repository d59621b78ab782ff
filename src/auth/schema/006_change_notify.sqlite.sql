-- ADR 0066: nothing on SQLite. One server process owns a SQLite database; changes made through it invalidate its
-- caches directly, and a CLI process's are seen by the units module's StructureWatch or at the caches' recheck.
SELECT 1;
