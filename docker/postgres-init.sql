-- Extra databases for the Temporal server (persistence + visibility), next to
-- the application database `voiceplane` created from POSTGRES_DB.
--
-- The postgres image runs files in /docker-entrypoint-initdb.d only once, when
-- the data directory is empty. The statements are idempotent (psql \gexec), so
-- the file can also be applied by hand to an existing data volume:
--   docker compose exec postgres psql -U voiceplane -d voiceplane -f /docker-entrypoint-initdb.d/10-temporal-databases.sql
-- (temporalio/auto-setup would also create them, but doing it here keeps the
-- database layout explicit.)

SELECT 'CREATE DATABASE temporal'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'temporal')\gexec

SELECT 'CREATE DATABASE temporal_visibility'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'temporal_visibility')\gexec

-- The application connects as a role that is neither superuser nor BYPASSRLS and owns its database, so the
-- row-level security policies (FORCE'd on every tenant table) apply to it.
SELECT 'CREATE ROLE voiceplane_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ''voiceplane_app'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voiceplane_app')\gexec
ALTER DATABASE voiceplane OWNER TO voiceplane_app;
ALTER SCHEMA public OWNER TO voiceplane_app;
