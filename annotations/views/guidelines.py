"""Page: the project's guidelines (Markdown), read by every member, edited by leads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from annotations import services
from annotations.markup import render_markdown
from annotations.models import ProjectChange
from annotations.permissions import is_lead, project_for_user

VERSIONS_SHOWN = 20


@login_required
@require_http_methods(["GET", "POST"])
def guidelines(request, slug):
    project, membership = project_for_user(request.user, slug)
    lead = is_lead(membership)
    error, text = "", project.guidelines
    if request.method == "POST":
        if not lead:
            raise PermissionDenied(_("Only the project's leads may do this."))
        text = request.POST.get("guidelines", "")
        try:
            services.project_guidelines_set(project=project, text=text, user=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Guidelines saved."))
            return redirect(reverse("annotations:guidelines", args=[project.slug]))
    versions = []
    if lead:
        versions = list(
            ProjectChange.objects.filter(project=project, field="guidelines")
            .select_related("actor").order_by("-id")[:VERSIONS_SHOWN]
        )
    return render(request, "annotations/guidelines.html", {
        "project": project, "membership": membership, "lead": lead, "rendered": render_markdown(project.guidelines),
        "text": text, "error": error, "versions": versions,
    }, status=400 if error else 200)


urlpatterns = [
    path("projects/<slug:slug>/guidelines/", guidelines, name="guidelines"),
]
