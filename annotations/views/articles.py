"""Page: the project's articles with each one's status for me (leads: for every annotator)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from annotations import selectors
from annotations.permissions import is_lead, project_for_user


def _cursor(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) < 19 else None


@login_required
@require_GET
def article_list(request, slug):
    project, membership = project_for_user(request.user, slug)
    lead = is_lead(membership)
    status = request.GET.get("status", "")
    status = status if status in selectors.ARTICLE_STATUSES else ""
    query = request.GET.get("q", "").strip()[:100]
    page = selectors.articles_for_list(
        project=project, user=request.user, lead=lead, status=status, query=query,
        after=_cursor(request.GET.get("after")), before=_cursor(request.GET.get("before")),
    )
    template = "annotations/article_list.html"
    if request.htmx and request.htmx.target == "article-table":
        template += "#article-table"
    return render(request, template, {
        "project": project, "membership": membership, "lead": lead, "page": page,
        "status": status, "query": query, "statuses": selectors.ARTICLE_STATUSES,
    })


urlpatterns = [
    path("projects/<slug:slug>/articles/", article_list, name="article-list"),
]
