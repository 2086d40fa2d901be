"""The project backup: the JSONL export (`iter_jsonl`) and its restore (`backup_restore`).

One line per object. A complete backup (an export without filters) carries everything a
project owns: its settings, members with their roles, set-up changes (the guidelines'
versions), every article, every claim with its own History (text edits), every unit with
the machine's suggestion, the judgements, the resolution and the unit's History, the
sources they name (with their affiliations), the tracked claims with their links and
events, the assignments, and the verdicts with their changes. docs/backup.md lists each field and what stays out.

A unit line is self-contained (article, claim, source, status and stance as every export
prints them), so the same file serves reports; a filtered export holds unit lines only,
is marked `"complete": false` and is no backup.

The restore checks the whole file first, naming the line of the first problem, and then
writes it in one transaction into an empty project: all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from annotations.importers import JSON_MAX_DEPTH
from annotations.models import (
    REJECTED,
    Article,
    Assignment,
    Claim,
    ClaimCluster,
    ClaimLink,
    ClusterEvent,
    History,
    Membership,
    Project,
    ProjectChange,
    Resolution,
    Source,
    Stance,
    Unit,
    Verdict,
    VerdictChange,
    content_hash,
    default_verdict_scale,
    validate_labels,
    validate_verdict_scale,
)
from annotations.records import UnitRecord, chunked, iso, iter_articles

if TYPE_CHECKING:  # only a type: exports imports this module
    from annotations.exports import ExportOptions

BACKUP_FORMAT = "claimtrack-backup"
# 1: unit lines, plus article and claim lines for what has no unit; sources matched by name.
# 2: every object of the project (see the module's docstring); sources matched by identity.
BACKUP_VERSION = 2
PROJECT_SETTINGS = ("guidelines", "labels", "overlap", "show_suggestions", "blind")
# Later additions to the project line: a backup written before them restores with the defaults.
VERDICT_SETTINGS = ("verdict_scale", "publisher_name", "publisher_url")


# --- Writing ---------------------------------------------------------------------------------


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


def article_json(article: Article) -> dict:
    return {
        "id": article.pk, "title": article.title, "body": article.body, "language": article.language,
        "outlet": article.outlet, "url": article.url, "published": iso(article.published),
        "published_precision": article.published_precision, "created_at": iso(article.created_at),
    }


def claim_json(claim: Claim) -> dict:
    return {
        "id": claim.pk, "text": claim.text, "start": claim.start, "end": claim.end,
        "origin": claim.origin, "created_by": _username(claim.created_by), "created_at": iso(claim.created_at),
    }


def _source_fields(source: Source) -> dict:
    return {
        "id": source.pk, "name": source.name, "kind": source.kind, "role": source.role,
        "aliases": list(source.aliases or []), "created_at": iso(source.created_at),
    }


def source_json(source: Source) -> dict:
    """A source as a unit line shows it: with the organisation it speaks for, for reports."""
    affiliation = source.affiliation if source.affiliation_id else None
    return {**_source_fields(source), "affiliation": None if affiliation is None else _source_fields(affiliation)}


def history_json(entry: History, *, with_source: bool = False) -> dict:
    data = {
        "kind": entry.kind, "action": entry.action, "annotator": _username(entry.annotator),
        "actor": _username(entry.actor), "old_label": entry.old_label, "new_label": entry.new_label,
        "old_note": entry.old_note, "new_note": entry.new_note, "reason": entry.reason, "via": entry.via,
        "reverted": entry.reverted, "created_at": iso(entry.created_at),
    }
    if with_source:
        data["source"] = entry.source_id
    return data


def unit_json(record: UnitRecord) -> dict:
    resolution, unit = record.resolution, record.unit
    return {
        "type": "unit",
        "article": article_json(record.article),
        "claim": claim_json(record.claim),
        "source": source_json(record.source),
        "unit": {
            "origin": unit.origin, "suggested_label": unit.suggested_label,
            "suggestion_score": unit.suggestion_score, "engine_version": unit.engine_version,
            "evidence_start": unit.evidence_start, "evidence_end": unit.evidence_end,
            "added_by": _username(unit.added_by), "created_at": iso(unit.created_at),
        },
        "status": record.status,
        "stance": record.stance,
        # Who settled the unit, when and why: the export's provenance, as in the CSV's columns.
        "settled_by": record.settled_by, "settled_at": record.settled_at, "reason": record.reason,
        "judgements": [
            {
                "annotator": s.annotator.get_username(), "label": s.label, "note": s.note,
                "start": s.start, "end": s.end, "version": s.version,
                "created_at": iso(s.created_at), "updated_at": iso(s.updated_at),
            }
            for s in record.stances
        ],
        "resolution": None if resolution is None else {
            "label": resolution.label, "status": resolution.status, "reason": resolution.reason,
            "resolved_by": _username(resolution.resolved_by), "version": resolution.version,
            "created_at": iso(resolution.created_at), "updated_at": iso(resolution.updated_at),
        },
        "history": [history_json(h) for h in record.history],
    }


def project_json(project: Project, *, complete: bool) -> dict:
    return {
        "type": "project", "format": BACKUP_FORMAT, "version": BACKUP_VERSION, "complete": complete,
        "slug": project.slug, "name": project.name, "guidelines": project.guidelines,
        "labels": list(project.labels), "judgement_labels": project.judgement_labels,
        "overlap": project.overlap, "show_suggestions": project.show_suggestions, "blind": project.blind,
        "verdict_scale": list(project.verdict_scale), "publisher_name": project.publisher_name,
        "publisher_url": project.publisher_url, "created_at": iso(project.created_at),
    }


def _members(project: Project) -> Iterator[dict]:
    for m in Membership.objects.filter(project=project).select_related("user").order_by("id"):
        yield {"type": "member", "user": m.user.get_username(), "role": m.role, "created_at": iso(m.created_at)}
    for c in ProjectChange.objects.filter(project=project).select_related("actor").order_by("id"):
        yield {"type": "project_change", "field": c.field, "old": c.old, "new": c.new,
               "actor": _username(c.actor), "created_at": iso(c.created_at)}


def _sources(ids: set[int]) -> Iterator[dict]:
    """The sources named, with the organisations they speak for (and theirs), in id order."""
    wanted, todo = set(), set(ids)
    while todo:
        wanted |= todo
        todo = set(Source.objects.filter(pk__in=todo, affiliation__isnull=False)
                   .values_list("affiliation_id", flat=True)) - wanted
    for source in Source.objects.filter(pk__in=wanted).order_by("id"):
        yield {"type": "source", "source": {**_source_fields(source), "affiliation": source.affiliation_id}}


def _clusters(project: Project, claims: set[int]) -> Iterator[dict]:
    """The tracked claims; links and events name only claims the backup holds."""
    clusters = list(ClaimCluster.objects.filter(project=project).select_related("created_by").order_by("id")
                    .prefetch_related("links__decided_by", "events__actor"))
    ours = {cluster.pk for cluster in clusters}

    def own(pk):
        return pk if pk in ours else None

    for cluster in clusters:
        yield {
            "type": "cluster", "id": cluster.pk, "title": cluster.title, "created_by": _username(cluster.created_by),
            "created_at": iso(cluster.created_at), "merged_into": own(cluster.merged_into_id),
            "links": [
                {"claim": link.claim_id, "status": link.status, "score": link.score,
                 "decided_by": _username(link.decided_by), "decided_at": iso(link.decided_at),
                 "created_at": iso(link.created_at)}
                for link in sorted(cluster.links.all(), key=lambda link: link.pk) if link.claim_id in claims
            ],
            "events": [
                {"kind": event.kind, "claim_ids": [c for c in event.claim_ids if c in claims],
                 "other_cluster": own(event.other_cluster_id), "actor": _username(event.actor), "note": event.note,
                 "created_at": iso(event.created_at)}
                for event in sorted(cluster.events.all(), key=lambda event: event.pk)
            ],
        }


def _assignments(project: Project, articles: set[int]) -> Iterator[dict]:
    for a in (Assignment.objects.filter(article__project=project).select_related("annotator")
              .order_by("article_id", "id").iterator(chunk_size=2000)):
        if a.article_id in articles:
            yield {"type": "assignment", "article": a.article_id, "annotator": a.annotator.get_username(),
                   "status": a.status, "started_at": iso(a.started_at), "last_seen": iso(a.last_seen),
                   "finished_at": iso(a.finished_at)}


def _verdicts(project: Project, claims: set[int]) -> Iterator[dict]:
    """The verdicts (on the backup's tracked claims and claims) with every change, in id order."""
    verdicts = (Verdict.objects.filter(project=project).select_related("reviewer").order_by("id")
                .prefetch_related("changes__actor"))
    for verdict in verdicts:
        if verdict.claim_id is not None and verdict.claim_id not in claims:
            continue
        yield {
            "type": "verdict", "id": verdict.pk, "cluster": verdict.cluster_id, "claim": verdict.claim_id,
            "rating": verdict.rating, "explanation": verdict.explanation, "url": verdict.url,
            "date_published": iso(verdict.date_published), "reviewer": _username(verdict.reviewer),
            "version": verdict.version, "created_at": iso(verdict.created_at), "updated_at": iso(verdict.updated_at),
            "changes": [
                {"action": c.action, "actor": _username(c.actor), "old": c.old, "new": c.new, "via": c.via,
                 "created_at": iso(c.created_at)}
                for c in sorted(verdict.changes.all(), key=lambda c: c.pk)
            ],
        }


def iter_jsonl_objects(project: Project, options: ExportOptions) -> Iterator[dict]:
    """The backup's objects. Without filters: the project line, members and set-up changes,
    then per article the article, its claims and its units, then the sources those name, the
    tracked claims, the assignments and the verdicts. With a status, label, article or date filter: the
    project line (`complete` false) and the matching unit lines only."""
    complete = not (options.status or options.label or options.article is not None
                    or options.published_from is not None or options.published_to is not None)
    yield project_json(project, complete=complete)
    if complete:
        yield from _members(project)
    articles: set[int] = set()
    claims: set[int] = set()
    sources: set[int] = set()
    for article, article_claims, records in iter_articles(project, options, with_history=True):
        if complete:
            articles.add(article.pk)
            yield {"type": "article", "article": article_json(article)}
            for claim in article_claims:
                claims.add(claim.pk)
                sources.update(h.source_id for h in claim.loose_history if h.source_id)
                yield {"type": "claim", "article": article.pk,
                       "claim": {**claim_json(claim),
                                 "history": [history_json(h, with_source=True) for h in claim.loose_history]}}
        for record in records:
            if options.status and record.status != options.status:
                continue
            if options.label and record.stance != options.label:
                continue
            sources.add(record.source.pk)
            yield unit_json(record)
    if complete:
        yield from _sources(sources)
        yield from _clusters(project, claims)
        yield from _assignments(project, articles)
        yield from _verdicts(project, claims)


def _json_line(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def iter_jsonl(project: Project, options: ExportOptions) -> Iterator[bytes]:
    return chunked(_json_line(obj) for obj in iter_jsonl_objects(project, options))


# --- Checking ----------------------------------------------------------------------------------


class BackupError(Exception):
    """A backup that cannot be restored; names the line when one is to blame."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class RestoreReport:
    articles: int = 0
    claims: int = 0
    sources: int = 0
    units: int = 0
    stances: int = 0
    resolutions: int = 0
    members: int = 0
    clusters: int = 0
    assignments: int = 0
    project_changes: int = 0
    verdicts: int = 0
    users_created: list[str] = field(default_factory=list)


def _require(obj, key: str, kind, line: int, where: str, *, null: bool = False):
    value = obj.get(key) if isinstance(obj, dict) else None
    if value is None and null:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise BackupError(f"{where}.{key} is missing or not {getattr(kind, '__name__', kind)}", line)
    return value


def _date(value, line: int, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise BackupError(f"{where} {value!r} is not a date YYYY-MM-DD", line) from exc


def _datetime(value, line: int, where: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise BackupError(f"{where} {value!r} is not a timestamp", line) from exc


def _choice(value, choices, line: int, where: str, *, null: bool = False) -> None:
    if value is None and null:
        return
    if value not in choices:
        raise BackupError(f"{where} {value!r} is not one of {', '.join(choices)}", line)


class _Checker:
    """Checks each line's shape and what it refers to, before anything is written."""

    def __init__(self):
        self.header: dict | None = None
        self.labels: list[str] | None = None
        self.bodies: dict[int, str] = {}
        self.claims: set[int] = set()
        self.sources: dict[int, int | None] = {}
        self.clusters: set[int] = set()
        self.verdict_targets: set[tuple[str, int]] = set()
        self.pending: list[tuple[int, str, object]] = []  # (line, kind, id) referred to before defined

    @property
    def version(self) -> int:
        return self.header["version"] if self.header else 1

    def project(self, obj, line: int) -> None:
        if obj.get("format") != BACKUP_FORMAT:
            raise BackupError(f"this is not a ClaimTrack backup (format {obj.get('format')!r})", line)
        version = obj.get("version", 1)
        if version not in (1, BACKUP_VERSION):
            raise BackupError(f"backup version {version!r} is not one this ClaimTrack reads (1 or 2)", line)
        if version > 1 and obj.get("complete") is not True:
            raise BackupError("this export was filtered (status, label, article or dates): it holds part of "
                              "the project only; export without filters to back the project up", line)
        try:
            validate_labels(obj.get("labels"))
        except ValidationError as exc:
            raise BackupError(f"labels: {' '.join(exc.messages)}", line) from exc
        if version > 1:
            _require(obj, "guidelines", str, line, "project")
            overlap = _require(obj, "overlap", int, line, "project")
            if overlap < 1:
                raise BackupError("project.overlap must be 1 or more", line)
            _require(obj, "show_suggestions", bool, line, "project")
            _require(obj, "blind", bool, line, "project")
            if "verdict_scale" in obj:
                try:
                    validate_verdict_scale(obj["verdict_scale"])
                except ValidationError as exc:
                    raise BackupError(f"verdict_scale: {' '.join(exc.messages)}", line) from exc
            for name in ("publisher_name", "publisher_url"):
                if name in obj:
                    _require(obj, name, str, line, "project")
        self.header, self.labels = {**obj, "version": version}, obj["labels"]

    def member(self, obj, line: int) -> None:
        if not _require(obj, "user", str, line, "member").strip():
            raise BackupError("member.user is empty", line)
        _choice(obj.get("role"), Membership.Role.values, line, "member.role")
        _datetime(obj.get("created_at"), line, "member.created_at")

    def project_change(self, obj, line: int) -> None:
        _require(obj, "field", str, line, "project_change")
        _require(obj, "old", str, line, "project_change")
        _require(obj, "new", str, line, "project_change")
        _require(obj, "actor", str, line, "project_change", null=True)
        _datetime(obj.get("created_at"), line, "project_change.created_at")

    def article(self, article, line: int) -> None:
        if not isinstance(article, dict):
            raise BackupError("the object has no 'article'", line)
        pk = _require(article, "id", int, line, "article")
        _require(article, "title", str, line, "article")
        body = _require(article, "body", str, line, "article")
        if not body.strip():
            raise BackupError("article.body is empty", line)
        _choice(article.get("language"), Article.Language.values, line, "article.language")
        _choice(article.get("published_precision", "day"), Article.Precision.values, line,
                "article.published_precision")
        _date(article.get("published"), line, "article.published")
        _datetime(article.get("created_at"), line, "article.created_at")
        if self.version > 1 and pk in self.bodies and self.bodies[pk] != body:
            raise BackupError(f"article {pk} appears twice with different texts", line)
        self.bodies[pk] = body

    def claim(self, claim, article_id: int, line: int) -> None:
        if not isinstance(claim, dict):
            raise BackupError("the object has no 'claim'", line)
        self.claims.add(_require(claim, "id", int, line, "claim"))
        _require(claim, "text", str, line, "claim")
        start = _require(claim, "start", int, line, "claim")
        end = _require(claim, "end", int, line, "claim")
        if article_id not in self.bodies:
            raise BackupError(f"the claim's article {article_id} has no article line before it", line)
        if not 0 <= start < end <= len(self.bodies[article_id]):
            raise BackupError("the claim's span lies outside its article's text", line)
        _choice(claim.get("origin", "manual"), Claim.Origin.values, line, "claim.origin")
        _datetime(claim.get("created_at"), line, "claim.created_at")
        self.history(claim.get("history", []), line, with_source=True)

    def history(self, history, line: int, *, with_source: bool = False) -> None:
        if not isinstance(history, list):
            raise BackupError("'history' must be a list", line)
        for h in history:
            if not isinstance(h, dict) or h.get("kind") not in History.Kind.values \
                    or h.get("action") not in History.Action.values:
                raise BackupError("a history entry has no valid kind or action", line)
            _datetime(h.get("created_at"), line, "history.created_at")
            _require(h, "annotator", str, line, "history", null=True)
            _require(h, "actor", str, line, "history", null=True)
            if with_source and h.get("source") is not None:
                self.pending.append((line, "source", _require(h, "source", int, line, "history")))

    def _label(self, label: str, line: int, where: str) -> None:
        if self.labels is not None and label not in [*self.labels, REJECTED]:
            raise BackupError(f"{where} label {label!r} is not in the project's labels", line)

    def source(self, source, line: int, *, nested: bool) -> None:
        if not isinstance(source, dict):
            raise BackupError("the object has no 'source'", line)
        pk = _require(source, "id", int, line, "source", null=self.version == 1)
        name = _require(source, "name", str, line, "source")
        if not name.strip():
            raise BackupError("source.name is empty", line)
        _choice(source.get("kind", "unknown"), Source.Kind.values, line, "source.kind")
        aliases = source.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise BackupError("source.aliases must be a list of names", line)
        _datetime(source.get("created_at"), line, "source.created_at")
        affiliation = source.get("affiliation")
        if nested:
            if affiliation is not None:
                _require(affiliation, "name", str, line, "source.affiliation")
            if self.version > 1:
                self.pending.append((line, "source", pk))
            return
        if affiliation is not None:
            self.pending.append((line, "source", _require(source, "affiliation", int, line, "source")))
        if pk in self.sources:
            raise BackupError(f"source {pk} appears twice", line)
        self.sources[pk] = affiliation

    def unit(self, obj, line: int) -> None:
        self.source(obj.get("source"), line, nested=True)
        info = obj.get("unit") or {}
        if not isinstance(info, dict):
            raise BackupError("'unit' must be an object", line)
        _choice(info.get("origin", "manual"), Claim.Origin.values, line, "unit.origin")
        start, end = info.get("evidence_start"), info.get("evidence_end")
        if (start is None) != (end is None) or start is not None and not (
                isinstance(start, int) and isinstance(end, int) and 0 <= start < end
                <= len(self.bodies[obj["article"]["id"]])):
            raise BackupError("unit.evidence_start/evidence_end must both be empty or a span of the text", line)
        judgements = obj.get("judgements", [])
        if not isinstance(judgements, list):
            raise BackupError("'judgements' must be a list", line)
        for j in judgements:
            _require(j, "annotator", str, line, "judgement")
            self._label(_require(j, "label", str, line, "judgement"), line, "judgement")
            _datetime(j.get("created_at"), line, "judgement.created_at")
            _datetime(j.get("updated_at"), line, "judgement.updated_at")
        resolution = obj.get("resolution")
        if resolution is not None:
            self._label(_require(resolution, "label", str, line, "resolution"), line, "resolution")
            _choice(resolution.get("status"), Resolution.Status.values, line, "resolution.status")
        self.history(obj.get("history", []), line)

    def cluster(self, obj, line: int) -> None:
        pk = _require(obj, "id", int, line, "cluster")
        if pk in self.clusters:
            raise BackupError(f"tracked claim {pk} appears twice", line)
        self.clusters.add(pk)
        _require(obj, "title", str, line, "cluster")
        _datetime(obj.get("created_at"), line, "cluster.created_at")
        if obj.get("merged_into") is not None:
            self.pending.append((line, "cluster", _require(obj, "merged_into", int, line, "cluster")))
        links, events = obj.get("links", []), obj.get("events", [])
        if not isinstance(links, list) or not isinstance(events, list):
            raise BackupError("cluster.links and cluster.events must be lists", line)
        for link in links:
            self.pending.append((line, "claim", _require(link, "claim", int, line, "cluster.link")))
            _choice(link.get("status"), ClaimLink.Status.values, line, "cluster.link.status")
            _datetime(link.get("decided_at"), line, "cluster.link.decided_at")
        for event in events:
            _choice(_require(event, "kind", str, line, "cluster.event"), ClusterEvent.Kind.values, line,
                    "cluster.event.kind")
            ids = event.get("claim_ids", [])
            if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
                raise BackupError("cluster.event.claim_ids must be a list of claim ids", line)
            self.pending.extend((line, "claim", i) for i in ids)
            if event.get("other_cluster") is not None:
                self.pending.append((line, "cluster", _require(event, "other_cluster", int, line, "cluster.event")))

    def assignment(self, obj, line: int) -> None:
        article = _require(obj, "article", int, line, "assignment")
        if article not in self.bodies:
            raise BackupError(f"assignment.article {article} has no article line before it", line)
        _require(obj, "annotator", str, line, "assignment")
        _choice(obj.get("status"), Assignment.Status.values, line, "assignment.status")
        for name in ("started_at", "last_seen", "finished_at"):
            _datetime(obj.get(name), line, f"assignment.{name}")

    def verdict(self, obj, line: int) -> None:
        _require(obj, "id", int, line, "verdict")
        cluster = _require(obj, "cluster", int, line, "verdict", null=True)
        claim = _require(obj, "claim", int, line, "verdict", null=True)
        if (cluster is None) == (claim is None):
            raise BackupError("verdict names a tracked claim (cluster) or a claim, exactly one", line)
        target = ("cluster", cluster) if cluster is not None else ("claim", claim)
        if target in self.verdict_targets:
            raise BackupError(f"{target[0]} {target[1]} has two verdicts", line)
        self.verdict_targets.add(target)
        self.pending.append((line, *target))
        scale = self.header.get("verdict_scale") or default_verdict_scale()
        rating = _require(obj, "rating", str, line, "verdict")
        if rating not in scale:
            raise BackupError(f"verdict.rating {rating!r} is not on the project's verdict scale", line)
        for name in ("explanation", "url"):
            _require(obj, name, str, line, "verdict")
        _date(obj.get("date_published"), line, "verdict.date_published")
        _require(obj, "reviewer", str, line, "verdict")
        if _require(obj, "version", int, line, "verdict") < 1:
            raise BackupError("verdict.version must be 1 or more", line)
        for name in ("created_at", "updated_at"):
            _datetime(obj.get(name), line, f"verdict.{name}")
        changes = obj.get("changes", [])
        if not isinstance(changes, list):
            raise BackupError("verdict.changes must be a list", line)
        for change in changes:
            _choice(_require(change, "action", str, line, "verdict.change"), VerdictChange.Action.values, line,
                    "verdict.change.action")
            _require(change, "actor", str, line, "verdict.change")
            _require(change, "old", dict, line, "verdict.change")
            _require(change, "new", dict, line, "verdict.change")
            _datetime(change.get("created_at"), line, "verdict.change.created_at")

    def references(self) -> None:
        known = {"source": self.sources, "claim": self.claims, "cluster": self.clusters}
        for line, kind, pk in self.pending:
            if pk not in known[kind]:
                raise BackupError(f"{kind} {pk} is named but the backup has no line for it", line)


def _nests_deeper(value, limit: int) -> bool:
    """Whether parsed JSON has lists or objects nested more than `limit` deep."""
    level = [value]
    for _ in range(limit):
        level = [inner for v in level if isinstance(v, dict | list)
                 for inner in (v.values() if isinstance(v, dict) else v)]
        if not level:
            return False
    return any(isinstance(v, dict | list) for v in level)


LINE_TYPES = ("project", "member", "project_change", "article", "claim", "unit", "source", "cluster", "assignment",
              "verdict")


def parse_backup(text: str) -> tuple[dict | None, list[tuple[int, dict]]]:
    """Check every line; return the project header (if any) and the numbered objects."""
    checker = _Checker()
    objects: list[tuple[int, dict]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BackupError(f"not valid JSON ({exc.msg})", number) from exc
        except RecursionError:
            obj = None
        if obj is None or _nests_deeper(obj, JSON_MAX_DEPTH):
            raise BackupError(f"the JSON nests more than {JSON_MAX_DEPTH} levels deep", number)
        if not isinstance(obj, dict):
            raise BackupError("each line must be a JSON object", number)
        kind = obj.get("type")
        if kind != "project" and checker.header is None and not objects and kind in LINE_TYPES \
                and kind not in ("unit", "claim", "article"):
            raise BackupError("the project line must come first, once", number)
        if kind not in LINE_TYPES or checker.version == 1 and kind not in ("project", "unit", "claim", "article"):
            raise BackupError(f"unknown object type {kind!r} (expected {', '.join(LINE_TYPES[1:])})", number)
        if kind == "project":
            if checker.header is not None or objects:
                raise BackupError("the project line must come first, once", number)
            checker.project(obj, number)
            continue
        if kind in ("article", "claim", "unit") and (checker.version == 1 or kind != "claim"):
            checker.article(obj.get("article"), number)
        if kind == "claim":
            article_id = obj["article"]["id"] if checker.version == 1 else obj.get("article")
            if not isinstance(article_id, int) or isinstance(article_id, bool):
                raise BackupError("claim.article must be an article id", number)
            checker.claim(obj.get("claim"), article_id, number)
        elif kind == "unit":
            checker.claim(obj.get("claim"), obj["article"]["id"], number)
            checker.unit(obj, number)
        elif kind == "source":
            checker.source(obj.get("source"), number, nested=False)
        elif kind != "article":
            getattr(checker, kind)(obj, number)
        objects.append((number, obj))
    if not objects and checker.header is None:
        raise BackupError("the file holds nothing to restore")
    checker.references()
    return checker.header, objects


# --- Restoring ---------------------------------------------------------------------------------


class _Restorer:
    def __init__(self, project: Project, report: RestoreReport, version: int):
        self.project = project
        self.report = report
        self.version = version
        self.started = timezone.now()
        self.users: dict[str, object] = {}
        self.articles: dict[int, Article] = {}
        self.claims: dict[int, Claim] = {}
        self.sources: dict[object, Source] = {}
        self.clusters: dict[int, ClaimCluster] = {}
        self.pending: dict[type, list] = {}
        self.pending_count = 0
        self.members: dict[int, str] = dict(
            Membership.objects.filter(project=project).values_list("user_id", "role")
        )

    def add(self, row):
        """Keep a new row to write with the others of its kind at the next flush."""
        self.pending.setdefault(type(row), []).append(row)
        self.pending_count += 1
        return row

    def flush(self) -> None:
        """Write the kept rows, one statement per kind, parents before the rows that name them."""
        for model in (Article, Claim, Unit, Stance, Resolution, History, Assignment):
            rows = self.pending.pop(model, [])
            if rows:
                model.objects.bulk_create(rows, batch_size=1000)
        self.pending_count = 0

    def when(self, value) -> dt.datetime:
        return _datetime(value, 0, "") or self.started

    def user(self, username: str | None, role: str = Membership.Role.ANNOTATOR):
        """The user of that name (created without a usable password when missing).

        A version 1 backup has no member lines: whoever appears in it becomes a member.
        """
        if not username:
            return None
        user = self.users.get(username)
        if user is None:
            user, created = get_user_model().objects.get_or_create(username=username)
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                self.report.users_created.append(username)
            self.users[username] = user
        if self.version == 1 and user.pk not in self.members:
            Membership.objects.create(project=self.project, user=user, role=role)
            self.members[user.pk] = role
        return user

    def settings(self, header: dict) -> None:
        fields = PROJECT_SETTINGS if self.version > 1 else ("labels",)
        fields = (*fields, *(name for name in VERDICT_SETTINGS if name in header))
        for name in fields:
            setattr(self.project, name, header[name])
        self.project.full_clean()
        self.project.save(update_fields=list(fields))

    def member(self, obj: dict) -> None:
        user = self.user(obj["user"])
        Membership.objects.update_or_create(
            project=self.project, user=user,
            defaults={"role": obj["role"], "created_at": self.when(obj.get("created_at"))},
        )
        self.members[user.pk] = obj["role"]
        self.report.members += 1

    def project_change(self, obj: dict) -> None:
        ProjectChange.objects.create(
            project=self.project, actor=self.user(obj.get("actor")), field=obj["field"], old=obj["old"],
            new=obj["new"], created_at=self.when(obj.get("created_at")),
        )
        self.report.project_changes += 1

    def _existing_source(self, data: dict) -> Source | None:
        """The registry's source this one is: the same row (id and creation time; for a version 1
        backup, which has no creation time, id, name, kind and role), followed to where it was
        merged. Never a source that merely shares the name."""
        found = Source.objects.filter(pk=data.get("id")).first() if data.get("id") is not None else None
        if found is None:
            return None
        if data.get("created_at"):
            same = iso(found.created_at) == data["created_at"]
        else:
            same = (found.name, found.kind, found.role) == (data["name"], data.get("kind", "unknown"),
                                                           data.get("role") or "")
        if not same:
            return None
        seen = set()
        while found.merged_into_id is not None and found.pk not in seen:
            seen.add(found.pk)
            found = found.merged_into
        return found

    def source(self, data: dict, affiliation: Source | None = None) -> Source:
        key = data.get("id") if data.get("id") is not None else ("v1", data["name"], data.get("role"))
        found = self.sources.get(key)
        if found is None:
            found = self._existing_source(data)
            if found is None:
                found = Source.objects.create(
                    name=data["name"], kind=data.get("kind") or Source.Kind.UNKNOWN, role=data.get("role") or "",
                    aliases=list(data.get("aliases") or []), affiliation=affiliation,
                    created_at=self.when(data.get("created_at")),
                )
                self.report.sources += 1
            self.sources[key] = found
        return found

    def sources_all(self, lines: list[dict]) -> None:
        """Every source line; the new sources get their affiliations once all of them exist."""
        created = []
        for data in lines:
            before = self.report.sources
            source = self.source(data)
            if self.report.sources > before and data.get("affiliation") is not None:
                created.append((source, data["affiliation"]))
        for source, affiliation in created:
            source.affiliation = self.sources[affiliation]
            source.save(update_fields=["affiliation"])

    def article(self, data: dict) -> Article:
        found = self.articles.get(data["id"])
        if found is None:
            found = self.add(Article(
                project=self.project, title=data["title"], body=data["body"], language=data["language"],
                outlet=data.get("outlet") or "", url=data.get("url") or "",
                published=_date(data.get("published"), 0, ""),
                published_precision=data.get("published_precision") or Article.Precision.DAY,
                content_hash=content_hash(data["body"]), created_at=self.when(data.get("created_at")),
            ))
            self.articles[data["id"]] = found
            self.report.articles += 1
        return found

    def history(self, claim: Claim, source: Source | None, entry: dict) -> History:
        """An unsaved History row (the caller writes a line's rows in one statement)."""
        return History(
            kind=entry["kind"], action=entry["action"], claim=claim, source=source,
            annotator=self.user(entry.get("annotator")), actor=self.user(entry.get("actor")),
            old_label=entry.get("old_label") or "", new_label=entry.get("new_label") or "",
            old_note=entry.get("old_note") or "", new_note=entry.get("new_note") or "",
            reason=entry.get("reason") or "", via=entry.get("via") or "import", reverted=bool(entry.get("reverted")),
            created_at=self.when(entry.get("created_at")),
        )

    def claim(self, article: Article, data: dict) -> Claim:
        found = self.claims.get(data["id"])
        if found is None:
            found = self.add(Claim(
                article=article, text=data["text"], start=data["start"], end=data["end"],
                origin=data.get("origin") or Claim.Origin.MANUAL, created_by=self.user(data.get("created_by")),
                created_at=self.when(data.get("created_at")),
            ))
            self.claims[data["id"]] = found
            self.report.claims += 1
            for entry in data.get("history") or []:
                self.add(self.history(found, None if entry.get("source") is None else self.sources[entry["source"]],
                                      entry))
        return found

    def unit(self, obj: dict) -> None:
        article = self.article(obj["article"])
        claim = self.claim(article, obj["claim"])
        data = obj["source"]
        if self.version == 1:
            affiliation = data.get("affiliation")
            affiliation = self.source({**affiliation, "affiliation": None}) if affiliation else None
            source = self.source(data, affiliation)
        else:
            source = self.sources[data["id"]]
        info = obj.get("unit") or {}
        self.add(Unit(
            claim=claim, source=source, origin=info.get("origin") or Claim.Origin.MANUAL,
            suggested_label=info.get("suggested_label") or "", suggestion_score=info.get("suggestion_score"),
            engine_version=info.get("engine_version") or "", evidence_start=info.get("evidence_start"),
            evidence_end=info.get("evidence_end"), added_by=self.user(info.get("added_by")),
            created_at=self.when(info.get("created_at")),
        ))
        self.report.units += 1
        history = obj.get("history") or []
        judged = {h.get("annotator") for h in history if h.get("kind") == History.Kind.STANCE}
        entries = []
        for j in obj.get("judgements") or []:
            annotator = self.user(j["annotator"])
            created = self.when(j.get("created_at"))
            self.add(Stance(
                claim=claim, source=source, annotator=annotator, label=j["label"], note=j.get("note") or "",
                start=j.get("start"), end=j.get("end"), version=j.get("version") or 1,
                created_at=created, updated_at=_datetime(j.get("updated_at"), 0, "") or created,
            ))
            if j["annotator"] not in judged:  # nothing appears without a trace
                entries.append(History(
                    kind=History.Kind.STANCE, action=History.Action.CREATE, claim=claim, source=source,
                    annotator=annotator, actor=annotator, new_label=j["label"], new_note=j.get("note") or "",
                    via="import",
                ))
            self.report.stances += 1
        resolution = obj.get("resolution")
        if resolution:
            resolver = self.user(resolution.get("resolved_by"), Membership.Role.LEAD)
            created = self.when(resolution.get("created_at"))
            self.add(Resolution(
                claim=claim, source=source, label=resolution["label"], status=resolution["status"],
                reason=resolution.get("reason") or "", resolved_by=resolver,
                version=resolution.get("version") or 1, created_at=created,
                updated_at=_datetime(resolution.get("updated_at"), 0, "") or created,
            ))
            self.report.resolutions += 1
            if not any(h.get("kind") == History.Kind.RESOLUTION for h in history):
                entries.append(History(
                    kind=History.Kind.RESOLUTION, action=History.Action.CREATE, claim=claim, source=source,
                    actor=resolver, new_label=resolution["label"], reason=resolution.get("reason") or "",
                    via="import",
                ))
        for entry in [*entries, *(self.history(claim, source, entry) for entry in history)]:
            self.add(entry)

    def cluster(self, obj: dict) -> None:
        self.clusters[obj["id"]] = ClaimCluster.objects.create(
            project=self.project, title=obj["title"], created_by=self.user(obj.get("created_by")),
            created_at=self.when(obj.get("created_at")),
        )
        self.report.clusters += 1

    def cluster_contents(self, obj: dict) -> None:
        """Links, events and merges: after every cluster exists, since they name each other."""
        cluster = self.clusters[obj["id"]]
        if obj.get("merged_into") is not None:
            cluster.merged_into = self.clusters[obj["merged_into"]]
            cluster.save(update_fields=["merged_into"])
        for link in obj.get("links") or []:
            ClaimLink.objects.create(
                cluster=cluster, claim=self.claims[link["claim"]], status=link["status"], score=link.get("score"),
                decided_by=self.user(link.get("decided_by")), decided_at=_datetime(link.get("decided_at"), 0, ""),
                created_at=self.when(link.get("created_at")),
            )
        for event in obj.get("events") or []:
            other = event.get("other_cluster")
            claim_ids = [self.claims[i].pk for i in event.get("claim_ids") or []]
            ClusterEvent.objects.create(
                cluster=cluster, kind=event["kind"], claim_ids=claim_ids,
                other_cluster=None if other is None else self.clusters[other], actor=self.user(event.get("actor")),
                note=event.get("note") or "", created_at=self.when(event.get("created_at")),
            )

    def assignment(self, obj: dict) -> None:
        self.add(Assignment(
            article=self.articles[obj["article"]], annotator=self.user(obj["annotator"]), status=obj["status"],
            started_at=self.when(obj.get("started_at")), last_seen=self.when(obj.get("last_seen")),
            finished_at=_datetime(obj.get("finished_at"), 0, ""),
        ))
        self.report.assignments += 1


    def verdict(self, obj: dict) -> None:
        target = ({"cluster": self.clusters[obj["cluster"]]} if obj.get("cluster") is not None
                  else {"claim": self.claims[obj["claim"]]})
        verdict = Verdict.objects.create(
            project=self.project, **target, rating=obj["rating"], explanation=obj["explanation"], url=obj["url"],
            date_published=_date(obj.get("date_published"), 0, ""), reviewer=self.user(obj["reviewer"]),
            version=obj["version"], created_at=self.when(obj.get("created_at")),
            updated_at=self.when(obj.get("updated_at")),
        )
        VerdictChange.objects.bulk_create(
            VerdictChange(verdict=verdict, action=c["action"], actor=self.user(c["actor"]), old=c["old"],
                          new=c["new"], via=c.get("via") or "import", created_at=self.when(c.get("created_at")))
            for c in obj.get("changes") or [])
        self.report.verdicts += 1


# The order objects are written in: what a line names exists before it.
RESTORE_ORDER = {"member": 0, "project_change": 1, "source": 2, "article": 3, "claim": 3, "unit": 3,
                 "cluster": 4, "cluster_contents": 5, "assignment": 6, "verdict": 7}
# Lines whose rows are kept and written together (a statement per kind, every BATCH_ROWS rows).
BATCHED = {"article", "claim", "unit", "assignment"}
BATCH_ROWS = 5000


class _BatchFailed(Exception):
    """A batch was refused: the restore is rolled back and run again line by line to name the line."""


def project_is_empty(project: Project) -> bool:
    """No articles, tracked claims or set-up changes: a backup may be restored into it."""
    return not (project.articles.exists() or project.claim_clusters.exists() or project.changes.exists())


def backup_restore(*, project: Project, text: str) -> RestoreReport:
    """Restore a JSONL backup into an empty project, all or nothing.

    The project keeps its slug and name; everything else comes from the backup.
    """
    header, objects = parse_backup(text)
    if not project_is_empty(project):
        raise BackupError(f"the project {project.slug!r} already has articles, tracked claims or set-up "
                          "changes; restore into an empty project")
    steps = [(RESTORE_ORDER[obj["type"]], number, obj["type"], obj) for number, obj in objects]
    steps += [(RESTORE_ORDER["cluster_contents"], number, "cluster_contents", obj)
              for number, obj in objects if obj["type"] == "cluster"]
    steps.sort(key=lambda step: step[:2])
    try:
        return _restore(project, header, steps, batch=BATCH_ROWS)
    except _BatchFailed:
        # Everything was rolled back; one line at a time finds the line to blame.
        return _restore(project, header, steps, batch=1)


def _restore(project: Project, header: dict | None, steps: list, *, batch: int) -> RestoreReport:
    version = header["version"] if header else 1
    report = RestoreReport()
    with transaction.atomic():
        restorer = _Restorer(project, report, version)
        if header is not None:
            try:
                restorer.settings(header)
            except ValidationError as exc:
                raise BackupError(f"the project's settings are refused ({' '.join(exc.messages)})", 1) from exc
        sources = [(number, obj["source"]) for _, number, kind, obj in steps if kind == "source"]
        for _, number, kind, obj in steps:
            # No savepoint per line: the first error ends the restore (and rolls it all back).
            try:
                if kind not in BATCHED:
                    restorer.flush()
                if kind == "source":
                    if sources:  # all at once: they name each other as affiliations
                        number = sources[0][0]
                        restorer.sources_all([data for _, data in sources])
                        sources = []
                elif kind == "article":
                    restorer.article(obj["article"])
                elif kind == "claim" and version == 1:
                    restorer.claim(restorer.article(obj["article"]), obj["claim"])
                elif kind == "claim":
                    restorer.claim(restorer.articles[obj["article"]], obj["claim"])
                else:
                    getattr(restorer, kind)(obj)
                if restorer.pending_count >= batch:
                    restorer.flush()
            except (DatabaseError, ValidationError, KeyError, TypeError, ValueError) as exc:
                if batch > 1:
                    raise _BatchFailed from exc
                raise BackupError(f"cannot restore this object ({exc})", number) from exc
        try:
            restorer.flush()
        except (DatabaseError, ValidationError, ValueError) as exc:
            if batch > 1:
                raise _BatchFailed from exc
            raise BackupError(f"cannot restore the backup ({exc})") from exc
    return report
