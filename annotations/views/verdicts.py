"""Pages: a lead gives a tracked claim or a claim its verdict (a small htmx form on the tracked claim's
page and on the claim's verdict page). Members read the verdict; only leads and admins change it.

Bad input answers 400 and a change based on a stale version 409, both with the form as the lead
typed it, so nothing they wrote is lost and nothing another lead saved is overwritten.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from annotations import selectors, services
from annotations.forms import VerdictForm
from annotations.models import Claim, ClaimCluster
from annotations.permissions import is_lead, project_for_user

FORM_TEMPLATE = "annotations/verdict_form.html"


def verdict_context(request, project, membership, *, cluster=None, claim=None, form=None, verdict=None,
                    error="", saved=False) -> dict:
    """What the verdict form shows: the verdict as saved, the form, its history."""
    if verdict is None:
        verdict = selectors.verdict_of(cluster=cluster, claim=claim)
    if form is None:
        initial = {"version": verdict.version if verdict else 0}
        if verdict is not None:
            initial.update(rating=verdict.rating, explanation=verdict.explanation, url=verdict.url,
                           date_published=verdict.date_published)
        form = VerdictForm(initial=initial, scale=project.verdict_scale, auto_id="verdict-%s")
    if cluster is not None:
        post_url = reverse("annotations:cluster-verdict", args=[project.slug, cluster.pk])
    else:
        post_url = reverse("annotations:claim-verdict", args=[project.slug, claim.pk])
    return {"project": project, "verdict": verdict, "verdict_form": form, "verdict_post_url": post_url,
            "verdict_changes": selectors.verdict_changes(verdict=verdict), "can_give_verdict": is_lead(membership),
            "verdict_error": error, "verdict_saved": saved}


def _save(request, project, membership, *, cluster=None, claim=None, page_url: str, full_page):
    """Save the posted verdict; answer the form (htmx) or redirect (plain POST)."""
    form = VerdictForm(request.POST, scale=project.verdict_scale, auto_id="verdict-%s")
    error, status, current = "", 200, None
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.verdict_set(
                project=project, reviewer=request.user, cluster=cluster, claim=claim, rating=data["rating"],
                explanation=data["explanation"], url=data["url"], date_published=data["date_published"],
                expected_version=data["version"] if data["version"] is not None else 0, via="page")
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            error, status = _("The verdict was not saved: see below."), 400
        except services.Conflict as exc:
            error, status, current = str(exc), 409, exc.current
            # Their text stays in the form; the version is now the one on screen, so saving again
            # replaces the other lead's verdict knowingly.
            form.data = form.data.copy()
            form.data["version"] = current.version if current is not None else 0
    else:
        error, status = _("The verdict was not saved: see below."), 400
    if status == 200:
        message = _("Verdict saved.")
        if request.htmx:
            response = render(request, FORM_TEMPLATE, verdict_context(
                request, project, membership, cluster=cluster, claim=claim, saved=True))
            trigger_client_event(response, "verdictSaved", {"message": message})
            return response
        messages.success(request, message)
        return redirect(page_url)
    context = verdict_context(request, project, membership, cluster=cluster, claim=claim, form=form,
                              verdict=current, error=error)
    if request.htmx:
        return render(request, FORM_TEMPLATE, context, status=status)
    return full_page(context, status)


@login_required
@require_http_methods(["GET", "POST"])
def claim_verdict(request, slug, claim_id):
    """A claim's verdict: members read it, leads give or change it."""
    project, membership = project_for_user(request.user, slug, lead=request.method == "POST")
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id, article__project=project)
    cluster_id = selectors.tracked_cluster_id(claim=claim)

    def full_page(context, status=200):
        context.update(membership=membership, claim=claim, cluster_id=cluster_id)
        return render(request, "annotations/verdict_claim.html", context, status=status)

    if request.method == "POST":
        page_url = reverse("annotations:claim-verdict", args=[project.slug, claim.pk])
        return _save(request, project, membership, claim=claim, page_url=page_url, full_page=full_page)
    return full_page(verdict_context(request, project, membership, claim=claim))


@login_required
@require_POST
def cluster_verdict(request, slug, cluster_id):
    """Give or change a tracked claim's verdict (its form is on the tracked claim's page)."""
    project, membership = project_for_user(request.user, slug, lead=True)
    cluster = get_object_or_404(ClaimCluster, pk=cluster_id, project=project, merged_into__isnull=True)
    page_url = reverse("annotations:cluster-detail", args=[project.slug, cluster.pk]) + "#verdict-form"

    def full_page(context, status):
        # Without htmx the form's answer is the tracked claim's page with the form as typed.
        from annotations.views.tracking import cluster_page  # tracking's page includes this form

        return cluster_page(request, project, membership, cluster, verdict=context, status=status)

    return _save(request, project, membership, cluster=cluster, page_url=page_url, full_page=full_page)


urlpatterns = [
    path("projects/<slug:slug>/claims/<int:claim_id>/verdict/", claim_verdict, name="claim-verdict"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/verdict/", cluster_verdict, name="cluster-verdict"),
]
