"""Faults under the real worker process (`manage.py worker`) on the test's PostgreSQL database.

* killed with SIGKILL in the middle of an import and of an export: after a worker runs
  again both jobs end failed with a message, nothing partial is visible, the import names
  the files it committed, and running both again succeeds;
* the database refuses every connection for a few seconds: the worker carries on.

The worker is stopped at a known point without any test hook: the test holds an
uncommitted row with the key the worker is about to insert (the next export chunk, the
next file's article), so PostgreSQL makes the worker wait right there.
"""

from __future__ import annotations

import signal
import time

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from annotations import exports
from annotations.models import Article, Job, JobFile, WorkerBeat, content_hash
from annotations.tests.factories import ArticleFactory, ClaimFactory, StanceFactory, UnitFactory
from annotations.tests.processes import PYTHON, child_env, server_url, start, stop, wait_until

pytestmark = pytest.mark.postgres

DEAD_AFTER = 2


@pytest.fixture
def committed(transactional_db, require_postgres):
    """The worker is another process: the test's data must be committed."""


@pytest.fixture
def worker_factory(committed, tmp_path, settings):
    settings.WORKER_DEAD_AFTER_SECONDS = DEAD_AFTER  # the pages' view of a dead worker, as the worker's
    started = []

    def make(name: str = "worker"):
        env = child_env(server_url() + connection.settings_dict["NAME"],
                        WORKER_DEAD_AFTER_SECONDS=str(DEAD_AFTER), EXPORT_CHUNK_BYTES="300")
        process = start([PYTHON, "manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
                        env, log=tmp_path / f"{name}.log")
        process.log = tmp_path / f"{name}.log"
        started.append(process)
        return process

    yield make
    for process in started:
        stop(process)


def _side_connection():
    return psycopg.connect(server_url() + connection.settings_dict["NAME"])


def _waiting_on_a_lock(conn, table: str) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        " AND query LIKE %s", [f'INSERT INTO "{table}"%'],
    ).fetchone()
    return row[0] > 0


def _job(pk):
    return Job.objects.get(pk=pk)


def _export_data(project, annotator):
    for i in range(12):
        claim = ClaimFactory(article=ArticleFactory(project=project))
        unit = UnitFactory(claim=claim)
        StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="denies",
                      note=f"note {i} " + "x" * 12_000)  # about 150 KB: exports come in 64 KiB pieces


FILES = {
    "first.txt": "The harbour master said the quay was repaired in May.",
    "second.txt": "A council member claimed the ferry timetable will change.",
    "third.txt": "The operator denied that the ferry timetable will change.",
}


