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
