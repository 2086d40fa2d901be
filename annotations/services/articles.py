"""Articles, their extraction, claims and units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.utils.translation import gettext

from annotations import extraction
from annotations.extraction.version import ENGINE_VERSION
from annotations.importers import ArticleRecord
from annotations.models import (
    REJECTED,
    Article,
    Claim,
    History,
    Project,
    Source,
    Stance,
    Unit,
    content_hash,
    normalise_name,
)
from annotations.services.conflict import Conflict
from annotations.services.judgements import stance_record
from annotations.services.sources import source_match_or_create


@dataclass
class ImportReport:
    created: list[Article] = field(default_factory=list)
    duplicates: list[ArticleRecord] = field(default_factory=list)


def articles_import(
    *, project: Project, records: Iterable[ArticleRecord], extract: bool = True
) -> ImportReport:
    """Save one file's articles, all or none; an article already present is skipped."""
    report = ImportReport()
    with transaction.atomic():
        seen: set[str] = set()
        for record in records:
            digest = content_hash(record.body)
            if digest in seen or Article.objects.filter(project=project, content_hash=digest).exists():
                report.duplicates.append(record)
                continue
            seen.add(digest)
            article = Article.objects.create(
                project=project,
                title=record.title,
                body=record.body,
                language=record.language,
                outlet=record.outlet,
                url=record.url,
                published=record.published,
                published_precision=record.precision,
                content_hash=digest,
            )
            if extract:
                extraction_run(article=article)
            report.created.append(article)
    return report


ORG_KINDS = {"organisation", "government", "media", "group"}


def extraction_run(*, article: Article) -> list[Unit]:
    """Find claims and sources in an article and store the machine's suggestions.

    Statements on one proposition (the engine's `claim_group`) become one claim with a
    unit per source: the allegation, the denial that answers it and the no-comment sit
    side by side. The claim's span is its first allegation's (else its first statement's);
    each unit keeps the span of its own statement as evidence. Suggestions live on `Unit`,
    never as a `Stance`: no human said them.
    """
    statements = extraction.extract(article.body, lang=article.language)
    groups: dict[int, list] = {}
    for st in statements:
        groups.setdefault(st.claim_group, []).append(st)
    units: list[Unit] = []
    with transaction.atomic():
        for members in groups.values():
            anchor = next((st for st in members if st.stance == "alleges"), members[0])
            claim = Claim.objects.create(
                article=article, text=anchor.claim or article.body[anchor.start:anchor.end],
                start=anchor.start, end=anchor.end, origin=Claim.Origin.EXTRACTED,
            )
            for st in members:
                unit, created = Unit.objects.get_or_create(
                    claim=claim, source=_statement_source(st),
                    defaults={"origin": Claim.Origin.EXTRACTED, "suggested_label": st.stance,
                              "suggestion_score": st.score, "engine_version": ENGINE_VERSION,
                              "evidence_start": st.start, "evidence_end": st.end},
                )
                if created:
                    units.append(unit)
    return units


def _statement_source(st) -> Source:
    """The registry source of a statement, with its organisation as affiliation."""
    org = None
    if st.source_org and normalise_name(st.source_org) != normalise_name(st.source):
        org_kind = st.source_kind if st.source_kind in ORG_KINDS and not st.source else "organisation"
        org = source_match_or_create(name=st.source_org, kind=org_kind)
    return source_match_or_create(name=st.source, kind=st.source_kind, role=st.role, affiliation=org)


def claim_create(*, article: Article, start: int, end: int, text: str = "", user=None) -> Claim:
    """Create a claim from a span of the article; the span must lie inside the text."""
    if not (0 <= start < end <= len(article.body)):
        raise ValidationError(gettext("The selection must be a non-empty span inside the article text."))
    text = (text or article.body[start:end]).strip()
    if not text:
        raise ValidationError(gettext("The claim needs some text."))
    return Claim.objects.create(
        article=article, start=start, end=end, text=text, origin=Claim.Origin.MANUAL, created_by=user
    )


def unit_add(*, claim: Claim, source: Source, user=None) -> Unit:
    unit, _ = Unit.objects.get_or_create(
        claim=claim, source=source, defaults={"origin": Claim.Origin.MANUAL, "added_by": user}
    )
    return unit


def unit_correct(
    *, claim: Claim, source: Source, annotator, to_claim: Claim, to_source: Source,
    expected_version: int | None = None, via: str = "page",
) -> Unit:
    """Reject a unit and add the statement where it belongs, in one step.

    Replace source: the same claim with another source. Move to claim: the same source
    on another claim of the article. The rejection is the annotator's judgement like any
    other (kept in History, private in blind mode); the added unit is theirs until settled.
    """
    if to_claim.article_id != claim.article_id:
        raise ValidationError(gettext("A unit can only move to a claim of the same article."))
    if (to_claim.pk, to_source.pk) == (claim.pk, source.pk):
        raise ValidationError(gettext("Choose another source or another claim than the unit's own."))
    with transaction.atomic():
        stance_record(
            claim=claim, source=source, annotator=annotator, label=REJECTED,
            expected_version=expected_version, via=via,
        )
        return unit_add(claim=to_claim, source=to_source, user=annotator)


def claim_text_set(*, claim: Claim, text: str, user, via: str = "page") -> Claim:
    """A lead rewrites a claim's proposition; the old and new text are kept in History."""
    text = " ".join((text or "").split())
    ProhibitNullCharactersValidator()(text)  # PostgreSQL text refuses NUL: bad input, not a server error
    if not text:
        raise ValidationError(gettext("The claim needs some text."))
    if len(text) > 2000:
        raise ValidationError(gettext("A claim's text is at most 2000 characters."))
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if claim.text == text:
            return claim
        History.objects.create(
            kind=History.Kind.CLAIM, action=History.Action.UPDATE, claim=claim, actor=user,
            old_note=claim.text, new_note=text, via=via,
        )
        claim.text = text
        claim.save(update_fields=["text"])
        return claim


def article_update(*, article: Article, **fields) -> Article:
    """Change an article's fields; its text only while no claim points into it."""
    body = fields.get("body")
    if body is not None and body != article.body:
        if article.claims.exists():
            raise ValidationError(
                gettext("The text of an article with claims cannot change: their spans point into it."))
        fields["content_hash"] = content_hash(body)
    for name, value in fields.items():
        setattr(article, name, value)
    article.save(update_fields=list(fields) or None)
    return article


def article_delete(*, article: Article) -> None:
    """Delete an article nobody has judged; one with judgements is refused (Conflict)."""
    with transaction.atomic():
        if Stance.objects.filter(claim__article=article).exists():
            raise Conflict(gettext("This article has judgements; it cannot be deleted."))
        article.delete()


def claim_update(*, claim: Claim, **fields) -> Claim:
    """Change a claim's text or span (the caller checked the span lies in the article)."""
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.save(update_fields=list(fields) or None)
    return claim


def claim_delete(*, claim: Claim) -> None:
    """Delete a claim nobody has judged or settled; otherwise Conflict."""
    with transaction.atomic():
        if claim.stances.exists() or claim.resolutions.exists():
            raise Conflict(gettext("This claim has judgements; it cannot be deleted."))
        claim.delete()
