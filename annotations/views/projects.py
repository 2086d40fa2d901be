"""The projects a user belongs to, with their progress."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView

from annotations import selectors


@login_required
@require_GET
def project_list(request):
    rows = selectors.projects_with_progress(user=request.user)
    return render(request, "annotations/project_list.html", {"rows": rows})


urlpatterns = [
    path("", project_list, name="project-list"),
    # Every project page lives under /projects/<slug>/; the list itself is the home page.
    path("projects/", RedirectView.as_view(pattern_name="annotations:project-list", http_method_names=["get", "head"]),
         name="projects-index"),
    # A project's own address opens its articles (membership is checked there).
    path("projects/<slug:slug>/", RedirectView.as_view(pattern_name="annotations:article-list",
                                                        http_method_names=["get", "head"]), name="project-home"),
]
