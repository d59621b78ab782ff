-- ADR 0066: the SMS claim (see the .pg.sql file); no wake-up on SQLite, where one server owns the database.
ALTER TABLE notifications ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
