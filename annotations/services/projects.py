"""Projects and their members."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from annotations.models import Membership, Project, ProjectChange


def project_create(
    *, slug: str, name: str, labels: list[str] | None = None, overlap: int = 2,
    guidelines: str = "", show_suggestions: bool = True, blind: bool = True,
) -> Project:
    project = Project(
        slug=slug, name=name, overlap=overlap, guidelines=guidelines,
        show_suggestions=show_suggestions, blind=blind,
    )
    if labels is not None:
        project.labels = labels
    project.full_clean()
    project.save()
    return project


def membership_add(*, project: Project, username: str, role: str, password: str | None = None):
    """Add a user to a project with a role, creating the user when missing.

    Returns (membership, user_created).
    """
    if role not in Membership.Role.values:
        raise ValidationError(gettext("role must be one of %(roles)s") % {"roles": ", ".join(Membership.Role.values)})
    User = get_user_model()
    with transaction.atomic():
        user, created = User.objects.get_or_create(username=username)
        if password:
            user.set_password(password)
            user.save(update_fields=["password"])
        elif created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        membership, _ = Membership.objects.update_or_create(
            project=project, user=user, defaults={"role": role}
        )
    return membership, created


def project_guidelines_set(*, project: Project, text: str, user) -> Project:
    """Save new guidelines; every version stays as a ProjectChange row (field "guidelines")."""
    text = (text or "").replace("\r\n", "\n").strip()
    if "\x00" in text or len(text) > 100_000:
        raise ValidationError(gettext("The guidelines must be plain text of at most 100,000 characters."))
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if project.guidelines == text:
            return project
        ProjectChange.objects.create(project=project, actor=user, field="guidelines",
                                     old=project.guidelines, new=text)
        project.guidelines = text
        project.save(update_fields=["guidelines"])
    return project
