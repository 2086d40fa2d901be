"""Pages: article import and export, run as background jobs with progress polled by htmx."""

from __future__ import annotations

import csv
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from annotations import exports, tasks
from annotations.importers import csv_header_problem
from annotations.models import Job, JobFile, Membership
from annotations.permissions import project_for_user, sees_others_judgements
from annotations.worker import end_orphaned_jobs

TEXT_PASTE_NAME = "pasted.txt"
CSV_HEADER_CELL = re.compile(r"^[A-Za-z_][\w -]{0,39}$")


class UploadError(ValueError):
    pass


def sniff_suffix(name: str, data: bytes) -> str:
    """Decide a file's type by its content, never its name: .jsonl, .csv or .txt.

    Binary or non-UTF-8 content is refused here, before anything is stored.
    """
    if b"\x00" in data[:65536]:
        raise UploadError(f"{name}: the file is binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UploadError(f"{name}, line {line}: the file is not UTF-8 text.") from exc
    lines = [line.strip() for line in text.splitlines()[:50] if line.strip()]
    first = lines[0] if lines else ""
    if first.startswith("{"):
        return ".jsonl"
    if _looks_like_csv(name, lines):
        header = [cell.strip().lower() for cell in next(csv.reader([first]))]
        problem = csv_header_problem(header)
        if problem:
            raise UploadError(f"{name}, line 1: {problem}.")
        return ".csv"
    return ".txt"


def _looks_like_csv(name: str, lines: list[str]) -> bool:
    """A header of short names over rows of as many cells (or a .csv name over comma-separated lines).

    Prose has commas too, but not a first line of short, word-like cells repeated in shape below it.
    """
    if not lines or "," not in lines[0]:
        return False
    header = next(csv.reader([lines[0]]))
    if name.lower().endswith(".csv"):
        return True
    if len(header) < 2 or not all(CSV_HEADER_CELL.match(cell.strip()) for cell in header):
        return False
    if "body" in [cell.strip().lower() for cell in header]:
        return True
    return len(lines) > 1 and {len(row) for row in csv.reader(lines[1:6])} == {len(header)}


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    return base.rsplit(".", 1)[0] if "." in base else base


def _job_for_user(request, pk: int) -> tuple[Job, Membership]:
    job = get_object_or_404(Job.objects.select_related("project"), pk=pk, user=request.user)
    membership = Membership.objects.filter(project=job.project, user=request.user).first()
    if membership is None:
        raise Http404("No such job.")
    if not job.finished and job.task_id:
        # A job whose worker died ends here as failed, even while no worker runs.
        if end_orphaned_jobs(task_ids=[job.task_id]):
            job.refresh_from_db()
    return job, membership


def _render_job(request, job: Job, status: int = 200):
    template = "annotations/jobs_detail.html"
    if request.htmx:
        template += "#job-status"
    return render(request, template, {"job": job, "project": job.project}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request, slug):
    project, membership = project_for_user(request.user, slug, lead=True)
    context = {
        "project": project, "max_files": settings.IMPORT_MAX_FILES, "max_bytes": settings.IMPORT_MAX_BYTES,
        "jobs": Job.objects.filter(project=project, user=request.user, kind=Job.Kind.IMPORT)[:5],
    }
    if request.method == "GET":
        return render(request, "annotations/jobs_import.html", context)
    uploads = request.FILES.getlist("files")
    text = request.POST.get("text", "")
    errors: list[str] = []
    files: list[tuple[str, bytes]] = []
    count = len(uploads) + (1 if text.strip() else 0)
    if count == 0:
        errors.append(gettext("Choose one or more files, or paste an article's text."))
    elif count > settings.IMPORT_MAX_FILES:
        errors.append(gettext("%(count)s files: at most %(max)s at once.")
                      % {"count": count, "max": settings.IMPORT_MAX_FILES})
    else:
        for upload in uploads:
            if upload.size > settings.IMPORT_MAX_BYTES:
                errors.append(gettext("%(name)s: %(size)s bytes; the limit is %(max)s.") % {
                    "name": upload.name, "size": number_format(upload.size, force_grouping=True),
                    "max": number_format(settings.IMPORT_MAX_BYTES, force_grouping=True)})
                continue
            data = upload.read()
            try:
                files.append((_stem(upload.name) + sniff_suffix(upload.name, data), data))
            except UploadError as exc:
                errors.append(str(exc))
        if text.strip():
            data = text.encode("utf-8")
            if len(data) > settings.IMPORT_MAX_BYTES:
                errors.append(gettext("The pasted text is over %(max)s bytes.")
                              % {"max": number_format(settings.IMPORT_MAX_BYTES, force_grouping=True)})
            else:
                files.append((TEXT_PASTE_NAME, data))
    if errors:
        context["errors"] = errors
        template = "annotations/jobs_import.html"
        if request.htmx:
            template += "#import-form"
        return render(request, template, context, status=400)
    with transaction.atomic():
        job = Job.objects.create(project=project, user=request.user, kind=Job.Kind.IMPORT, total=len(files))
        JobFile.objects.bulk_create(
            JobFile(job=job, direction=JobFile.Direction.INPUT, seq=i, name=name, data=data)
            for i, (name, data) in enumerate(files)
        )
        result = tasks.import_articles_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    if request.htmx:
        return _render_job(request, job, status=202)
    return redirect("annotations:job-detail", pk=job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def export_page(request, slug):
    project, membership = project_for_user(request.user, slug)
    context = {
        "project": project, "formats": exports.FORMATS, "statuses": exports.STATUSES,
        "layouts": exports.LAYOUTS,
        "jobs": Job.objects.filter(project=project, user=request.user, kind=Job.Kind.EXPORT)[:5],
    }
    if request.method == "GET":
        return render(request, "annotations/jobs_export.html", context)
    if not sees_others_judgements(project, membership):
        raise PermissionDenied(gettext("In blind mode only the project's leads and admins export judgements."))
    try:
        options = exports.ExportOptions.from_query(request.POST, project=project)
    except exports.ExportError as exc:
        context["errors"] = [str(exc)]
        template = "annotations/jobs_export.html"
        if request.htmx:
            template += "#export-form"
        return render(request, template, context, status=400)
    params = {
        "format": options.format, "layout": options.layout, "status": options.status, "label": options.label,
        "article": str(options.article or ""), "bom": "1" if options.bom else "",
        "published_from": options.published_from.isoformat() if options.published_from else "",
        "published_to": options.published_to.isoformat() if options.published_to else "",
    }
    with transaction.atomic():
        job = Job.objects.create(project=project, user=request.user, kind=Job.Kind.EXPORT, params=params)
        result = tasks.export_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    if request.htmx:
        return _render_job(request, job, status=202)
    return redirect("annotations:job-detail", pk=job.pk)


@login_required
@require_GET
def job_detail(request, pk):
    return _render_job(request, _job_for_user(request, pk)[0])


@login_required
@require_GET
def job_download(request, pk):
    job, membership = _job_for_user(request, pk)
    if job.kind != Job.Kind.EXPORT or job.status != Job.Status.DONE:
        raise Http404("This job has no file to download.")
    # The rights of today, not those the export was made with: a lead since demoted in a
    # blind project no longer takes everyone's labels away.
    if not sees_others_judgements(job.project, membership):
        raise PermissionDenied(gettext("In blind mode only the project's leads and admins export judgements."))
    ids = list(job.files.filter(direction=JobFile.Direction.OUTPUT).values_list("pk", flat=True))

    def chunks():
        for pk in ids:  # one chunk in memory at a time
            yield bytes(JobFile.objects.values_list("data", flat=True).get(pk=pk))

    response = StreamingHttpResponse(chunks(), content_type=job.result.get("content_type", "text/plain"))
    name = job.result.get("filename", f"export-{job.pk}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("projects/<slug:slug>/import/", import_page, name="import"),
    path("projects/<slug:slug>/export/", export_page, name="export"),
    path("jobs/<int:pk>/", job_detail, name="job-detail"),
    path("jobs/<int:pk>/download/", job_download, name="job-download"),
]
