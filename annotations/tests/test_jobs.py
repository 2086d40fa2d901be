"""Background import and export jobs, run by the real database task worker."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from annotations import exports
from annotations.models import Article, Job, JobFile


@pytest.fixture
def committed(transactional_db):
    """The worker closes its database connection, so its tests commit their data."""


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def import_url(slug="huawei"):
    return reverse("annotations:import", kwargs={"slug": slug})


def export_url(slug="huawei"):
    return reverse("annotations:export", kwargs={"slug": slug})


JSONL = (
    json.dumps({"title": "Dike leaks", "body": "The city said the dike leaks. The firm denied it.",
                "published": "2024-03", "language": "en"}) + "\n"
    + json.dumps({"title": "Second", "body": "A minister claimed the plan works.", "language": "en"}) + "\n"
)


def test_import_page_is_for_leads_only(client, project, lead, annotator, outsider):
    client.force_login(lead)
    response = client.get(import_url())
    assert response.status_code == 200
    assert b'name="files"' in response.content and b'name="text"' in response.content
    client.force_login(annotator)
    assert client.get(import_url()).status_code == 403
    client.force_login(outsider)
    assert client.get(import_url()).status_code == 404


def test_uploaded_files_are_imported_by_the_worker_with_progress(committed, client, project, lead):
    client.force_login(lead)
    # The type comes from the content: JSON lines named .csv are read as JSONL.
    upload = SimpleUploadedFile("articles.csv", JSONL.encode(), content_type="text/csv")
    response = client.post(import_url(), {"files": [upload], "text": "date 2019-05 De AIVD wil niet reageren."})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.status, job.total) == ("import", "queued", 2)
    assert sorted(job.files.values_list("name", flat=True)) == ["articles.jsonl", "pasted.txt"]
    assert Article.objects.count() == 0
    page = client.get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert b'hx-trigger="every 1s"' in page.content and b"<html" not in page.content
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.progress, job.total) == ("done", 2, 2)
    assert job.message == "3 created, 0 skipped as duplicate, 0 rejected"
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "De AIVD wil niet reageren.", "Dike leaks", "Second"]
    assert not job.files.exists()  # uploads are dropped once imported
    page = client.get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert b"hx-trigger" not in page.content
    assert b'data-status="done"' in page.content and b"created: Dike leaks" in page.content


def test_a_bad_file_is_rejected_whole_and_named_while_others_import(committed, client, project, lead):
    client.force_login(lead)
    bad = SimpleUploadedFile("bad.jsonl", (JSONL.splitlines()[0] + "\n{broken\n").encode())
    good = SimpleUploadedFile("good.txt", b"The union said the talks failed.")
    client.post(import_url(), {"files": [bad, good]})
    run_worker()
    job = Job.objects.get()
    assert job.status == "done"
    assert job.result["rejected"] == ["bad.jsonl, line 2: not valid JSON (Expecting property name enclosed "
                                      "in double quotes)"]
    assert list(Article.objects.values_list("title", flat=True)) == ["The union said the talks failed."]


def test_binary_and_oversized_uploads_are_refused_before_any_job(client, project, lead, settings):
    settings.IMPORT_MAX_BYTES = 200
    settings.IMPORT_MAX_FILES = 2
    client.force_login(lead)
    response = client.post(import_url(), {"files": [SimpleUploadedFile("x.txt", b"\x89PNG\r\n\x00\x00")]},
                           headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert b"x.txt: the file is binary, not text." in response.content and b"<html" not in response.content
    response = client.post(import_url(), {"files": [SimpleUploadedFile("big.txt", b"a" * 201)]})
    assert b"big.txt: 201 bytes; the limit is 200." in response.content
    files = [SimpleUploadedFile(f"{i}.txt", b"text") for i in range(3)]
    response = client.post(import_url(), {"files": files})
    assert b"3 files: at most 2 at once." in response.content
    assert client.post(import_url(), {}).status_code == 400
    assert Job.objects.count() == 0 and JobFile.objects.count() == 0


def test_export_job_writes_the_file_the_page_downloads(committed, client, project, annotator, annotator2, lead):
    from annotations.tests.factories import ArticleFactory, ClaimFactory, StanceFactory, UnitFactory

    claim = ClaimFactory(article=ArticleFactory(project=project))
    unit = UnitFactory(claim=claim)
    StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="denies")
    client.force_login(lead)  # in blind mode (the default) only leads export the judgements
    assert client.get(export_url()).status_code == 200
    response = client.post(export_url(), {"format": "csv", "status": "open", "bom": "1"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 202 and b'hx-trigger="every 1s"' in response.content
    job = Job.objects.get()
    assert job.params["status"] == "open"
    run_worker()
    job.refresh_from_db()
    assert job.status == "done" and job.result["filename"] == "huawei-stances.csv"
    download = client.get(f"/jobs/{job.pk}/download/")
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    expected = b"".join(exports.iter_export(project, exports.ExportOptions.from_query(
        {"format": "csv", "status": "open", "bom": "1"}, project=project)))
    assert body == expected and body.startswith(exports.BOM)
    # Only the job's owner sees it.
    client.force_login(annotator2)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_a_lead_demoted_in_a_blind_project_no_longer_downloads_an_earlier_export(committed, client, project, lead):
    from annotations.models import Membership

    client.force_login(lead)
    client.post(export_url(), {"format": "csv"})
    run_worker()
    job = Job.objects.get()
    assert job.status == "done"
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 200
    Membership.objects.filter(project=project, user=lead).update(role=Membership.Role.ANNOTATOR)
    response = client.get(f"/jobs/{job.pk}/download/")
    assert response.status_code == 403  # the same answer as the API export gives them now
    project.blind = False
    project.save(update_fields=["blind"])
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 200  # without blind mode, members export


def test_export_page_refuses_bad_options_and_outsiders(client, project, annotator, outsider, lead):
    client.force_login(annotator)
    assert client.post(export_url(), {"format": "csv"}).status_code == 403  # blind mode
    client.force_login(lead)
    response = client.post(export_url(), {"format": "xls"}, headers={"HX-Request": "true"})
    assert response.status_code == 400 and b"Unknown format &#x27;xls&#x27;" in response.content
    assert Job.objects.count() == 0
    client.force_login(outsider)
    assert client.get(export_url()).status_code == 404
    assert client.post(export_url(), {"format": "csv"}).status_code == 404


@pytest.mark.parametrize("backend", ["django_tasks.backends.immediate.ImmediateBackend"])
def test_import_runs_inline_with_the_immediate_backend(client, project, lead, settings, backend):
    settings.TASKS = {"default": {"BACKEND": backend}}
    client.force_login(lead)
    client.post(import_url(), {"text": "The mayor said the bridge is safe."})
    job = Job.objects.get()
    assert job.status == "done" and Article.objects.count() == 1
