"""Pages: the annotator's queue and the article page with its htmx fragments.

One URL serves a page and its fragment: htmx requests get the partial named after
the DOM id they swap, plain requests the whole page (and a redirect after a POST),
so everything works without JavaScript too.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from annotations import selectors, services
from annotations.forms import ClaimForm, SourceCreateForm, StanceForm, VersionForm, label_keys
from annotations.markup import render_markdown
from annotations.models import Assignment, Source
from annotations.permissions import project_for_user, sees_others_judgements

TEMPLATE = "annotations/article.html"
CHANGED_MEANWHILE = gettext_lazy(
    "Someone changed this judgement meanwhile (another tab or device). "
    "Nothing was overwritten: the current value is shown, choose again if needed."
)
VERSION_REQUIRED = gettext_lazy(
    "This change does not say which version of the judgement it replaces; reload the page and choose again."
)


def _article_url(project, article, anchor: str = "") -> str:
    url = reverse("annotations:article", args=[project.slug, article.pk])
    return f"{url}#{anchor}" if anchor else url


def _context(request, project, membership, article, **extra) -> dict:
    sees_others = sees_others_judgements(project, membership)
    return {
        "project": project,
        "membership": membership,
        "article": article,
        "labels": label_keys(project),
        "sees_others": sees_others,
        **extra,
    }


def _workspace_context(request, project, membership, article, **extra) -> dict:
    ctx = _context(request, project, membership, article, **extra)
    claims = selectors.claims_for_annotation(
        article=article, user=request.user, sees_others=ctx["sees_others"]
    )
    for cv in claims:
        for uv in cv.units:
            uv.offer(ctx["labels"], project.show_suggestions)
    ctx["claims"] = claims
    ctx["segments"] = selectors.article_segments(article.body, claims)
    ctx["unit_count"] = sum(len(cv.units) for cv in claims)
    return ctx


def _page(request, project, membership, article, *, status=200, unit_error=None, **extra):
    """The whole article page; `unit_error` = (unit key, message) marks one unit."""
    ctx = _workspace_context(request, project, membership, article, **extra)
    if unit_error:
        for cv in ctx["claims"]:
            for uv in cv.units:
                if uv.key == unit_error[0]:
                    uv.error = unit_error[1]
    ctx["progress"] = selectors.progress_for(project=project, user=request.user)
    ctx["my_assignment"] = Assignment.objects.filter(article=article, annotator=request.user).first()
    ctx["previous"] = selectors.previous_article(project=project, article=article, user=request.user,
                                                 mine=ctx["my_assignment"])
    ctx["guidelines"] = render_markdown(project.guidelines) if project.guidelines else ""
    return render(request, TEMPLATE, ctx, status=status)


def _load(request, slug, article_id, *, body: bool = True):
    project, membership = project_for_user(request.user, slug)
    article = selectors.article_for_project(project=project, article_id=article_id, body=body)
    article.project = project
    return project, membership, article


# --- Queue ----------------------------------------------------------------------------


@login_required
@require_GET
def queue(request, slug):
    project, membership = project_for_user(request.user, slug)
    article = services.assignment_next(project=project, annotator=request.user)
    if article is not None:
        return redirect(_article_url(project, article))
    progress = selectors.progress_for(project=project, user=request.user)
    return render(
        request, "annotations/queue_done.html",
        {"project": project, "membership": membership, "progress": progress},
    )


# --- Article page ---------------------------------------------------------------------


@login_required
@require_GET
def article_page(request, slug, article_id):
    project, membership, article = _load(request, slug, article_id)
    services.assignment_touch(article=article, annotator=request.user)
    if request.htmx:
        ctx = _workspace_context(request, project, membership, article)
        return render(request, TEMPLATE + "#article-workspace", ctx)
    return _page(request, project, membership, article)


@login_required
@require_http_methods(["GET", "POST"])
def unit_stance(request, slug, article_id, claim_id, source_id):
    """GET: the unit's fragment. POST: record the stance (and note) it names."""
    project, membership, article, uv = selectors.unit_in_context(
        user=request.user, slug=slug, article_id=article_id, claim_id=claim_id, source_id=source_id
    )
    if request.method == "GET":
        return _unit_response(request, project, membership, article, uv)

    form = StanceForm(
        request.POST, labels=project.judgement_labels, current_label=uv.mine.label if uv.mine else ""
    )
    error, status = "", 200
    if not form.is_valid():
        error = " ".join(e for errors in form.errors.values() for e in errors)
        status = 400
    elif uv.mine is not None and form.cleaned_data["version"] is None:
        error, status = VERSION_REQUIRED, 428
    else:
        data = form.cleaned_data
        try:
            # The assignment's touch rides in the statement that saves the judgement.
            uv.mine = services.stance_record(
                claim=uv.unit.claim, source=uv.unit.source, annotator=request.user, label=data["label"],
                note=data["note"] if "note" in request.POST else None,
                expected_version=data["version"] if data["version"] is not None else None,
                via="page", current=uv.mine, unit_known=True, touch=True,
            )
            uv.saved = True
        except services.Conflict:
            uv = selectors.unit_for_annotation(
                claim=uv.unit.claim, source_id=source_id, user=request.user,
                sees_others=sees_others_judgements(project, membership),
            )
            error, status = CHANGED_MEANWHILE, 409
        except (ValidationError, IntegrityError) as exc:
            error = " ".join(getattr(exc, "messages", [str(exc)]))
            status = 400
    if not uv.saved:
        services.assignment_touch(article=article, annotator=request.user)
    return _after_unit_post(request, project, membership, article, uv, error, status)


