"""Review figures kept up to date by the writes that change them (PostgreSQL).

The disagreement queue and the agreement dashboard computed their figures over the whole
project and cached them per project version; any saved judgement changed the version, so
while annotators worked a lead's every request paid seconds at 1M judgements. Three tables
are now kept by statement-level triggers (a COPY or bulk write costs one pass per statement):

* `annotations_dispute`: one row per disputed unit, with its labels, who judged it, the
  article's annotators and whether a lead settled it. Every write of a judgement, an
  assignment, a resolution or a claim recomputes the units of the articles it touched
  (an article holds a handful of units), under a per-article advisory lock so two saves in
  one article never race. The queue pages, counts and filter choices read this table only.
* `annotations_disputecount`: per project (annotator_id 0) and per annotator among the
  article's annotators, how many units are in dispute and how many of those a lead settled:
  the queue's counts and its annotator filter without counting the disputes.
* `annotations_annotatortally`: per project and annotator, judgements given, judgements on
  units with a final label, and those matching it; changed by deltas.
* `annotations_daytally`: per project and UTC day, judgements given and units settled.

The rule of a dispute is `annotations.units.disputed_sql`, frozen here as migrations are;
`test_review_kept.py` checks these tables against the figures computed from scratch.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

DISPUTES = "annotations_dispute"
DISPUTE_COUNTS = "annotations_disputecount"
ANNOTATORS = "annotations_annotatortally"
DAYS = "annotations_daytally"

TABLES = f"""
CREATE TABLE {DISPUTES} (
    claim_id bigint NOT NULL,
    source_id bigint NOT NULL,
    project_id bigint NOT NULL,
    article_id bigint NOT NULL,
    claim_start integer NOT NULL,
    labels text[] NOT NULL,
    judged bigint[] NOT NULL,
    everyone bigint[] NOT NULL,
    settled boolean NOT NULL,
    PRIMARY KEY (claim_id, source_id)
);
CREATE INDEX dispute_queue_order ON {DISPUTES} (project_id, article_id, claim_start, claim_id, source_id);
CREATE INDEX dispute_article ON {DISPUTES} (article_id);
CREATE TABLE {DISPUTE_COUNTS} (
    project_id bigint NOT NULL,
    annotator_id bigint NOT NULL,
    total bigint NOT NULL DEFAULT 0,
    settled bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, annotator_id)
);
CREATE TABLE {ANNOTATORS} (
    project_id bigint NOT NULL,
    annotator_id bigint NOT NULL,
    units bigint NOT NULL DEFAULT 0,
    compared bigint NOT NULL DEFAULT 0,
    matching bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, annotator_id)
);
CREATE TABLE {DAYS} (
    project_id bigint NOT NULL,
    day date NOT NULL,
    judged bigint NOT NULL DEFAULT 0,
    settled bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, day)
);
"""

# The units of the given articles that are in dispute: judgements that differ, or some of
# the article's (two or more) annotators without one. The article's annotators are whoever
# judged anything in it or finished it.
DISPUTES_OF = """
WITH people AS (
    SELECT c.article_id, s.annotator_id FROM annotations_stance s
      JOIN annotations_claim c ON c.id = s.claim_id WHERE c.article_id = ANY({arts})
    UNION
    SELECT g.article_id, g.annotator_id FROM annotations_assignment g
     WHERE g.status = 'done' AND g.article_id = ANY({arts})),
everyone AS (
    SELECT article_id, array_agg(annotator_id ORDER BY annotator_id) AS ids FROM people GROUP BY article_id),
u AS (
    SELECT c.article_id, c.start, s.claim_id, s.source_id,
           array_agg(s.label ORDER BY s.annotator_id) AS labels,
           array_agg(s.annotator_id ORDER BY s.annotator_id) AS judged,
           min(s.label) <> max(s.label) AS differ, count(*) AS n
      FROM annotations_stance s JOIN annotations_claim c ON c.id = s.claim_id
     WHERE c.article_id = ANY({arts})
     GROUP BY c.article_id, c.start, s.claim_id, s.source_id)
SELECT u.claim_id, u.source_id, a.project_id, u.article_id, u.start, u.labels, u.judged, e.ids,
       coalesce(r.status = 'resolved', false)
  FROM u JOIN everyone e USING (article_id) JOIN annotations_article a ON a.id = u.article_id
  LEFT JOIN annotations_resolution r ON r.claim_id = u.claim_id AND r.source_id = u.source_id
 WHERE u.n > 0 AND (u.differ OR (cardinality(e.ids) >= 2 AND u.n < cardinality(e.ids)))
