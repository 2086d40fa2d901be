"""The rules about a unit, a (claim, source) pair, in one place.

* who *the article's annotators* are: everyone who finished the article (a done
  assignment) or judged anything in it — in Python (`article_annotators`) and as one
  SQL fragment (`annotators_sql`) that the SQL paths of review and export reuse;
* a unit's status (`unit_status`, a pure function) and the label a report may print
  for it (`settled_label`), with the SQL form of the dispute test (`disputed_sql`);
* what a viewer may see in blind mode: the `visible_to(viewer)` QuerySet methods of
  units, claims, judgements and resolutions, used by every page, fragment, API
  answer, timeline, search and count;
* the value types of the disagreement queue (`Judgement`, `DisputedUnit`, `Queue`).

`models` builds its managers from the QuerySets here, so this module imports no model
at import time: the two it needs at run time are looked up by name (`_model`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from annotations.fragments import fragment_key

if TYPE_CHECKING:
    from annotations.models import Resolution

PASSAGE_CONTEXT = 240  # characters shown on each side of the evidence
MISSING = "none"  # label-pair filter value for "an annotator did not record the unit"
DONE = "done"  # Assignment.Status.DONE: the annotator finished the article
EXTRACTED = "extracted"  # Claim.Origin.EXTRACTED: found by the machine, seen by everyone


def _model(name: str):
    return apps.get_model("annotations", name)


# --- Status -------------------------------------------------------------------------------------


class Status(models.TextChoices):
    """Where a unit stands. The first two are a Resolution's own statuses."""

    CONSENSUS = "consensus", _("consensus")
    RESOLVED = "resolved", _("resolved")
    DISPUTED = "disputed", _("disputed")
    OPEN = "open", _("open")


SETTLED = frozenset({Status.CONSENSUS, Status.RESOLVED})


def is_disputed(labels: Iterable[str], annotators: int) -> bool:
    """Judgements that differ, or some of the article's (two or more) annotators without one."""
    labels = list(labels)
    return bool(labels) and (len(set(labels)) > 1 or (annotators >= 2 and len(labels) < annotators))


def is_consensus(labels: Iterable[str], annotators: int) -> bool:
    """Every one of the article's annotators (two at least) gave the unit the same label."""
    labels = list(labels)
    return annotators >= 2 and len(labels) == annotators and len(set(labels)) == 1


def unit_status(labels: Iterable[str], annotators: int, resolution: str | None = None) -> Status:
    """A unit's status from its judgements' labels, how many annotators the article has
    and its resolution's status (None when it has none).

    A lead's decision settles the unit whatever the judgements say. A consensus holds only
    while the judgements still agree: one that went stale (a later change, an annotator
    who finished the article without judging the unit) leaves the unit disputed, as the
    disagreement queue shows it. Otherwise the unit is open.
    """
    if resolution == Status.RESOLVED:
        return Status.RESOLVED
    if is_disputed(labels, annotators):
        return Status.DISPUTED
    if resolution == Status.CONSENSUS:
        return Status.CONSENSUS
    return Status.OPEN


def settled_label(status: str, resolution_label: str | None) -> str | None:
    """The stance a report prints: the resolution's label for a settled unit, else nothing."""
    return resolution_label if status in SETTLED else None


def disputed_sql(differ: str, n: str, annotators: str) -> str:
    """`is_disputed` in SQL, given expressions for "the labels differ" (a boolean), the
    number of judgements and the number of the article's annotators."""
    return f"({n} > 0 AND (({differ}) OR ({annotators} >= 2 AND {n} < {annotators})))"


def status_sql(differ: str, n: str, annotators: str, resolution: str) -> str:
    """`unit_status` in SQL; `resolution` is the resolution's status column (NULL: none)."""
    return (f"CASE WHEN {resolution} = '{Status.RESOLVED}' THEN '{Status.RESOLVED}' "
            f"WHEN {disputed_sql(differ, n, annotators)} THEN '{Status.DISPUTED}' "
            f"WHEN {resolution} = '{Status.CONSENSUS}' THEN '{Status.CONSENSUS}' "
            f"ELSE '{Status.OPEN}' END")