def _post_import(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    uploads = [SimpleUploadedFile(name, text.encode()) for name, text in FILES.items()]
    response = client.post(reverse("annotations:import", kwargs={"slug": "huawei"}), {"files": uploads})
    assert response.status_code == 302
    return int(response["Location"].strip("/").split("/")[-1])


def _post_export(client):
    response = client.post(reverse("annotations:export", kwargs={"slug": "huawei"}), {"format": "jsonl"})
    assert response.status_code == 302
    return int(response["Location"].strip("/").split("/")[-1])


def test_a_worker_killed_mid_import_and_mid_export_leaves_failed_jobs_and_nothing_partial(
    worker_factory, client, project, lead, annotator
):
    _export_data(project, annotator)
    client.force_login(lead)
    side = _side_connection()
    watcher = _side_connection()
    watcher.autocommit = True
    try:
        _kill_and_recover(worker_factory, client, project, side, watcher)
    finally:
        side.close()  # an open transaction would hold up the test database's flush
        watcher.close()


def _kill_and_recover(worker_factory, client, project, side, watcher):
    # 1. An import of three files; the second file's article is held by an uncommitted twin.
    import_pk = _post_import(client)
    # Without the count triggers, so the twin holds its key and nothing else.
    side.execute("SET LOCAL session_replication_role = replica")
    side.execute(
        "INSERT INTO annotations_article (project_id, title, body, language, outlet, url, published_precision,"
        " content_hash, created_at) VALUES (%s, 'twin', 'twin', 'en', '', '', '', %s, now())",
        [project.pk, content_hash(FILES["second.txt"])],
    )
    worker = worker_factory("first")
    wait_until(lambda: _waiting_on_a_lock(watcher, "annotations_article"), what="the worker at the second file")
    assert _job(import_pk).status == "running" and _job(import_pk).progress == 1
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    side.rollback()

    # 2. An export of several chunks; the second chunk's place is held the same way.
    export_pk = _post_export(client)
    side.execute("INSERT INTO annotations_jobfile (job_id, direction, seq, name, data) VALUES (%s, 'out', 1, '', '')",
                 [export_pk])
    worker = worker_factory("second")
    wait_until(lambda: _waiting_on_a_lock(watcher, "annotations_jobfile"), what="the worker at its second chunk")
    assert JobFile.objects.filter(job_id=export_pk, direction="out").count() == 1  # a partial file is stored
    assert _job(export_pk).status == "running"
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    side.rollback()

    # 3. The page already tells it, with no worker running, once the heartbeat is stale.
    time.sleep(DEAD_AFTER + 0.5)
    page = client.get(f"/jobs/{export_pk}/")
    assert b'data-status="failed"' in page.content
    assert b"The export stopped: the worker running it stopped" in page.content

    # 4. A new worker ends the import as failed too, naming what was committed.
    worker = worker_factory("third")
    wait_until(lambda: _job(import_pk).finished, what="the import job to end")
    job = _job(import_pk)
    assert job.status == "failed"
    assert job.message == (
        "The import stopped: the worker running it stopped (it was killed or crashed). Files imported before it "
        "stopped (kept whole): first.txt. Not imported: second.txt, third.txt. Import those again; files already "
        "imported are skipped as duplicates."
    )
    assert list(Article.objects.filter(body__in=FILES.values()).values_list("body", flat=True)) == [
        FILES["first.txt"]]
    assert not JobFile.objects.filter(job_id__in=[import_pk, export_pk]).exists()
    assert client.get(f"/jobs/{export_pk}/download/").status_code == 404

    # 5. Running both again succeeds.
    again = _post_import(client)
    wait_until(lambda: _job(again).finished, what="the second import")
    assert _job(again).status == "done"
    assert _job(again).message == "2 created, 1 skipped as duplicate, 0 rejected"
    assert Article.objects.filter(body__in=FILES.values()).count() == 3
    again = _post_export(client)
    wait_until(lambda: _job(again).finished, what="the second export")
    assert _job(again).status == "done"
    body = b"".join(client.get(f"/jobs/{again}/download/").streaming_content)
    expected = b"".join(exports.iter_export(project, exports.ExportOptions.from_query({"format": "jsonl"},
                                                                                     project=project)))
    assert body == expected and JobFile.objects.filter(job_id=again).count() > 2
    assert worker.poll() is None


def test_the_worker_carries_on_through_a_database_outage(worker_factory, client, project, lead, annotator):
    _export_data(project, annotator)
    client.force_login(lead)
    worker = worker_factory()
    wait_until(lambda: WorkerBeat.objects.exists(), what="the worker's heartbeat")
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        mine = cursor.fetchone()[0]  # the test's own connection stays
    with psycopg.connect(server_url() + "postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            # Five seconds without the database: every connection the worker holds is cut,
            # and no new one is let in.
            deadline = time.monotonic() + 5
            cut = 0
            while time.monotonic() < deadline:
                cut += admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
                    [name, mine],
                ).fetchone()[0]
                time.sleep(0.1)
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert cut >= 1
    assert worker.poll() is None, worker.log.read_text()[-3000:]
    assert "the database is unreachable" in worker.log.read_text()
    export_pk = _post_export(client)
    wait_until(lambda: _job(export_pk).finished, timeout=90, what="an export after the outage")
    assert _job(export_pk).status == "done"
    assert worker.poll() is None
