"""The agreement dashboard's figures: the latest snapshot now, a fresh one in the background.

Agreement coefficients need every judgement of the project at once (seconds at 1M), so
they are kept in a `ReviewSnapshot` with the project version they describe. A lead's
request after a change is served the snapshot, told how fresh it is, and the task worker
is asked for a new one (once per burst: `requested_at` marks a request in the queue, and
a new one waits until the last is `REVIEW_SNAPSHOT_INTERVAL_SECONDS` old).
The counts around them (judgements per annotator, agreement with the settled units,
progress per day) are read fresh from the tables the triggers keep. With no live worker
(`make run` without one, tests) the snapshot is recomputed in the request, as before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from annotations import review, review_pairs, review_version
from annotations.models import Project, ReviewSnapshot, WorkerBeat

# A request older than this whose task never ran (a worker restarted, say) is made again.
REQUEST_EXPIRES = timedelta(minutes=10)


@dataclass(frozen=True)
class AgreementFigures:
    """What the dashboard shows, and how fresh the coefficients are."""

    page: dict  # the report as the dashboard shows it, and the medians (`page_of`)
    dashboard: dict
    computed_at: datetime
    changes_since: int  # judgement and resolution changes since the snapshot (0: current)
    updating: bool  # a newer snapshot is being computed

    @property
    def current(self) -> bool:
        return self.changes_since == 0


def _changes_between(old: str, new: str) -> int:
    """How many judgement and resolution changes lie between two versions (PostgreSQL counts
    them; elsewhere a version names the newest change, so only "some" is known: 1)."""
    if old == new:
        return 0
    if connection.vendor != "postgresql":
        return 1
    return max(int(new.split(".")[0]) - int(old.split(".")[0]), 1)


def worker_alive() -> bool:
    """Whether a task worker has beaten recently enough to pick up a request."""
    from annotations.worker import dead_after  # the worker module loads django-tasks' worker

    return WorkerBeat.objects.filter(beat_at__gte=timezone.now() - dead_after()).exists()


def snapshot_refresh(project: Project, version: str | None = None) -> ReviewSnapshot:
    """Compute the project's agreement figures and store them with the version they describe.

    The version is read first (or given, read just before): a change made while the figures
    are computed leaves the snapshot behind it, so the next request asks again. One upsert
    stores it, whether or not the project had a snapshot.
    """
    if version is None:
        version = review_version.project_version(project)
    began = time.perf_counter()
    figures = review.snapshot_figures(project)
    snapshot = ReviewSnapshot(project=project, version=version, figures=figures, page=page_of(figures),
                              computed_at=timezone.now(), seconds=time.perf_counter() - began, requested_at=None)
    ReviewSnapshot.objects.bulk_create(
        [snapshot], update_conflicts=True, unique_fields=["project"],
        update_fields=["version", "figures", "page", "computed_at", "seconds", "requested_at"],
    )
    return snapshot


def page_of(figures: dict, *, all_pairs: bool = False) -> dict:
    """What the dashboard shows of a snapshot's figures: the report's page summary and the medians."""
    return {**review_pairs.page_summary(figures["report"], show_all=all_pairs), "medians": figures["medians"]}


def snapshot_request(snapshot: ReviewSnapshot) -> bool:
    """Queue a recomputation unless one is queued already (True when this call queued it)."""
    from annotations.tasks import review_snapshot_job  # tasks import the services

    now = timezone.now()
    # One statement claims the request: of two concurrent requests only one updates the row.
    claimed = (
        ReviewSnapshot.objects.filter(pk=snapshot.pk)
        .exclude(requested_at__gte=now - REQUEST_EXPIRES)
        .update(requested_at=now)
    )
    if claimed:
        transaction.on_commit(lambda: review_snapshot_job.enqueue(snapshot.pk))
    if claimed:
        snapshot.requested_at = now
    return bool(claimed)


def agreement_figures(project: Project, *, all_pairs: bool = False) -> AgreementFigures:
    """The dashboard's figures: counts fresh, coefficients from the latest snapshot.

    Three queries when the snapshot is current (the version, the snapshot, the counts); after
    a change one more to see that a worker is alive, and two to queue the recomputation unless
    one is queued or the last one is younger than REVIEW_SNAPSHOT_INTERVAL_SECONDS. The first
    request of a project, and any request after a change while no
    worker is alive, computes the snapshot itself.

    Of the snapshot only the column the page shows is read (the whole figures, with every
    pair, when `all_pairs`): at 100 annotators the report is 1.3 MB of JSON, which PostgreSQL
    decompressed (12 ms) and Python parsed (25 ms) on every visit; the page column is 20 KB.
    """
    version = review_version.project_version(project)
    snapshots = ReviewSnapshot.objects.filter(project=project)
    snapshot = (snapshots if all_pairs else snapshots.defer("figures")).first()
    if snapshot is None or (snapshot.version != version and not worker_alive()):
        snapshot = snapshot_refresh(project, version)
    elif snapshot.version != version and not _queued(snapshot) and _due(snapshot):
        snapshot_request(snapshot)
    if all_pairs or snapshot.page is None:  # every pair, or a snapshot kept before it had a page
        page = page_of(snapshot.figures, all_pairs=all_pairs)
    else:
        page = snapshot.page
    return AgreementFigures(
        page=page,
        dashboard=review.dashboard(project, page["medians"]),
        computed_at=snapshot.computed_at,
        changes_since=_changes_between(snapshot.version, version),
        updating=snapshot.requested_at is not None,
    )


def agreement_report(project: Project) -> dict:
    """The project's agreement report, always current (the API): the snapshot
    when nothing changed since it, otherwise computed now and kept as the new snapshot."""
    version = review_version.project_version(project)
    snapshot = ReviewSnapshot.objects.filter(project=project, version=version).first()
    if snapshot is None:
        snapshot = snapshot_refresh(project, version)
    return _keys_sorted(snapshot.figures["report"])


def _keys_sorted(value):
    """The same answer in the same order whether just computed or read back from jsonb
    (which keeps keys in an order of its own)."""
    if isinstance(value, dict):
        return {key: _keys_sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_keys_sorted(item) for item in value]
    return value


def _due(snapshot: ReviewSnapshot) -> bool:
    """Whether the last computation is old enough for another (a burst of changes waits)."""
    interval = timedelta(seconds=settings.REVIEW_SNAPSHOT_INTERVAL_SECONDS)
    return snapshot.computed_at <= timezone.now() - interval


def _queued(snapshot: ReviewSnapshot) -> bool:
    return snapshot.requested_at is not None and snapshot.requested_at >= timezone.now() - REQUEST_EXPIRES