@login_required
@require_POST
def unit_undo(request, slug, article_id, claim_id, source_id):
    """Revert my latest change on the unit; the history keeps both."""
    project, membership, article = _load(request, slug, article_id)
    claim = selectors.claim_for_article(article=article, claim_id=claim_id)
    sees_others = sees_others_judgements(project, membership)
    uv = selectors.unit_for_annotation(
        claim=claim, source_id=source_id, user=request.user, sees_others=sees_others
    )
    form = VersionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["version"] is None:
        return _after_unit_post(request, project, membership, article, uv, VERSION_REQUIRED, 428)
    try:
        uv.mine = services.stance_undo(claim=claim, source=uv.unit.source, annotator=request.user,
                                       expected_version=form.cleaned_data["version"])
    except services.Conflict:
        uv = selectors.unit_for_annotation(
            claim=claim, source_id=source_id, user=request.user, sees_others=sees_others
        )
        return _after_unit_post(request, project, membership, article, uv, CHANGED_MEANWHILE, 409)
    uv.saved = True
    services.assignment_touch(article=article, annotator=request.user)
    return _after_unit_post(request, project, membership, article, uv, "", 200, event=_("Undone"))


def _unit_response(request, project, membership, article, uv, *, status=200):
    ctx = _context(request, project, membership, article, uv=uv)
    uv.offer(ctx["labels"], project.show_suggestions)
    return render(request, TEMPLATE + "#unit-card", ctx, status=status)


def _after_unit_post(request, project, membership, article, uv, error, status, event=None):
    if request.htmx:
        uv.error = error
        # The page's save queue swaps the fragment of a refused save too (it shows the current
        # value and why) and reads the status to know the save did not happen.
        response = _unit_response(request, project, membership, article, uv, status=status)
        if not error:
            trigger_client_event(
                response, "stanceSaved", {"unit": uv.key, "message": event or _("Saved")}
            )
        return response
    if error:
        return _page(request, project, membership, article, status=status,
                     unit_error=(uv.key, error))
    return redirect(_article_url(project, article, f"unit-card-{uv.unit.claim_id}-{uv.unit.source_id}"))


@login_required
@require_POST
def claim_add(request, slug, article_id):
    """Create a claim from a selected span of the text."""
    project, membership, article = _load(request, slug, article_id)
    form = ClaimForm(request.POST, body_length=len(article.body))
    error = ""
    claim = None
    if form.is_valid():
        try:
            claim = services.claim_create(
                article=article, start=form.cleaned_data["start"], end=form.cleaned_data["end"],
                user=request.user,
            )
        except (ValidationError, IntegrityError) as exc:
            error = " ".join(getattr(exc, "messages", [str(exc)]))
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    services.assignment_touch(article=article, annotator=request.user)
    if request.htmx:
        ctx = _workspace_context(request, project, membership, article, claim_error=error,
                                 new_claim=claim)
        response = render(request, TEMPLATE + "#article-workspace", ctx)
        if claim is not None:
            trigger_client_event(
                response, "claimAdded", {"claim": claim.pk, "message": _("Claim added")}, after="settle"
            )
        return response
    if error:
        return _page(request, project, membership, article, status=400, claim_error=error)
    return redirect(_article_url(project, article, f"claim-{claim.pk}"))


