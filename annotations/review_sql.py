"""The disagreement queue on PostgreSQL, read from the tables the triggers keep.

Migration 0021 keeps one row per disputed unit (`annotations_dispute`) and the counts of
disputes per project and annotator (`annotations_disputecount`), changed by the same
statement that changes a judgement, an assignment or a resolution. A page walks the
project's disputed units in reading order through an index and stops after its units;
the figures over the whole queue come from the counts. Neither depends on a cache, so
the first request after a change costs what the next one does, at any project size.
"""

from __future__ import annotations

from django.db import connection

from annotations import units
from annotations.models import Project
from annotations.units import MISSING, Judgement, Queue

ARTICLE_CHOICES = 200  # articles offered in the filter; the page's own are always added

# One page of the queue: the disputed units in reading order from the kept table (an index
# walk that stops after the page), then per unit its judgements and the article's annotators
# by name, ordered by username as the Python path orders them.
_PAGE = """
SELECT d.article_id, d.claim_id, d.source_id, d.claim_start,
       ARRAY(SELECT au.username FROM auth_user au WHERE au.id = ANY(d.everyone)) AS everyone,
       j.names, j.labels, j.notes, j.span_start, j.span_end
FROM (SELECT * FROM annotations_dispute WHERE project_id = %s AND {where}
      ORDER BY article_id, claim_start, claim_id, source_id{page}) d
CROSS JOIN LATERAL (
    SELECT array_agg(au.username ORDER BY au.username) AS names,
           array_agg(s.label ORDER BY au.username) AS labels,
           array_agg(s.note ORDER BY au.username) AS notes,
           (array_agg(s.start ORDER BY au.username) FILTER (WHERE s.start IS NOT NULL))[1] AS span_start,
           (array_agg(s."end" ORDER BY au.username) FILTER (WHERE s.start IS NOT NULL))[1] AS span_end
    FROM annotations_stance s JOIN auth_user au ON au.id = s.annotator_id
    WHERE s.claim_id = d.claim_id AND s.source_id = d.source_id
) j
ORDER BY d.article_id, d.claim_start, d.claim_id, d.source_id
"""

# The whole queue's figures from the kept counts: per project (annotator_id 0) and per
# annotator, the units in dispute and those settled; the first articles with a dispute
# (an index walk that stops after ARTICLE_CHOICES of them).
_SUMMARY = f"""
SELECT (SELECT json_agg(json_build_array(c.annotator_id, au.username, c.total, c.settled))
        FROM (SELECT annotator_id, sum(total) AS total, sum(settled) AS settled FROM annotations_disputecount
              WHERE project_id = %s GROUP BY annotator_id HAVING sum(total) > 0) c
        LEFT JOIN auth_user au ON au.id = c.annotator_id),
       (SELECT json_agg(json_build_array(ar.id, ar.title) ORDER BY ar.id)
        FROM annotations_article ar WHERE ar.id IN (
            SELECT DISTINCT article_id FROM annotations_dispute WHERE project_id = %s
            ORDER BY 1 LIMIT {ARTICLE_CHOICES}))
"""


def _filters(labels, annotator, article, status) -> tuple[str, list]:
    """SQL conditions on a row of annotations_dispute for the queue's filters."""
    sql, params = [], []
    if status == "open":
        sql.append("NOT settled")
    elif status == "settled":
        sql.append("settled")
    for label in labels or ():
        if label == MISSING:
            sql.append("cardinality(judged) < cardinality(everyone)")
        else:
            sql.append("%s = ANY(labels)")
            params.append(label)
    if annotator:
        sql.append("(SELECT id FROM auth_user WHERE username = %s) = ANY(everyone)")
        params.append(annotator)
    if article:
        sql.append("article_id = %s")
        params.append(article)
    return (" AND ".join(sql) or "TRUE"), params


def queue_summary(project: Project, *, labels=None, annotator=None, article=None, status="open") -> dict:
    """total, count (after the filters), annotators and articles of the queue.

    Read from the counts the triggers keep (migration 0021), so the first request after a
    change costs what any other does. A filter on labels or an article counts the disputes
    it selects (an index range of the project's, or of the article's, disputed units).
    """
    with connection.cursor() as cursor:
        cursor.execute(_SUMMARY, [project.pk, project.pk])
        counts, articles = cursor.fetchone()
        per = {who: (name, total, settled) for who, name, total, settled in counts or []}
        _name, total, settled = per.get(0, (None, 0, 0))
        if labels or article:
            where, params = _filters(labels, annotator, article, status)
            cursor.execute(f"SELECT count(*) FROM annotations_dispute WHERE project_id = %s AND {where}",
                           [project.pk, *params])
            count = cursor.fetchone()[0]
        else:
            if annotator:
                _name, total_of, settled_of = next(
                    (row for who, row in per.items() if who and row[0] == annotator), (None, 0, 0))
            else:
                total_of, settled_of = total, settled
            count = {"open": total_of - settled_of, "settled": settled_of}.get(status, total_of)
    return {"total": total, "count": count,
            "annotators": sorted(name for who, (name, _t, _s) in per.items() if who and name is not None),
            "articles": [(pk, title) for pk, title in articles or []]}


def disputed_units(project: Project, *, labels=None, annotator=None, article=None, status="open",
                   limit=None, offset=0, summary: dict | None = None) -> Queue:
    """One page of the queue; `summary` spares reading the cached summary again."""
    where, params = _filters(labels, annotator, article, status)
    if summary is None:
        summary = queue_summary(project, labels=labels, annotator=annotator, article=article, status=status)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(_PAGE.format(where=where, page=page), [project.pk, *params])
        rows = cursor.fetchall()

    found = []
    for (_article_id, claim_id, source_id, _start, everyone, names, labels_, notes,
         span_start, span_end) in rows:
        given = {name: (label, note) for name, label, note in zip(names, labels_, notes, strict=True)}
        judgements = [Judgement(name, *given[name]) if name in given else Judgement(name, None)
                      for name in sorted(everyone)]
        span = (span_start, span_end) if span_start is not None else None
        found.append(((claim_id, source_id), judgements, span))
    result = units.disputed_units(found)
    articles = {item.article_id: item.article_title for item in result}
    articles.update(dict(summary["articles"]))
    return Queue(units=result, annotators=summary["annotators"], articles=sorted(articles.items()),
                 total=summary["total"], count=summary["count"])
