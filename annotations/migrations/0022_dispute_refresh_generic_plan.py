"""The dispute refresh keeps one plan per connection (PostgreSQL).

`claimtrack_disputes_refresh(arts)` runs in every save's trigger. Its queries take the
article ids as an array parameter, and PL/pgSQL's plan cache compares a generic plan's
estimate (an array of unknown length) with a plan made for the one article at hand: the
generic plan always looked dearer, so every call planned its queries again, about 1.8 ms
of planning for 0.3 ms of work. The plan is the same for any number of articles (index
lookups per article), so the function keeps its generic plan: a refresh on ct_load went
from 1.6 ms to 0.3 ms.
"""

from django.db import migrations

FUNCTION = "claimtrack_disputes_refresh(bigint[])"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER FUNCTION {FUNCTION} SET plan_cache_mode = force_generic_plan")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER FUNCTION {FUNCTION} RESET plan_cache_mode")


class Migration(migrations.Migration):
    dependencies = [("annotations", "0021_review_figures")]

    operations = [migrations.RunPython(forward, backward)]
