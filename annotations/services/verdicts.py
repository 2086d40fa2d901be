"""Verdicts: a lead rates a tracked claim or a claim on the project's verdict scale, for the public."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from annotations.models import Claim, ClaimCluster, Membership, Project, Verdict, VerdictChange
from annotations.permissions import LEAD_ROLES
from annotations.services.conflict import Conflict

VERDICT_FIELDS = ("rating", "explanation", "url", "date_published")
EXPLANATION_MAX = 5000


def verdict_state(verdict: Verdict) -> dict:
    """The fields a VerdictChange keeps before and after, as JSON."""
    return {"rating": verdict.rating, "explanation": verdict.explanation, "url": verdict.url,
            "date_published": verdict.date_published.isoformat() if verdict.date_published else None}


def _clean(scale: list[str], *, rating, explanation, url, date_published) -> dict:
    """Check a verdict's fields against the project's verdict scale; raise ValidationError naming each bad one."""
    errors: dict[str, str] = {}
    rating = (rating or "").strip()
    if rating not in scale:
        errors["rating"] = gettext("Choose a rating of this project's verdict scale: %(scale)s.") % {
            "scale": ", ".join(scale)}
    explanation = (explanation or "").replace("\r\n", "\n").strip()
    if len(explanation) > EXPLANATION_MAX or "\x00" in explanation:
        errors["explanation"] = gettext("The explanation must be plain text of at most 5,000 characters.")
    url = (url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = gettext("Give the address of the published fact-check (http:// or https://).")
        if len(url) > 1000:
            errors["url"] = gettext("The address is longer than 1,000 characters.")
    if isinstance(date_published, str):
        try:
            date_published = dt.date.fromisoformat(date_published) if date_published.strip() else None
        except ValueError:
            errors["date_published"] = gettext("Give the date of publication as YYYY-MM-DD.")
    if errors:
        raise ValidationError(errors)
    return {"rating": rating, "explanation": explanation, "url": url, "date_published": date_published}


def verdict_lead_required(*, project: Project, user) -> None:
    """Only the project's leads and admins give verdicts."""
    if not Membership.objects.filter(project=project, user=user, role__in=LEAD_ROLES).exists():
        raise PermissionDenied(gettext("Only the project's leads give verdicts."))


def verdict_set(
    *, project: Project, reviewer, cluster: ClaimCluster | None = None, claim: Claim | None = None,
    rating: str, explanation: str = "", url: str = "", date_published: dt.date | str | None = None,
    expected_version: int | None = None, via: str = "page",
) -> Verdict:
    """Give (or change) the verdict on a tracked claim or a claim, keeping every version as a VerdictChange.

    `expected_version` is the version the lead saw (0: none yet). Changing a verdict must
    name it; when another lead changed it first, Conflict carries the current verdict and
    nothing is overwritten. The rating must be on the project's verdict scale.
    """
    if (cluster is None) == (claim is None):
        raise ValueError("a verdict is on a tracked claim or on a claim, exactly one")
    target_project = cluster.project_id if cluster is not None else claim.article.project_id
    if target_project != project.pk:
        raise ValidationError(gettext("This claim belongs to another project."))
    verdict_lead_required(project=project, user=reviewer)
    target = {"cluster": cluster} if cluster is not None else {"claim": claim}
    with transaction.atomic():
        # The scale as it is now, locked: a lead taking a rating off it waits, and then sees it used.
        scale = Project.objects.select_for_update().values_list("verdict_scale", flat=True).get(pk=project.pk)
        values = _clean(scale, rating=rating, explanation=explanation, url=url, date_published=date_published)
        current = Verdict.objects.select_for_update().select_related("reviewer").filter(**target).first()
        now = timezone.now()
        if current is None:
            if expected_version not in (None, 0):
                raise Conflict(gettext("This verdict was removed meanwhile; reload to see it."))
            try:
                with transaction.atomic():
                    verdict = Verdict.objects.create(project=project, reviewer=reviewer, **target, **values,
                                                     created_at=now, updated_at=now)
            except IntegrityError as exc:
                first = Verdict.objects.select_related("reviewer").filter(**target).first()
                raise Conflict(conflict_message(first), first) from exc
            VerdictChange.objects.create(verdict=verdict, action=VerdictChange.Action.CREATE, actor=reviewer,
                                         new=verdict_state(verdict), via=via)
            return verdict
        if expected_version is None or expected_version != current.version:
            raise Conflict(conflict_message(current), current)
        old = verdict_state(current)
        for name, value in values.items():
            setattr(current, name, value)
        if verdict_state(current) == old:
            return current
        current.reviewer = reviewer
        current.version += 1
        current.updated_at = now
        current.save(update_fields=[*VERDICT_FIELDS, "reviewer", "version", "updated_at"])
        VerdictChange.objects.create(verdict=current, action=VerdictChange.Action.UPDATE, actor=reviewer,
                                     old=old, new=verdict_state(current), via=via)
        return current


def conflict_message(verdict: Verdict | None) -> str:
    if verdict is None:
        return gettext("Another lead changed this verdict meanwhile; reload to see it.")
    return gettext("%(who)s changed this verdict meanwhile: it is now “%(rating)s”. "
                   "Your change was not saved; check theirs and save again to replace it.") % {
        "who": verdict.reviewer.get_username(), "rating": verdict.rating}
