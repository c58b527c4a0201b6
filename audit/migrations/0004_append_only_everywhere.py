"""The audit table refuses TRUNCATE on PostgreSQL, and UPDATE and DELETE on SQLite (audit.immutability)."""

from django.db import migrations

from audit.immutability import POSTGRES_FLAG, SQLITE_FLAG

POSTGRES = f"""
CREATE OR REPLACE FUNCTION audit_entry_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('{POSTGRES_FLAG}', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_auditentry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_no_truncate();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_no_truncate();
"""
SQLITE = [
    f"""CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_auditentry
        WHEN {SQLITE_FLAG}() = 0
        BEGIN SELECT RAISE(ABORT, 'audit_auditentry is append-only'); END"""
    for event in ("UPDATE", "DELETE")
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS audit_entry_no_update", "DROP TRIGGER IF EXISTS audit_entry_no_delete"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES)
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_request_id")]

    operations = [migrations.RunPython(forwards, backwards)]
