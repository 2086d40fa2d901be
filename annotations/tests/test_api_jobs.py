"""Bulk import over real HTTP: `POST /api/v1/projects/{slug}/import/` and `GET /api/v1/jobs/{id}/`."""

from __future__ import annotations

import json

import pytest
from urllib3 import encode_multipart_formdata

from annotations.models import Article, Job
from annotations.tests.test_api import http, token_for  # noqa: F401 - the live HTTP client fixture
from annotations.tests.test_jobs import run_worker

pytestmark = pytest.mark.usefixtures("fresh_cache")

ARTICLES = [
    {"title": "Dike", "body": "The water board said the dike leaks. The builder denied that the dike leaks.",
     "language": "en", "published": "2024-03"},
    {"body": "Volgens de burgemeester is de brug onveilig. De aannemer ontkent dat de brug onveilig is."},
]


def import_path(slug="huawei"):
    return f"/api/v1/projects/{slug}/import/"


def test_json_articles_are_imported_by_the_worker_and_the_job_reports_progress(http, project, lead):  # noqa: F811
    token = token_for(lead)
    status, headers, body = http("POST", import_path(), token=token, data={"articles": ARTICLES})
    job = json.loads(body)
    assert status == 202, body
    assert headers["Location"].endswith(f"/api/v1/jobs/{job['id']}/")
    assert (job["kind"], job["status"], job["project"]) == ("import", "queued", "huawei")
    assert Article.objects.count() == 0  # nothing before the worker runs

    run_worker()

    status, job = http.json("GET", f"/api/v1/jobs/{job['id']}/", token=token)
    assert status == 200
    assert job["status"] == "done", job
    assert (job["progress"], job["total"]) == (1, 1)
    assert job["result"]["created"] == 2
    articles = {a.title: a for a in Article.objects.all()}
    assert articles["Dike"].language == "en" and str(articles["Dike"].published) == "2024-03-01"
    dutch = next(a for a in articles.values() if a.title != "Dike")
    assert dutch.language == "nl"  # detected, as on every other door
    # Extracted like a page import: claims with the sources that take a stance on them.
    assert all(a.claims.exists() for a in articles.values())

    # The same articles again are skipped as duplicates, not stored twice.
    status, _headers, body = http("POST", import_path(), token=token, data={"articles": ARTICLES})
    run_worker()
    again = json.loads(body)
    status, again = http.json("GET", f"/api/v1/jobs/{again['id']}/", token=token)
    assert (again["status"], again["result"]["created"], again["result"]["duplicates"]) == ("done", 0, 2)
    assert Article.objects.count() == 2


def test_a_bad_article_answers_400_naming_it_and_no_job_is_made(http, project, lead):  # noqa: F811
    articles = [ARTICLES[0], {"body": "Text.", "url": "ftp://example.org/x"}, {"title": "no body"}]
    status, body = http.json("POST", import_path(), token=token_for(lead), data={"articles": articles})
    assert status == 400
    assert body == {"articles": {"2": {"body": ["This field is required."]}}}  # the item and its field
    assert Job.objects.count() == 0

    status, body = http.json("POST", import_path(), token=token_for(lead),
                             data={"articles": [ARTICLES[0], {"body": "Text.", "url": "ftp://example.org/x"}]})
    assert status == 400
    assert body == {"articles[1]": ["url 'ftp://example.org/x' must start with http:// or https://"]}
    assert Job.objects.count() == 0 and Article.objects.count() == 0

    status, body = http.json("POST", import_path(), token=token_for(lead), data={"articles": []})
    assert status == 400 and Job.objects.count() == 0


