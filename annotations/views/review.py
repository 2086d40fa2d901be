"""Pages: the disagreement queue, settling units, and the agreement dashboard (leads only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from annotations import review, review_charts, review_pairs, selectors, services
from annotations.filters import QUEUE_STATUSES, QueueFilterForm
from annotations.forms import label_keys
from annotations.fragments import fragment_key
from annotations.permissions import project_for_user
from annotations.services import review_figures
from annotations.templatetags.labels import figure

PAGE_SIZE = 25  # disputed units per page of the queue: a sitting's work, rendered in about 25 ms


def _label_pairs(project) -> list[tuple[str, str]]:
    labels = [*project.judgement_labels, review.MISSING]
    return [(a, b) for i, a in enumerate(labels) for b in labels[i + 1:]]


def _unit_card_context(project) -> dict:
    """What every unit card of the queue shares, worked out once per page rather than per card."""
    return {"resolve_url": reverse("annotations:review-resolve", args=[project.slug]),
            "label_choices": label_keys(project)}


@login_required
@require_GET
def review_queue(request, slug):
    project, membership = project_for_user(request.user, slug, lead=True)
    form = QueueFilterForm(request.GET, project=project)
    filters, errors = form.filters(), form.messages()
    pages = review.QueuePages(project, filters)
    # A page past the last one (units were settled meanwhile) shows the last one.
    page = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("page"))
    queue = pages.queue
    template = "annotations/review_queue.html"
    if request.htmx and request.htmx.target == "review-queue":
        template += "#review-queue"
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "project": project, "membership": membership, "queue": queue, "page": page,
        "units": queue.units, "filters": filters, "filter_errors": errors,
        "label_pairs": _label_pairs(project), "statuses": QUEUE_STATUSES,
        "labels_param": ",".join(filters["labels"]) if filters["labels"] else "",
        "query": query.urlencode(), **_unit_card_context(project),
        **_filter_choices(queue, filters),
    }
    # The filter form lists hundreds of options: kept rendered under a digest of all it shows.
    context["filters_key"] = fragment_key(project.slug, *(context[name] for name in (
        "label_pairs", "labels_param", "annotator_choices", "article_choices", "statuses")), filters["status"])
    return render(request, template, context)


def _filter_choices(queue, filters: dict) -> dict:
    """The article and annotator filters' options as (value, text, selected): hundreds of them,
    compared and printed once here rather than through the template's lookups."""
    article, annotator = filters.get("article"), filters.get("annotator")
    return {"article_choices": [(str(pk), _clip(title, 60), pk == article) for pk, title in queue.articles],
            "annotator_choices": [(name, name == annotator) for name in queue.annotators]}


def _clip(text: str, size: int) -> str:
    """`text` cut to `size` characters with an ellipsis, as `truncatechars` does, for the hundreds
    of titles the article filter lists (`truncatechars` normalises each text first: 14% of the
    queue page's profile)."""
    return text if len(text) <= size else text[:size - 1] + "…"


def _render_unit(request, project, unit, *, status=200, error="", conflict=None, saved=False):
    unit.error, unit.conflict = error, conflict
    context = {"project": project, "unit": unit, "saved": saved, **_unit_card_context(project)}
    return render(request, "annotations/review_queue.html#review-unit", context, status=status)


@login_required
@require_POST
def review_resolve(request, slug):
    """Settle one unit from the queue. Conflicts and bad input are shown in the unit's card."""
    project, _membership = project_for_user(request.user, slug, lead=True)
    post = request.POST
    claim_id, source_id, version = post.get("claim", ""), post.get("source", ""), post.get("version", "")
    numbers = [claim_id, source_id] + ([version] if version else [])
    if not all(n.isascii() and n.isdigit() and len(n) < 10 for n in numbers):
        return _bad_request(request, project, _("This form is incomplete; reload the page."))
    found = selectors.unit_of_project(project=project, claim_id=int(claim_id), source_id=int(source_id))
    if found is None:
        return _bad_request(request, project, _("No such unit in this project."))
    claim, source = found
    label, reason = post.get("label", ""), post.get("reason", "").strip()
    error = ""
    if label not in project.judgement_labels:
        error = _("Choose one of the project's labels: %(labels)s.") % {
            "labels": ", ".join(project.judgement_labels)}
    elif not reason:
        error = _("Give a reason for the decision (press r to type it).")
    elif "\x00" in reason or len(reason) > 5000:
        error = _("The reason must be plain text of at most 5000 characters.")
    if error:
        return _respond_error(request, project, claim, source, error, status=400)
    try:
        services.resolution_set(
            claim=claim, source=source, label=label, reason=reason, lead=request.user,
            expected_version=int(version) if version else 0, via="page",
        )
    except ValidationError as exc:
        return _respond_error(request, project, claim, source, " ".join(exc.messages), status=400)
    except services.Conflict as exc:
        return _respond_error(request, project, claim, source, str(exc), status=409, conflict=exc.current)
    unit = review.disputed_unit(project, claim.pk, source.pk)
    message = _("Settled %(source)s on “%(claim)s” as %(label)s.") % {
        "source": source.name, "claim": claim.text[:60], "label": label}
    if request.htmx and unit is None:
        # The annotators agree by now: the unit has left the queue.
        response = render(request, "annotations/review_queue.html#review-gone",
                          {"dom_id": f"unit-{claim.pk}-{source.pk}", "message": message})
        trigger_client_event(response, "resolutionSaved", {"message": message, "unit": f"{claim.pk}:{source.pk}"})
        return response
    if request.htmx:
        response = _render_unit(request, project, unit, saved=True)
        trigger_client_event(response, "resolutionSaved", {"message": message, "unit": f"{claim.pk}:{source.pk}"})
        return response
    messages.success(request, message)
    return redirect(reverse("annotations:review", args=[project.slug]) + f"#unit-{claim.pk}-{source.pk}")


