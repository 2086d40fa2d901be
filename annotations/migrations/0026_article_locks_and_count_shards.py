"""Saves in different articles of one project no longer wait for each other (PostgreSQL).

Every trigger that changes a project's kept figures took the project's advisory lock
(migration 0021) and held it to the end of its transaction, the commit's WAL flush included,
and the counts every save changes were rows of the project: the project's saves ran one at
a time. Under the load test the saving statements spent more time waiting for that lock than
running (43 s of waiting in 30 s of work, 2.1 ms per call). Now:

* A write locks the articles it touches, in id order (`claimtrack_articles_lock`), under
  the project's lock taken shared. A statement of more than `MANY` articles (an import, a
  bulk change, a deletion) takes the project's lock exclusively instead, so it holds one
  lock rather than thousands and still waits for, and shuts out, every save in the project.
  A unit's figures (its dispute, the tallies of its judgements against its final label) are
  worked out from its article's rows only, so the article's lock keeps them exact.
* The counts that every save adds to (the project's disputes per annotator, its judgements
  and settlements per day, its History changes, its finished articles) are split into
  shards: a row's `shard` defaults to its connection's (`pg_backend_pid() % SHARDS`), so the
  triggers' upserts, unchanged but for their conflict target, add to their own
  connection's row, and two saves seldom update one row. Readers add the shards up. The
  per-annotator tallies stay one row each: one person saves one judgement at a time.

`test_review_kept.py` checks the kept tables against the plain rules after any writes,
concurrent ones in several articles included.
"""

import importlib

from django.db import migrations, models

progress = importlib.import_module("annotations.migrations.0005_perf_progress_counts")
history = importlib.import_module("annotations.migrations.0009_history_change_counts")
figures = importlib.import_module("annotations.migrations.0021_review_figures")
generic = importlib.import_module("annotations.migrations.0022_dispute_refresh_generic_plan")
unit_refresh = importlib.import_module("annotations.migrations.0025_dispute_unit_refresh")

SHARDS = 16
MANY = 16  # articles a statement may lock one by one; more take the project's lock
PROJECT_KEY, ARTICLE_KEY = 727274, 727275  # advisory lock classes (727274: migration 0021's)

# The sharded tables: (table, key without the shard, the counted columns).
SHARDED = [
    (progress.COUNTS, "project_id, annotator_id", ["n"]),
    (figures.DISPUTE_COUNTS, "project_id, annotator_id", ["total", "settled"]),
    (figures.DAYS, "project_id, day", ["judged", "settled"]),
]

ARTICLES_LOCK = f"""
CREATE OR REPLACE FUNCTION claimtrack_articles_lock(arts bigint[]) RETURNS void AS $$
DECLARE
  ids bigint[] := ARRAY(SELECT DISTINCT x FROM unnest(arts) AS x WHERE x IS NOT NULL ORDER BY 1);
  many boolean := cardinality(ids) > {MANY};
  x bigint;
BEGIN
  FOR x IN SELECT DISTINCT project_id FROM annotations_article WHERE id = ANY(ids) ORDER BY 1 LOOP
    IF many THEN
      PERFORM pg_advisory_xact_lock({PROJECT_KEY}, (x % 2147483647)::int);
    ELSE
      PERFORM pg_advisory_xact_lock_shared({PROJECT_KEY}, (x % 2147483647)::int);
    END IF;
  END LOOP;
  IF NOT many THEN
    FOREACH x IN ARRAY ids LOOP
      PERFORM pg_advisory_xact_lock({ARTICLE_KEY}, (x % 2147483647)::int);
    END LOOP;
  END IF;
END $$ LANGUAGE plpgsql;
ALTER FUNCTION claimtrack_articles_lock(bigint[]) SET plan_cache_mode = force_generic_plan;
"""

_OLD_REFRESH_LOCK = """  PERFORM claimtrack_review_lock(ARRAY(
    SELECT DISTINCT project_id FROM annotations_article WHERE id = ANY(arts) ORDER BY 1));"""


def _replaced(sql: str, *pairs: tuple[str, str]) -> str:
    """`sql` with each (old, new) replaced; every old text must be there."""
    for old, new in pairs:
        if old not in sql:
            raise ValueError(f"not in the function being changed: {old[:80]}")
        sql = sql.replace(old, new)
    return sql


def _sharded(sql: str) -> str:
    """A function of an earlier migration with its upserts of sharded counts adding to their
    shard's row: the conflict target of each `INSERT INTO <sharded table>` gains the shard."""
    statements = sql.split("INSERT INTO ")
    for i, statement in enumerate(statements[1:], 1):
        for table, key, _columns in SHARDED:
            if statement.startswith(f"{table} "):
                statements[i] = _replaced(statement, (f"ON CONFLICT ({key})", f"ON CONFLICT ({key}, shard)"))
    return "INSERT INTO ".join(statements)


