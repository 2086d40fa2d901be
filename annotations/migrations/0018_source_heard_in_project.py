"""SourceProject: which projects hear which source, kept by the database, read by `Source.objects.visible_to`.

Filled from today's units (and judgements) once; after that a trigger on units adds a
row whenever a unit is inserted or moved (statement-level on PostgreSQL, so a COPY of a
million units costs one INSERT … SELECT; row-level on SQLite). Rows are never removed
by the triggers: a source once heard in a project stays visible there.
"""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = """
INSERT INTO annotations_sourceproject (source_id, project_id)
SELECT u.source_id, a.project_id FROM annotations_unit u
  JOIN annotations_claim c ON c.id = u.claim_id JOIN annotations_article a ON a.id = c.article_id
UNION
SELECT s.source_id, a.project_id FROM annotations_stance s
  JOIN annotations_claim c ON c.id = s.claim_id JOIN annotations_article a ON a.id = c.article_id
"""

POSTGRES = """
CREATE OR REPLACE FUNCTION claimtrack_source_heard() RETURNS trigger AS $$
BEGIN
  -- Ordered, so concurrent statements take the unique index's locks in one order.
  INSERT INTO annotations_sourceproject (source_id, project_id)
    SELECT DISTINCT n.source_id, a.project_id FROM claimtrack_units n
      JOIN annotations_claim c ON c.id = n.claim_id JOIN annotations_article a ON a.id = c.article_id
    ORDER BY n.source_id, a.project_id
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER unit_source_heard_insert AFTER INSERT ON annotations_unit
  REFERENCING NEW TABLE AS claimtrack_units FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_source_heard();
CREATE TRIGGER unit_source_heard_update AFTER UPDATE ON annotations_unit
  REFERENCING NEW TABLE AS claimtrack_units FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_source_heard();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS unit_source_heard_insert ON annotations_unit;
DROP TRIGGER IF EXISTS unit_source_heard_update ON annotations_unit;
DROP FUNCTION IF EXISTS claimtrack_source_heard();
"""

SQLITE_BODY = """
BEGIN
  INSERT OR IGNORE INTO annotations_sourceproject (source_id, project_id)
    SELECT NEW.source_id, a.project_id FROM annotations_claim c
      JOIN annotations_article a ON a.id = c.article_id WHERE c.id = NEW.claim_id;
END;
"""
SQLITE = [
    "CREATE TRIGGER unit_source_heard_insert AFTER INSERT ON annotations_unit" + SQLITE_BODY,
    "CREATE TRIGGER unit_source_heard_update AFTER UPDATE OF source_id, claim_id ON annotations_unit" + SQLITE_BODY,
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS unit_source_heard_insert", "DROP TRIGGER IF EXISTS unit_source_heard_update"]


def forward(apps, schema_editor):
    statements = [POSTGRES] if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in [BACKFILL, *statements]:
        schema_editor.execute(sql, params=None)


def backward(apps, schema_editor):
    statements = [POSTGRES_DROP] if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("annotations", "0017_stored_search_vectors"),
    ]

    operations = [
        migrations.CreateModel(
            name="SourceProject",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("project", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="+", to="annotations.project")),
                ("source", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="+", to="annotations.source")),
            ],
            options={
                "indexes": [models.Index(fields=["project", "source"], name="sourceproject_by_project")],
                "constraints": [
                    models.UniqueConstraint(fields=("source", "project"), name="source_heard_once_per_project"),
                ],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
