"""Who may see and do what in a project. Pages and the API both use these.

A project a user is not a member of does not exist for them (404, never 403),
so its slug, articles and claims leak nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from annotations.models import Membership, Project, is_registry_admin
from annotations.units import Viewer

LEAD_ROLES = {Membership.Role.LEAD, Membership.Role.ADMIN}


def project_for_user(user, slug: str, *, lead: bool = False) -> tuple[Project, Membership]:
    """Return the project and the user's membership, or raise 404 / 403.

    One query: the membership with its project.
    """
    if not user.is_authenticated:
        raise Http404("No such project.")
    membership = (
        Membership.objects.select_related("project").filter(project__slug=slug, user=user).first()
    )
    if membership is None:
        raise Http404("No such project.")
    if lead and membership.role not in LEAD_ROLES:
        raise PermissionDenied(gettext("Only the project's leads may do this."))
    return membership.project, membership


def is_lead(membership: Membership | None) -> bool:
    return membership is not None and membership.role in LEAD_ROLES


def is_project_admin(membership: Membership | None, user) -> bool:
    """The project's admins, and staff: they restore backups and give or take the admin role."""
    return (membership is not None and membership.role == Membership.Role.ADMIN) or is_registry_admin(user)


def sees_others_judgements(project: Project, membership: Membership | None) -> bool:
    """In blind mode only leads and admins see other annotators' labels and notes."""
    if membership is None:
        return False
    return is_lead(membership) or not project.blind


def viewer(project: Project, membership: Membership | None) -> Viewer:
    """The member as the blind-mode rule sees them (`units.Viewer`)."""
    return Viewer(user_id=membership.user_id if membership else None,
                  sees_others=sees_others_judgements(project, membership))