def _lock(articles: str) -> str:
    return f"  PERFORM claimtrack_articles_lock(ARRAY(SELECT x.article_id FROM ({articles}) x));"


def _review_function(table: str, event: str) -> tuple[str, str]:
    """The review trigger function of `table` and `event` before this migration (0021's; 0025's
    for a judgement saved or changed), and as this migration makes it: the articles' locks for
    the project's, and sharded day counts."""
    short = table.split("_", 1)[1]
    if table == "annotations_stance":
        articles = figures._articles(figures._STANCE_ARTICLES, event, table)
        deltas, column = figures._stance_delta, ("judged", "units")
        tally = figures._stance_delta
    else:
        articles = figures._articles(figures._RESOLUTION_ARTICLES, event, table)
        deltas, column = figures._resolution_days, ("settled", "settled")
        tally = figures._resolution_delta
    old_lock = figures._lock(figures._both(event, deltas))
    if table == "annotations_stance" and event != "DELETE":
        before = unit_refresh._stance_function(event, True)
    else:
        before = figures._function(f"claimtrack_review_{short}_{event.lower()}", "\n".join([
            old_lock,
            figures._refresh(articles),
            figures._annotator_upsert(figures._both(event, tally)),
            figures._day_upsert(figures._both(event, deltas), *column),
        ]))
    return before, _sharded(_replaced(before, (old_lock, _lock(articles))))


def _functions(new: bool) -> str:
    """Every function that writes a sharded count or takes the review lock: as this migration
    makes them (`new`), or as they were before it."""
    def pick(before: str) -> str:
        return _sharded(before) if new else before

    refresh = _replaced(figures.REFRESH, (_OLD_REFRESH_LOCK, "  PERFORM claimtrack_articles_lock(arts);"))
    parts = [ARTICLES_LOCK if new else figures.PROJECT_LOCK, _sharded(refresh) if new else figures.REFRESH,
             f"ALTER FUNCTION {generic.FUNCTION} SET plan_cache_mode = force_generic_plan;",
             pick(unit_refresh.UNIT_REFRESH)]
    for event in ("INSERT", "DELETE", "UPDATE"):
        for table, delta in (("annotations_article", progress.ARTICLE_DELTA[event]),
                             ("annotations_assignment", progress._assignment_delta(progress.DONE_ROWS[event]))):
            parts.append(pick(progress._function(f"claimtrack_progress_{table.split('_', 1)[1]}_{event.lower()}",
                                                 delta)))
        for table in ("annotations_stance", "annotations_resolution"):
            parts.append(_review_function(table, event)[1 if new else 0])
    # The History counts take no lock once sharded: it only ordered the updates of one row.
    parts.append(_sharded(figures._history_counts(False)) if new else figures._history_counts(True))
    return "\n".join(parts)


def _tables(new: bool) -> str:
    statements = []
    for table, key, columns in SHARDED:
        if new:
            if table != progress.COUNTS:  # the model's field, added by the operation below
                statements.append(f"ALTER TABLE {table} ADD COLUMN shard smallint NOT NULL DEFAULT 0;")
                statements.append(f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, ADD PRIMARY KEY ({key}, shard);")
            statements.append(f"ALTER TABLE {table} ALTER COLUMN shard SET DEFAULT (pg_backend_pid() % {SHARDS});")
        else:  # the shards added up into one row per key again
            sums = ", ".join(f"sum({c})" for c in columns)
            statements.append(f"WITH gone AS (DELETE FROM {table} RETURNING *) INSERT INTO {table} "
                              f"({key}, {', '.join(columns)}, shard) SELECT {key}, {sums}, 0 FROM gone GROUP BY {key};")
            statements.append(f"ALTER TABLE {table} ALTER COLUMN shard SET DEFAULT 0;")
            if table != progress.COUNTS:
                statements.append(f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, ADD PRIMARY KEY ({key}), "
                                  "DROP COLUMN shard;")
    return "\n".join(statements)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_tables(True) + _functions(True)
                              + "DROP FUNCTION IF EXISTS claimtrack_review_lock(bigint[]);", params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_tables(False) + _functions(False)
                              + "DROP FUNCTION IF EXISTS claimtrack_articles_lock(bigint[]);", params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0025_dispute_unit_refresh")]

    operations = [
        migrations.AddField(model_name="progresscount", name="shard", field=models.SmallIntegerField(default=0)),
        migrations.RemoveConstraint(model_name="progresscount", name="progress_count_once"),
        migrations.AddConstraint(
            model_name="progresscount",
            constraint=models.UniqueConstraint(fields=["project_id", "annotator_id", "shard"],
                                               name="progress_count_shard_once"),
        ),
        migrations.RunPython(forward, backward),
    ]