"""

COLUMNS = "claim_id, source_id, project_id, article_id, claim_start, labels, judged, everyone, settled"

# Adds the disputes of `changed` (rows of project_id, everyone, settled, d = +1 or -1) to the counts.
_COUNT_UPSERT = f"""INSERT INTO {DISPUTE_COUNTS} (project_id, annotator_id, total, settled)
    SELECT project_id, annotator_id, sum(d), coalesce(sum(d) FILTER (WHERE settled), 0) FROM (
        SELECT project_id, 0::bigint AS annotator_id, d, settled FROM changed
        UNION ALL SELECT project_id, x, d, settled FROM changed, unnest(everyone) AS x) c
     GROUP BY project_id, annotator_id
    HAVING sum(d) <> 0 OR coalesce(sum(d) FILTER (WHERE settled), 0) <> 0
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET
      total = {DISPUTE_COUNTS}.total + EXCLUDED.total, settled = {DISPUTE_COUNTS}.settled + EXCLUDED.settled"""

# Every trigger that changes a project's kept figures first takes the project's lock (a
# transaction-level advisory lock, in project order). The counts of a project are rows
# every save updates; taken in whatever order the triggers of one statement fire, two saves
# could each hold one and wait for the other's. Under the project lock they never do, and
# the next writer recomputes from what the first committed (each statement in a trigger
# reads the data committed before it starts).
PROJECT_LOCK = """
CREATE OR REPLACE FUNCTION claimtrack_review_lock(projects bigint[]) RETURNS void AS $$
DECLARE
  p bigint;
BEGIN
  FOREACH p IN ARRAY coalesce(projects, '{}') LOOP
    PERFORM pg_advisory_xact_lock(727274, (p % 2147483647)::int);
  END LOOP;
END $$ LANGUAGE plpgsql;
"""

REFRESH = f"""
CREATE OR REPLACE FUNCTION claimtrack_disputes_refresh(arts bigint[]) RETURNS void AS $$
BEGIN
  IF arts IS NULL OR cardinality(arts) = 0 THEN
    RETURN;
  END IF;
  PERFORM claimtrack_review_lock(ARRAY(
    SELECT DISTINCT project_id FROM annotations_article WHERE id = ANY(arts) ORDER BY 1));
  WITH fresh AS ({DISPUTES_OF.format(arts="arts")}),
  changed AS (
      SELECT project_id, everyone, settled, 1 AS d FROM fresh AS f(claim_id, source_id, project_id, article_id,
                                                                   claim_start, labels, judged, everyone, settled)
      UNION ALL
      SELECT project_id, everyone, settled, -1 FROM {DISPUTES} WHERE article_id = ANY(arts))
  {_COUNT_UPSERT};
  DELETE FROM {DISPUTES} WHERE article_id = ANY(arts);
  INSERT INTO {DISPUTES} ({COLUMNS}) {DISPUTES_OF.format(arts="arts")};
END $$ LANGUAGE plpgsql;
"""

# The count of History rows (migration 0009) is a row every save updates: it takes the
# project's lock first too.
def _history_counts(lock: bool) -> str:
    functions = []
    for name, rows in (("claimtrack_history_changes_insert", "new_rows"),
                       ("claimtrack_history_changes_delete", "old_rows")):
        projects = (f"SELECT a.project_id FROM {rows} h JOIN annotations_claim c ON c.id = h.claim_id "
                    "JOIN annotations_article a ON a.id = c.article_id")
        functions.append(f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
{_lock(projects) if lock else ""}
  INSERT INTO annotations_progresscount (project_id, annotator_id, n)
    SELECT a.project_id, -2, count(*)
      FROM {rows} h JOIN annotations_claim c ON c.id = h.claim_id
      JOIN annotations_article a ON a.id = c.article_id
     GROUP BY a.project_id
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET n = annotations_progresscount.n + EXCLUDED.n;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""")
    return "\n".join(functions)


# (table, event) -> the articles a statement touched, from its transition tables. An UPDATE
# counts only rows whose columns that decide a dispute changed (`changed`), so touching an
# assignment, or editing a note, recomputes nothing.
_STANCE_ARTICLES = """SELECT c.article_id FROM {rows} s JOIN annotations_claim c ON c.id = s.claim_id
                      UNION SELECT d.article_id FROM {rows} s JOIN {disputes} d ON d.claim_id = s.claim_id"""
