"""Review: agreement figures of a project, its disputed units and their resolutions.

Read paths shared by the review pages, the API and the `agreement` command. Each
runs a fixed number of queries whatever the size of the project.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics

import numpy as np
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from annotations import agreement, review_sql, units
from annotations.models import Claim, Project, Resolution, Stance
from annotations.units import MISSING, DisputedUnit, Judgement, Queue

__all__ = ["MISSING", "DisputedUnit", "Judgement", "Queue"]


def project_agreement(project: Project) -> dict:
    """Every agreement figure of a project, annotators named by username (two queries)."""
    rows = (
        Stance.objects.for_project(project)
        .order_by("claim_id", "source_id", "annotator_id")
        .values_list("claim_id", "source_id", "annotator_id", "label",
                     "claim__article_id", "claim__start", "claim__end")
    )
    columns = [list(col) for col in zip(*rows, strict=True)] if rows else [[]] * 7
    claims, sources, annotators, labels, articles, starts, ends = columns
    if claims:
        claim_ids = np.asarray(claims, dtype=np.int64)
        source_ids = np.asarray(sources, dtype=np.int64)
        units = claim_ids * (int(source_ids.max()) + 1) + source_ids  # sorted as the rows are
    else:
        units = []
    # Labels given outside the project's set (`rejected` first of all) are categories too.
    extra = [label for label in set(labels) if label not in project.labels]
    tab = agreement.table(units, annotators, labels, list(project.labels) + sorted(extra))
    report = agreement.report(tab, fleiss_raters=project.overlap)
    names = dict(
        get_user_model().objects.filter(pk__in=tab.annotators).values_list("pk", "username")
    )
    report["annotators"] = [names.get(pk, str(pk)) for pk in tab.annotators]
    for pair in report["cohen_kappa"]:
        pair["a"], pair["b"] = names.get(pair["a"], pair["a"]), names.get(pair["b"], pair["b"])
    report["structure"] = _structure(project, annotators, sources, labels, articles, starts, ends, names)
    report["project"] = project.slug
    return report


def _structure(project, annotators, sources, labels, articles, starts, ends, names) -> dict:
    """Agreement on which units exist, annotators by name: one query for who finished what."""
    items = [
        agreement.StructureItem(article, names.get(who, str(who)), source, start, end, label)
        for who, source, label, article, start, end
        in zip(annotators, sources, labels, articles, starts, ends, strict=True)
    ]
    done = units.finished(Q(article__project=project), who="annotator__username")
    judged = {(item.article, item.annotator) for item in items}
    return agreement.structure_agreement(items, units.article_annotators(judged, done))


def resolution_state(resolution: Resolution) -> dict:
    """A resolution as the API and conflict messages show it."""
    return {
        "claim": resolution.claim_id, "source": resolution.source_id, "label": resolution.label,
        "status": resolution.status, "reason": resolution.reason,
        "resolved_by": resolution.resolved_by.username if resolution.resolved_by_id else None,
        "version": resolution.version, "updated_at": resolution.updated_at.isoformat(),
    }


# --- Disputed units ---------------------------------------------------------------------------


def disputed_units(
    project: Project, *, labels: tuple[str, str] | None = None, annotator: str | None = None,
    article: int | None = None, status: str = "open", claim_id: int | None = None,
    limit: int | None = None, offset: int = 0,
) -> Queue:
    """The project's units in dispute (see `_disputed_units_python` for the rules).

    On PostgreSQL the dispute test, the filters and the order run in SQL, and with `limit`
    only that page of units is read (`Queue.units`); `Queue.count`, `total`, `annotators`
    and `articles` come from one summary per project version, cached in the database cache.
    """
    if connection.vendor != "postgresql" or claim_id is not None:
        queue = _disputed_units_python(project, labels=labels, annotator=annotator, article=article,
                                       status=status, claim_id=claim_id)
        queue.count = len(queue.units)
        if limit is not None:
            queue.units = queue.units[offset:offset + limit]
        return queue
    return review_sql.disputed_units(project, labels=labels, annotator=annotator, article=article,
                                     status=status, limit=limit, offset=offset)


class QueuePages:
    """The queue as Django's Paginator reads it: `count()` from the cached summary
    (PostgreSQL) or the whole queue (elsewhere); a slice reads that page of units only.
    The page read last stays in `queue`, with the filters' choices (annotators, articles).
    """

    def __init__(self, project: Project, filters: dict):
        self.project, self.filters = project, filters
        self.queue: Queue | None = None
        self._summary: dict | None = None
        self._whole: Queue | None = None

    def _python_whole(self) -> Queue | None:
        """Elsewhere than PostgreSQL, the whole queue, computed once (for count() or a slice, whichever
        comes first: the API's cursor pages slice without counting)."""
        if self._whole is None and connection.vendor != "postgresql":
            self._whole = _disputed_units_python(self.project, **self.filters)
        return self._whole

    def count(self) -> int:
        if self._python_whole() is not None:
            return len(self._whole.units)
        self._summary = review_sql.queue_summary(self.project, **self.filters)
        return self._summary["count"]

    def __getitem__(self, index: slice) -> list[DisputedUnit]:
        whole = self._python_whole()
        if whole is not None:
            self.queue = Queue(units=whole.units[index], annotators=whole.annotators, articles=whole.articles,
                               total=whole.total, count=len(whole.units))
        else:
            self.queue = review_sql.disputed_units(self.project, **self.filters, limit=index.stop - index.start,
                                                   offset=index.start, summary=self._summary)
        return self.queue.units


def disputed_count(project: Project, **filters) -> int:
    """How many units the queue holds with these filters (all pages)."""
    if connection.vendor != "postgresql":
        return len(_disputed_units_python(project, **filters).units)
    return review_sql.queue_summary(project, **filters)["count"]


def _disputed_units_python(
    project: Project, *, labels: tuple[str, str] | None = None, annotator: str | None = None,
    article: int | None = None, status: str = "open", claim_id: int | None = None,
) -> Queue:
    """The project's units in dispute, each with its passage, every judgement and the suggestion.

    A unit is disputed as `units.is_disputed` says, among the article's annotators
    (`units.article_annotators`). `status` is "open" (not settled by a lead), "settled",
    or "all". `labels` keeps units whose judgements include both labels (MISSING stands
    for an absent judgement). Five queries, whatever the number of units.
    """
    stance_rows = Stance.objects.for_project(project)
    articles = Q(article__project=project)
    if claim_id is not None:
        # The claim's whole article: its annotators are whoever judged anything in it.
        article_of_claim = Subquery(Claim.objects.filter(pk=claim_id).values("article_id"))
        stance_rows = stance_rows.filter(claim__article_id=article_of_claim)
        articles = Q(article_id=article_of_claim)
    stances = list(
        stance_rows
        .order_by("claim_id", "source_id", "annotator__username")
        .values_list("claim_id", "source_id", "claim__article_id", "annotator__username", "label",
                     "note", "start", "end")
    )
    article_annotators = units.article_annotators(
        ((row[2], row[3]) for row in stances), units.finished(articles, who="annotator__username"))
    by_unit: dict[tuple[int, int], list] = {}
    for row in stances:
        by_unit.setdefault((row[0], row[1]), []).append(row)

    found = []
    for key, rows in by_unit.items():
        everyone = article_annotators[rows[0][2]]
        if not units.is_disputed([row[4] for row in rows], len(everyone)):
            continue
        given = {row[3]: row for row in rows}
        judgements = [
            Judgement(name, given[name][4], given[name][5]) if name in given else Judgement(name, None)
            for name in sorted(everyone)
        ]
        span = next(((row[6], row[7]) for row in rows if row[6] is not None), None)
        found.append((key, judgements, span))
    result = units.disputed_units(found, reading_order=True)
    all_annotators = {j.annotator for item in result for j in item.judgements}
    articles_seen = {item.article_id: item.article_title for item in result}
    total = len(result)

    def keep(item: DisputedUnit) -> bool:
        lead_settled = item.resolution is not None and item.resolution.status == Resolution.Status.RESOLVED
        if status == "open" and lead_settled:
            return False
        if status == "settled" and not lead_settled:
            return False
        if labels and not set(labels) <= item.label_set:
            return False
        if annotator and annotator not in {j.annotator for j in item.judgements}:
            return False
        return not (article and item.article_id != article)

    return Queue(
        units=[item for item in result if keep(item)],
        annotators=sorted(all_annotators),
        articles=sorted(articles_seen.items()),
        total=total,
    )


def disputed_unit(project: Project, claim_id: int, source_id: int) -> DisputedUnit | None:
    """One unit of the queue, as the queue shows it (None when it is no longer disputed)."""
    queue = disputed_units(project, status="all", claim_id=claim_id)
    return next((u for u in queue.units if (u.claim_id, u.source_id) == (claim_id, source_id)), None)


def parse_label_pair(value: str | None, project: Project) -> tuple[str, str] | None:
    """Read a "label,label" filter; raise ValueError naming the valid labels when it is wrong."""
    if not value:
        return None
    parts = [part.strip() for part in value.split(",")]
    allowed = [*project.judgement_labels, MISSING]
    if len(parts) != 2 or any(part not in allowed for part in parts):
        raise ValueError(f"labels must be two of {', '.join(allowed)}, separated by a comma.")
    return parts[0], parts[1]


# --- Agreement dashboard ------------------------------------------------------------------------


_MEDIAN_GAPS = """
SELECT annotator_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap)
FROM (
    SELECT s.annotator_id,
           extract(epoch FROM s.created_at - lag(s.created_at) OVER (
               PARTITION BY s.annotator_id ORDER BY s.created_at))::float8 AS gap
    FROM annotations_stance s
    JOIN annotations_claim c ON c.id = s.claim_id
    JOIN annotations_article a ON a.id = c.article_id
    WHERE a.project_id = %s
) gaps
WHERE gap BETWEEN 0 AND 1800
GROUP BY annotator_id
"""


def snapshot_figures(project: Project) -> dict:
    """What a `ReviewSnapshot` keeps, as JSON: the agreement report and each annotator's
    median seconds per unit (both need every judgement of the project)."""
    figures = {"report": project_agreement(project),
               "medians": {str(pk): value for pk, value in median_seconds(project).items()}}
    return json.loads(DjangoJSONEncoder().encode(figures))


def median_seconds(project: Project) -> dict[int, float]:
    """Per annotator, the median gap between successive first judgements, ignoring breaks
    over 30 minutes (one query)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_MEDIAN_GAPS, [project.pk])
            return dict(cursor.fetchall())
    times: dict[int, list] = {}
    for annotator_id, created in (
        Stance.objects.for_project(project).order_by("annotator_id", "created_at")
        .values_list("annotator_id", "created_at")
    ):
        times.setdefault(annotator_id, []).append(created)
    medians = {}
    for annotator_id, stamps in times.items():
        gaps = [(b - a).total_seconds() for a, b in zip(stamps, stamps[1:], strict=False)
                if 0 <= (b - a).total_seconds() <= 1800]
        if gaps:
            medians[annotator_id] = statistics.median(gaps)
    return medians


_KEPT_COUNTS = """
SELECT (SELECT json_agg(json_build_array(t.annotator_id, au.username, t.units, t.compared, t.matching)
                        ORDER BY au.username)
        FROM annotations_annotatortally t JOIN auth_user au ON au.id = t.annotator_id
        WHERE t.project_id = %s AND t.units > 0),
       (SELECT json_agg(json_build_array(d.day, d.judged, d.settled) ORDER BY d.day)
        FROM (SELECT day, sum(judged) AS judged, sum(settled) AS settled FROM annotations_daytally
              WHERE project_id = %s GROUP BY day HAVING sum(judged) <> 0 OR sum(settled) <> 0) d)
"""


def dashboard(project: Project, medians: dict | None = None) -> dict:
    """Per-annotator figures and progress over time.

    Agreement with the resolutions is the share of an annotator's judgements on
    resolved units that match the final label. Judgements and resolutions count on
    their UTC day (as the API gives times). On PostgreSQL the counts are read from the
    tables the triggers keep (one query, whatever the project's size); elsewhere they are
    counted. `medians` (seconds per unit by annotator id, as a snapshot keeps them) are
    computed when not given.
    """
    if medians is None:
        medians = median_seconds(project)
    medians = {int(pk): value for pk, value in medians.items()}
    if connection.vendor != "postgresql":
        return _dashboard_python(project, medians)
    with connection.cursor() as cursor:
        cursor.execute(_KEPT_COUNTS, [project.pk, project.pk])
        annotators, days = cursor.fetchone()
    rows = [{"annotator_id": pk, "annotator__username": name, "units": units, "compared": compared,
             "matching": matching} for pk, name, units, compared, matching in annotators or []]
    return {
        "annotators": [_annotator_row(row, medians.get(row["annotator_id"])) for row in rows],
        "progress": _cumulative({day: [judged, settled] for day, judged, settled in days or []}),
    }


def _per_annotator(project: Project):
    resolution_label = Resolution.objects.filter(
        claim_id=OuterRef("claim_id"), source_id=OuterRef("source_id")).values("label")[:1]
    return (
        Stance.objects.for_project(project)
        .annotate(final=Subquery(resolution_label))
        .values("annotator_id", "annotator__username")
        .annotate(
            units=Count("id"),
            compared=Count("id", filter=Q(final__isnull=False)),
            matching=Count("id", filter=Q(final=F("label"))),
        )
        .order_by("annotator__username")
    )


def _annotator_row(row: dict, median: float | None) -> dict:
    return {
        "username": row["annotator__username"], "units": row["units"],
        "compared": row["compared"],
        "agreement_with_resolutions": row["matching"] / row["compared"] if row["compared"] else None,
        "median_seconds": median,
    }


def _cumulative(days: dict[str, list[int]]) -> list[tuple[str, int, int]]:
    cumulative, judged, settled = [], 0, 0
    for day in sorted(days):
        judged += days[day][0]
        settled += days[day][1]
        cumulative.append((day, judged, settled))
    return cumulative


def _dashboard_python(project: Project, medians: dict | None = None) -> dict:
    """The dashboard counted from every judgement and resolution (SQLite, and the reference in tests)."""
    if medians is None:
        medians = median_seconds(project)
    days: dict[str, list[int]] = {}
    for model, column in ((Stance, 0), (Resolution, 1)):
        for day, count in (
            model.objects.filter(claim__article__project=project)
            .annotate(day=TruncDate("created_at", tzinfo=dt.UTC)).values_list("day")
            .annotate(n=Count("id")).order_by()
        ):
            days.setdefault(day.isoformat(), [0, 0])[column] += count
    annotators = [_annotator_row(row, medians.get(row["annotator_id"])) for row in _per_annotator(project)]
    return {"annotators": annotators, "progress": _cumulative(days)}
