"""Tracking claims across articles: link suggestions, cluster decisions, timelines.

Three parts, kept apart:

* similarity (plain Python + scikit-learn, no Django): TF-IDF over character
  n-grams of the claim's proposition and its evidence. Character n-grams match
  Dutch and English inflections and compounds ("Huawei-apparatuur", "spionage" /
  "espionage") without a stemmer or a downloaded model;
* cluster services: a lead creates, confirms, rejects, merges and splits, each
  step kept as a `ClusterEvent` with who and when;
* reads: the timeline of every stance toward a tracked claim, or by a source,
  in a fixed number of queries, honouring blind mode.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from annotations import units

# --- Similarity (no Django) -----------------------------------------------------------

#: A pair scoring at least this is suggested as a link (see bench/bench_clusters.py).
DEFAULT_THRESHOLD = 0.30
#: The proposition counts more than its evidence, which carries reporting verbs and names.
EVIDENCE_WEIGHT = 0.35


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse white space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", bare.casefold()))


def bridge(text: str) -> str:
    """Fold the text and map common Dutch news words to English (see tracking_glossary)."""
    from annotations.tracking_glossary import NL_EN

    return " ".join(NL_EN.get(word, word) for word in fold(text).split())


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, preprocessor=bridge, min_df=1
    )


def _cosine(texts_a: Sequence[str], texts_b: Sequence[str]):
    """Cosine similarities (dense array, len(a) × len(b)) in one TF-IDF space."""
    import numpy as np

    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)))
    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform([*texts_a, *texts_b])
    a, b = matrix[: len(texts_a)], matrix[len(texts_a):]
    return (a @ b.T).toarray()


def similarity(
    queries: Sequence[tuple[str, str]], candidates: Sequence[tuple[str, str]]
):
    """Score every (query, candidate) pair of (proposition, evidence) texts in [0, 1]."""
    texts = [q[0] for q in queries], [c[0] for c in candidates]
    evidence = [q[1] or q[0] for q in queries], [c[1] or c[0] for c in candidates]
    main = _cosine(*texts)
    ev = _cosine(*evidence)
    return (1 - EVIDENCE_WEIGHT) * main + EVIDENCE_WEIGHT * ev


@dataclass(frozen=True)
class Suggestion:
    candidate: object  # the caller's key of the candidate
    score: float


def suggest_for_cluster(
    members: Sequence[tuple[str, str]],
    candidates: Sequence[tuple[object, str, str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 50,
) -> list[Suggestion]:
    """Candidates (key, proposition, evidence) close to any member, best first."""
    if not members or not candidates:
        return []
    scores = similarity(members, [(c[1], c[2]) for c in candidates]).max(axis=0)
    found = [
        Suggestion(candidate=candidates[i][0], score=round(float(s), 4))
        for i, s in enumerate(scores)
        if s >= threshold
    ]
    found.sort(key=lambda s: -s.score)
    return found[:limit]


def suggest_pairs(
    items: Sequence[tuple[object, str, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[object, object, float]]:
    """Every pair of items (key, proposition, evidence) scoring at least `threshold`."""
    if len(items) < 2:
        return []
    pairs = [(i[1], i[2]) for i in items]
    scores = similarity(pairs, pairs)
    found = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if scores[i, j] >= threshold:
                found.append((items[i][0], items[j][0], round(float(scores[i, j]), 4)))
    return found


def precision_recall(predicted: set[frozenset], gold: set[frozenset]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted links against gold links."""
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(gold) if gold else 1.0
    return precision, recall


# --- Cluster services (writes) -----------------------------------------------------------


class TrackingError(Exception):
    """A cluster operation that cannot be done as asked; the message says why."""


def _claim_texts(claims) -> list[tuple[str, str]]:
    return [(c.text, c.article.body[c.start:c.end]) for c in claims]


def cluster_create(*, project, claim, user, title: str = "", suggest: bool = True):
    """Start tracking a claim: a new cluster with that claim confirmed, plus suggestions."""
    from django.db import transaction
    from django.utils import timezone

    from annotations.models import ClaimCluster, ClaimLink, ClusterEvent

    if claim.article.project_id != project.pk:
        raise TrackingError(_("That claim belongs to another project."))
    with transaction.atomic():
        taken = ClaimLink.objects.select_for_update().filter(
            claim=claim, status=ClaimLink.Status.CONFIRMED
        ).first()
        if taken is not None:
            raise TrackingError(
                _("This claim is already tracked in cluster %(cluster)s.") % {"cluster": taken.cluster_id}
            )
        cluster = ClaimCluster.objects.create(
            project=project, title=(title or claim.text).strip()[:500], created_by=user
        )
        ClaimLink.objects.create(
            cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED, score=1.0,
            decided_by=user, decided_at=timezone.now(),
        )
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.CREATE, claim_ids=[claim.pk], actor=user
        )
        if suggest:
            cluster_suggest(cluster=cluster, user=user)
    return cluster


