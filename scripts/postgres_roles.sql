-- Kvalitetsnav on PostgreSQL with two roles: the owner runs the migrations, the app only uses the tables, so
-- the app can neither change nor empty the audit log, nor disable its triggers.
-- Run once as a superuser, with psql variables for the passwords:
--   psql -v owner_password=... -v app_password=... -f scripts/postgres_roles.sql
CREATE ROLE kvalitet_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE kvalitet_app LOGIN PASSWORD :'app_password';
CREATE DATABASE kvalitetsnav OWNER kvalitet_owner;
\connect kvalitetsnav
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kvalitet_app;
-- Every table and sequence the owner's migrations make is usable by the app ...
ALTER DEFAULT PRIVILEGES FOR ROLE kvalitet_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kvalitet_app;
ALTER DEFAULT PRIVILEGES FOR ROLE kvalitet_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO kvalitet_app;
-- ... except that after `migrate` (as kvalitet_owner) the audit log is append-only for it:
--   psql -U kvalitet_owner kvalitetsnav -c "REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry FROM kvalitet_app"
