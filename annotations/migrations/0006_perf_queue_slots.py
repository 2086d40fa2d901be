"""Queue slots kept by statement-level triggers, and an index for releasing idle assignments.

The queue looked for the first article of a project with fewer live assignments
than the overlap by counting the assignments of every article of the project (a
hash aggregate over all of them: hundreds of ms at 100k articles, see RESULTS.md).
QueueSlot keeps that count per article, and a partial index holds the open ones.
"""

from django.db import migrations, models

SLOTS = "annotations_queueslot"
LIVE = "status IN ('active', 'done')"


def _live_delta(rows: str) -> str:
    return f"""
      UPDATE {SLOTS} s SET live = s.live + d.n, open = (s.live + d.n) < p.overlap
        FROM (SELECT article_id, sum(x) AS n FROM ({rows}) r GROUP BY article_id HAVING sum(x) <> 0) d,
             annotations_project p
       WHERE s.article_id = d.article_id AND p.id = s.project_id;"""


BODIES = {
    ("article", "insert"): f"""
      INSERT INTO {SLOTS} (article_id, project_id, live, open)
        SELECT n.id, n.project_id, 0, p.overlap > 0 FROM new_rows n JOIN annotations_project p ON p.id = n.project_id
      ON CONFLICT (article_id) DO NOTHING;""",
    ("article", "delete"): f"DELETE FROM {SLOTS} WHERE article_id IN (SELECT id FROM old_rows);",
    ("assignment", "insert"): _live_delta(f"SELECT article_id, 1 AS x FROM new_rows WHERE {LIVE}"),
    ("assignment", "delete"): _live_delta(f"SELECT article_id, -1 AS x FROM old_rows WHERE {LIVE}"),
    ("assignment", "update"): _live_delta(
        f"SELECT article_id, 1 AS x FROM new_rows WHERE {LIVE} "
        f"UNION ALL SELECT article_id, -1 FROM old_rows WHERE {LIVE}"
    ),
}
REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _sql() -> tuple[str, str]:
    forward, backward = [], []
    for (table, event), body in BODIES.items():
        name = f"claimtrack_queue_{table}_{event}"
        forward.append(f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
  {body}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER queue_{table}_{event} AFTER {event.upper()} ON annotations_{table}
  {REFERENCING[event]} FOR EACH STATEMENT EXECUTE FUNCTION {name}();""")
        backward.append(f"DROP TRIGGER IF EXISTS queue_{table}_{event} ON annotations_{table};")
        backward.append(f"DROP FUNCTION IF EXISTS {name}();")
    # A project's overlap changing re-opens or closes its slots.
    forward.append(f"""
CREATE OR REPLACE FUNCTION claimtrack_queue_overlap() RETURNS trigger AS $$
BEGIN
  UPDATE {SLOTS} SET open = live < NEW.overlap WHERE project_id = NEW.id AND open <> (live < NEW.overlap);
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER queue_project_overlap AFTER UPDATE OF overlap ON annotations_project
  FOR EACH ROW WHEN (OLD.overlap IS DISTINCT FROM NEW.overlap) EXECUTE FUNCTION claimtrack_queue_overlap();
INSERT INTO {SLOTS} (article_id, project_id, live, open)
  SELECT a.id, a.project_id, count(x.id), count(x.id) < p.overlap
    FROM annotations_article a JOIN annotations_project p ON p.id = a.project_id
    LEFT JOIN annotations_assignment x ON x.article_id = a.id AND x.{LIVE}
   GROUP BY a.id, a.project_id, p.overlap;""")
    backward.append("DROP TRIGGER IF EXISTS queue_project_overlap ON annotations_project;")
    backward.append("DROP FUNCTION IF EXISTS claimtrack_queue_overlap();")
    return "\n".join(forward), "\n".join(backward)


FORWARD, BACKWARD = _sql()


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0005_perf_progress_counts")]

    operations = [
        migrations.CreateModel(
            name="QueueSlot",
            fields=[
                ("article_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("project_id", models.BigIntegerField()),
                ("live", models.IntegerField(default=0)),
                ("open", models.BooleanField(default=True)),
            ],
            options={
                "indexes": [
                    models.Index(condition=models.Q(("open", True)), fields=["project_id", "article_id"],
                                 name="queue_slot_open")
                ],
            },
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(condition=models.Q(("status", "active")), fields=["last_seen"],
                               name="assignment_active_seen"),
        ),
        migrations.RunPython(forward, backward),
    ]