def cluster_suggest(*, cluster, user=None, threshold: float = DEFAULT_THRESHOLD, limit: int = 50) -> int:
    """Add suggested links to claims of the project that resemble the cluster's claims.

    Claims already confirmed in any cluster, and claims a lead rejected for this
    cluster, are never suggested again. Returns the number of new suggestions.
    """
    from django.db import transaction
    from django.db.models import Q

    from annotations.models import Claim, ClaimLink, ClusterEvent

    members = list(
        Claim.objects.filter(cluster_links__cluster=cluster, cluster_links__status=ClaimLink.Status.CONFIRMED)
        .select_related("article")
    )
    excluded = ClaimLink.objects.filter(
        Q(status=ClaimLink.Status.CONFIRMED) | Q(cluster=cluster)
    ).values("claim_id")
    candidates = list(
        Claim.objects.filter(article__project_id=cluster.project_id)
        .exclude(pk__in=excluded)
        .select_related("article")
        .order_by("id")
    )
    found = suggest_for_cluster(
        _claim_texts(members),
        [(c, *_claim_texts([c])[0]) for c in candidates],
        threshold=threshold, limit=limit,
    )
    if not found:
        return 0
    with transaction.atomic():
        ClaimLink.objects.bulk_create(
            [ClaimLink(cluster=cluster, claim=s.candidate, score=s.score) for s in found],
            ignore_conflicts=True,
        )
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.SUGGEST,
            claim_ids=[s.candidate.pk for s in found], actor=user,
        )
    return len(found)


def _live_cluster(cluster):
    if cluster.merged_into_id is not None:
        raise TrackingError(
            _("This cluster was merged into cluster %(cluster)s.") % {"cluster": cluster.merged_into_id}
        )


def link_decide(*, cluster, claim_ids: Sequence[int], status: str, user, note: str = "") -> int:
    """Confirm or reject claims for a cluster (suggested or not); returns how many changed.

    Confirming a claim that another cluster holds is refused as a whole: move it
    with a merge or a split instead, so no claim silently changes cluster.
    """
    from django.db import transaction
    from django.utils import timezone

    from annotations.models import Claim, ClaimLink, ClusterEvent

    if status not in (ClaimLink.Status.CONFIRMED, ClaimLink.Status.REJECTED):
        raise TrackingError(_("A link is either confirmed or rejected."))
    ids = sorted({int(i) for i in claim_ids})
    if not ids:
        raise TrackingError(_("Choose at least one claim."))
    with transaction.atomic():
        _live_cluster(cluster)
        claims = set(
            Claim.objects.filter(pk__in=ids, article__project_id=cluster.project_id).values_list("pk", flat=True)
        )
        if len(claims) != len(ids):
            raise TrackingError(_("Some of those claims are not in this project."))
        if status == ClaimLink.Status.CONFIRMED:
            elsewhere = (
                ClaimLink.objects.select_for_update()
                .filter(claim_id__in=ids, status=ClaimLink.Status.CONFIRMED)
                .exclude(cluster=cluster)
                .values_list("claim_id", "cluster_id")
            )
            if elsewhere:
                claim_id, other = next(iter(elsewhere))
                raise TrackingError(
                    _("Claim %(claim)s is already confirmed in cluster %(cluster)s.")
                    % {"claim": claim_id, "cluster": other}
                )
        now = timezone.now()
        existing = {
            link.claim_id: link
            for link in ClaimLink.objects.select_for_update().filter(cluster=cluster, claim_id__in=ids)
        }
        changed = []
        for claim_id in ids:
            link = existing.get(claim_id)
            if link is None:
                ClaimLink.objects.create(
                    cluster=cluster, claim_id=claim_id, status=status, decided_by=user, decided_at=now
                )
                changed.append(claim_id)
            elif link.status != status:
                link.status, link.decided_by, link.decided_at = status, user, now
                link.save(update_fields=["status", "decided_by", "decided_at"])
                changed.append(claim_id)
        if changed:
            kind = ClusterEvent.Kind.CONFIRM if status == ClaimLink.Status.CONFIRMED else ClusterEvent.Kind.REJECT
            ClusterEvent.objects.create(cluster=cluster, kind=kind, claim_ids=changed, actor=user, note=note)
    return len(changed)