def test_files_are_imported_as_multipart(http, project, lead):  # noqa: F811
    jsonl = "\n".join(json.dumps(a) for a in ARTICLES).encode()
    csv_text = b"title,body\nRoad,The council said the road is closed.\n"
    body, content_type = encode_multipart_formdata([
        ("files", ("articles.txt", jsonl, "text/plain")),  # the type comes from the content: JSONL
        ("files", ("roads.csv", csv_text, "text/csv")),
    ])
    status, headers, answer = http("POST", import_path() + "files/", token=token_for(lead), body=body,
                                   headers={"Content-Type": content_type})
    assert status == 202, answer
    run_worker()
    job = Job.objects.get()
    assert job.status == "done" and job.result["created"] == 3
    assert sorted(job.result["committed"]) == ["articles.jsonl", "roads.csv"]


def test_a_bad_file_answers_400_with_its_line(http, project, lead):  # noqa: F811
    bad = b'{"body": "fine"}\n{"body": 5}\n'
    body, content_type = encode_multipart_formdata([("files", ("bad.jsonl", bad, "application/x-ndjson"))])
    status, _headers, answer = http("POST", import_path() + "files/", token=token_for(lead), body=body,
                                    headers={"Content-Type": content_type})
    assert status == 400
    assert json.loads(answer) == {"files": ["bad.jsonl, line 2: field 'body' must be text"]}
    assert Job.objects.count() == 0


def test_only_leads_import_and_only_the_owner_reads_a_job(http, project, lead, annotator, outsider):  # noqa: F811
    status, _ = http.json("POST", import_path(), token=token_for(annotator), data={"articles": ARTICLES})
    assert status == 403
    status, _ = http.json("POST", import_path(), token=token_for(outsider), data={"articles": ARTICLES})
    assert status == 404
    status, job = http.json("POST", import_path(), token=token_for(lead), data={"articles": ARTICLES})
    assert status == 202
    for user in (annotator, outsider):
        status, _ = http.json("GET", f"/api/v1/jobs/{job['id']}/", token=token_for(user))
        assert status == 404


def _restore(http, slug, token, text: bytes, name="rich.jsonl"):  # noqa: F811
    body, content_type = encode_multipart_formdata([("backup", (name, text, "application/x-ndjson"))])
    return http("POST", f"/api/v1/projects/{slug}/restore/", token=token, body=body,
                headers={"Content-Type": content_type})


def test_a_backup_is_restored_through_the_api_as_a_job(http, tmp_path, require_postgres):  # noqa: F811
    from annotations.models import Membership, Project
    from annotations.services import membership_add, project_create
    from annotations.tests.test_backup_roundtrip import backup_text, formerly_dropped, rich_project

    source = rich_project()
    text = backup_text(source, tmp_path)
    target = project_create(slug="restored", name="Restored")
    admin = membership_add(project=target, username="restorer", role=Membership.Role.ADMIN)[0].user
    lead = membership_add(project=target, username="lead-only", role=Membership.Role.LEAD)[0].user

    status, _headers, body = _restore(http, "restored", token_for(lead), text.encode())
    assert status == 403  # a restore rewrites settings and members: the project's admins only
    status, _headers, body = _restore(http, "restored", token_for(admin), b'{"type": "article"}\nnot json\n')
    assert status == 400 and b"line" in body
    status, headers, body = _restore(http, "restored", token_for(admin), text.encode())
    assert status == 202, body
    job = json.loads(body)
    run_worker()
    status, job = http.json("GET", f"/api/v1/jobs/{job['id']}/", token=token_for(admin))
    assert job["status"] == "done", job
    assert job["result"]["articles"] == 3 and job["result"]["stances"] == 4
    restored = Project.objects.get(slug="restored")
    got, expected = formerly_dropped(restored), formerly_dropped(source)
    # The target keeps its own members beside the backup's (docs/backup.md).
    assert set(got.pop("memberships")) == set(expected.pop("memberships")) | {
        ("restorer", "admin"), ("lead-only", "lead")}
    assert got == expected

    # Not into a project that already holds work: 409, and no job.
    jobs = len(Project.objects.get(slug="restored").jobs.all())
    status, _headers, body = _restore(http, "restored", token_for(admin), text.encode())
    assert status == 409 and len(Project.objects.get(slug="restored").jobs.all()) == jobs
