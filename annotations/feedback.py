"""Feedback to an annotator: their own labels against the settled results.

Blind-safe by construction: only units that are settled (by consensus or by a lead) and
only the annotator's own labels are read; the final label and the lead's reason are what
every member sees once a unit is settled.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Subquery

from annotations.models import Project, Resolution, Stance

PAGE_SIZE = 50


@dataclass
class LabelAgreement:
    label: str
    final: int  # settled units whose final label is this one
    given: int  # settled units to which the annotator gave this label
    agreed: int  # both

    @property
    def recall(self) -> float | None:
        return self.agreed / self.final if self.final else None

    @property
    def precision(self) -> float | None:
        return self.agreed / self.given if self.given else None


def _settled_stances(project: Project, annotator):
    """The annotator's stances on settled units, each with the unit's resolution beside it."""
    resolution = Resolution.objects.filter(claim_id=OuterRef("claim_id"), source_id=OuterRef("source_id"))
    return (
        Stance.objects.filter(claim__article__project=project, annotator=annotator)
        .annotate(
            final_label=Subquery(resolution.values("label")[:1]),
            final_status=Subquery(resolution.values("status")[:1]),
            final_reason=Subquery(resolution.values("reason")[:1]),
            final_by=Subquery(resolution.values("resolved_by__username")[:1]),
            final_at=Subquery(resolution.values("updated_at")[:1]),
        )
        .filter(final_label__isnull=False)
    )


def feedback_differences(*, project: Project, annotator, page: str | int | None = 1):
    """One page of the annotator's settled units where their label differs from the final one."""
    rows = (
        _settled_stances(project, annotator)
        .exclude(label=F("final_label"))
        .select_related("claim", "claim__article", "source")
        .order_by("-final_at", "id")
    )
    return Paginator(rows, PAGE_SIZE).get_page(page)


def feedback_per_label(*, project: Project, annotator) -> list[LabelAgreement]:
    """For each label: how often the annotator's label matched the settled one. One query."""
    counts = {
        (row["label"], row["final_label"]): row["n"]
        for row in _settled_stances(project, annotator)
        .values("label", "final_label").annotate(n=Count("id")).order_by()
    }
    labels = list(project.labels) + sorted(
        {label for pair in counts for label in pair} - set(project.labels)
    )
    return [
        LabelAgreement(
            label=label,
            final=sum(n for (_, final), n in counts.items() if final == label),
            given=sum(n for (mine, _), n in counts.items() if mine == label),
            agreed=counts.get((label, label), 0),
        )
        for label in labels
    ]


def feedback_annotators(project: Project):
    """The project's members a lead may pick, by name, each marked `judged` when they have
    judged anything in the project."""
    judged = Stance.objects.filter(annotator=OuterRef("pk"), claim__article__project=project)
    return (get_user_model().objects.filter(memberships__project=project)
            .annotate(judged=Exists(judged)).order_by("username"))
