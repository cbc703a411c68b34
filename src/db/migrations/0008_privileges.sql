-- Database privileges, defence in depth (docs/decisions/0003-tenant-isolation-by-rls.md).
--
-- Requests run as lighed_app; on a server it is also the pool's login role (src/db/migrate.ts
-- makes it one), so it cannot return to the owner with RESET ROLE. Here it loses what requests
-- never need: which host serves which municipality, and the national postcode table, are
-- written only by the owner (migrations, CLI, demo seed through Db.asOwner). A request path,
-- or an SQL injection in one, can read them but no longer re-map another municipality's hosts.
revoke insert, update, delete, truncate, references, trigger on tenant, postcode from lighed_app;

-- Nothing new in schema public from anyone but its owner: already the default from PostgreSQL
-- 15, stated for older servers. lighed_app keeps TEMP (the monitor import sums in a temp table).
revoke create on schema public from public;
