"""Pages: tracked claims (clusters), a source's record across articles, and search.

Every member of a project reads these pages; only its leads and admins confirm,
reject, merge and split clusters. Sources belong to the registry shared by every
project: only its administrators (staff) merge them and edit aliases; a lead's
request is recorded as a proposal. Writes answer a
plain request with a redirect (and a message), so the pages work without JS; the
timeline filters also work as an htmx fragment.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from annotations import search, selectors, services, tracking
from annotations.models import Claim, ClaimCluster, ClaimLink, ClusterEvent, Source, Verdict, is_registry_admin
from annotations.permissions import is_lead, project_for_user, sees_others_judgements
from annotations.views import verdicts


def _ids(values) -> list[int]:
    ids = []
    for raw in values:
        raw = str(raw).strip()
        if not raw.isdigit():
            raise services.TrackingError(_("Claim ids must be whole numbers."))
        ids.append(int(raw))
    return ids


def _cluster(project, cluster_id: int) -> ClaimCluster:
    cluster = get_object_or_404(ClaimCluster.objects.select_related("created_by"), pk=cluster_id, project=project)
    cluster.project = project
    return cluster


def _filters(request):
    try:
        return tracking.TimelineFilters.from_query(request.GET), ""
    except services.TrackingError as exc:
        return tracking.TimelineFilters(), str(exc)


# --- Clusters -----------------------------------------------------------------------------


@login_required
@require_GET
def cluster_list(request, slug):
    project, membership = project_for_user(request.user, slug)
    clusters = (
        ClaimCluster.objects.filter(project=project, merged_into__isnull=True)
        .annotate(
            n_confirmed=Count("links", filter=Q(links__status=ClaimLink.Status.CONFIRMED)),
            n_suggested=Count("links", filter=Q(links__status=ClaimLink.Status.SUGGESTED)),
            verdict_rating=Subquery(Verdict.objects.filter(cluster=OuterRef("pk")).values("rating")[:1]),
        )
        .order_by("-created_at", "-id")
    )
    return render(request, "annotations/tracking_cluster_list.html", {
        "project": project, "membership": membership, "is_lead": is_lead(membership), "clusters": clusters,
    })


@login_required
@require_POST
def cluster_create(request, slug):
    project, _membership = project_for_user(request.user, slug, lead=True)
    raw = (request.POST.get("claim") or "").strip()
    claim = None
    if raw.isdigit():
        claim = Claim.objects.select_related("article").filter(pk=int(raw), article__project=project).first()
    if claim is None:
        messages.error(request, _("Choose a claim of this project to track."))
        return redirect("annotations:cluster-list", slug=project.slug)
    existing = selectors.tracked_cluster_id(claim=claim)
    if existing is not None:
        messages.info(request, _("This claim is already tracked."))
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=existing)
    try:
        cluster = services.cluster_create(
            project=project, claim=claim, user=request.user, title=request.POST.get("title", "")
        )
    except services.TrackingError as exc:
        messages.error(request, str(exc))
        return redirect("annotations:cluster-list", slug=project.slug)
    messages.success(request, _("The claim is now tracked."))
    return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=cluster.pk)


@login_required
@require_GET
def cluster_detail(request, slug, cluster_id):
    project, membership = project_for_user(request.user, slug)
    cluster = _cluster(project, cluster_id)
    if cluster.merged_into_id:
        messages.info(request, _("This tracked claim was merged into another one."))
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=cluster.merged_into_id)
    return cluster_page(request, project, membership, cluster)


def cluster_page(request, project, membership, cluster, *, verdict: dict | None = None, status: int = 200):
    """The tracked claim's page; `verdict` is the verdict form's context when a POST of it was refused."""
    filters, filter_error = _filters(request)
    timeline = tracking.cluster_timeline(cluster=cluster, membership=membership, user=request.user, filters=filters)
    context = {
        "project": project, "membership": membership, "is_lead": is_lead(membership), "cluster": cluster,
        "timeline": timeline, "svg": tracking.timeline_svg(timeline), "filters": filters,
        "filter_error": filter_error,
    }
    template = "annotations/tracking_cluster.html"
    if request.htmx:
        return render(request, template + "#timeline", context)
    links = list(
        ClaimLink.objects.filter(cluster=cluster)
        .exclude(status=ClaimLink.Status.REJECTED)
        .select_related("claim", "claim__article", "decided_by")
        .order_by("status", "-score", "id")
    )
    context.update({
        "confirmed": [link for link in links if link.status == ClaimLink.Status.CONFIRMED],
        "suggested": [link for link in links if link.status == ClaimLink.Status.SUGGESTED],
        "events": list(ClusterEvent.objects.filter(cluster=cluster).select_related("actor", "other_cluster")),
        "sources": sorted({row.source for row in timeline.rows}, key=lambda s: s.name),
        "other_clusters": list(
            ClaimCluster.objects.filter(project=project, merged_into__isnull=True)
            .exclude(pk=cluster.pk).only("pk", "title").order_by("title")[:200]
        ) if is_lead(membership) else [],
    })
    context.update(verdict or verdicts.verdict_context(request, project, membership, cluster=cluster))
    return render(request, template, context, status=status)


def _cluster_write(request, slug, cluster_id, action) -> object:
    project, _membership = project_for_user(request.user, slug, lead=True)
    cluster = _cluster(project, cluster_id)
    try:
        done = action(project, cluster)
    except (services.TrackingError, ValidationError) as exc:
        messages.error(request, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=cluster.pk)
    return done


@login_required
@require_POST
def cluster_links(request, slug, cluster_id):
    """Confirm or reject the chosen claims for the cluster."""

    def act(project, cluster):
        status = {"confirm": ClaimLink.Status.CONFIRMED, "reject": ClaimLink.Status.REJECTED}.get(
            request.POST.get("action", "")
        )
        if status is None:
            raise services.TrackingError(_("Choose confirm or reject."))
        n = services.link_decide(
            cluster=cluster, claim_ids=_ids(request.POST.getlist("claim")), status=status, user=request.user,
        )
        messages.success(request, _("%(n)d link(s) updated.") % {"n": n})
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=cluster.pk)

    return _cluster_write(request, slug, cluster_id, act)


@login_required
@require_POST
def cluster_suggest(request, slug, cluster_id):
    def act(project, cluster):
        n = services.cluster_suggest(cluster=cluster, user=request.user)
        messages.success(request, _("%(n)d new suggestion(s).") % {"n": n})
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=cluster.pk)

    return _cluster_write(request, slug, cluster_id, act)


@login_required
@require_POST
def cluster_merge(request, slug, cluster_id):
    """Merge this cluster into the chosen one."""

    def act(project, cluster):
        raw = (request.POST.get("into") or "").strip()
        target = ClaimCluster.objects.filter(pk=int(raw), project=project).first() if raw.isdigit() else None
        if target is None:
            raise services.TrackingError(_("Choose a tracked claim of this project to merge into."))
        services.cluster_merge(target=target, source=cluster, user=request.user, note=request.POST.get("note", ""))
        messages.success(request, _("Merged."))
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=target.pk)

    return _cluster_write(request, slug, cluster_id, act)


@login_required
@require_POST
def cluster_split(request, slug, cluster_id):
    def act(project, cluster):
        new = services.cluster_split(
            cluster=cluster, claim_ids=_ids(request.POST.getlist("claim")), user=request.user,
            title=request.POST.get("title", ""), note=request.POST.get("note", ""),
        )
        messages.success(request, _("Split into a new tracked claim."))
        return redirect("annotations:cluster-detail", slug=project.slug, cluster_id=new.pk)

    return _cluster_write(request, slug, cluster_id, act)


# --- Sources ---------------------------------------------------------------------------------


def _source(source_id: int) -> Source:
    return get_object_or_404(Source.objects.select_related("affiliation", "merged_into"), pk=source_id)


@login_required
@require_GET
def source_detail(request, slug, source_id):
    project, membership = project_for_user(request.user, slug)
    source = _source(source_id)
    if source.merged_into_id:
        return redirect("annotations:source-detail", slug=project.slug, source_id=source.merged_into_id)
    if not selectors.source_heard_in(project=project, source=source):
        # A source never heard in this project is not this project's to show.
        raise Http404("No such source in this project.")
    filters, filter_error = _filters(request)
    filters.source_id = None  # the page is about this source
    timeline = tracking.source_timeline(
        project=project, source=source, membership=membership, user=request.user, filters=filters
    )
    clusters = _clusters_of_rows(timeline.rows)
    for row in timeline.rows:
        row.cluster_id = clusters.get(row.claim.pk)
    context = {
        "project": project, "membership": membership, "is_lead": is_lead(membership), "source": source,
        "timeline": timeline, "svg": tracking.timeline_svg(timeline), "filters": filters,
        "filter_error": filter_error,
        "members": list(
            Source.objects.heard_in([project.pk]).filter(affiliation=source, merged_into__isnull=True)
            .order_by("name")[:50]
        ),
        "registry_admin": is_registry_admin(request.user),
        "similar": tracking.similar_sources(project=project, source=source) if is_lead(membership) else [],
    }
    template = "annotations/tracking_source.html"
    if request.htmx:
        template += "#timeline"
    return render(request, template, context)


def _clusters_of_rows(rows) -> dict[int, int]:
    """Claim id → tracked-claim id for the claims in `rows` (one query)."""
    ids = {row.claim.pk for row in rows}
    if not ids:
        return {}
    confirmed = ClaimLink.objects.filter(claim_id__in=ids, status=ClaimLink.Status.CONFIRMED)
    return dict(confirmed.values_list("claim_id", "cluster_id"))


def _registry_change(request, slug, source_id, change, propose):
    """Run a registry edit for an administrator; record a lead's as a proposal; refuse others.

    The registry is shared by every project, so a lead's edit or merge would change
    projects they do not lead: `propose` words it as a History row (action "propose")
    that the registry's administrators read in the admin. Either may raise
    ValidationError, shown as a message.
    """
    project, membership = project_for_user(request.user, slug)
    source = _source(source_id)
    if not selectors.source_heard_in(project=project, source=source):
        raise Http404("No such source in this project.")
    admin = is_registry_admin(request.user)
    if not admin and not is_lead(membership):
        services.registry_admin_required(request.user)  # 403 with the registry's message
    try:
        if admin:
            change(project, source)
        else:
            services.source_change_propose(
                source=source, user=request.user, proposal=propose(project, source), project=project
            )
            messages.info(request, _("Only administrators of the source registry change sources; "
                                     "your proposal is recorded for them."))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect("annotations:source-detail", slug=project.slug, source_id=source.pk)


@login_required
@require_POST
def source_aliases(request, slug, source_id):
    aliases = [line.strip() for line in (request.POST.get("aliases") or "").splitlines() if line.strip()]

    def change(project, source):
        services.source_aliases_set(source=source, aliases=aliases, user=request.user)
        messages.success(request, _("Aliases saved."))

    def propose(project, source):
        return "aliases: " + " | ".join(aliases)

    return _registry_change(request, slug, source_id, change, propose)


@login_required
@require_POST
def source_merge(request, slug, source_id):
    """Fold the chosen duplicate into this source (registry administrators; leads propose it).

    Asked here, a merge changes this project only: a duplicate heard elsewhere is
    refused unless the administrator ticks "in every project".
    """
    raw = (request.POST.get("duplicate") or "").strip()
    everywhere = request.POST.get("everywhere") == "1"

    def duplicate_of(project) -> Source:
        duplicate = Source.objects.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 19 else None
        if duplicate is None or not selectors.source_heard_in(project=project, source=duplicate):
            raise ValidationError(_("Choose a source heard in this project to merge into this one."))
        return duplicate

    def change(project, source):
        duplicate = duplicate_of(project)
        services.source_merge(target=source, duplicate=duplicate, user=request.user, via="page",
                              project=None if everywhere else project)
        messages.success(request, _("%(name)s merged into this source.") % {"name": duplicate.name})

    def propose(project, source):
        duplicate = duplicate_of(project)
        return f"merge {duplicate.name!r} (#{duplicate.pk}) into {source.name!r} (#{source.pk})"

    return _registry_change(request, slug, source_id, change, propose)


# --- Search ------------------------------------------------------------------------------------


@login_required
@require_GET
def search_page(request, slug):
    project, membership = project_for_user(request.user, slug)
    query = request.GET.get("q", "")
    results = search.search_project(
        project=project, query=query, user=request.user, sees_others=sees_others_judgements(project, membership)
    )
    tracked = {}
    if results.claims:
        tracked = dict(
            ClaimLink.objects.filter(
                claim_id__in=[c.pk for c in results.claims], status=ClaimLink.Status.CONFIRMED
            ).values_list("claim_id", "cluster_id")
        )
    for claim in results.claims:
        claim.cluster_id = tracked.get(claim.pk)
    template = "annotations/tracking_search.html"
    if request.htmx:
        template += "#search-results"
    return render(request, template, {
        "project": project, "membership": membership, "is_lead": is_lead(membership), "results": results,
        "query": results.query,
        "search_url": reverse("annotations:search", args=[project.slug]),
    })


urlpatterns = [
    path("projects/<slug:slug>/tracked/", cluster_list, name="cluster-list"),
    path("projects/<slug:slug>/tracked/new/", cluster_create, name="cluster-create"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/", cluster_detail, name="cluster-detail"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/links/", cluster_links, name="cluster-links"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/suggest/", cluster_suggest, name="cluster-suggest"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/merge/", cluster_merge, name="cluster-merge"),
    path("projects/<slug:slug>/tracked/<int:cluster_id>/split/", cluster_split, name="cluster-split"),
    path("projects/<slug:slug>/sources/<int:source_id>/", source_detail, name="source-detail"),
    path("projects/<slug:slug>/sources/<int:source_id>/aliases/", source_aliases, name="source-aliases"),
    path("projects/<slug:slug>/sources/<int:source_id>/merge/", source_merge, name="source-merge"),
    path("projects/<slug:slug>/search/", search_page, name="search"),
]