_ASSIGNMENT_ARTICLES = "SELECT g.article_id FROM {rows} g WHERE g.status = 'done'"
_RESOLUTION_ARTICLES = "SELECT c.article_id FROM {rows} r JOIN annotations_claim c ON c.id = r.claim_id"
_CLAIM_ARTICLES = "SELECT c.article_id FROM {rows} c"
_CHANGED = {
    "annotations_stance": "(o.label, o.claim_id, o.source_id, o.annotator_id)",
    "annotations_assignment": "(o.status = 'done', o.article_id, o.annotator_id)",
    "annotations_resolution": "(o.label, o.status, o.claim_id, o.source_id)",
    "annotations_claim": "(o.article_id, o.start)",
}


def _articles(template: str, event: str, table: str) -> str:
    if event != "UPDATE":
        return template.format(rows="new_rows" if event == "INSERT" else "old_rows", disputes=DISPUTES)
    changed = _CHANGED[table]
    rows = {
        "old_rows": f"(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id "
                    f"WHERE {changed} IS DISTINCT FROM {changed.replace('o.', 'n.')})",
        "new_rows": f"(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id "
                    f"WHERE {changed} IS DISTINCT FROM {changed.replace('o.', 'n.')})",
    }
    return " UNION ".join(template.format(rows=r, disputes=DISPUTES) for r in rows.values())


# Tally deltas of a statement on judgements: +1 per new row, -1 per old row, with the final
# label of the unit (its resolution's) as it stands when the statement ends.
def _stance_delta(rows: str, sign: str) -> str:
    return f"""SELECT a.project_id, s.annotator_id, {sign}1 AS units,
               {sign}(r.label IS NOT NULL)::int AS compared, {sign}coalesce(r.label = s.label, false)::int AS matching,
               (s.created_at AT TIME ZONE 'UTC')::date AS day
          FROM {rows} s JOIN annotations_claim c ON c.id = s.claim_id
          JOIN annotations_article a ON a.id = c.article_id
          LEFT JOIN annotations_resolution r ON r.claim_id = s.claim_id AND r.source_id = s.source_id"""


def _resolution_delta(rows: str, sign: str) -> str:
    return f"""SELECT a.project_id, s.annotator_id, 0 AS units, {sign}1 AS compared,
               {sign}(s.label = r.label)::int AS matching
          FROM {rows} r JOIN annotations_stance s ON s.claim_id = r.claim_id AND s.source_id = r.source_id
          JOIN annotations_claim c ON c.id = r.claim_id JOIN annotations_article a ON a.id = c.article_id"""


def _resolution_days(rows: str, sign: str) -> str:
    return f"""SELECT a.project_id, (r.created_at AT TIME ZONE 'UTC')::date AS day, {sign}1 AS settled
          FROM {rows} r JOIN annotations_claim c ON c.id = r.claim_id
          JOIN annotations_article a ON a.id = c.article_id"""


def _both(event: str, part) -> str:
    if event == "INSERT":
        return part("new_rows", "+")
    if event == "DELETE":
        return part("old_rows", "-")
    return f"{part('new_rows', '+')} UNION ALL {part('old_rows', '-')}"


def _annotator_upsert(delta: str) -> str:
    return f"""
  INSERT INTO {ANNOTATORS} (project_id, annotator_id, units, compared, matching)
    SELECT project_id, annotator_id, sum(units), sum(compared), sum(matching) FROM ({delta}) d
     GROUP BY project_id, annotator_id
    HAVING sum(units) <> 0 OR sum(compared) <> 0 OR sum(matching) <> 0
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET
      units = {ANNOTATORS}.units + EXCLUDED.units, compared = {ANNOTATORS}.compared + EXCLUDED.compared,
      matching = {ANNOTATORS}.matching + EXCLUDED.matching;"""


def _day_upsert(delta: str, column: str, value: str) -> str:
    return f"""
  INSERT INTO {DAYS} (project_id, day, {column})
    SELECT project_id, day, sum({value}) FROM ({delta}) d GROUP BY project_id, day HAVING sum({value}) <> 0
    ON CONFLICT (project_id, day) DO UPDATE SET {column} = {DAYS}.{column} + EXCLUDED.{column};"""


