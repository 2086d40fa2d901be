"""The database cache's table, so `migrate` alone gives a database that accepts logins."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def _db_cache_tables():
    return [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]


def create_cache_table(apps, schema_editor):
    # createcachetable does nothing for a table that is already there.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    for table in _db_cache_tables():
        schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):

    dependencies = [
        ("annotations", "0011_api_tokens"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
