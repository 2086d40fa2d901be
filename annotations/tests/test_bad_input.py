"""Bad input gets a clear error naming what is wrong, and nothing is half-imported or lost."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annotations.importers import ImportFileError, parse_bytes
from annotations.models import Article, Job
from annotations.tests.factories import ArticleFactory
from annotations.tests.http import api_call

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def import_url():
    return reverse("annotations:import", kwargs={"slug": "huawei"})


@pytest.mark.parametrize("name, content", [
    ("articles.csv", b"name,text,date\nA,The mayor said the bridge is safe.,2024-05-01\n"),
    # Named .txt, but a header over rows of as many cells: a spreadsheet export all the same.
    ("export.txt", b"headline,content,when\nA,The mayor said so.,2024\nB,The firm denied it.,2023\n"),
    ("typo.csv", b"title,body,publised\nA,The mayor said so.,2024-05-01\n"),
])
def test_a_csv_with_wrong_columns_is_refused_naming_them(client, project, lead, settings, name, content):
    settings.TASKS = IMMEDIATE
    client.force_login(lead)
    response = client.post(import_url(), {"files": [SimpleUploadedFile(name, content)]})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{name}, line 1: the CSV&#x27;s columns are" in page
    assert "expected a &#x27;body&#x27; column and only these: title, body, published, outlet, url, language" in page
    assert not Job.objects.exists() and not Article.objects.exists()


def test_prose_with_commas_is_still_an_article(client, project, lead, settings):
    settings.TASKS = IMMEDIATE
    client.force_login(lead)
    text = b"The mayor, who spoke first, said the bridge is safe.\nThe builder, asked later, denied it.\n"
    client.post(import_url(), {"files": [SimpleUploadedFile("note.txt", text)]})
    assert Job.objects.get().status == "done" and Article.objects.count() == 1


def test_a_deeply_nested_jsonl_line_is_refused_with_its_line_number(client, project, lead, settings):
    deep = b'{"title": "x", "body": "y", "extra": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    data = b'{"title": "Fine", "body": "The mayor said so."}\n' + deep + b"\n"
    with pytest.raises(ImportFileError) as caught:
        parse_bytes("deep.jsonl", data, max_bytes=10**6)
    assert str(caught.value).startswith("deep.jsonl, line 2: the JSON nests more than 20 levels deep")
    # The page's import says the same, and imports nothing of that file.
    settings.TASKS = IMMEDIATE
    client.force_login(lead)
    client.post(import_url(), {"files": [SimpleUploadedFile("deep.jsonl", data)]})
    job = Job.objects.get()
    assert job.result["rejected"][0].startswith("deep.jsonl, line 2: the JSON nests more than 20 levels deep")
    assert not Article.objects.exists()
    # Brackets inside strings are text, not nesting.
    ok = b'{"title": "Brackets", "body": "' + b"[" * 100 + b' were typed."}\n'
    assert parse_bytes("ok.jsonl", ok, max_bytes=10**6)[0].title == "Brackets"


def test_pasted_text_over_the_limit_gets_a_page_that_says_so(client, project, lead, settings):
    settings.IMPORT_MAX_BYTES = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    client.force_login(lead)
    response = client.post(import_url(), {"text": "word " * 300})  # 1,500 bytes: the form says it
    assert response.status_code == 400
    assert "The pasted text is over 1,000 bytes." in response.content.decode()
    assert 'name="text"' in response.content.decode()
    response = client.post(import_url(), {"text": "word " * 2000})  # 10,000 bytes: refused before the view
    page = response.content.decode()
    assert response.status_code == 413
    assert "larger than this site accepts in one form (2,000 bytes)" in page
    assert "at most 1,000 bytes; upload a longer one as a file" in page
    assert 'class="site-header"' in page  # the site's own page, not a bare error
    assert not Job.objects.exists()


@pytest.mark.parametrize("cursor", [
    base64.b64encode(b"p=abc").decode(),
    base64.b64encode(b"p=1;DROP").decode(),
    base64.b64encode(b"o=-5&p=1").decode(),
    "%%%not-base64",
    "w6k=",  # valid base64 of non-ASCII bytes
    base64.b64encode(b"p=" + b"9" * 40).decode(),
])
def test_a_forged_api_cursor_is_a_400(live_server, project, annotator, cursor):
    ArticleFactory(project=project)
    status, body = api_call(live_server.url, f"/api/v1/articles/?cursor={cursor}", user=annotator)
    assert status == 400, body
    assert body == {"cursor": ["Invalid cursor."]}
    status, body = api_call(live_server.url, "/api/v1/articles/", user=annotator)
    assert status == 200 and len(body["results"]) == 1


def test_a_nul_in_a_claims_new_text_is_a_400_that_changes_nothing(client, project, lead):
    """PostgreSQL text refuses NUL: the claim text form answered 500 (found by posting hostile values
    to every form); now the page says what is wrong and the claim keeps its text."""
    from annotations.models import History
    from annotations.tests.factories import ClaimFactory, UnitFactory

    unit = UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=project)))
    url = reverse("annotations:claim-text", args=[project.slug, unit.claim.article_id, unit.claim_id])
    old = unit.claim.text
    client.force_login(lead)
    for headers in ({}, {"HX-Request": "true"}):
        answer = client.post(url, {"text": "The harbour\x00 plan"}, headers=headers)
        assert answer.status_code == 400
        assert "NUL character" in answer.content.decode()
    unit.claim.refresh_from_db()
    assert unit.claim.text == old and not History.objects.filter(kind="claim").exists()
    # The service refuses it too, whoever calls it.
    from django.core.exceptions import ValidationError

    from annotations import services

    with pytest.raises(ValidationError, match="Null characters are not allowed."):
        services.claim_text_set(claim=unit.claim, text="The harbour\x00 plan", user=lead)


def test_a_nul_in_the_username_of_a_token_request_is_a_400(live_server, lead):
    """axes looked the name up before the serializer saw it: a 500 from PostgreSQL (found by the
    schema test with 300 examples)."""
    status, body = api_call(live_server.url, "/api/v1/auth/token/", None, "POST",
                            {"username": f"{lead.username}\x00", "password": "whatever"})
    assert status == 400 and body == {"username": ["Null characters are not allowed."]}


@pytest.mark.django_db
def test_a_username_longer_than_any_account_is_a_form_error_not_a_server_error(client, live_server):
    """Django's sign-in form left the username's length to the browser: a 300-character name reached
    the failed-login record (255 characters) and answered 500, on the page and the token endpoint."""
    page = client.post("/accounts/login/", {"username": "a" * 300, "password": "x"})
    assert page.status_code == 200
    assert "Your username and password didn" in page.content.decode()  # the page's one sign-in error
    status, body = api_call(live_server.url, "/api/v1/auth/token/", None, "POST",
                            {"username": "a" * 300, "password": "x"})
    assert status == 400 and list(body) == ["username"], body


@pytest.mark.django_db
def test_an_api_body_the_server_cannot_parse_is_answered_by_the_api_in_json(client, project, lead):
    """The NUL check of page forms leaves the API's bodies to the API: a multipart body without a
    boundary is DRF's 415 in JSON, not the HTML error page of a form Django failed to parse."""
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=lead).key
    answer = client.generic("POST", f"/api/v1/projects/{project.slug}/import/", b"garbage",
                            content_type="multipart/form-data", HTTP_AUTHORIZATION=f"Token {token}")
    assert answer.status_code == 415 and answer.headers["Content-Type"] == "application/json"
