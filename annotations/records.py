"""A project's units read in article batches, with the status every export prints, and its
publishable verdicts read in batches for ClaimReview.

The CSV (Python path), JSONL and Web Annotation exports and the project backup
(`services.backup`) read units through `iter_articles`; memory is bounded by one batch of
articles. ClaimReview reads verdicts through `iter_verdicts`, a fixed number of queries
per batch of verdicts. `chunked` joins their small pieces into socket-sized writes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from annotations import units as unit_rules
from annotations.models import (
    Article,
    Claim,
    ClaimLink,
    History,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
    Verdict,
)

if TYPE_CHECKING:  # only a type: exports imports this module
    from annotations.exports import ExportOptions

BATCH_ARTICLES = 200
BATCH_VERDICTS = 500
# The stance label that makes a source the author of a claim (ClaimReview's itemReviewed.author).
ALLEGES = "alleges"
CHUNK_BYTES = 64 * 1024


def iso(value) -> str | None:
    """A date or time as ISO 8601 text, None as None."""
    return value.isoformat() if value is not None else None


def utc_stamp(value) -> str:
    """A time as every export writes it: UTC, microseconds, `Z` (COPY's to_char writes the same)."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(slots=True)
class LiteStance:
    """The part of a judgement a report needs."""

    claim_id: int
    source_id: int
    annotator_id: int
    annotator_name: str
    label: str
    note: str


@dataclass
class UnitRecord:
    article: Article
    claim: Claim
    unit: Unit
    source: Source
    stances: list  # Stance (with annotator_name set) or LiteStance
    resolution: Resolution | None
    history: list[History]
    status: str
    stance: str | None

    @property
    def settled_by(self) -> str | None:
        """The lead who resolved the unit (nobody for a consensus or an unsettled unit)."""
        if self.status != unit_rules.Status.RESOLVED or not self.resolution.resolved_by_id:
            return None
        return self.resolution.resolved_by.get_username()

    @property
    def reason(self) -> str | None:
        return self.resolution.reason if self.status in unit_rules.SETTLED else None

    @property
    def settled_at(self) -> str | None:
        """When the unit was settled (its resolution's last change), in UTC with microseconds."""
        if self.status not in unit_rules.SETTLED:
            return None
        return utc_stamp(self.resolution.updated_at)


def record_status(resolution: Resolution | None, labels: list[str], annotators: int) -> tuple[str, str | None]:
    """(status, stance) of a unit as every export prints it."""
    status = unit_rules.unit_status(labels, annotators, resolution.status if resolution else None)
    return status, unit_rules.settled_label(status, resolution.label if resolution else None)


def _articles(project: Project, options: ExportOptions):
    qs = Article.objects.filter(project=project)
    if options.article is not None:
        qs = qs.filter(pk=options.article)
    if options.published_from is not None:
        qs = qs.filter(published__gte=options.published_from)
    if options.published_to is not None:
        qs = qs.filter(published__lte=options.published_to)
    return qs.order_by("id")


def _batches(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_articles(project: Project, options: ExportOptions, *, with_history: bool = False):
    """Yield (article, claims, units) per article, loading BATCH_ARTICLES articles at a time.

    `units` are UnitRecords in (claim id, source id) order; memory is bounded by one batch.
    With `with_history`, each claim also has `loose_history`: its History rows that belong
    to none of its units (the claim's own text edits), in id order.
    """
    ids = _articles(project, options).values_list("id", flat=True).iterator(chunk_size=2000)
    for batch in _batches(ids, BATCH_ARTICLES):
        articles = Article.objects.in_bulk(batch)
        claims: dict[int, list[Claim]] = defaultdict(list)
        claim_by_id: dict[int, Claim] = {}
        claim_rows = Claim.objects.filter(article_id__in=batch).order_by("id")
        claim_rows = claim_rows.select_related("created_by") if with_history else claim_rows.defer("created_by")
        for claim in claim_rows:
            claims[claim.article_id].append(claim)
            claim_by_id[claim.pk] = claim
            claim.cluster_id = None
        # The tracked claim (confirmed cluster) each claim belongs to, if any.
        for claim_id, cluster_id in ClaimLink.objects.filter(
            claim__article_id__in=batch, status=ClaimLink.Status.CONFIRMED
        ).values_list("claim_id", "cluster_id"):
            claim_by_id[claim_id].cluster_id = cluster_id
        units: dict[int, list[Unit]] = defaultdict(list)
        unit_rows = Unit.objects.filter(claim__article_id__in=batch).order_by("claim_id", "source_id")
        unit_rows = unit_rows.select_related("source__affiliation", *(["added_by"] if with_history else []))
        for unit in unit_rows:
            units[claim_by_id[unit.claim_id].article_id].append(unit)
        stances: dict[tuple[int, int], list] = defaultdict(list)
        judged: list[tuple[int, int]] = []
        stance_rows = Stance.objects.filter(claim__article_id__in=batch).order_by(
            "claim_id", "source_id", "annotator_id"
        )
        if with_history:
            stance_rows = stance_rows.select_related("annotator")
        else:
            # Reports need no timestamps or user objects: plain tuples are several times faster.
            stance_rows = (
                LiteStance(*row) for row in stance_rows.values_list(
                    "claim_id", "source_id", "annotator_id", "annotator__username", "label", "note")
            )
        for stance in stance_rows:
            if with_history:
                stance.annotator_name = stance.annotator.get_username()
            stances[(stance.claim_id, stance.source_id)].append(stance)
            judged.append((claim_by_id[stance.claim_id].article_id, stance.annotator_id))
        annotators = unit_rules.article_annotators(judged, unit_rules.finished(Q(article_id__in=batch)))
        resolutions = {
            (r.claim_id, r.source_id): r
            for r in Resolution.objects.filter(claim__article_id__in=batch).select_related("resolved_by")
        }
        history: dict[tuple[int, int], list[History]] = defaultdict(list)
        if with_history:
            for entry in (
                History.objects.filter(claim__article_id__in=batch)
                .select_related("annotator", "actor")
                .order_by("id")
            ):
                history[(entry.claim_id, entry.source_id)].append(entry)
            # A claim's own history (its text edits) and any entry of a pair that is no unit.
            unit_keys = {(u.claim_id, u.source_id) for batch_units in units.values() for u in batch_units}
            for claim in claim_by_id.values():
                claim.loose_history = []
            for key, entries in history.items():
                if key not in unit_keys:
                    claim_by_id[key[0]].loose_history.extend(entries)
            for claim in claim_by_id.values():
                claim.loose_history.sort(key=lambda entry: entry.pk)
        for pk in batch:
            article = articles[pk]
            records = []
            for unit in units.get(pk, []):
                key = (unit.claim_id, unit.source_id)
                unit_stances = stances.get(key, [])
                resolution = resolutions.get(key)
                status, stance = record_status(
                    resolution, [s.label for s in unit_stances], len(annotators.get(pk, ()))
                )
                records.append(UnitRecord(
                    article=article, claim=claim_by_id[unit.claim_id], unit=unit, source=unit.source,
                    stances=unit_stances, resolution=resolution, history=history.get(key, []),
                    status=status, stance=stance,
                ))
            yield article, claims.get(pk, []), records


def iter_units(project: Project, options: ExportOptions, *, with_history: bool = False):
    """Yield the UnitRecords that pass the status and label filters."""
    for _article, _claims, records in iter_articles(project, options, with_history=with_history):
        for record in records:
            if options.status and record.status != options.status:
                continue
            if options.label and record.stance != options.label:
                continue
            yield record


@dataclass
class VerdictRecord:
    """A publishable verdict with what ClaimReview says of the claim: where it appeared and who alleged it."""

    verdict: Verdict
    claim_reviewed: str
    appearances: list[Article]  # one per article, earliest first (undated last)
    author: Source | None  # a source that alleges it, in its earliest appearance that has one


def _appearance_order(article: Article):
    return (article.published is None, article.published or dt.date.min, article.pk)


def iter_verdicts(project: Project) -> Iterator[VerdictRecord]:
    """Yield the project's publishable verdicts (a URL and a date), in id order.

    Four queries per batch of BATCH_VERDICTS, whatever the number of claims and articles:
    the verdicts with their targets, the claims of the tracked claims, the claims rated
    alone, and the settled "alleges" units of all those claims.
    """
    ids = (Verdict.objects.filter(project=project, date_published__isnull=False).exclude(url="")
           .exclude(cluster__merged_into__isnull=False)  # a merged tracked claim's: the target's verdict stands
           .order_by("id").values_list("id", flat=True).iterator(chunk_size=2000))
    for batch in _batches(ids, BATCH_VERDICTS):
        verdicts = list(Verdict.objects.filter(pk__in=batch).select_related("cluster").order_by("id"))
        claims_of: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        cluster_ids = [v.cluster_id for v in verdicts if v.cluster_id]
        if cluster_ids:
            for link in (ClaimLink.objects.filter(cluster_id__in=cluster_ids, status=ClaimLink.Status.CONFIRMED)
                         .select_related("claim__article")
                         .defer("claim__article__body", "claim__article__search_vector", "claim__search_vector")):
                claims_of[("cluster", link.cluster_id)].append(link.claim)
        claim_ids = [v.claim_id for v in verdicts if v.claim_id]
        if claim_ids:
            for claim in (Claim.objects.filter(pk__in=claim_ids).select_related("article")
                          .defer("article__body", "article__search_vector", "search_vector")):
                claims_of[("claim", claim.pk)].append(claim)
        alleged: dict[int, Source] = {}
        every_claim = [claim.pk for claims in claims_of.values() for claim in claims]
        if every_claim and ALLEGES in project.labels:
            for resolution in (Resolution.objects.filter(claim_id__in=every_claim, label=ALLEGES)
                               .select_related("source__affiliation").order_by("claim_id", "source__name", "id")):
                alleged.setdefault(resolution.claim_id, resolution.source)
        for verdict in verdicts:
            key = ("cluster", verdict.cluster_id) if verdict.cluster_id else ("claim", verdict.claim_id)
            claims = sorted(claims_of.get(key, []), key=lambda c: (_appearance_order(c.article), c.pk))
            appearances: list[Article] = []
            seen: set[int] = set()
            author = None
            for claim in claims:
                if claim.article_id not in seen:
                    seen.add(claim.article_id)
                    appearances.append(claim.article)
                if author is None:
                    author = alleged.get(claim.pk)
            text = verdict.cluster.title if verdict.cluster_id else (claims[0].text if claims else "")
            yield VerdictRecord(verdict=verdict, claim_reviewed=text, appearances=appearances, author=author)


def chunked(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """Join small pieces into ~64 KiB chunks: fewer, larger writes to the socket."""
    buffer: list[bytes] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)
