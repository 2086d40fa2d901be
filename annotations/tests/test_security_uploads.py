"""Uploads on the import page: bounded, typed by content, no client path, no fetching.

The job the page queues is run here in-process (`Task.call`), as the worker would.
"""

from __future__ import annotations

import json
import socket
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from annotations import tasks
from annotations.models import Article, Job, JobFile
from annotations.tests import security_matrix as sm


@pytest.fixture
def lead_client(db):
    world = sm.build_world()
    client = Client()
    client.force_login(world.users["lead"])
    client.world = world
    return client


def upload(client, *files, **extra):
    return client.post(f"/projects/{client.world.project.slug}/import/", {"files": list(files), **extra})


def jsonl(*rows) -> bytes:
    return "\n".join(json.dumps(r) for r in rows).encode()


def good(n: int) -> dict:
    return {"title": f"Upload {n}", "body": f"Text number {n}. The mayor said the bridge is safe.",
            "language": "en", "url": f"http://127.0.0.1:9/fetch-me-{n}"}


def run(job: Job) -> Job:
    tasks.import_articles_job.call(job.pk)
    job.refresh_from_db()
    return job


@override_settings(IMPORT_MAX_FILES=2)
def test_too_many_files_are_refused_whole(lead_client):
    files = [SimpleUploadedFile(f"a{i}.jsonl", jsonl(good(i))) for i in range(3)]
    response = upload(lead_client, *files)
    assert response.status_code == 400
    assert b"at most 2" in response.content
    assert not Job.objects.filter(kind="import").exists()


@override_settings(IMPORT_MAX_BYTES=200)
def test_a_file_over_the_size_limit_is_refused(lead_client):
    big = SimpleUploadedFile("big.jsonl", jsonl(*(good(i) for i in range(10))))
    response = upload(lead_client, big)
    assert response.status_code == 400
    assert b"the limit is 200" in response.content
    assert not Job.objects.filter(kind="import").exists()


def test_the_type_comes_from_the_content_not_the_name(lead_client):
    png = SimpleUploadedFile("article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "text/plain")
    response = upload(lead_client, png)
    assert response.status_code == 400 and b"binary" in response.content
    latin = SimpleUploadedFile("article.jsonl", "caf\xe9".encode("latin-1"), "application/json")
    response = upload(lead_client, latin)
    assert response.status_code == 400 and b"not UTF-8" in response.content
    # JSON lines named .csv are read as JSON lines.
    response = upload(lead_client, SimpleUploadedFile("looks.csv", jsonl(good(1))))
    assert response.status_code == 302
    assert JobFile.objects.get(direction="in").name.endswith(".jsonl")


def test_no_path_from_the_client_is_kept(lead_client):
    response = upload(lead_client, SimpleUploadedFile("../../../etc/cron.d/evil.jsonl", jsonl(good(1))))
    assert response.status_code == 302
    name = JobFile.objects.get(direction="in").name
    assert "/" not in name and "\\" not in name and ".." not in name


def test_urls_in_imported_articles_are_stored_never_fetched(lead_client, monkeypatch):
    fetched = []

    def refuse(*args, **kwargs):
        fetched.append(args)
        raise AssertionError("the import tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    assert upload(lead_client, SimpleUploadedFile("a.jsonl", jsonl(good(1), good(2)))).status_code == 302
    job = run(Job.objects.get(kind="import"))
    assert job.status == "done", job.message
    assert not fetched
    assert Article.objects.filter(url="http://127.0.0.1:9/fetch-me-2").exists()


def test_a_bad_file_is_rejected_whole_naming_its_line(lead_client):
    rows = [good(1), good(2), {"title": "No body", "language": "en"}, good(4)]
    assert upload(lead_client, SimpleUploadedFile("mixed.jsonl", jsonl(*rows))).status_code == 302
    before = Article.objects.count()
    job = run(Job.objects.get(kind="import"))
    assert Article.objects.count() == before  # nothing of the file, not even its good lines
    assert job.result["rejected"] and "line 3" in job.result["rejected"][0], job.result
    page = lead_client.get(f"/jobs/{job.pk}/")
    assert page.status_code == 404 or b"line 3" in page.content  # the job is its uploader's


def test_a_javascript_url_in_an_upload_is_refused(lead_client):
    row = {**good(1), "url": "javascript:alert(1)"}
    assert upload(lead_client, SimpleUploadedFile("x.jsonl", jsonl(row))).status_code == 302
    job = run(Job.objects.get(kind="import"))
    assert not Article.objects.filter(url__startswith="javascript").exists()
    assert "http" in job.result["rejected"][0]


def test_the_import_page_is_for_leads_only(lead_client):
    client = Client()
    client.force_login(lead_client.world.users["annotator"])
    response = client.post(f"/projects/{lead_client.world.project.slug}/import/",
                           {"files": [SimpleUploadedFile("a.jsonl", jsonl(good(1)))]})
    assert response.status_code == 403
    assert not Job.objects.filter(kind="import").exists()
