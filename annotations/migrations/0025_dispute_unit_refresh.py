"""A save that cannot change who works on an article refreshes its own unit only (PostgreSQL).

Every judgement's trigger recomputed the disputes of its whole article (migration 0021):
every unit's labels, the article's annotators, and the dispute counts of each annotator
of each disputed unit, deleted and inserted again. Who counts as the article's annotators
(whoever judged anything in it or finished it) is what makes that necessary, and a single
save changes it only when it is somebody's first judgement in an article they have not
finished. Otherwise (a label changed, or a further unit judged) only the saved unit can
change: `claimtrack_dispute_unit_refresh` recomputes its labels, keeps the article's
annotators of its kept row (or reads them when the unit was not in dispute) and changes
the counts only when the unit enters or leaves the queue. Statements of many rows, deletions
and moves keep the article refresh.

`test_review_kept.py` checks the kept tables against the plain rules after any writes.
"""

import importlib

from django.db import migrations

figures = importlib.import_module("annotations.migrations.0021_review_figures")

# The annotators of article `art` (whoever judged anything in it or finished it), in id order.
ARTICLE_ANNOTATORS = """ARRAY(
      SELECT st.annotator_id FROM annotations_stance st JOIN annotations_claim cl ON cl.id = st.claim_id
       WHERE cl.article_id = art
      UNION
      SELECT g.annotator_id FROM annotations_assignment g WHERE g.article_id = art AND g.status = 'done'
      ORDER BY 1)"""

UNIT_REFRESH = f"""
CREATE OR REPLACE FUNCTION claimtrack_dispute_unit_refresh(c bigint, s bigint) RETURNS void AS $$
DECLARE
  kept {figures.DISPUTES}%ROWTYPE;
  was_kept boolean;
  new_labels text[];
  new_judged bigint[];
  differ boolean;
  n bigint;
  ids bigint[];
  is_settled boolean;
  disputed boolean;
  art bigint;
  proj bigint;
  claim_at integer;
  d integer;
BEGIN
  SELECT * INTO kept FROM {figures.DISPUTES} WHERE claim_id = c AND source_id = s;
  was_kept := FOUND;
  SELECT array_agg(st.label ORDER BY st.annotator_id), array_agg(st.annotator_id ORDER BY st.annotator_id),
         coalesce(min(st.label) <> max(st.label), false), count(*)
    INTO new_labels, new_judged, differ, n
    FROM annotations_stance st WHERE st.claim_id = c AND st.source_id = s;
  IF was_kept THEN
    ids := kept.everyone;
    is_settled := kept.settled;
  ELSE
    SELECT cl.article_id, cl.start, a.project_id INTO art, claim_at, proj
      FROM annotations_claim cl JOIN annotations_article a ON a.id = cl.article_id WHERE cl.id = c;
    ids := {ARTICLE_ANNOTATORS};
    is_settled := coalesce((SELECT r.status = 'resolved' FROM annotations_resolution r
                             WHERE r.claim_id = c AND r.source_id = s), false);
  END IF;
  disputed := n > 0 AND (differ OR (cardinality(ids) >= 2 AND n < cardinality(ids)));
  IF was_kept AND disputed THEN
    UPDATE {figures.DISPUTES} SET labels = new_labels, judged = new_judged
     WHERE claim_id = c AND source_id = s AND (labels, judged) IS DISTINCT FROM (new_labels, new_judged);
    RETURN;
  ELSIF was_kept THEN
    DELETE FROM {figures.DISPUTES} WHERE claim_id = c AND source_id = s;
    proj := kept.project_id;
    d := -1;
  ELSIF disputed THEN
    INSERT INTO {figures.DISPUTES} ({figures.COLUMNS})
      VALUES (c, s, proj, art, claim_at, new_labels, new_judged, ids, is_settled);
    d := 1;
  ELSE
    RETURN;
  END IF;
  -- The unit entered or left the queue: the project's count and each annotator's.
  INSERT INTO {figures.DISPUTE_COUNTS} (project_id, annotator_id, total, settled)
    SELECT proj, x, d, CASE WHEN is_settled THEN d ELSE 0 END FROM unnest(0::bigint || ids) AS x ORDER BY x
    ON CONFLICT (project_id, annotator_id) DO UPDATE SET
      total = {figures.DISPUTE_COUNTS}.total + EXCLUDED.total,
      settled = {figures.DISPUTE_COUNTS}.settled + EXCLUDED.settled;
END $$ LANGUAGE plpgsql;
ALTER FUNCTION claimtrack_dispute_unit_refresh(bigint, bigint) SET plan_cache_mode = force_generic_plan;
"""

# One row saved, and its annotator already among the article's annotators without it (another
# judgement in the article, or the article finished): the save cannot change who they are.
_ONE_INSERT = """
  SELECT count(*) INTO k FROM new_rows;
  IF k = 1 THEN
    SELECT * INTO saved FROM new_rows;
    SELECT cl.article_id INTO art FROM annotations_claim cl WHERE cl.id = saved.claim_id;
    one_unit := EXISTS (SELECT 1 FROM annotations_stance st JOIN annotations_claim cl ON cl.id = st.claim_id
                         WHERE cl.article_id = art AND st.annotator_id = saved.annotator_id AND st.id <> saved.id)
             OR EXISTS (SELECT 1 FROM annotations_assignment g
                         WHERE g.article_id = art AND g.annotator_id = saved.annotator_id AND g.status = 'done');
  END IF;"""

# One row changed in its label only (the same person's judgement of the same unit).
_ONE_UPDATE = """
  SELECT count(*) INTO k FROM new_rows;
  IF k = 1 THEN
    SELECT * INTO saved FROM new_rows;
    SELECT * INTO before FROM old_rows;
    one_unit := before.id = saved.id AND before.claim_id = saved.claim_id AND before.source_id = saved.source_id
                AND before.annotator_id = saved.annotator_id;
    IF one_unit AND before.label IS NOT DISTINCT FROM saved.label THEN
      done := true;  -- a note or a time changed: no figure moves
    END IF;
  END IF;"""


def _stance_function(event: str, fast: bool) -> str:
    name = f"claimtrack_review_stance_{event.lower()}"
    refresh = figures._refresh(figures._articles(figures._STANCE_ARTICLES, event, "annotations_stance"))
    tallies = [figures._annotator_upsert(figures._both(event, figures._stance_delta)),
               figures._day_upsert(figures._both(event, figures._stance_delta), "judged", "units")]
    lock = figures._lock(figures._both(event, figures._stance_delta))
    if not fast:  # as migration 0021 made it
        return figures._function(name, "\n".join([lock, refresh, *tallies]))
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
DECLARE
  k bigint;
  saved annotations_stance%ROWTYPE;
  before annotations_stance%ROWTYPE;
  art bigint;
  one_unit boolean := false;
  done boolean := false;
BEGIN
{lock}
{_ONE_INSERT if event == "INSERT" else _ONE_UPDATE}
  IF one_unit THEN
    IF NOT done THEN
      PERFORM claimtrack_dispute_unit_refresh(saved.claim_id, saved.source_id);
    END IF;
  ELSE
  {refresh}
  END IF;
{"".join(tallies)}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNIT_REFRESH + "".join(_stance_function(e, True) for e in ("INSERT", "UPDATE")),
                              params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("".join(_stance_function(e, False) for e in ("INSERT", "UPDATE"))
                              + "DROP FUNCTION IF EXISTS claimtrack_dispute_unit_refresh(bigint, bigint);", params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0024_review_snapshot_page")]

    operations = [migrations.RunPython(forward, backward)]
