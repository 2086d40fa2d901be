"""The projects a user belongs to."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from annotations.models import Project


@login_required
@require_GET
def project_list(request):
    projects = Project.objects.for_user(request.user).order_by("name")
    return render(request, "annotations/project_list.html", {"projects": projects})


urlpatterns = [
    path("", project_list, name="project-list"),
]
