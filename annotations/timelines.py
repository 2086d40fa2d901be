"""Timelines: every stance toward a tracked claim, or by a source, across articles.

A fixed number of queries whatever the number of articles; what a viewer may see
follows the blind-mode rule (`units.Viewer`), and each row's status is
`units.unit_status` over what the viewer may see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q

from annotations import units
from annotations.filters import TimelineFilterForm
from annotations.models import ClaimLink, Resolution, Stance, Unit
from annotations.permissions import viewer as viewer_of
from annotations.services.clusters import TrackingError


@dataclass
class TimelineRow:
    """One (claim, source) unit in a timeline, as the viewer may see it."""

    claim: object
    source: object
    resolution: object | None = None  # when the viewer may see it
    judgements: list = field(default_factory=list)  # the stances the viewer may see
    suggested_label: str = ""
    cluster_id: int | None = None  # the tracked claim this row's claim belongs to, when asked
    status: str = units.Status.OPEN  # `units.unit_status` over what the viewer may see

    @property
    def article(self):
        return self.claim.article

    @property
    def date(self) -> date | None:
        return self.claim.article.published

    @property
    def label(self) -> str:
        """The unit's stance: settled, else the visible judgements when they agree, else ''."""
        if self.status in units.SETTLED:
            return self.resolution.label
        labels = {s.label for s in self.judgements}
        return labels.pop() if len(labels) == 1 and self.status != units.Status.DISPUTED else ""


@dataclass
class Timeline:
    rows: list[TimelineRow]
    labels: list[str]
    sees_others: bool
    counts: dict[str, int] = field(default_factory=dict)
    unlabelled: int = 0

    @property
    def dated(self) -> list[TimelineRow]:
        return [r for r in self.rows if r.date is not None]


@dataclass
class TimelineFilters:
    label: str = ""
    source_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    language: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, params) -> TimelineFilters:
        """Parse GET parameters (`filters.TimelineFilterForm`); raises TrackingError naming the bad one."""
        form = TimelineFilterForm(params)
        if not form.is_valid():
            raise TrackingError(next(iter(form.errors.values()))[0])
        data = form.cleaned_data
        return cls(label=data["label"].strip(), source_id=data["source"], date_from=data["from"],
                   date_to=data["to"], language=data["language"], status=data["status"].strip())


def _timeline(*, project, membership, user, claim_filter, filters: TimelineFilters | None) -> Timeline:
    """Assemble the units of the claims matching `claim_filter` (a Q on Unit-like rows).

    Four queries whatever the number of articles: units, resolutions, stances, and
    (blind mode) nothing more. Rows are sorted by article date, undated last.
    """

    filters = filters or TimelineFilters()
    viewer = viewer_of(project, membership)
    narrow = {}
    if filters.source_id:
        narrow["source_id"] = filters.source_id
    if filters.language:
        narrow["claim__article__language"] = filters.language
    if filters.date_from:
        narrow["claim__article__published__gte"] = filters.date_from
    if filters.date_to:
        narrow["claim__article__published__lte"] = filters.date_to
    scope = {"claim__article__project_id": project.pk, **narrow}
    related = ("claim", "claim__article", "source", "source__affiliation")

    found = list(Unit.objects.filter(claim_filter, **scope).visible_to(viewer).select_related(*related))
    resolutions = {
        (r.claim_id, r.source_id): r
        for r in Resolution.objects.filter(claim_filter, **scope).visible_to(viewer).select_related(*related)
    }
    stances_qs = Stance.objects.filter(claim_filter, **scope).visible_to(viewer).select_related(*related, "annotator")
    judgements: dict[tuple[int, int], list] = {}
    for s in stances_qs.order_by("annotator__username", "id"):
        judgements.setdefault((s.claim_id, s.source_id), []).append(s)

    rows: dict[tuple[int, int], TimelineRow] = {}
    for unit in found:
        rows[(unit.claim_id, unit.source_id)] = TimelineRow(
            claim=unit.claim, source=unit.source,
            suggested_label=unit.suggested_label if project.show_suggestions else "",
        )
    for key, resolution in resolutions.items():
        row = rows.setdefault(key, TimelineRow(claim=resolution.claim, source=resolution.source))
        row.resolution = resolution
    for key, stances in judgements.items():
        row = rows.setdefault(key, TimelineRow(claim=stances[0].claim, source=stances[0].source))
        row.judgements = stances
    # A blind viewer sees one annotator, themself; others count everyone of the article.
    annotators = units.annotator_counts(r.claim.article_id for r in rows.values()) if viewer.sees_others else {}
    for row in rows.values():
        row.status = units.unit_status(
            [s.label for s in row.judgements], annotators.get(row.claim.article_id, 1) if viewer.sees_others else 1,
            row.resolution.status if row.resolution is not None else None,
        )

    ordered = sorted(
        rows.values(),
        key=lambda r: (r.date is None, r.date or date.min, r.claim.article_id, r.claim.start, r.source.name),
    )
    if filters.label:
        ordered = [r for r in ordered if r.label == filters.label]
    if filters.status:
        ordered = [r for r in ordered if r.status == filters.status]
    counts = Counter(r.label for r in ordered if r.label)
    labels = list(project.labels) + sorted(set(counts) - set(project.labels))
    return Timeline(
        rows=ordered, labels=labels, sees_others=viewer.sees_others,
        counts={label: counts.get(label, 0) for label in labels},
        unlabelled=sum(1 for r in ordered if not r.label),
    )


def cluster_timeline(*, cluster, membership, user, filters: TimelineFilters | None = None) -> Timeline:
    """Every stance toward the tracked claim (its confirmed claims), across articles."""

    confirmed = ClaimLink.objects.filter(
        cluster=cluster, status=ClaimLink.Status.CONFIRMED, claim_id=OuterRef("claim_id")
    )
    return _timeline(
        project=cluster.project, membership=membership, user=user,
        claim_filter=Exists(confirmed), filters=filters,
    )


def source_timeline(*, project, source, membership, user, filters: TimelineFilters | None = None) -> Timeline:
    """Everything a source said in the project's articles, across claims, by date."""
    return _timeline(
        project=project, membership=membership, user=user,
        claim_filter=Q(source=source), filters=filters,
    )