def _function(name: str, body: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
{body}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
"""


def _lock(projects: str) -> str:
    return f"  PERFORM claimtrack_review_lock(ARRAY(SELECT DISTINCT x.project_id FROM ({projects}) x ORDER BY 1));"


def _refresh(articles: str) -> str:
    return f"  PERFORM claimtrack_disputes_refresh(ARRAY(SELECT DISTINCT x.article_id FROM ({articles}) x " \
           "WHERE x.article_id IS NOT NULL ORDER BY 1));"


def _referencing(event: str) -> str:
    return {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]


def _sql() -> tuple[str, str]:
    forward, backward = [TABLES, PROJECT_LOCK, REFRESH, HISTORY_COUNTS], []
    for event in ("INSERT", "DELETE", "UPDATE"):
        bodies = {
            "annotations_stance": "\n".join([
                _lock(_both(event, _stance_delta)),
                _refresh(_articles(_STANCE_ARTICLES, event, "annotations_stance")),
                _annotator_upsert(_both(event, _stance_delta)),
                _day_upsert(_both(event, _stance_delta), "judged", "units"),
            ]),
            "annotations_assignment": _refresh(_articles(_ASSIGNMENT_ARTICLES, event, "annotations_assignment")),
            "annotations_resolution": "\n".join([
                _lock(_both(event, _resolution_days)),
                _refresh(_articles(_RESOLUTION_ARTICLES, event, "annotations_resolution")),
                _annotator_upsert(_both(event, _resolution_delta)),
                _day_upsert(_both(event, _resolution_days), "settled", "settled"),
            ]),
        }
        if event != "INSERT":  # a new claim has no judgements yet
            bodies["annotations_claim"] = _refresh(_articles(_CLAIM_ARTICLES, event, "annotations_claim"))
        for table, body in bodies.items():
            short = table.split("_", 1)[1]
            name = f"claimtrack_review_{short}_{event.lower()}"
            forward.append(_function(name, body))
            forward.append(
                f"CREATE TRIGGER review_{short}_{event.lower()} AFTER {event} ON {table} "
                f"{_referencing(event)} FOR EACH STATEMENT EXECUTE FUNCTION {name}();"
            )
            backward.append(f"DROP TRIGGER IF EXISTS review_{short}_{event.lower()} ON {table};")
            backward.append(f"DROP FUNCTION IF EXISTS {name}();")
    forward.append(f"""
INSERT INTO {DISPUTES} ({COLUMNS}) {DISPUTES_OF.format(arts="ARRAY(SELECT id FROM annotations_article)")};
WITH changed AS (SELECT project_id, everyone, settled, 1 AS d FROM {DISPUTES})
{_COUNT_UPSERT};
INSERT INTO {ANNOTATORS} (project_id, annotator_id, units, compared, matching)
  SELECT a.project_id, s.annotator_id, count(*), count(r.label), count(*) FILTER (WHERE r.label = s.label)
    FROM annotations_stance s JOIN annotations_claim c ON c.id = s.claim_id
    JOIN annotations_article a ON a.id = c.article_id
    LEFT JOIN annotations_resolution r ON r.claim_id = s.claim_id AND r.source_id = s.source_id
   GROUP BY 1, 2;
INSERT INTO {DAYS} (project_id, day, judged, settled)
  SELECT project_id, day, sum(judged), sum(settled) FROM (
    SELECT a.project_id, (s.created_at AT TIME ZONE 'UTC')::date AS day, 1 AS judged, 0 AS settled
      FROM annotations_stance s JOIN annotations_claim c ON c.id = s.claim_id
      JOIN annotations_article a ON a.id = c.article_id
    UNION ALL
    SELECT a.project_id, (r.created_at AT TIME ZONE 'UTC')::date, 0, 1
      FROM annotations_resolution r JOIN annotations_claim c ON c.id = r.claim_id
      JOIN annotations_article a ON a.id = c.article_id) x
   GROUP BY 1, 2;
""")
    backward.append(HISTORY_COUNTS_BEFORE)
    backward.append("DROP FUNCTION IF EXISTS claimtrack_disputes_refresh(bigint[]);")
    backward.append("DROP FUNCTION IF EXISTS claimtrack_review_lock(bigint[]);")
    backward.append(f"DROP TABLE IF EXISTS {DISPUTES}, {DISPUTE_COUNTS}, {ANNOTATORS}, {DAYS};")
    return "\n".join(forward), "\n".join(backward)


HISTORY_COUNTS, HISTORY_COUNTS_BEFORE = _history_counts(True), _history_counts(False)
FORWARD, BACKWARD = _sql()


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0020_verdicts")]

    operations = [
        migrations.CreateModel(
            name="ReviewSnapshot",
            fields=[
                ("project", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="review_snapshot",
                    serialize=False, to="annotations.project")),
                ("version", models.CharField(max_length=64)),
                ("figures", models.JSONField()),
                ("computed_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("seconds", models.FloatField(default=0, help_text="How long the computation took.")),
                ("requested_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