def _replaced_unit(request, project, membership, claim, raw):
    """The unit a "replace source" names (`replace` = its source id), as the user may see it."""
    if not (raw and raw.isascii() and raw.isdigit() and len(raw) < 19):
        return None
    return selectors.unit_for_annotation(
        claim=claim, source_id=int(raw), user=request.user,
        sees_others=sees_others_judgements(project, membership),
    )


def _workspace_response(request, project, membership, article, unit, message):
    """After a unit was added: the re-rendered workspace (htmx) or a redirect to the unit."""
    if request.htmx:
        ctx = _workspace_context(request, project, membership, article)
        response = render(request, TEMPLATE + "#article-workspace", ctx)
        trigger_client_event(response, "unitAdded", {"unit": unit.key, "message": message}, after="settle")
        return response
    return redirect(_article_url(project, article, f"unit-card-{unit.claim_id}-{unit.source_id}"))


@login_required
@require_http_methods(["GET", "POST"])
def source_add(request, slug, article_id, claim_id):
    """Search the registry, pick a source or create one, and add it to the claim.

    With `replace` (a source id of the claim) the pick replaces that unit's source: the
    unit is rejected and the picked source added to the claim, in one step.
    """
    project, membership, article = _load(request, slug, article_id)
    claim = selectors.claim_for_article(article=article, claim_id=claim_id)
    replacing = _replaced_unit(
        request, project, membership, claim, request.POST.get("replace") or request.GET.get("replace", "")
    )
    query = request.GET.get("q", "").strip()[:100]
    if replacing is not None and "q" not in request.GET:
        query = replacing.unit.source.name
    # "Create new source" starts from the name typed in the search.
    create_form = SourceCreateForm(prefix=f"new-{claim.pk}", initial={"name": query})
    error = ""
    if request.method == "POST":
        source = None
        if request.POST.get("source"):
            try:
                source = Source.objects.visible_to_each(request.user).get(
                    pk=int(request.POST["source"]), merged_into__isnull=True
                )
            except (ValueError, Source.DoesNotExist):
                error = _("That source is not in the registry any more; search again.")
        else:
            create_form = SourceCreateForm(request.POST, prefix=f"new-{claim.pk}")
            if create_form.is_valid():
                data = create_form.cleaned_data
                # A name the annotator already sees is answered with that source (see source_create).
                try:
                    with transaction.atomic():
                        org = None
                        if data["affiliation"]:
                            org, _created = services.source_create(
                                user=request.user, name=data["affiliation"], kind=Source.Kind.ORGANISATION
                            )
                        source, _created = services.source_create(
                            user=request.user, name=data["name"], kind=data["kind"], role=data["role"],
                            affiliation=org,
                        )
                except ValidationError as exc:
                    error = " ".join(exc.messages)
            else:
                error = _("Give the new source a name and a kind.")
        if source is not None and replacing is not None:
            try:
                unit = services.unit_correct(
                    claim=claim, source=replacing.unit.source, annotator=request.user, to_claim=claim,
                    to_source=source, expected_version=_version(request.POST.get("version")),
                )
            except services.Conflict as exc:
                error, source = str(exc), None
            except ValidationError as exc:
                error, source = " ".join(exc.messages), None
            else:
                services.assignment_touch(article=article, annotator=request.user)
                return _workspace_response(request, project, membership, article, unit, _("Source replaced"))
        elif source is not None:
            unit = services.unit_add(claim=claim, source=source, user=request.user)
            services.assignment_touch(article=article, annotator=request.user)
            return _workspace_response(request, project, membership, article, unit, _("Source added"))

    ctx = _context(
        request, project, membership, article, claim=claim, query=query,
        results=selectors.sources_search(query=query, user=request.user) if query else [],
        create_form=create_form, source_error=error, replacing=replacing,
    )
    status = 400 if error else 200
    if request.htmx:
        partial = "source-results" if request.htmx.target == f"source-results-{claim.pk}" else "add-source"
        return render(request, f"{TEMPLATE}#{partial}", ctx)
    return render(request, "annotations/add_source.html", ctx, status=status)


def _version(raw) -> int | None:
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) < 10 else None


