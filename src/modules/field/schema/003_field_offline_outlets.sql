-- Issue 17 (ADR 0068). The courier counter keeps a record taken without the network in the phone's offline
-- queue, which needs the store's key (field.offline): outlet administrators and clerks get it. Only the key: they
-- have no grid, no checks and no watch list (a fresh database is seeded from permissions.csv).
INSERT INTO role_permissions (role_code, permission)
SELECT r.code, 'field.offline' FROM roles r
WHERE r.code IN ('outlet_admin', 'outlet_clerk')
AND NOT EXISTS (SELECT 1 FROM role_permissions o WHERE o.role_code = r.code AND o.permission = 'field.offline');
