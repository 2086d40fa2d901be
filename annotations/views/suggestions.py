"""The pre-fill's quality: what the team did with the machine's suggestions (leads only)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from annotations import selectors
from annotations.permissions import project_for_user
from annotations.suggestions import suggestion_quality


@login_required
@require_GET
def suggestions_page(request, slug):
    """Kept, changed, rejected, replaced, moved and added; precision and recall. Leads only:
    the figures count every annotator's labels, which blind mode hides from annotators."""
    project, membership = project_for_user(request.user, slug, lead=True)
    report = suggestion_quality(selectors.suggestion_facts(project), labels=project.labels)
    groups = [
        ("language", _("Per language"), report.by_language),
        ("label", _("Per label"), report.by_label),
        ("engine", _("Per engine version"), report.by_engine_version),
        ("confidence", _("Per confidence of the suggestion"), report.by_confidence),
    ]
    return render(request, "annotations/suggestions.html",
                  {"project": project, "membership": membership, "report": report, "groups": groups})


urlpatterns = [
    path("projects/<slug:slug>/suggestions/", suggestions_page, name="suggestions"),
]
