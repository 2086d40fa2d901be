"""Background jobs (imports and exports): starting them, their progress, their end.

Pages, the API and the tasks write a Job through these; the tasks do the work itself.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from annotations.exports import ExportOptions
from annotations.models import Job, JobFile, Project


def _enqueue(job: Job, task) -> Job:
    result = task.enqueue(job.pk)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])
    return job


def job_import_start(*, project: Project, user, files: list[tuple[str, bytes]]) -> Job:
    """Queue an import of `files` (name, checked content) into `project`; the worker runs it."""
    from annotations import tasks  # the tasks call these services; imported here to break the circle

    with transaction.atomic():
        job = Job.objects.create(project=project, user=user, kind=Job.Kind.IMPORT, total=len(files))
        JobFile.objects.bulk_create(
            JobFile(job=job, direction=JobFile.Direction.INPUT, seq=i, name=name, data=data)
            for i, (name, data) in enumerate(files)
        )
        return _enqueue(job, tasks.import_articles_job)


def job_restore_start(*, project: Project, user, name: str, data: bytes) -> Job:
    """Queue the restore of a project backup (JSONL) into `project`, which must be empty."""
    from annotations import tasks  # the tasks call these services; imported here to break the circle

    with transaction.atomic():
        job = Job.objects.create(project=project, user=user, kind=Job.Kind.IMPORT, total=1,
                                 params={"mode": "restore"})
        JobFile.objects.create(job=job, direction=JobFile.Direction.INPUT, seq=0, name=name, data=data)
        return _enqueue(job, tasks.restore_backup_job)


def export_params(options: ExportOptions) -> dict[str, str]:
    """The options as the job keeps them: the query string `ExportOptions.from_query` reads back."""
    return {
        "format": options.format, "layout": options.layout, "status": options.status, "label": options.label,
        "article": str(options.article or ""), "bom": "1" if options.bom else "", "dialect": options.dialect,
        "published_from": options.published_from.isoformat() if options.published_from else "",
        "published_to": options.published_to.isoformat() if options.published_to else "",
    }


def job_export_start(*, project: Project, user, options: ExportOptions) -> Job:
    """Queue an export of `project` with `options`; the worker writes the file in chunks."""
    from annotations import tasks  # the tasks call these services; imported here to break the circle

    with transaction.atomic():
        job = Job.objects.create(project=project, user=user, kind=Job.Kind.EXPORT, params=export_params(options))
        return _enqueue(job, tasks.export_job)


def job_update(job: Job, **changes) -> None:
    """Record progress (or any other field) of a running job."""
    for name, value in changes.items():
        setattr(job, name, value)
    job.save(update_fields=list(changes))


def job_finish(job: Job, status: str, message: str, result: dict | None = None) -> None:
    job_update(job, status=status, message=message, result=result or job.result, finished_at=timezone.now())


def job_inputs_clear(job: Job) -> None:
    """The uploads are not needed once imported (or once the import has ended)."""
    job.files.filter(direction=JobFile.Direction.INPUT).delete()


def job_outputs_clear(job: Job) -> None:
    job.files.filter(direction=JobFile.Direction.OUTPUT).delete()


def job_output_append(job: Job, *, seq: int, data: bytes, progress: int | None = None) -> None:
    """Store one chunk of an export's file; `progress` (bytes so far) shows on the job's page."""
    JobFile.objects.create(job=job, direction=JobFile.Direction.OUTPUT, seq=seq, data=data)
    if progress is not None:
        Job.objects.filter(pk=job.pk).update(progress=progress)


def job_fail(job: Job, reason: str) -> None:
    """End a job that cannot finish: failed, with a message; nothing partial left visible."""
    job_outputs_clear(job)
    if job.kind == Job.Kind.EXPORT:
        message = f"The export stopped: {reason} Nothing was kept; start the export again."
        result: dict = {}
    else:
        committed = list((job.result or {}).get("committed", []))
        inputs = list(job.files.filter(direction=JobFile.Direction.INPUT).values_list("name", flat=True))
        left = [name for name in inputs if name not in committed]
        job_inputs_clear(job)
        done = ", ".join(committed) if committed else "none"
        rest = ", ".join(left) if left else "none"
        message = (
            f"The import stopped: {reason} Files imported before it stopped (kept whole): {done}. "
            f"Not imported: {rest}. Import those again; files already imported are skipped as duplicates."
        )
        result = {**(job.result or {}), "committed": committed, "not_imported": left}
    job_finish(job, Job.Status.FAILED, message, result)
