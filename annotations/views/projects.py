"""The projects a user belongs to, with their progress."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from annotations import selectors


@login_required
@require_GET
def project_list(request):
    rows = selectors.projects_with_progress(user=request.user)
    return render(request, "annotations/project_list.html", {"rows": rows})


urlpatterns = [
    path("", project_list, name="project-list"),
]
