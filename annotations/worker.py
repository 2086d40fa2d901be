"""The supervised task worker behind `manage.py worker`.

It is django-tasks' database worker with three additions:

* it carries on through database outages: a lost connection is closed and retried
  with a growing pause (0.5 s doubling up to 30 s) instead of ending the process;
* it writes a heartbeat (`WorkerBeat`) every `BEAT_SECONDS` from a thread of its own,
  so a job can tell a worker that is busy from one that died;
* it sends due webhook deliveries (`annotations.services.webhooks`) from a thread of its
  own, every `settings.WEBHOOK_POLL_SECONDS`, so a slow receiver never holds up a job, and
  trims the delivery log hourly (`settings.WEBHOOK_LOG_DAYS`);
* it ends the jobs of dead workers: a job whose worker's heartbeat is older than
  `settings.WORKER_DEAD_AFTER_SECONDS` is marked failed with a message, its partial
  export removed, its import naming the files committed before the worker died.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connection, connections, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from annotations.models import Job, WorkerBeat
from annotations.services.jobs import job_fail
from annotations.services.webhooks import webhooks_deliver_due, webhooks_prune

logger = logging.getLogger(__name__)

BEAT_SECONDS = 2.0
PRUNE_SECONDS = 3600.0  # how often the webhook delivery log is trimmed
FIRST_PAUSE, MAX_PAUSE = 0.5, 30.0
DB_ERRORS = (DatabaseError, InterfaceError)


def dead_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "WORKER_DEAD_AFTER_SECONDS", 20))


class WorkerLost(RuntimeError):
    """Recorded on a task whose worker died (or lost the database) while running it."""


def _end_task(task: DBTaskResult, reason: str) -> None:
    with transaction.atomic():
        task = DBTaskResult.objects.select_for_update().filter(pk=task.pk, status=TaskResultStatus.RUNNING).first()
        if task is None:  # finished meanwhile
            return
        task.status = TaskResultStatus.FAILED
        task.finished_at = timezone.now()
        task.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
        task.traceback = reason
        task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
        job = Job.objects.select_for_update().filter(task_id=str(task.pk)).first()
        if job is not None and not job.finished:
            job_fail(job, reason)
            logger.warning("job %s ended as failed: %s", job.pk, reason)


def end_orphaned_jobs(*, task_ids=None, stranded=(), reason: str | None = None) -> int:
    """Fail the running tasks (all, or those of `task_ids`) whose worker died; return how many.

    A worker is dead when its heartbeat is older than `dead_after()`. Tasks of workers
    that never wrote a heartbeat (a plain `db_worker`) are left alone. `stranded` names
    tasks this worker gave up on when the database went away under them.
    """
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    if task_ids is not None:
        running = running.filter(pk__in=[t for t in task_ids if t])
    tasks = list(running.only("pk", "worker_ids"))
    if not tasks and not stranded:
        return 0
    owners = {t.worker_ids[-1] for t in tasks if t.worker_ids}
    stale = timezone.now() - dead_after()
    dead = set(WorkerBeat.objects.filter(worker_id__in=owners, beat_at__lt=stale).values_list("worker_id", flat=True))
    ended = 0
    for task in tasks:
        if str(task.pk) in stranded:
            _end_task(task, reason or "the database connection was lost while it ran.")
            ended += 1
        elif task.worker_ids and task.worker_ids[-1] in dead:
            _end_task(task, reason or "the worker running it stopped (it was killed or crashed).")
            ended += 1
    return ended


class SupervisedWorker(Worker):
    """django-tasks' worker, kept alive through database outages, with a heartbeat."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stranded: set[str] = set()
        self._stop = threading.Event()
        self._beat_thread = threading.Thread(target=self._beat_loop, name="worker-beat", daemon=True)
        self._hooks_thread = threading.Thread(target=self._hooks_loop, name="worker-webhooks", daemon=True)

    # Heartbeat and recovery, on the thread's own database connection.

    def beat(self) -> None:
        WorkerBeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"pid": os.getpid(), "host": socket.gethostname()[:255], "beat_at": timezone.now()},
        )

    def _beat_loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.beat()
                end_orphaned_jobs()
                WorkerBeat.objects.filter(beat_at__lt=timezone.now() - timedelta(days=1)).delete()
            except DB_ERRORS as exc:
                logger.warning("worker heartbeat: the database is unreachable (%s); retrying", exc)
                connection.close()
            self._stop.wait(BEAT_SECONDS)
        connection.close()

    def deliver_webhooks(self) -> None:
        while webhooks_deliver_due() and not self._stop.is_set():
            pass  # some were due: there may be more

    def _hooks_loop(self) -> None:
        pruned_at = 0.0
        while not self._stop.is_set():
            try:
                self.deliver_webhooks()
                if time.monotonic() - pruned_at > PRUNE_SECONDS:
                    webhooks_prune()
                    pruned_at = time.monotonic()
            except DB_ERRORS as exc:
                logger.warning("worker webhooks: the database is unreachable (%s); retrying", exc)
                connection.close()
            except Exception:
                logger.exception("worker webhooks: a delivery pass failed")
            self._stop.wait(getattr(settings, "WEBHOOK_POLL_SECONDS", 2.0))
        connection.close()

    # The task loop, restarted after a database error.

    def run_task(self, db_task_result) -> None:
        try:
            super().run_task(db_task_result)
        except DB_ERRORS:
            self.stranded.add(str(db_task_result.pk))
            raise

    def run(self) -> None:
        pause = FIRST_PAUSE
        while self.running:
            started = time.monotonic()
            try:
                if self.stranded:
                    end_orphaned_jobs(task_ids=list(self.stranded), stranded=self.stranded)
                    self.stranded.clear()
                if not self._beat_thread.is_alive():
                    self.beat()  # the first beat before the first claim
                    self._beat_thread.start()
                    if not self.batch:
                        self._hooks_thread.start()
                super().run()
                if self.batch:  # one pass over the due webhook deliveries before the worker ends
                    self.deliver_webhooks()
                    self._stop.set()
                    self._beat_thread.join(timeout=BEAT_SECONDS * 2)
                return
            except DB_ERRORS as exc:
                logger.warning("worker: the database is unreachable (%s); retrying in %.1f s", exc, pause)
                connections.close_all()
                self.startup_delay = False
                if time.monotonic() - started > MAX_PAUSE:  # a new outage after a good spell
                    pause = FIRST_PAUSE
                time.sleep(pause)
                pause = min(MAX_PAUSE, pause * 2)
            finally:
                if not self.running:
                    self._stop.set()
