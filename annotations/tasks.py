"""Background work run by the task worker (`manage.py db_worker`): imports and exports.

Each task takes a Job id, updates the Job's progress as it goes and ends with
the Job done (with its result) or failed (with a message for the page).
"""

from __future__ import annotations

import logging
from dataclasses import asdict

from django.conf import settings
from django.db import transaction
from django_tasks import task

from annotations import exports
from annotations.importers import ImportFileError, parse_bytes
from annotations.models import Job, JobFile, ReviewSnapshot, Webhook
from annotations.services import articles_import
from annotations.services.backup import BackupError, backup_restore
from annotations.services.jobs import (
    job_finish,
    job_inputs_clear,
    job_output_append,
    job_outputs_clear,
    job_update,
)
from annotations.services.review_figures import snapshot_refresh
from annotations.services.webhooks import webhooks_notify

logger = logging.getLogger(__name__)


@task()
def import_articles_job(job_id: int) -> dict:
    """Import the uploaded files of a job, each file whole or not at all, with extraction."""
    job = Job.objects.select_related("project").get(pk=job_id)
    inputs = list(job.files.filter(direction=JobFile.Direction.INPUT).values_list("pk", "name"))
    job_update(job, status=Job.Status.RUNNING, total=len(inputs), progress=0)
    created = duplicates = 0
    lines: list[str] = []
    rejected: list[str] = []
    committed: list[str] = []
    try:
        for pk, name in inputs:
            data = bytes(JobFile.objects.values_list("data", flat=True).get(pk=pk))
            # A file's articles and the job's record of it commit together: if the worker dies,
            # the job knows exactly which files are in (see annotations.services.jobs.job_fail).
            with transaction.atomic():
                try:
                    records = parse_bytes(name, data, max_bytes=settings.IMPORT_MAX_BYTES)
                except ImportFileError as exc:
                    rejected.append(str(exc))
                else:
                    report = articles_import(project=job.project, records=records, extract=True)
                    created += len(report.created)
                    duplicates += len(report.duplicates)
                    lines.extend(f"created: {a.title}" for a in report.created)
                    lines.extend(
                        f"skipped as duplicate: {name}, line {r.line}: {r.title}" for r in report.duplicates
                    )
                    committed.append(name)
                job_update(job, progress=job.progress + 1, result={"committed": committed})
        job_inputs_clear(job)
    except Exception as exc:
        logger.exception("import job %s failed", job_id)
        with transaction.atomic():
            job_finish(job, Job.Status.FAILED, f"The import stopped: {exc}")
            _import_finished(job, created=created, duplicates=duplicates, rejected=rejected, committed=committed)
        raise
    result = {"created": created, "duplicates": duplicates, "rejected": rejected, "lines": lines[:500],
              "committed": committed}
    summary = f"{created} created, {duplicates} skipped as duplicate, {len(rejected)} rejected"
    with transaction.atomic():
        job_finish(job, Job.Status.FAILED if rejected and not created else Job.Status.DONE, summary, result)
        _import_finished(job, created=created, duplicates=duplicates, rejected=rejected, committed=committed)
    return result


def _import_finished(job: Job, *, created: int, duplicates: int, rejected: list[str], committed: list[str]) -> None:
    """The project's `import.finished` webhooks: how the job ended (the files committed, if it stopped)."""
    webhooks_notify(job.project_id, Webhook.Event.IMPORT_FINISHED, {
        "job": job.pk, "status": job.status, "summary": job.message, "created": created,
        "duplicates": duplicates, "rejected": rejected, "files": committed})


@task()
def export_job(job_id: int) -> dict:
    """Write a project's export into the job's output chunks, counting the bytes as it goes."""
    job = Job.objects.select_related("project").get(pk=job_id)
    try:
        options = exports.ExportOptions.from_query(job.params, project=job.project)
    except exports.ExportError as exc:
        job_finish(job, Job.Status.FAILED, str(exc))
        return {}
    # total stays 0 while running: the size is unknown until the end; progress counts bytes.
    job_update(job, status=Job.Status.RUNNING, total=0, progress=0)
    try:
        job_outputs_clear(job)
        seq = size = pending = 0
        buffer: list[bytes] = []
        for chunk in exports.iter_export(job.project, options):
            buffer.append(chunk)
            pending += len(chunk)
            if pending >= settings.EXPORT_CHUNK_BYTES:
                size += pending
                job_output_append(job, seq=seq, data=b"".join(buffer), progress=size)
                seq, buffer, pending = seq + 1, [], 0
        if buffer or seq == 0:
            job_output_append(job, seq=seq, data=b"".join(buffer))
            size += pending
    except Exception as exc:
        logger.exception("export job %s failed", job_id)
        job_outputs_clear(job)
        job_finish(job, Job.Status.FAILED, f"The export stopped: {exc}")
        raise
    result = {
        "filename": exports.filename(job.project, options),
        "content_type": exports.CONTENT_TYPES[options.format],
        "bytes": size,
    }
    job_update(job, total=size, progress=size)
    job_finish(job, Job.Status.DONE, f"The export is ready ({size:,} bytes).", result)
    return result


@task()
def restore_backup_job(job_id: int) -> dict:
    """Restore the project backup uploaded with the job into its (empty) project, all or nothing."""
    job = Job.objects.select_related("project").get(pk=job_id)
    job_update(job, status=Job.Status.RUNNING, total=1, progress=0)
    pk, name = job.files.filter(direction=JobFile.Direction.INPUT).values_list("pk", "name").get()
    try:
        text = bytes(JobFile.objects.values_list("data", flat=True).get(pk=pk)).decode("utf-8-sig")
        report = backup_restore(project=job.project, text=text)
    except (BackupError, UnicodeDecodeError) as exc:
        job_inputs_clear(job)
        job_finish(job, Job.Status.FAILED, f"{name}, {exc}; nothing was restored.")
        return {}
    except Exception as exc:
        logger.exception("restore job %s failed", job_id)
        job_inputs_clear(job)
        job_finish(job, Job.Status.FAILED, f"The restore stopped: {exc}; nothing was restored.")
        raise
    job_inputs_clear(job)
    result = {**asdict(report), "committed": [name]}
    summary = (f"restored {report.articles} articles, {report.claims} claims, {report.units} units, "
               f"{report.stances} judgements, {report.resolutions} resolutions, {report.members} members")
    job_update(job, progress=1)
    job_finish(job, Job.Status.DONE, summary, result)
    return result


@task()
def review_snapshot_job(project_id: int) -> dict:
    """Recompute a project's agreement snapshot (queued by the dashboard after changes)."""
    # The figures it replaces are not read (1.3 MB at 100 annotators).
    snapshot = ReviewSnapshot.objects.select_related("project").defer("figures", "page").filter(pk=project_id).first()
    if snapshot is None:  # the project was deleted meanwhile
        return {"project": project_id, "computed": False}
    snapshot = snapshot_refresh(snapshot.project)
    return {"project": project_id, "computed": True, "version": snapshot.version, "seconds": snapshot.seconds}
