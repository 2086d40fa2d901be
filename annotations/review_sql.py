"""The disagreement queue on PostgreSQL: the dispute test, filters and order in SQL.

A page walks the project's articles in id order through the index `article_project_id`
and stops after its units (a nested loop with an incremental sort), so its cost does not
grow with the project. The figures over the whole queue (counts, annotators, articles)
are one grouped pass, cached per project version (`review_cache`).
"""

from __future__ import annotations

from django.db import connection

from annotations import review_cache, units
from annotations.models import Project, Resolution
from annotations.units import MISSING, Judgement, Queue

ARTICLE_CHOICES = 200  # articles offered in the filter; the page's own are always added

# Per article: everyone who judged anything in it or finished it (sorted in Python), and
# per unit of its claims the judgements, ordered by username as the Python path orders them.
_UNITS = f"""
SELECT a.id AS article_id, u.claim_id, u.source_id, u.claim_start, p.everyone, u.names, u.labels,
       u.notes, u.span_start, u.span_end, u.n, r.status AS r_status
FROM annotations_article a
CROSS JOIN LATERAL (
    SELECT ARRAY(
        SELECT au.username FROM auth_user au WHERE au.id IN (
            SELECT annotator_id FROM ({units.annotators_sql("a.id")}) aa)
    ) AS everyone
) p
CROSS JOIN LATERAL (
    SELECT s.claim_id, s.source_id, c.start AS claim_start,
           array_agg(au.username ORDER BY au.username) AS names,
           array_agg(s.label ORDER BY au.username) AS labels,
           array_agg(s.note ORDER BY au.username) AS notes,
           (array_agg(s.start ORDER BY au.username) FILTER (WHERE s.start IS NOT NULL))[1] AS span_start,
           (array_agg(s."end" ORDER BY au.username) FILTER (WHERE s.start IS NOT NULL))[1] AS span_end,
           count(*) AS n
    FROM annotations_claim c
    JOIN annotations_stance s ON s.claim_id = c.id
    JOIN auth_user au ON au.id = s.annotator_id
    WHERE c.article_id = a.id
    GROUP BY c.start, s.claim_id, s.source_id
    HAVING {units.disputed_sql("count(DISTINCT s.label) > 1", "count(*)", "cardinality(p.everyone)")}
) u
LEFT JOIN annotations_resolution r ON r.claim_id = u.claim_id AND r.source_id = u.source_id
WHERE a.project_id = %s
"""


# The same units as _UNITS for the whole project at once, with hash aggregates (no per-article
# loop): what the summary counts.
_ALL_UNITS = f"""
WITH arts AS (SELECT id FROM annotations_article WHERE project_id = %s),
people AS ({units.annotators_sql("SELECT id FROM arts")}),
everyone AS (
    SELECT p.article_id, array_agg(au.username) AS everyone
    FROM people p JOIN auth_user au ON au.id = p.annotator_id GROUP BY p.article_id),
units AS (
    SELECT c.article_id, s.claim_id, s.source_id, array_agg(s.label) AS labels, count(*) AS n,
           min(s.label) <> max(s.label) AS differ
    FROM annotations_stance s
    JOIN annotations_claim c ON c.id = s.claim_id JOIN arts a ON a.id = c.article_id
    GROUP BY c.article_id, s.claim_id, s.source_id),
d AS (
    SELECT u.article_id, u.claim_id, u.source_id, e.everyone, u.labels, u.n, r.status AS r_status
    FROM units u JOIN everyone e USING (article_id)
    LEFT JOIN annotations_resolution r ON r.claim_id = u.claim_id AND r.source_id = u.source_id
    WHERE {units.disputed_sql("u.differ", "u.n", "cardinality(e.everyone)")})
"""


def _filters(labels, annotator, article, status) -> tuple[str, list]:
    """SQL conditions on a row of _UNITS for the queue's filters."""
    sql, params = [], []
    if status == "open":
        sql.append("(r_status IS NULL OR r_status <> %s)")
        params.append(Resolution.Status.RESOLVED)
    elif status == "settled":
        sql.append("r_status = %s")
        params.append(Resolution.Status.RESOLVED)
    for label in labels or ():
        if label == MISSING:
            sql.append("n < cardinality(everyone)")
        else:
            sql.append("%s = ANY(labels)")
            params.append(label)
    if annotator:
        sql.append("%s = ANY(everyone)")
        params.append(annotator)
    if article:
        sql.append("article_id = %s")
        params.append(article)
    return (" AND ".join(sql) or "TRUE"), params


def _summary(project: Project, where: str, params: list) -> dict:
    """Counts, annotators and articles of the whole queue: one grouped pass over the project."""
    query = f"""{_ALL_UNITS}
    SELECT (SELECT count(*) FROM d),
           (SELECT count(*) FROM d WHERE {where}),
           (SELECT array_agg(DISTINCT x) FROM d, unnest(d.everyone) x),
           (SELECT json_agg(json_build_array(ar.id, ar.title) ORDER BY ar.id)
            FROM annotations_article ar WHERE ar.id IN (
                SELECT DISTINCT article_id FROM d ORDER BY 1 LIMIT {ARTICLE_CHOICES}))
    """
    with connection.cursor() as cursor:
        cursor.execute(query, [project.pk, *params])
        total, count, annotators, articles = cursor.fetchone()
    return {"total": total, "count": count, "annotators": sorted(annotators or []),
            "articles": [(pk, title) for pk, title in articles or []]}


def queue_summary(project: Project, *, labels=None, annotator=None, article=None, status="open") -> dict:
    """total, count (after the filters), annotators and articles of the queue (cached)."""
    where, params = _filters(labels, annotator, article, status)
    key = ("queue", labels, annotator, article, status)
    return review_cache.remember(project, key, lambda: _summary(project, where, params))


def disputed_units(project: Project, *, labels=None, annotator=None, article=None, status="open",
                   limit=None, offset=0, summary: dict | None = None) -> Queue:
    """One page of the queue; `summary` spares reading the cached summary again."""
    where, params = _filters(labels, annotator, article, status)
    if summary is None:
        summary = queue_summary(project, labels=labels, annotator=annotator, article=article, status=status)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    query = (f"SELECT * FROM ({_UNITS}) d WHERE {where} "
             f"ORDER BY article_id, claim_start, claim_id, source_id{page}")
    with connection.cursor() as cursor:
        cursor.execute(query, [project.pk, *params])
        rows = cursor.fetchall()

    found = []
    for (_article_id, claim_id, source_id, _start, everyone, names, labels_, notes,
         span_start, span_end, _n, _status) in rows:
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