# --- The article's annotators --------------------------------------------------------------------


def annotators_sql(article_ids: str) -> str:
    """Rows (article_id, annotator_id): the annotators of the articles whose ids
    `article_ids` yields (a subquery, or a column of an enclosing query)."""
    return f"""SELECT c.article_id, s.annotator_id FROM annotations_stance s
        JOIN annotations_claim c ON c.id = s.claim_id WHERE c.article_id IN ({article_ids})
        UNION
        SELECT g.article_id, g.annotator_id FROM annotations_assignment g
        WHERE g.status = '{DONE}' AND g.article_id IN ({article_ids})"""


def annotator_counts(article_ids: Iterable[int]) -> dict[int, int]:
    """How many annotators each of these articles has (one query)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT article_id, count(*) FROM ({annotators_sql(', '.join(['%s'] * len(ids)))}) p "
                       "GROUP BY article_id", [*ids, *ids])
        return dict(cursor.fetchall())


def finished(articles: Q, *, who: str = "annotator_id"):
    """(article_id, who) of the done assignments of the articles `articles` selects
    (a Q on Assignment's `article`)."""
    return _model("Assignment").objects.filter(articles, status=DONE).values_list("article_id", who)


def article_annotators(judged: Iterable[tuple[int, object]], done: Iterable[tuple[int, object]]
                       ) -> dict[int, set]:
    """Each article's annotators: who judged something in it (`judged`, pairs of article
    and annotator read with the judgements) or finished it (`done`, from `finished`)."""
    found: dict[int, set] = {}
    for article_id, who in (*done, *judged):
        found.setdefault(article_id, set()).add(who)
    return found


# --- Blind mode ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """Who is looking, for the blind-mode rule. Built by `permissions.viewer`.

    In blind mode (`sees_others` false: an annotator of a blind project) a viewer sees
    the units the machine found, the units and claims they added, the units they judged,
    and only their own judgements; never another's label, note or hand-added unit, nor a
    resolution, since a consensus or a lead's label would reveal the others' labels.
    """

    user_id: int | None
    sees_others: bool

    @classmethod
    def everyone(cls) -> Viewer:
        """A viewer who sees everything (leads, exports, commands)."""
        return cls(user_id=None, sees_others=True)


class UnitQuerySet(models.QuerySet):
    def visible_to(self, viewer: Viewer):
        if viewer.sees_others:
            return self
        judged = _model("Stance").objects.filter(
            claim_id=OuterRef("claim_id"), source_id=OuterRef("source_id"), annotator_id=viewer.user_id)
        return self.filter(Q(origin=EXTRACTED) | Q(added_by_id=viewer.user_id) | Exists(judged))


class ClaimQuerySet(models.QuerySet):
    def for_project(self, project):
        return self.filter(article__project=project)

    def visible_to(self, viewer: Viewer, *, seen_claim_ids=None):
        """`seen_claim_ids`: the claims of the units the viewer sees, when the caller has just read
        them (`Unit.objects.visible_to`), instead of asking the database again per claim."""
        if viewer.sees_others:
            return self
        if seen_claim_ids is None:
            seen = Exists(_model("Unit").objects.visible_to(viewer).filter(claim_id=OuterRef("pk")))
        else:
            seen = Q(pk__in=seen_claim_ids)
        return self.filter(Q(origin=EXTRACTED) | Q(created_by_id=viewer.user_id) | seen)


class StanceQuerySet(models.QuerySet):
    def for_project(self, project):
        return self.filter(claim__article__project=project)

    def visible_to(self, viewer: Viewer):
        return self if viewer.sees_others else self.filter(annotator_id=viewer.user_id)


class ResolutionQuerySet(models.QuerySet):
    def visible_to(self, viewer: Viewer):
        return self if viewer.sees_others else self.none()


# --- Value types of the disagreement queue -----------------------------------------------------


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
    def card_key(self) -> str:
        """A digest of everything the queue's card shows of this unit: the card's rendered HTML can be
        kept under it (`{% cache %}`), and any change to what it shows is a new key, never a stale card."""
        resolution = self.resolution
        decision = None if resolution is None else (
            resolution.status, resolution.label, resolution.reason, resolution.version,
            resolution.resolved_by.username if resolution.resolved_by_id else None)
        return fragment_key(self.claim_id, self.source_id, self.article_title, self.claim_text, self.source_name,
                            self.passage_before, self.evidence, self.passage_after,
                            [(j.annotator, j.label, j.note) for j in self.judgements],
                            self.suggested_label, self.suggestion_score, decision)

    @property
    def resolution_version(self) -> int:
        return self.resolution.version if self.resolution else 0

    # The card prints these as text: a template localizes every number it prints.
    @property
    def claim_ref(self) -> str:
        return str(self.claim_id)

    @property
    def source_ref(self) -> str:
        return str(self.source_id)

    @property
    def version_ref(self) -> str:
        return str(self.resolution_version)

    @property
    def final_label(self) -> str:
        """The label the lead's decision (or the consensus) stands on, "" when there is none."""
        return self.resolution.label if self.resolution else ""

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


def passage(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The evidence with up to PASSAGE_CONTEXT characters around it, cut at spaces."""
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


def disputed_units(found: list[tuple[tuple[int, int], list[Judgement], tuple[int, int] | None]], *,
                   reading_order: bool = False) -> list[DisputedUnit]:
    """Queue entries for `found`: per unit its key (claim id, source id), its judgements
    (one per annotator of the article) and the span to show (None: the claim's). In the
    order given, or with `reading_order` by article, claim position and key.

    Two queries (units with their claim, article and source; resolutions), two more for
    judgements written without their Unit row (older data, raw imports).
    """
    if not found:
        return []
    Unit, Resolution = _model("Unit"), _model("Resolution")
    claim_ids = {key[0] for key, _j, _s in found}
    units = {
        (u.claim_id, u.source_id): u
        for u in Unit.objects.filter(claim_id__in=claim_ids)
        .select_related("claim__article", "source")
        .only("claim_id", "source_id", "suggested_label", "suggestion_score",
              "claim__text", "claim__start", "claim__end", "claim__article__title",
              "claim__article__body", "source__name")
        .order_by()  # a dict: no order, so the claim index serves the lookup
    }
    resolutions = {
        (r.claim_id, r.source_id): r
        for r in Resolution.objects.filter(claim_id__in=claim_ids).select_related("resolved_by").order_by()
    }
    orphans = [key for key, _j, _s in found if key not in units]
    if orphans:
        claims = {c.pk: c for c in _model("Claim").objects.filter(pk__in={k[0] for k in orphans})
                  .select_related("article").only("text", "start", "end", "article__title", "article__body")}
        sources = {s.pk: s for s in _model("Source").objects.filter(pk__in={k[1] for k in orphans}).only("name")}
        for key in orphans:
            units[key] = Unit(claim=claims[key[0]], source=sources[key[1]], suggested_label="")
    if reading_order:
        found = sorted(found, key=lambda f: (units[f[0]].claim.article_id, units[f[0]].claim.start, f[0]))
    result = []
    for key, judgements, span in found:
        unit = units[key]
        claim = unit.claim
        start, end = span if span is not None else (claim.start, claim.end)
        before, evidence, after = passage(claim.article.body, start, end)
        result.append(DisputedUnit(
            claim_id=key[0], source_id=key[1], article_id=claim.article_id,
            article_title=claim.article.title, claim_text=claim.text, source_name=unit.source.name,
            passage_before=before, evidence=evidence, passage_after=after, judgements=judgements,
            suggested_label=unit.suggested_label, suggestion_score=unit.suggestion_score,
            resolution=resolutions.get(key),
            label_set={j.label if j.label is not None else MISSING for j in judgements},
        ))
    return result
