"""A per-project count of History changes, kept by statement-level triggers (PostgreSQL).

The review figures are cached per project version. The version was the newest History row
of the project, found by walking the whole History table backwards by id: a small project
in a database that also holds a large one paid for the large one's history (seconds). The
count lives in a `ProgressCount` row (annotator_id -2) and grows with every History row
inserted or deleted, so the version is one index lookup and a change in one project never
touches another's.
"""

from django.db import migrations

COUNTS = "annotations_progresscount"
HISTORY_CHANGES = -2  # ProgressCount.HISTORY_CHANGES


def _function(name: str, rows: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
  INSERT INTO {COUNTS} (project_id, annotator_id, n)
    SELECT a.project_id, {HISTORY_CHANGES}, count(*)
      FROM {rows} h JOIN annotations_claim c ON c.id = h.claim_id
      JOIN annotations_article a ON a.id = c.article_id
     GROUP BY a.project_id
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET n = {COUNTS}.n + EXCLUDED.n;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
"""


FORWARD = "\n".join([
    _function("claimtrack_history_changes_insert", "new_rows"),
    "CREATE TRIGGER history_changes_insert AFTER INSERT ON annotations_history "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION claimtrack_history_changes_insert();",
    # Django deletes a claim's history before the claim, so the join still finds the project.
    _function("claimtrack_history_changes_delete", "old_rows"),
    "CREATE TRIGGER history_changes_delete AFTER DELETE ON annotations_history "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION claimtrack_history_changes_delete();",
    f"""INSERT INTO {COUNTS} (project_id, annotator_id, n)
  SELECT a.project_id, {HISTORY_CHANGES}, count(*) FROM annotations_history h
    JOIN annotations_claim c ON c.id = h.claim_id JOIN annotations_article a ON a.id = c.article_id
   GROUP BY a.project_id
  ON CONFLICT (project_id, annotator_id) DO UPDATE SET n = EXCLUDED.n;""",
])
BACKWARD = """
DROP TRIGGER IF EXISTS history_changes_insert ON annotations_history;
DROP TRIGGER IF EXISTS history_changes_delete ON annotations_history;
DROP FUNCTION IF EXISTS claimtrack_history_changes_insert();
DROP FUNCTION IF EXISTS claimtrack_history_changes_delete();
DELETE FROM annotations_progresscount WHERE annotator_id = -2;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0008_unit_evidence")]

    operations = [migrations.RunPython(forward, backward)]
