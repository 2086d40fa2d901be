"""Projects and their members."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from annotations.models import Membership, Project, ProjectChange, Resolution, Stance, Verdict
from annotations.permissions import LEAD_ROLES


def project_create(
    *, slug: str, name: str, labels: list[str] | None = None, overlap: int = 2,
    guidelines: str = "", show_suggestions: bool = True, blind: bool = True,
    verdict_scale: list[str] | None = None, publisher_name: str = "", publisher_url: str = "",
) -> Project:
    project = Project(
        slug=slug, name=name, overlap=overlap, guidelines=guidelines,
        show_suggestions=show_suggestions, blind=blind, publisher_name=publisher_name, publisher_url=publisher_url,
    )
    if labels is not None:
        project.labels = labels
    if verdict_scale is not None:
        project.verdict_scale = verdict_scale
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


SETTINGS_FIELDS = ("name", "labels", "overlap", "blind", "show_suggestions", "verdict_scale", "publisher_name",
                   "publisher_url")


def _setting_text(field: str, value) -> str:
    if field in {"labels", "verdict_scale"}:
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def project_settings_set(*, project: Project, actor, **values) -> list[str]:
    """Change a project's name, labels, overlap, blind mode, suggestions, verdict scale or publishing
    organisation; each change is a ProjectChange row. Returns the names of the fields that changed.

    A label still used by a judgement or a resolution cannot be removed (they would lose their meaning),
    nor a rating still used by a verdict.
    """
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"not a project setting: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        old = {field: getattr(project, field) for field in values}
        if "labels" in values:
            dropped = [label for label in project.labels if label not in values["labels"]]
            used = sorted(
                set(Stance.objects.filter(claim__article__project=project, label__in=dropped)
                    .values_list("label", flat=True))
                | set(Resolution.objects.filter(claim__article__project=project, label__in=dropped)
                      .values_list("label", flat=True))
            )
            if used:
                raise ValidationError({"labels": gettext(
                    "%(labels)s cannot be removed: judgements or resolutions use it. Settle or change those first."
                ) % {"labels": ", ".join(used)}})
        if "verdict_scale" in values:
            dropped = [rating for rating in project.verdict_scale if rating not in values["verdict_scale"]]
            used = sorted(set(Verdict.objects.filter(project=project, rating__in=dropped)
                              .values_list("rating", flat=True)))
            if used:
                raise ValidationError({"verdict_scale": gettext(
                    "%(ratings)s cannot be removed: verdicts use it. Change those verdicts first."
                ) % {"ratings": ", ".join(used)}})
        for field, value in values.items():
            setattr(project, field, value)
        project.full_clean(exclude=["slug"])
        changed = [field for field in values if old[field] != values[field]]
        if changed:
            project.save(update_fields=changed)
            ProjectChange.objects.bulk_create(
                ProjectChange(project=project, actor=actor, field=field, old=_setting_text(field, old[field]),
                              new=_setting_text(field, values[field]))
                for field in changed
            )
    return changed


def _leads_left(project: Project, *, without: Membership) -> bool:
    return Membership.objects.filter(project=project, role__in=LEAD_ROLES).exclude(pk=without.pk).exists()


def membership_set(*, project: Project, actor, username: str, role: str, manages_admins: bool = True) -> Membership:
    """Give an existing user `role` in the project (adding them if they are not a member), in History.

    Without `manages_admins` an admin's role is not changed (nor is anyone made admin).
    """
    if role not in Membership.Role.values:
        roles = ", ".join(Membership.Role.values)
        raise ValidationError({"role": gettext("Choose a role: %(roles)s.") % {"roles": roles}})
    user = get_user_model().objects.filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationError({"username": gettext(
            "No user is called %(name)s. Users are created by an administrator (manage.py add_member).")
            % {"name": (username or "").strip() or "…"}})
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(project=project, user=user).first()
        old = f"{user.get_username()}: {membership.role}" if membership else ""
        if not manages_admins and Membership.Role.ADMIN in {role, membership.role if membership else ""}:
            raise ValidationError({"role": gettext("Only the project's admins may give or change the admin role.")})
        if membership is None:
            membership = Membership.objects.create(project=project, user=user, role=role)
        elif membership.role != role:
            demoted = membership.role in LEAD_ROLES and role not in LEAD_ROLES
            if demoted and not _leads_left(project, without=membership):
                raise ValidationError({"role": gettext("The project needs at least one lead or admin.")})
            membership.role = role
            membership.save(update_fields=["role"])
        else:
            return membership
        ProjectChange.objects.create(project=project, actor=actor, field="member", old=old,
                                     new=f"{user.get_username()}: {role}")
    return membership


def membership_remove(*, project: Project, actor, membership: Membership) -> None:
    """Take a member off the project; their judgements stay. The project keeps a lead or admin."""
    with transaction.atomic():
        if membership.role in LEAD_ROLES and not _leads_left(project, without=membership):
            raise ValidationError({"member": gettext("The project needs at least one lead or admin.")})
        ProjectChange.objects.create(project=project, actor=actor, field="member",
                                     old=f"{membership.user.get_username()}: {membership.role}", new="")
        membership.delete()