def _bad_request(request, project, error, *, status=400):
    if request.htmx:
        return render(request, "annotations/review_queue.html#review-message",
                      {"error": error}, status=status)
    messages.error(request, error)
    return redirect("annotations:review", slug=project.slug)


def _respond_error(request, project, claim, source, error, *, status, conflict=None):
    unit = review.disputed_unit(project, claim.pk, source.pk)
    if unit is None:  # no longer in dispute: the message alone, with the status it was given
        return _bad_request(request, project, error, status=status)
    if request.htmx:
        return _render_unit(request, project, unit, status=status, error=error, conflict=conflict)
    filters = {"status": "all", "article": claim.article_id}
    queue = review.disputed_units(project, **filters)
    for item in queue.units:
        if item.key == unit.key:
            item.error, item.conflict = error, conflict
    context = {
        "project": project, "queue": queue, "units": queue.units, "page": None,
        "filters": filters, "filter_errors": [],
        "label_pairs": _label_pairs(project), "statuses": QUEUE_STATUSES, "labels_param": "",
        **_unit_card_context(project), **_filter_choices(queue, filters),
    }
    return render(request, "annotations/review_queue.html", context, status=status)


@login_required
@require_GET
def review_agreement(request, slug):
    """Agreement dashboard: the figures, heatmap and α per label as SVG, annotators, progress.

    The pair tables list the pairs of annotators that need attention first (`review_pairs`),
    all of them with `?pairs=all`.

    The counts are always current; the coefficients come from the latest snapshot, and
    while a newer one is computed the page says how far behind they are and asks every
    few seconds (htmx) whether it is ready, reloading itself when it is.
    """
    project, membership = project_for_user(request.user, slug, lead=True)
    show_all = request.GET.get("pairs") == "all"
    figures = review_figures.agreement_figures(project, all_pairs=show_all)
    if request.htmx and request.GET.get("freshness"):
        response = render(request, "annotations/review_agreement.html#freshness", {"project": project,
                                                                                  "figures": figures})
        if figures.current:
            response["HX-Refresh"] = "true"
        return response
    page = figures.page
    report, kappas = page["report"], page["kappas"]
    context = {
        "project": project, "membership": membership, "report": report, "dashboard": figures.dashboard,
        "annotators": _annotator_table(figures.dashboard["annotators"], kappas),
        "figures": figures, "show_all": show_all, "pair_rows": review_pairs.PAIR_ROWS,
        "min_shared_units": review_pairs.MIN_SHARED_UNITS,
        "kappa_pairs": review_pairs.PairList(**page["kappa_pairs"]),
        "structure_pairs": review_pairs.PairList(**page["structure_pairs"]),
        "heatmap": review_charts.heatmap(report["confusion"]["labels"], report["confusion"]["matrix"]),
        "alpha_bars": review_charts.bars([(row["label"], row["alpha"]) for row in report["per_label"]]),
        "progress_chart": review_charts.progress(figures.dashboard["progress"]),
        # The snapshot's figures, charts and pair tables: kept rendered under a digest of them.
        "report_key": fragment_key(project.slug, page, show_all),
    }
    return render(request, "annotations/review_agreement.html", context)


def _annotator_table(rows: list[dict], kappas: dict) -> list[dict]:
    """The annotator table's cells as text, worked out here for its hundred rows instead of through
    the template's lookups, filters and number formats (half the dashboard's rendering). The same
    text as `widthratio … 1 100`, `floatformat:0` and `figure` print, counts grouped (`intcomma`);
    None where the table shows —."""
    table = []
    for row in rows:
        share, median, kappa = row["agreement_with_resolutions"], row["median_seconds"], kappas.get(row["username"])
        table.append({
            "username": row["username"], "units": intcomma(row["units"]), "compared": intcomma(row["compared"]),
            "agreement": None if share is None else str(round(float(share) * 100)),
            "median": None if median is None else figure(median, 0),
            "kappa": kappa and {"mean": figure(kappa["mean"]), "pairs": intcomma(kappa["pairs"]),
                                "lowest": figure(kappa["lowest"]), "lowest_with": kappa["lowest_with"]},
        })
    return table


urlpatterns = [
    path("projects/<slug:slug>/review/", review_queue, name="review"),
    path("projects/<slug:slug>/review/resolve/", review_resolve, name="review-resolve"),
    path("projects/<slug:slug>/review/agreement/", review_agreement, name="review-agreement"),
]
