-- ADR 0066: every server caches principals and reference data; a change committed by any process (another
-- server, the CLI) tells the others through NOTIFY jw_ref, which PostgreSQL delivers after the commit. Statement
-- triggers: one notification per statement, whatever the number of rows (and identical ones within a transaction
-- are folded into one). Only what a cached principal or unit list is made of: not last_seen, logins or counters.
CREATE FUNCTION jw_notify_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jw_ref', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;
CREATE TRIGGER units_ref AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER roles_ref AFTER INSERT OR UPDATE OR DELETE ON roles FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER role_permissions_ref AFTER INSERT OR UPDATE OR DELETE ON role_permissions
    FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER user_roles_ref AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER users_ref AFTER UPDATE OF status, unit_id, name, must_change_password, password_hash, totp_enabled, org_id
    OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER sessions_ref AFTER DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER policy_ref AFTER UPDATE ON policy FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
CREATE TRIGGER organisations_ref AFTER UPDATE OF status, parent_id OR DELETE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION jw_notify_ref();
