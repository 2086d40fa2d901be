"""Review: agreement figures of a project, its disputed units and their resolutions.

Read paths shared by the review pages, the API and the `agreement` command. Each
runs a fixed number of queries whatever the size of the project.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

import numpy as np
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from annotations import agreement
from annotations.models import Assignment, Claim, Project, Resolution, Source, Stance, Unit

PASSAGE_CONTEXT = 240  # characters shown on each side of the evidence
MISSING = "none"  # label-pair filter value for "an annotator did not record the unit"


def project_agreement(project: Project) -> dict:
    """Every agreement figure of a project, annotators named by username (two queries)."""
    rows = (
        Stance.objects.for_project(project)
        .order_by("claim_id", "source_id", "annotator_id")
        .values_list("claim_id", "source_id", "annotator_id", "label")
    )
    claims, sources, annotators, labels = (list(col) for col in zip(*rows, strict=True)) if rows else ([],) * 4
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
    report["project"] = project.slug
    return report


def resolution_state(resolution: Resolution) -> dict:
    """A resolution as the API and conflict messages show it."""
    return {
        "claim": resolution.claim_id, "source": resolution.source_id, "label": resolution.label,
        "status": resolution.status, "reason": resolution.reason,
        "resolved_by": resolution.resolved_by.username if resolution.resolved_by_id else None,
        "version": resolution.version, "updated_at": resolution.updated_at.isoformat(),
    }


# --- Disputed units ---------------------------------------------------------------------------


@dataclass
class Judgement:
    annotator: str
    label: str | None  # None: this annotator of the article did not record the unit
    note: str = ""


@dataclass
class DisputedUnit:
    claim_id: int
    source_id: int
    article_id: int
    article_title: str
    claim_text: str
    source_name: str
    passage_before: str
    evidence: str
    passage_after: str
    judgements: list[Judgement]
    suggested_label: str
    suggestion_score: float | None
    resolution: Resolution | None = None
    label_set: set[str] = field(default_factory=set)
    error: str = ""  # set by the page after a refused decision
    conflict: Resolution | None = None  # the decision that got there first

    @property
    def key(self) -> str:
        return f"{self.claim_id}:{self.source_id}"

    @property
    def dom_id(self) -> str:
        return f"unit-{self.claim_id}-{self.source_id}"

    @property
    def resolution_version(self) -> int:
        return self.resolution.version if self.resolution else 0

    @property
    def settled(self) -> bool:
        return self.resolution is not None


@dataclass
class Queue:
    units: list[DisputedUnit]
    annotators: list[str]
    articles: list[tuple[int, str]]
    total: int  # disputed units before filters
    count: int = 0  # disputed units after the filters (all pages)


def _passage(body: str, start: int, end: int) -> tuple[str, str, str]:
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    before_at = max(0, start - PASSAGE_CONTEXT)
    space = body.rfind(" ", before_at, start)
    if before_at > 0 and space > 0:
        before_at = space + 1
    after_to = min(len(body), end + PASSAGE_CONTEXT)
    space = body.find(" ", after_to)
    if after_to < len(body) and space != -1:
        after_to = space
    before = ("…" if before_at > 0 else "") + body[before_at:start]
    after = body[end:after_to] + ("…" if after_to < len(body) else "")
    return before, body[start:end], after


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
    from annotations import review_sql

    if connection.vendor != "postgresql" or claim_id is not None:
        queue = _disputed_units_python(project, labels=labels, annotator=annotator, article=article,
                                       status=status, claim_id=claim_id)
        queue.count = len(queue.units)
        if limit is not None:
            queue.units = queue.units[offset:offset + limit]
        return queue
    return review_sql.disputed_units(project, labels=labels, annotator=annotator, article=article,
                                     status=status, limit=limit, offset=offset)


def disputed_count(project: Project, **filters) -> int:
    """How many units the queue holds with these filters (all pages)."""
    if connection.vendor != "postgresql":
        return len(_disputed_units_python(project, **filters).units)
    from annotations import review_sql

    return review_sql.queue_summary(project, **filters)["count"]


def _disputed_units_python(
    project: Project, *, labels: tuple[str, str] | None = None, annotator: str | None = None,
    article: int | None = None, status: str = "open", claim_id: int | None = None,
) -> Queue:
    """The project's units in dispute, each with its passage, every judgement and the suggestion.

    A unit is disputed when its labels differ, or when one of the article's annotators
    (a done assignment, or any judgement in the article) recorded it and another did not.
    `status` is "open" (not settled by a lead), "settled", or "all". `labels` keeps units
    whose judgements include both labels (MISSING stands for an absent judgement).
    Five queries, whatever the number of units.
    """
    stance_rows = Stance.objects.for_project(project)
    done = Assignment.objects.filter(article__project=project, status=Assignment.Status.DONE)
    if claim_id is not None:
        # The claim's whole article: its annotators are whoever judged anything in it.
        article_of_claim = Subquery(Claim.objects.filter(pk=claim_id).values("article_id"))
        stance_rows = stance_rows.filter(claim__article_id=article_of_claim)
        done = done.filter(article_id=article_of_claim)
    stances = list(
        stance_rows
        .order_by("claim_id", "source_id", "annotator__username")
        .values_list("claim_id", "source_id", "claim__article_id", "annotator__username", "label",
                     "note", "start", "end")
    )
    article_annotators: dict[int, set[str]] = {}
    for article_id, username in done.values_list("article_id", "annotator__username"):
        article_annotators.setdefault(article_id, set()).add(username)
    by_unit: dict[tuple[int, int], list] = {}
    for row in stances:
        by_unit.setdefault((row[0], row[1]), []).append(row)
        article_annotators.setdefault(row[2], set()).add(row[3])

    disputed: dict[tuple[int, int], list[Judgement]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for unit, rows in by_unit.items():
        everyone = article_annotators[rows[0][2]]
        given = {row[3]: row for row in rows}
        differ = len({row[4] for row in rows}) > 1
        missing = len(everyone) >= 2 and set(given) != everyone
        if not (differ or missing):
            continue
        disputed[unit] = [
            Judgement(name, given[name][4], given[name][5]) if name in given else Judgement(name, None)
            for name in sorted(everyone)
        ]
        span = next(((row[6], row[7]) for row in rows if row[6] is not None), None)
        if span is not None:
            spans[unit] = span

    claim_ids = {claim_id for claim_id, _ in disputed}
    units = {
        (u.claim_id, u.source_id): u
        for u in Unit.objects.filter(claim_id__in=claim_ids)
        .select_related("claim__article", "source")
        .only("claim_id", "source_id", "suggested_label", "suggestion_score",
              "claim__text", "claim__start", "claim__end", "claim__article__title",
              "claim__article__body", "source__name")
    }
    resolutions = {
        (r.claim_id, r.source_id): r
        for r in Resolution.objects.filter(claim_id__in=claim_ids).select_related("resolved_by")
    }
    orphans = [key for key in disputed if key not in units]
    if orphans:
        # Judgements written without their Unit row (older data, raw imports): two more queries.
        claims = {c.pk: c for c in Claim.objects.filter(pk__in={k[0] for k in orphans})
                  .select_related("article").only("text", "start", "end", "article__title", "article__body")}
        sources = {s.pk: s for s in Source.objects.filter(pk__in={k[1] for k in orphans}).only("name")}
        for key in orphans:
            units[key] = Unit(claim=claims[key[0]], source=sources[key[1]], suggested_label="")

    result: list[DisputedUnit] = []
    all_annotators: set[str] = set()
    articles: dict[int, str] = {}
    for key in sorted(disputed, key=lambda k: (units[k].claim.article_id, units[k].claim.start, k)):
        unit = units[key]
        claim = unit.claim
        start, end = spans.get(key, (claim.start, claim.end))
        before, evidence, after = _passage(claim.article.body, start, end)
        judgements = disputed[key]
        item = DisputedUnit(
            claim_id=key[0], source_id=key[1], article_id=claim.article_id,
            article_title=claim.article.title, claim_text=claim.text, source_name=unit.source.name,
            passage_before=before, evidence=evidence, passage_after=after, judgements=judgements,
            suggested_label=unit.suggested_label, suggestion_score=unit.suggestion_score,
            resolution=resolutions.get(key),
            label_set={j.label if j.label is not None else MISSING for j in judgements},
        )
        all_annotators.update(j.annotator for j in judgements)
        articles[claim.article_id] = claim.article.title
        result.append(item)
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
        articles=sorted(articles.items()),
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


def agreement_figures(project: Project) -> tuple[dict, dict]:
    """The agreement report and the dashboard of a project, cached per project version."""
    from annotations import review_cache

    def compute():
        report = project_agreement(project)
        return report, dashboard(project, report)

    return review_cache.remember(project, ("agreement",), compute)


def dashboard(project: Project, report: dict) -> dict:
    """Per-annotator figures and progress over time (four queries, all grouped in SQL).

    Agreement with the resolutions is the share of an annotator's judgements on
    resolved units that match the final label. Seconds per unit are the gaps
    between an annotator's successive first judgements, ignoring breaks over 30 minutes.
    Judgements count on their UTC day, resolutions on the day in the site's time zone.
    """
    if connection.vendor != "postgresql":
        return _dashboard_python(project, report)
    with connection.cursor() as cursor:
        cursor.execute(_MEDIAN_GAPS, [project.pk])
        medians = dict(cursor.fetchall())
    days: dict[str, list[int]] = {}
    for day, count in (
        Stance.objects.for_project(project)
        .annotate(day=TruncDate("created_at", tzinfo=dt.UTC)).values_list("day")
        .annotate(n=Count("id")).order_by()
    ):
        days.setdefault(day.isoformat(), [0, 0])[0] += count
    _add_resolution_days(project, days)
    annotators = [
        _annotator_row(row, medians.get(row["annotator_id"])) for row in _per_annotator(project)
    ]
    return {"annotators": annotators, "progress": _cumulative(days)}


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


def _add_resolution_days(project: Project, days: dict[str, list[int]]) -> None:
    for day, count in (
        Resolution.objects.filter(claim__article__project=project)
        .annotate(day=TruncDate("created_at")).values_list("day").annotate(n=Count("id"))
    ):
        days.setdefault(day.isoformat(), [0, 0])[1] += count


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


def _dashboard_python(project: Project, report: dict) -> dict:
    """The dashboard computed from every judgement's timestamp (SQLite, and the reference in tests)."""
    times: dict[int, list] = {}
    days: dict[str, list[int]] = {}
    for annotator_id, created in (
        Stance.objects.for_project(project).order_by("annotator_id", "created_at")
        .values_list("annotator_id", "created_at")
    ):
        times.setdefault(annotator_id, []).append(created)
        days.setdefault(created.astimezone(dt.UTC).date().isoformat(), [0, 0])[0] += 1
    _add_resolution_days(project, days)
    annotators = []
    for row in _per_annotator(project):
        stamps = times.get(row["annotator_id"], [])
        gaps = [
            (b - a).total_seconds() for a, b in zip(stamps, stamps[1:], strict=False)
            if 0 <= (b - a).total_seconds() <= 1800
        ]
        annotators.append(_annotator_row(row, statistics.median(gaps) if gaps else None))
    return {"annotators": annotators, "progress": _cumulative(days)}
