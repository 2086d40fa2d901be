"""Progress counts kept by statement-level triggers, so progress bars cost one lookup.

The projects page, the article page and the queue showed counts of a project's
articles and done assignments, computed by COUNT over the whole project on every
request (about 1 s at 100k articles, see RESULTS.md). The triggers add the change
of each INSERT/UPDATE/DELETE statement (a COPY too) from its transition tables,
grouped, so a bulk load costs one upsert per project, not one per row. Article
counts and done counts live in different rows, so a long import does not hold the
row every "done" in the project updates.
"""

from django.db import migrations, models

COUNTS = "annotations_progresscount"

# (table, event, transition tables) -> body that yields (project_id, annotator_id, delta) rows.
ARTICLE_DELTA = {
    "INSERT": "SELECT project_id, -1::bigint, count(*) FROM new_rows GROUP BY project_id",
    "DELETE": "SELECT project_id, -1::bigint, -count(*) FROM old_rows GROUP BY project_id",
    "UPDATE": """SELECT project_id, -1::bigint, sum(d) FROM (
                   SELECT project_id, 1 AS d FROM new_rows UNION ALL SELECT project_id, -1 FROM old_rows
                 ) r GROUP BY project_id""",
}
DONE_ROWS = {
    "INSERT": "SELECT article_id, annotator_id, 1 AS d FROM new_rows WHERE status = 'done'",
    "DELETE": "SELECT article_id, annotator_id, -1 AS d FROM old_rows WHERE status = 'done'",
    "UPDATE": """SELECT article_id, annotator_id, 1 AS d FROM new_rows WHERE status = 'done'
                 UNION ALL SELECT article_id, annotator_id, -1 FROM old_rows WHERE status = 'done'""",
}


def _assignment_delta(rows: str) -> str:
    return f"""
      WITH per_user AS (
        SELECT a.project_id, r.annotator_id, sum(r.d) AS n
          FROM ({rows}) r JOIN annotations_article a ON a.id = r.article_id
         GROUP BY 1, 2 HAVING sum(r.d) <> 0
      )
      SELECT project_id, annotator_id, n FROM per_user
      UNION ALL SELECT project_id, 0::bigint, sum(n) FROM per_user GROUP BY project_id"""


def _function(name: str, delta: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
  INSERT INTO {COUNTS} (project_id, annotator_id, n)
    SELECT d.project_id, d.annotator_id, d.n FROM ({delta}) AS d(project_id, annotator_id, n)
     WHERE d.n <> 0
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET n = {COUNTS}.n + EXCLUDED.n;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
"""


def _referencing(event: str) -> str:
    return {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]


def _sql() -> tuple[str, str]:
    forward, backward = [], []
    for event in ("INSERT", "DELETE", "UPDATE"):
        for table, delta in (
            ("annotations_article", ARTICLE_DELTA[event]),
            ("annotations_assignment", _assignment_delta(DONE_ROWS[event])),
        ):
            short = table.split("_", 1)[1]
            name = f"claimtrack_progress_{short}_{event.lower()}"
            forward.append(_function(name, delta))
            forward.append(
                f"CREATE TRIGGER progress_{short}_{event.lower()} AFTER {event} ON {table} "
                f"{_referencing(event)} FOR EACH STATEMENT EXECUTE FUNCTION {name}();"
            )
            backward.append(f"DROP TRIGGER IF EXISTS progress_{short}_{event.lower()} ON {table};")
            backward.append(f"DROP FUNCTION IF EXISTS {name}();")
    # Counts of the data already there.
    forward.append(f"""
INSERT INTO {COUNTS} (project_id, annotator_id, n)
  SELECT project_id, -1, count(*) FROM annotations_article GROUP BY project_id;
INSERT INTO {COUNTS} (project_id, annotator_id, n)
  SELECT a.project_id, x.annotator_id, count(*) FROM annotations_assignment x
    JOIN annotations_article a ON a.id = x.article_id WHERE x.status = 'done' GROUP BY 1, 2;
INSERT INTO {COUNTS} (project_id, annotator_id, n)
  SELECT a.project_id, 0, count(*) FROM annotations_assignment x
    JOIN annotations_article a ON a.id = x.article_id WHERE x.status = 'done' GROUP BY 1;
""")
    return "\n".join(forward), "\n".join(backward)


FORWARD, BACKWARD = _sql()


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0004_jobs_progress")]

    operations = [
        migrations.CreateModel(
            name="ProgressCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("project_id", models.BigIntegerField()),
                ("annotator_id", models.BigIntegerField()),
                ("n", models.BigIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("project_id", "annotator_id"), name="progress_count_once")
                ],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
