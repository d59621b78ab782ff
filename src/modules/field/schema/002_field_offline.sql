-- Issue 15 (ADR 0064). The phone's offline store (its cache key and the grid's addresses) has a permission of its
-- own, field.offline, apart from the person check (field.check): a grid member, who makes no checks, keeps their
-- grid's addresses and tasks too. Every role that had the store through field.check keeps it (a fresh database is
-- seeded from permissions.csv; the demo's auxiliary and grid member from field/demo_accounts.cpp).
INSERT INTO role_permissions (role_code, permission)
SELECT DISTINCT rp.role_code, 'field.offline' FROM role_permissions rp
WHERE rp.permission = 'field.check'
AND NOT EXISTS (SELECT 1 FROM role_permissions o WHERE o.role_code = rp.role_code AND o.permission = 'field.offline');