def cluster_merge(*, target, source, user, note: str = ""):
    """Merge cluster `source` into `target`: its confirmed claims follow; history kept on both."""
    from django.db import transaction

    from annotations.models import ClaimCluster, ClaimLink, ClusterEvent

    if target.pk == source.pk:
        raise TrackingError(_("A cluster cannot be merged into itself."))
    if target.project_id != source.project_id:
        raise TrackingError(_("Both clusters must belong to the same project."))
    with transaction.atomic():
        # Lock both rows in id order so two merges of the same pair cannot interleave.
        locked = {c.pk: c for c in ClaimCluster.objects.select_for_update().filter(pk__in=[target.pk, source.pk])
                  .order_by("pk")}
        target, source = locked[target.pk], locked[source.pk]
        _live_cluster(target)
        _live_cluster(source)
        moving = list(
            ClaimLink.objects.select_for_update().filter(cluster=source, status=ClaimLink.Status.CONFIRMED)
        )
        moved_ids = [link.claim_id for link in moving]
        # The target's own rows for those claims (a rejection or suggestion) give way.
        ClaimLink.objects.filter(cluster=target, claim_id__in=moved_ids).delete()
        # Who confirmed each claim, and when, stays; the merge itself is the event below.
        ClaimLink.objects.filter(pk__in=[link.pk for link in moving]).update(cluster=target)
        # The source's open suggestions lapse with it.
        ClaimLink.objects.filter(cluster=source, status=ClaimLink.Status.SUGGESTED).delete()
        source.merged_into = target
        source.save(update_fields=["merged_into"])
        ClusterEvent.objects.create(
            cluster=target, kind=ClusterEvent.Kind.MERGE, claim_ids=moved_ids, other_cluster=source,
            actor=user, note=note,
        )
        ClusterEvent.objects.create(
            cluster=source, kind=ClusterEvent.Kind.MERGE, claim_ids=moved_ids, other_cluster=target,
            actor=user, note=note,
        )
    return target


def cluster_split(*, cluster, claim_ids: Sequence[int], user, title: str = "", note: str = ""):
    """Move some confirmed claims of a cluster into a new cluster; history kept on both."""
    from django.db import transaction

    from annotations.models import ClaimCluster, ClaimLink, ClusterEvent

    ids = sorted({int(i) for i in claim_ids})
    with transaction.atomic():
        cluster = ClaimCluster.objects.select_for_update().get(pk=cluster.pk)
        _live_cluster(cluster)
        confirmed = list(
            ClaimLink.objects.select_for_update()
            .filter(cluster=cluster, status=ClaimLink.Status.CONFIRMED)
            .select_related("claim")
        )
        by_claim = {link.claim_id: link for link in confirmed}
        if not ids or any(i not in by_claim for i in ids):
            raise TrackingError(_("Choose confirmed claims of this cluster to split off."))
        if len(ids) == len(confirmed):
            raise TrackingError(_("At least one claim must stay in the cluster."))
        first = by_claim[ids[0]].claim
        new = ClaimCluster.objects.create(
            project_id=cluster.project_id, title=(title or first.text).strip()[:500], created_by=user
        )
        ClaimLink.objects.filter(pk__in=[by_claim[i].pk for i in ids]).update(cluster=new)
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.SPLIT, claim_ids=ids, other_cluster=new, actor=user, note=note
        )
        ClusterEvent.objects.create(
            cluster=new, kind=ClusterEvent.Kind.SPLIT, claim_ids=ids, other_cluster=cluster, actor=user, note=note
        )
    return new


# --- Reads: timelines ----------------------------------------------------------------------


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
        """Parse GET parameters; raises TrackingError naming the bad one."""

        def parse_date(name):
            raw = (params.get(name) or "").strip()
            if not raw:
                return None
            try:
                return date.fromisoformat(raw)
            except ValueError as exc:
                raise TrackingError(_("%(name)s must be a date like 2019-05-21.") % {"name": name}) from exc

        raw_source = (params.get("source") or "").strip()
        if raw_source and not raw_source.isdigit():
            raise TrackingError(_("source must be a source id."))
        language = (params.get("language") or "").strip()
        if language not in ("", "nl", "en"):
            raise TrackingError(_("language must be nl or en."))
        return cls(
            label=(params.get("label") or "").strip(),
            source_id=int(raw_source) if raw_source else None,
            date_from=parse_date("from"),
            date_to=parse_date("to"),
            language=language,
            status=(params.get("status") or "").strip(),
        )


