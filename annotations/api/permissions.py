"""API permission classes, from project membership and role.

Who may do what (the API's rules; pages follow the same ones):

* Every endpoint needs an authenticated user. Objects of a project the caller is
  not a member of are outside every queryset, so they answer 404, never 403.
* Members (any role) read their projects' articles, claims and sources, create
  claims in their projects, and create or change their *own* stances.
* Leads and admins of a project also create, edit and delete its articles and
  edit or delete its claims; an annotator editing an article gets 403.
* Sources form one registry shared by all projects (a source is tracked across
  articles), owned by its administrators (staff). A member sees the sources heard in
  their projects (`Source.objects.visible_to`; others answer 404) and may add a
  source; only a registry administrator edits one (a project lead gets 403).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from rest_framework import permissions

from annotations.models import Membership, is_registry_admin
from annotations.permissions import LEAD_ROLES


def lead_project_ids(user) -> set[int]:
    """Ids of the projects the user leads or administers (cached on the user)."""
    cached = getattr(user, "_lead_project_ids", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(user=user, role__in=LEAD_ROLES).values_list("project_id", flat=True)
        )
        user._lead_project_ids = cached
    return cached


def object_project_id(obj) -> int | None:
    """The id of the project an API object belongs to, without a query where possible."""
    if hasattr(obj, "project_id"):
        return obj.project_id
    if hasattr(obj, "article"):
        return obj.article.project_id
    if hasattr(obj, "claim"):
        return obj.claim.article.project_id
    return None


class IsProjectMember(permissions.IsAuthenticated):
    """Authenticated; querysets do the membership scoping (404 for outsiders)."""


class IsLeadForWrites(permissions.IsAuthenticated):
    """Reads for members; changes to an object only for its project's leads and admins."""

    message = gettext_lazy("Only the project's leads and admins may change this.")

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return object_project_id(obj) in lead_project_ids(request.user)


class ClaimPermission(IsLeadForWrites):
    """Members create claims; leads and admins edit or delete them."""

    message = gettext_lazy("Only the project's leads and admins may edit or delete claims.")


class SourcePermission(permissions.IsAuthenticated):
    """Members of a project read the sources they see and add sources; registry administrators edit."""

    message = gettext_lazy(
        "The source registry is shared by every project: only its administrators edit and merge "
        "sources. Tell an administrator what should change."
    )

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        return is_registry_admin(request.user) or Membership.objects.filter(user=request.user).exists()

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS or request.method == "POST":
            return True
        return is_registry_admin(request.user)


class OwnStance(permissions.IsAuthenticated):
    """A stance is only ever its annotator's to read and change (blind by construction)."""

    def has_object_permission(self, request, view, obj) -> bool:
        return obj.annotator_id == request.user.pk
