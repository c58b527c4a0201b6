"""The table of the shared cache (settings.CACHES["shared"] with CACHE_URL=db, the default), made by the
migrations so that every deployment and every test database has it without a separate createcachetable."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "kvalitetsnav_cache"


def create(apps, schema_editor):
    if TABLE not in schema_editor.connection.introspection.table_names():
        command = CreateCacheTable()
        command.verbosity = 0
        command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_textterm_postings_index")]

    operations = [migrations.RunPython(create, drop)]
