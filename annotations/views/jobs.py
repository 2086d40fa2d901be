"""Pages: article import and export, run as background jobs with progress polled by htmx."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from annotations import exports
from annotations.models import Job
from annotations.permissions import project_for_user, sees_others_judgements
from annotations.selectors import job_for_user, job_output_chunks, recent_jobs
from annotations.services.jobs import job_export_start, job_import_start
from annotations.uploads import uploads_check


def _render_job(request, job: Job, membership, status: int = 200):
    template = "annotations/jobs_detail.html"
    if request.htmx:
        template += "#job-status"
    return render(request, template, {"job": job, "project": job.project, "membership": membership}, status=status)


def _refused(request, template: str, context: dict, errors: list[str]):
    """The form again with its errors (only its fragment for htmx): nothing was queued."""
    context["errors"] = errors
    page = template.split("#")[0]
    return render(request, template if request.htmx else page, context, status=400)


def _started(request, job: Job, membership):
    if request.htmx:
        return _render_job(request, job, membership, status=202)
    return redirect("annotations:job-detail", pk=job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request, slug):
    project, membership = project_for_user(request.user, slug, lead=True)
    context = {
        "project": project, "membership": membership, "max_files": settings.IMPORT_MAX_FILES,
        "max_bytes": settings.IMPORT_MAX_BYTES,
        "jobs": recent_jobs(project=project, user=request.user, kind=Job.Kind.IMPORT),
    }
    if request.method == "GET":
        return render(request, "annotations/jobs_import.html", context)
    files, errors = uploads_check(request.FILES.getlist("files"), request.POST.get("text", ""))
    if errors:
        return _refused(request, "annotations/jobs_import.html#import-form", context, errors)
    return _started(request, job_import_start(project=project, user=request.user, files=files), membership)


@login_required
@require_http_methods(["GET", "POST"])
def export_page(request, slug):
    project, membership = project_for_user(request.user, slug)
    context = {
        "project": project, "membership": membership, "formats": exports.FORMATS, "statuses": exports.STATUSES,
        "layouts": exports.LAYOUTS,
        "jobs": recent_jobs(project=project, user=request.user, kind=Job.Kind.EXPORT),
    }
    if request.method == "GET":
        return render(request, "annotations/jobs_export.html", context)
    if not sees_others_judgements(project, membership):
        raise PermissionDenied(gettext("In blind mode only the project's leads and admins export judgements."))
    try:
        options = exports.ExportOptions.from_query(request.POST, project=project)
    except exports.ExportError as exc:
        return _refused(request, "annotations/jobs_export.html#export-form", context, [str(exc)])
    return _started(request, job_export_start(project=project, user=request.user, options=options), membership)


@login_required
@require_GET
def job_detail(request, pk):
    return _render_job(request, *job_for_user(user=request.user, pk=pk))


@login_required
@require_GET
def job_download(request, pk):
    job, membership = job_for_user(user=request.user, pk=pk)
    if job.kind != Job.Kind.EXPORT or job.status != Job.Status.DONE:
        raise Http404("This job has no file to download.")
    # The rights of today, not those the export was made with: a lead since demoted in a
    # blind project no longer takes everyone's labels away.
    if not sees_others_judgements(job.project, membership):
        raise PermissionDenied(gettext("In blind mode only the project's leads and admins export judgements."))
    response = StreamingHttpResponse(job_output_chunks(job), content_type=job.result.get("content_type", "text/plain"))
    name = job.result.get("filename", f"export-{job.pk}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("projects/<slug:slug>/import/", import_page, name="import"),
    path("projects/<slug:slug>/export/", export_page, name="export"),
    path("jobs/<int:pk>/", job_detail, name="job-detail"),
    path("jobs/<int:pk>/download/", job_download, name="job-download"),
]
