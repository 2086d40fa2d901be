"""Pages: a project's set-up in the browser. Staff create projects; a project's leads and admins
edit its name, labels, overlap, blind mode, verdict scale, publishing organisation and its members.
Every change is a ProjectChange row."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from annotations import selectors, services
from annotations.forms import MemberForm, ProjectCreateForm, ProjectSettingsForm
from annotations.models import Membership, Project, is_registry_admin
from annotations.permissions import is_project_admin, project_for_user

TEMPLATE = "annotations/project_settings.html"
VERDICT_SETTINGS = ("verdict_scale", "publisher_name", "publisher_url")


def _roles(membership: Membership, user) -> list[tuple[str, str]]:
    """The roles this member may give."""
    return [(value, label) for value, label in Membership.Role.choices
            if value != Membership.Role.ADMIN or is_project_admin(membership, user)]


def _errors(exc: ValidationError, form) -> None:
    for field, messages_ in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def _page(request, project, membership, *, settings_form=None, member_form=None, status=200):
    roles = _roles(membership, request.user)
    initial = {"name": project.name, "labels": ", ".join(project.labels), "overlap": project.overlap,
               "blind": project.blind, "show_suggestions": project.show_suggestions,
               "verdict_scale": "\n".join(project.verdict_scale), "publisher_name": project.publisher_name,
               "publisher_url": project.publisher_url}
    return render(request, TEMPLATE, {
        "project": project, "membership": membership,
        "settings_form": settings_form or ProjectSettingsForm(initial=initial),
        "member_form": member_form or MemberForm(roles=roles, initial={"role": Membership.Role.ANNOTATOR}),
        "roles": roles, "manages_admins": is_project_admin(membership, request.user),
        "members": selectors.project_members(project=project),
        "changes": selectors.project_setup_changes(project=project),
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_settings(request, slug):
    project, membership = project_for_user(request.user, slug, lead=True)
    if request.method == "GET":
        return _page(request, project, membership)
    form = ProjectSettingsForm(request.POST)
    if form.is_valid():
        # The verdict settings came later: a form without them (an older page) leaves them as they are.
        values = {name: value for name, value in form.cleaned_data.items()
                  if name not in VERDICT_SETTINGS or name in request.POST}
        try:
            changed = services.project_settings_set(project=project, actor=request.user, **values)
        except ValidationError as exc:
            _errors(exc, form)
        else:
            messages.success(request, _("Settings saved.") if changed else _("Nothing changed."))
            return redirect("annotations:project-settings", slug=project.slug)
    return _page(request, project, membership, settings_form=form, status=400)


@login_required
@require_POST
def member_set(request, slug):
    """Add a user to the project, or change a member's role."""
    project, membership = project_for_user(request.user, slug, lead=True)
    form = MemberForm(request.POST, roles=_roles(membership, request.user))
    if form.is_valid():
        try:
            services.membership_set(project=project, actor=request.user, **form.cleaned_data,
                                    manages_admins=is_project_admin(membership, request.user))
        except ValidationError as exc:
            _errors(exc, form)
        else:
            messages.success(request, _("%(name)s is now %(role)s.") % {
                "name": form.cleaned_data["username"], "role": Membership.Role(form.cleaned_data["role"]).label})
            return redirect("annotations:project-settings", slug=project.slug)
    return _page(request, project, membership, member_form=form, status=400)


@login_required
@require_POST
def member_remove(request, slug, membership_id):
    project, membership = project_for_user(request.user, slug, lead=True)
    gone = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id, project=project)
    if gone.role == Membership.Role.ADMIN and not is_project_admin(membership, request.user):
        raise PermissionDenied(_("Only the project's admins may remove an admin."))
    try:
        services.membership_remove(project=project, actor=request.user, membership=gone)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is no longer a member; their judgements stay.")
                         % {"name": gone.user.get_username()})
    return redirect("annotations:project-settings", slug=project.slug)


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request):
    """Staff create a project; they become its admin."""
    if not is_registry_admin(request.user):
        raise PermissionDenied(_("Only administrators create projects."))
    form = ProjectCreateForm(request.POST or None, initial={
        "labels": ", ".join(Project._meta.get_field("labels").get_default()), "overlap": 2, "blind": True,
        "show_suggestions": True, "verdict_scale": "\n".join(Project._meta.get_field("verdict_scale").get_default())})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data["verdict_scale"]:
            data.pop("verdict_scale")  # the default scale
        if Project.objects.filter(slug=data["slug"]).exists():
            form.add_error("slug", _("A project already has this short name."))
        else:
            try:
                project = services.project_create(**data)
            except ValidationError as exc:
                _errors(exc, form)
            else:
                services.membership_set(project=project, actor=request.user, username=request.user.get_username(),
                                        role=Membership.Role.ADMIN)
                messages.success(request, _("Project created. Add its members here."))
                return redirect("annotations:project-settings", slug=project.slug)
    return render(request, "annotations/project_new.html", {"form": form}, status=400 if form.errors else 200)


urlpatterns = [
    path("projects/new/", project_new, name="project-new"),
    path("projects/<slug:slug>/settings/", project_settings, name="project-settings"),
    path("projects/<slug:slug>/settings/members/", member_set, name="member-set"),
    path("projects/<slug:slug>/settings/members/<int:membership_id>/remove/", member_remove, name="member-remove"),
]
