"""Somebody's first judgement in an article joins them to its disputes instead of recomputing them (PostgreSQL).

Who counts as an article's annotators changes with somebody's first judgement in it, and the
save's trigger then recomputed the whole article (migration 0021): every unit's labels from
every judgement, twice (once for the counts, once for the rows), every dispute row deleted and
inserted again, and the counts of every annotator of every disputed unit netted out. With many
annotators per article that was the costliest part of PostgreSQL's work under the API load test
(`claimtrack_disputes_refresh`: 1,687 calls, 3.8 ms each, 0.21 of the machine's 2 cores).

What such a save can change follows from the rule of a dispute (judgements that differ, or some
of the article's two or more annotators without one), and `claimtrack_dispute_join` does only that:

* every unit of the article in dispute stays so (the newcomer has not judged it, or, for the
  unit just judged, its difference or its missing judgement remains), and the newcomer joins
  its annotators: one update of the article's rows and one count, the newcomer's;
* a judged unit that was not in dispute is recomputed from its own judgements and enters the
  queue if the rule now holds (with the newcomer, a unit the others agreed on lacks a judgement);
* the unit just judged gets its labels.

`test_review_kept.py` checks the kept tables against the plain rules after any writes.
"""

import importlib

from django.db import migrations

figures = importlib.import_module("annotations.migrations.0021_review_figures")
shards = importlib.import_module("annotations.migrations.0026_article_locks_and_count_shards")
unit_refresh = importlib.import_module("annotations.migrations.0025_dispute_unit_refresh")

DISPUTES, COUNTS = figures.DISPUTES, figures.DISPUTE_COUNTS
_ADD_COUNTS = f"""ON CONFLICT (project_id, annotator_id, shard) DO UPDATE SET
      total = {COUNTS}.total + EXCLUDED.total, settled = {COUNTS}.settled + EXCLUDED.settled"""

JOIN = f"""
CREATE OR REPLACE FUNCTION claimtrack_dispute_join(art bigint, who bigint, c bigint, s bigint) RETURNS void AS $$
DECLARE
  ids bigint[];
  proj bigint;
BEGIN
  SELECT a.project_id INTO proj FROM annotations_article a WHERE a.id = art;
  ids := {unit_refresh.ARTICLE_ANNOTATORS};
  -- The article's disputes stay disputes: the newcomer joins their annotators, and their count.
  WITH joined AS (
    UPDATE {DISPUTES} SET everyone = ids WHERE article_id = art RETURNING settled)
  INSERT INTO {COUNTS} (project_id, annotator_id, total, settled)
    SELECT proj, who, count(*), count(*) FILTER (WHERE settled) FROM joined HAVING count(*) > 0
  {_ADD_COUNTS};
  -- The judged units that were not disputes: in the queue now if the rule holds.
  WITH added AS (
    INSERT INTO {DISPUTES} ({figures.COLUMNS})
    SELECT u.claim_id, u.source_id, proj, art, u.start, u.labels, u.judged, ids,
           coalesce(r.status = 'resolved', false)
      FROM (SELECT cl.start, st.claim_id, st.source_id,
                   array_agg(st.label ORDER BY st.annotator_id) AS labels,
                   array_agg(st.annotator_id ORDER BY st.annotator_id) AS judged,
                   min(st.label) <> max(st.label) AS differ, count(*) AS n
              FROM annotations_stance st JOIN annotations_claim cl ON cl.id = st.claim_id
             WHERE cl.article_id = art AND NOT EXISTS (
                   SELECT 1 FROM {DISPUTES} d WHERE d.claim_id = st.claim_id AND d.source_id = st.source_id)
             GROUP BY cl.start, st.claim_id, st.source_id) u
      LEFT JOIN annotations_resolution r ON r.claim_id = u.claim_id AND r.source_id = u.source_id
     WHERE u.differ OR (cardinality(ids) >= 2 AND u.n < cardinality(ids))
    RETURNING settled)
  INSERT INTO {COUNTS} (project_id, annotator_id, total, settled)
    SELECT proj, x, count(*), count(*) FILTER (WHERE settled) FROM added, unnest(0::bigint || ids) AS x
     GROUP BY x ORDER BY x
  {_ADD_COUNTS};
  -- The unit just judged, if it was a dispute already: its labels with the newcomer's.
  UPDATE {DISPUTES} d SET labels = j.labels, judged = j.judged
    FROM (SELECT array_agg(st.label::text ORDER BY st.annotator_id) AS labels,
                 array_agg(st.annotator_id::bigint ORDER BY st.annotator_id) AS judged
            FROM annotations_stance st WHERE st.claim_id = c AND st.source_id = s) j
   WHERE d.claim_id = c AND d.source_id = s AND (d.labels, d.judged) IS DISTINCT FROM (j.labels, j.judged);
END $$ LANGUAGE plpgsql;
ALTER FUNCTION claimtrack_dispute_join(bigint, bigint, bigint, bigint) SET plan_cache_mode = force_generic_plan;
"""

_BRANCH = """  ELSE
    PERFORM claimtrack_disputes_refresh("""
# One row inserted by someone with no judgement in the article and not done with it (the
# variables of migration 0025's test): they join it.
_JOIN_BRANCH = """  ELSIF k = 1 THEN
    PERFORM claimtrack_dispute_join(art, saved.annotator_id, saved.claim_id, saved.source_id);
""" + _BRANCH


def _stance_insert(join: bool) -> str:
    function = shards._review_function("annotations_stance", "INSERT")[1]
    return shards._replaced(function, (_BRANCH, _JOIN_BRANCH)) if join else function


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(JOIN + _stance_insert(True), params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_stance_insert(False) + "DROP FUNCTION IF EXISTS claimtrack_dispute_join(bigint, bigint, "
                              "bigint, bigint);", params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0026_article_locks_and_count_shards")]

    operations = [migrations.RunPython(forward, backward)]
