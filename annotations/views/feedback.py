"""Feedback: an annotator's settled units where their label differed from the final one."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from annotations import feedback
from annotations.permissions import is_lead, project_for_user


@login_required
@require_GET
def feedback_page(request, slug):
    """My differences from the settled results; leads pick any member with `?annotator=`.

    A lead who has judged nothing in the project opens on the first member who has, not on
    their own empty table."""
    project, membership = project_for_user(request.user, slug)
    lead = is_lead(membership)
    who = request.user
    members = None
    if lead:
        members = list(feedback.feedback_annotators(project))
        wanted = request.GET.get("annotator", "")
        if wanted:
            who = next((u for u in members if u.get_username() == wanted), None)
            if who is None:
                raise Http404("No such member of this project.")
        elif not any(u.judged for u in members if u.pk == who.pk):
            who = next((u for u in members if u.judged), who)
    context = {
        "project": project, "membership": membership, "who": who, "members": members,
        "page": feedback.feedback_differences(project=project, annotator=who, page=request.GET.get("page")),
        "per_label": feedback.feedback_per_label(project=project, annotator=who),
    }
    return render(request, "annotations/feedback.html", context)


urlpatterns = [
    path("projects/<slug:slug>/feedback/", feedback_page, name="feedback"),
]