@login_required
@require_POST
def unit_move(request, slug, article_id, claim_id, source_id):
    """Move a unit to the claim it belongs to: reject it here, add its source there."""
    project, membership, article = _load(request, slug, article_id)
    claim = selectors.claim_for_article(article=article, claim_id=claim_id)
    uv = selectors.unit_for_annotation(
        claim=claim, source_id=source_id, user=request.user,
        sees_others=sees_others_judgements(project, membership),
    )
    target_id = request.POST.get("claim", "")
    target = None
    if target_id.isascii() and target_id.isdigit() and len(target_id) < 19:
        target = selectors.claim_for_article(article=article, claim_id=int(target_id))
    error, status = "", 400
    if target is None:
        error = _("Choose the claim the statement belongs to.")
    else:
        try:
            unit = services.unit_correct(
                claim=claim, source=uv.unit.source, annotator=request.user, to_claim=target,
                to_source=uv.unit.source, expected_version=_version(request.POST.get("version")),
            )
        except services.Conflict as exc:
            error, status = str(exc), 409
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            services.assignment_touch(article=article, annotator=request.user)
            return _workspace_response(request, project, membership, article, unit, _("Moved to the claim"))
    if request.htmx:
        uv = selectors.unit_for_annotation(
            claim=claim, source_id=source_id, user=request.user,
            sees_others=sees_others_judgements(project, membership),
        )
        uv.error = error
        return _unit_response(request, project, membership, article, uv, status=status)
    return _page(request, project, membership, article, status=status, unit_error=(uv.key, error))


@login_required
@require_POST
def claim_text(request, slug, article_id, claim_id):
    """A lead corrects a claim's proposition (kept in History)."""
    project, membership, article = _load(request, slug, article_id)
    if not membership.can_lead:
        raise PermissionDenied
    claim = selectors.claim_for_article(article=article, claim_id=claim_id)
    try:
        services.claim_text_set(claim=claim, text=request.POST.get("text", ""), user=request.user)
    except ValidationError as exc:
        if request.htmx:
            ctx = _workspace_context(request, project, membership, article,
                                     claim_text_error=(claim.pk, " ".join(exc.messages)))
            return render(request, TEMPLATE + "#article-workspace", ctx, status=400)
        return _page(request, project, membership, article, status=400,
                     claim_text_error=(claim.pk, " ".join(exc.messages)))
    if request.htmx:
        ctx = _workspace_context(request, project, membership, article)
        response = render(request, TEMPLATE + "#article-workspace", ctx)
        trigger_client_event(response, "claimAdded", {"claim": claim.pk, "message": _("Claim text saved")},
                             after="settle")
        return response
    return redirect(_article_url(project, article, f"claim-{claim.pk}"))


@login_required
@require_POST
def article_done(request, slug, article_id):
    """Mark my work on the article finished and go on to the next one.

    The next article is taken up here, as the queue would (one request less between two
    articles); with none left, the queue says so.
    """
    project, membership, article = _load(request, slug, article_id, body=False)
    services.assignment_finish(article=article, annotator=request.user)
    following = services.assignment_next(project=project, annotator=request.user)
    next_url = _article_url(project, following) if following else reverse("annotations:queue", args=[project.slug])
    if request.htmx:
        return HttpResponseClientRedirect(next_url)
    return redirect(next_url)


urlpatterns = [
    path("projects/<slug:slug>/queue/", queue, name="queue"),
    path("projects/<slug:slug>/articles/<int:article_id>/", article_page, name="article"),
    path("projects/<slug:slug>/articles/<int:article_id>/claims/", claim_add, name="claim-add"),
    path(
        "projects/<slug:slug>/articles/<int:article_id>/claims/<int:claim_id>/sources/",
        source_add, name="source-add",
    ),
    path(
        "projects/<slug:slug>/articles/<int:article_id>/units/<int:claim_id>-<int:source_id>/",
        unit_stance, name="unit",
    ),
    path(
        "projects/<slug:slug>/articles/<int:article_id>/units/<int:claim_id>-<int:source_id>/undo/",
        unit_undo, name="unit-undo",
    ),
    path(
        "projects/<slug:slug>/articles/<int:article_id>/units/<int:claim_id>-<int:source_id>/move/",
        unit_move, name="unit-move",
    ),
    path(
        "projects/<slug:slug>/articles/<int:article_id>/claims/<int:claim_id>/text/",
        claim_text, name="claim-text",
    ),
    path("projects/<slug:slug>/articles/<int:article_id>/done/", article_done, name="article-done"),
]
