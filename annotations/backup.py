"""Restore a project from its JSONL export (the backup format of `exports.iter_jsonl`).

The whole file is checked before anything is written, and the restore runs in
one transaction: a bad line is reported with its number and nothing is kept.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from annotations.exports import BACKUP_FORMAT
from annotations.models import (
    REJECTED,
    Article,
    Claim,
    History,
    Membership,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
    content_hash,
    validate_labels,
)
from annotations.services import source_match_or_create


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


def _check_article(obj, line: int) -> None:
    article = obj.get("article")
    if not isinstance(article, dict):
        raise BackupError("the object has no 'article'", line)
    _require(article, "id", int, line, "article")
    _require(article, "title", str, line, "article")
    body = _require(article, "body", str, line, "article")
    if not body.strip():
        raise BackupError("article.body is empty", line)
    if article.get("language") not in {"nl", "en"}:
        raise BackupError("article.language must be 'nl' or 'en'", line)
    _date(article.get("published"), line, "article.published")


def _check_claim(obj, line: int) -> None:
    claim = obj.get("claim")
    if not isinstance(claim, dict):
        raise BackupError("the object has no 'claim'", line)
    _require(claim, "id", int, line, "claim")
    _require(claim, "text", str, line, "claim")
    start = _require(claim, "start", int, line, "claim")
    end = _require(claim, "end", int, line, "claim")
    if not 0 <= start < end <= len(obj["article"]["body"]):
        raise BackupError("the claim's span lies outside its article's text", line)


def _check_unit(obj, line: int, labels: list[str] | None) -> None:
    source = obj.get("source")
    if not isinstance(source, dict):
        raise BackupError("the object has no 'source'", line)
    _require(source, "name", str, line, "source")
    if source.get("kind", "unknown") not in Source.Kind.values:
        raise BackupError(f"source.kind {source.get('kind')!r} is unknown", line)
    affiliation = source.get("affiliation")
    if affiliation is not None:
        _require(affiliation, "name", str, line, "source.affiliation")
    judgements = obj.get("judgements", [])
    if not isinstance(judgements, list):
        raise BackupError("'judgements' must be a list", line)
    for j in judgements:
        _require(j, "annotator", str, line, "judgement")
        label = _require(j, "label", str, line, "judgement")
        if labels is not None and label not in labels:
            raise BackupError(f"judgement label {label!r} is not in the project's labels", line)
        _datetime(j.get("created_at"), line, "judgement.created_at")
    resolution = obj.get("resolution")
    if resolution is not None:
        label = _require(resolution, "label", str, line, "resolution")
        if labels is not None and label not in labels:
            raise BackupError(f"resolution label {label!r} is not in the project's labels", line)
        if resolution.get("status") not in Resolution.Status.values:
            raise BackupError("resolution.status must be 'consensus' or 'resolved'", line)
    history = obj.get("history", [])
    if not isinstance(history, list):
        raise BackupError("'history' must be a list", line)
    for h in history:
        if not isinstance(h, dict) or h.get("kind") not in History.Kind.values \
                or h.get("action") not in History.Action.values:
            raise BackupError("a history entry has no valid kind or action", line)


def parse_backup(text: str) -> tuple[dict | None, list[tuple[int, dict]]]:
    """Check every line; return the project header (if any) and the numbered objects."""
    header = None
    objects: list[tuple[int, dict]] = []
    labels: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BackupError(f"not valid JSON ({exc.msg})", number) from exc
        if not isinstance(obj, dict):
            raise BackupError("each line must be a JSON object", number)
        kind = obj.get("type")
        if kind == "project":
            if header is not None or objects:
                raise BackupError("the project line must come first, once", number)
            if obj.get("format") != BACKUP_FORMAT:
                raise BackupError(f"this is not a ClaimTrack backup (format {obj.get('format')!r})", number)
            try:
                validate_labels(obj.get("labels"))
            except ValidationError as exc:
                raise BackupError(f"labels: {' '.join(exc.messages)}", number) from exc
            header, labels = obj, obj["labels"]
            continue
        if kind not in {"unit", "claim", "article"}:
            raise BackupError(f"unknown object type {kind!r} (expected unit, claim or article)", number)
        _check_article(obj, number)
        if kind in {"unit", "claim"}:
            _check_claim(obj, number)
        if kind == "unit":
            _check_unit(obj, number, None if labels is None else [*labels, REJECTED])
        objects.append((number, obj))
    if not objects and header is None:
        raise BackupError("the file holds nothing to restore")
    return header, objects


class _Restorer:
    def __init__(self, project: Project, report: RestoreReport):
        self.project = project
        self.report = report
        self.users: dict[str, object] = {}
        self.articles: dict[int, Article] = {}
        self.claims: dict[int, Claim] = {}
        self.sources: dict[tuple, Source] = {}
        self.members: dict[int, str] = dict(
            Membership.objects.filter(project=project).values_list("user_id", "role")
        )

    def user(self, username: str | None, role: str = Membership.Role.ANNOTATOR):
        if not username:
            return None
        user = self.users.get(username)
        if user is None:
            User = get_user_model()
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                self.report.users_created.append(username)
            self.users[username] = user
        if user.pk not in self.members:
            Membership.objects.create(project=self.project, user=user, role=role)
            self.members[user.pk] = role
        return user

    def article(self, data: dict) -> Article:
        found = self.articles.get(data["id"])
        if found is None:
            found = Article.objects.create(
                project=self.project, title=data["title"], body=data["body"], language=data["language"],
                outlet=data.get("outlet") or "", url=data.get("url") or "",
                published=_date(data.get("published"), 0, ""),
                published_precision=data.get("published_precision") or Article.Precision.DAY,
                content_hash=content_hash(data["body"]),
            )
            self.articles[data["id"]] = found
            self.report.articles += 1
        return found

    def claim(self, article: Article, data: dict) -> Claim:
        found = self.claims.get(data["id"])
        if found is None:
            found = Claim.objects.create(
                article=article, text=data["text"], start=data["start"], end=data["end"],
                origin=data.get("origin") or Claim.Origin.MANUAL,
                created_by=self.user(data.get("created_by")),
            )
            self.claims[data["id"]] = found
            self.report.claims += 1
        return found

    def source(self, data: dict) -> Source:
        affiliation = None
        if data.get("affiliation"):
            affiliation = self.source({**data["affiliation"], "affiliation": None})
        key = (data["name"], data.get("kind"), affiliation.pk if affiliation else None)
        found = self.sources.get(key)
        if found is None:
            found = source_match_or_create(
                name=data["name"], kind=data.get("kind") or Source.Kind.UNKNOWN,
                role=data.get("role") or "", affiliation=affiliation,
            )
            extra = [a for a in data.get("aliases") or [] if a not in found.aliases]
            if extra:
                found.aliases = [*found.aliases, *extra]
                found.save(update_fields=["aliases"])
            self.sources[key] = found
        return found

    def unit(self, obj: dict) -> None:
        article = self.article(obj["article"])
        claim = self.claim(article, obj["claim"])
        source = self.source(obj["source"])
        info = obj.get("unit") or {}
        Unit.objects.create(
            claim=claim, source=source, origin=info.get("origin") or Claim.Origin.MANUAL,
            suggested_label=info.get("suggested_label") or "", suggestion_score=info.get("suggestion_score"),
        )
        self.report.units += 1
        history = obj.get("history") or []
        judged = {h.get("annotator") for h in history if h.get("kind") == History.Kind.STANCE}
        for j in obj.get("judgements") or []:
            annotator = self.user(j["annotator"])
            created = _datetime(j.get("created_at"), 0, "") or self.started
            Stance.objects.create(
                claim=claim, source=source, annotator=annotator, label=j["label"], note=j.get("note") or "",
                start=j.get("start"), end=j.get("end"), version=j.get("version") or 1,
                created_at=created, updated_at=_datetime(j.get("updated_at"), 0, "") or created,
            )
            self.report.stances += 1
            if j["annotator"] not in judged:
                History.objects.create(
                    kind=History.Kind.STANCE, action=History.Action.CREATE, claim=claim, source=source,
                    annotator=annotator, actor=annotator, new_label=j["label"], new_note=j.get("note") or "",
                    via="import",
                )
        resolution = obj.get("resolution")
        if resolution:
            resolver = self.user(resolution.get("resolved_by"), Membership.Role.LEAD)
            created = _datetime(resolution.get("created_at"), 0, "") or self.started
            Resolution.objects.create(
                claim=claim, source=source, label=resolution["label"], status=resolution["status"],
                reason=resolution.get("reason") or "", resolved_by=resolver,
                version=resolution.get("version") or 1, created_at=created,
                updated_at=_datetime(resolution.get("updated_at"), 0, "") or created,
            )
            self.report.resolutions += 1
            if not any(h.get("kind") == History.Kind.RESOLUTION for h in history):
                History.objects.create(
                    kind=History.Kind.RESOLUTION, action=History.Action.CREATE, claim=claim, source=source,
                    actor=resolver, new_label=resolution["label"], reason=resolution.get("reason") or "",
                    via="import",
                )
        for h in history:
            History.objects.create(
                kind=h["kind"], action=h["action"], claim=claim, source=source,
                annotator=self.user(h.get("annotator")), actor=self.user(h.get("actor")),
                old_label=h.get("old_label") or "", new_label=h.get("new_label") or "",
                old_note=h.get("old_note") or "", new_note=h.get("new_note") or "",
                reason=h.get("reason") or "", via=h.get("via") or "import", reverted=bool(h.get("reverted")),
                created_at=_datetime(h.get("created_at"), 0, "") or self.started,
            )


def backup_restore(*, project: Project, text: str) -> RestoreReport:
    """Restore a JSONL backup into an empty project, all or nothing."""
    header, objects = parse_backup(text)
    if project.articles.exists():
        raise BackupError(f"the project {project.slug!r} already has articles; restore into an empty project")
    report = RestoreReport()
    with transaction.atomic():
        if header is not None and header["labels"] != project.labels:
            project.labels = header["labels"]
            project.save(update_fields=["labels"])
        sources_before = Source.objects.count()
        restorer = _Restorer(project, report)
        restorer.started = timezone.now()
        for number, obj in objects:
            try:
                with transaction.atomic():
                    if obj["type"] == "article":
                        restorer.article(obj["article"])
                    elif obj["type"] == "claim":
                        restorer.claim(restorer.article(obj["article"]), obj["claim"])
                    else:
                        restorer.unit(obj)
            except (DatabaseError, ValidationError, KeyError, TypeError, ValueError) as exc:
                raise BackupError(f"cannot restore this object ({exc})", number) from exc
        report.sources = Source.objects.count() - sources_before
    return report