def _timeline(*, project, membership, user, claim_filter, filters: TimelineFilters | None) -> Timeline:
    """Assemble the units of the claims matching `claim_filter` (a Q on Unit-like rows).

    Four queries whatever the number of articles: units, resolutions, stances, and
    (blind mode) nothing more. Rows are sorted by article date, undated last.
    """
    from annotations.models import Resolution, Stance, Unit
    from annotations.permissions import viewer as viewer_of

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
    from django.db.models import Exists, OuterRef

    from annotations.models import ClaimLink

    confirmed = ClaimLink.objects.filter(
        cluster=cluster, status=ClaimLink.Status.CONFIRMED, claim_id=OuterRef("claim_id")
    )
    return _timeline(
        project=cluster.project, membership=membership, user=user,
        claim_filter=Exists(confirmed), filters=filters,
    )


def source_timeline(*, project, source, membership, user, filters: TimelineFilters | None = None) -> Timeline:
    """Everything a source said in the project's articles, across claims, by date."""
    from django.db.models import Q

    return _timeline(
        project=project, membership=membership, user=user,
        claim_filter=Q(source=source), filters=filters,
    )


def timeline_svg(timeline: Timeline, *, width: int = 720, row_height: int = 18) -> dict:
    """Geometry of a dot-per-stance timeline: one lane per label, x by date.

    Returned as plain numbers for a template to draw (no inline styles: classes
    carry the colours), so the page stays within the Content-Security-Policy.
    """
    from annotations.forms import label_name  # display names in the reader's language

    dated = timeline.dated
    lanes = [*timeline.labels, ""]
    margin_left, margin_right = 110, 16
    height = row_height * len(lanes) + 30
    if not dated:
        return {"width": width, "height": height, "lanes": [], "dots": [], "ticks": [], "empty": True}
    first, last = min(r.date for r in dated), max(r.date for r in dated)
    span = max((last - first).days, 1)
    usable = width - margin_left - margin_right

    def x_of(d: date) -> int:
        return margin_left + round(usable * (d - first).days / span) if last != first else margin_left + usable // 2

    lane_y = {label: 14 + i * row_height for i, label in enumerate(lanes)}
    dots = [
        {
            "x": x_of(r.date), "y": lane_y.get(r.label, lane_y[""]), "label": r.label or "unlabelled",
            "title": f"{r.article.published_display()} · {r.source.name} · {label_name(r.label) if r.label else '–'}",
            "href_claim": r.claim.pk, "article": r.claim.article_id,
        }
        for r in dated
    ]
    years = sorted({d.year for d in (first, last)} | {y for y in range(first.year, last.year + 1)})
    ticks = [{"x": x_of(max(first, date(y, 1, 1))), "text": str(y)} for y in years]
    return {
        "width": width, "height": height, "empty": False, "ticks": ticks, "dots": dots,
        "lanes": [{"y": lane_y[label], "label": label or "unlabelled"} for label in lanes],
        "axis_y": height - 14, "left": margin_left, "right": width - margin_right,
    }


def similar_sources(*, project, source, limit: int = 5, cutoff: float = 80.0) -> list:
    """Sources heard in the project whose name (or an alias) is close to this one's: merge candidates.

    One query; names are compared folded (case, accents, punctuation) with rapidfuzz.
    """
    from django.db.models import Exists, OuterRef
    from rapidfuzz import fuzz

    from annotations.models import Source, Unit

    heard = Exists(Unit.objects.filter(source=OuterRef("pk"), claim__article__project=project))
    others = list(
        Source.objects.filter(heard, merged_into__isnull=True).exclude(pk=source.pk).select_related("affiliation")
    )
    mine = [fold(n) for n in [source.name, *source.aliases] if fold(n)]
    scored = []
    for other in others:
        theirs = [fold(n) for n in [other.name, *other.aliases] if fold(n)]
        best = max((fuzz.token_sort_ratio(a, b) for a in mine for b in theirs), default=0.0)
        if best >= cutoff:
            scored.append((best, other))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [other for _score, other in scored[:limit]]
