"""Named API tokens and service accounts, over real HTTP."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from annotations.models import ApiToken, Membership
from annotations.tests.factories import ArticleFactory, ClaimFactory, UnitFactory
from annotations.tests.http import api_call

pytestmark = pytest.mark.usefixtures("fresh_cache")


def call(base, path, key, method="GET", data=None):
    """api_call with a given key instead of the user's classic token."""
    import json
    import urllib.error
    import urllib.request

    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(base + path, data=body, method=method)
    request.add_header("Authorization", f"Token {key}")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_several_named_tokens_revocable_expiring_and_read_only(live_server, project, annotator):
    base = live_server.url
    status, full = api_call(base, "/api/v1/auth/tokens/", annotator, "POST", {"name": "laptop"})
    assert status == 201 and full["key"].startswith("ct_") and not full["read_only"]
    status, reader = api_call(base, "/api/v1/auth/tokens/", annotator, "POST", {"name": "dashboard", "read_only": True})
    assert status == 201
    assert api_call(base, "/api/v1/auth/tokens/", annotator, "POST", {"name": "laptop"})[0] == 400  # name in use
    assert not ApiToken.objects.filter(key_hash__contains=full["key"][3:13]).exists()  # only a digest is stored

    status, page = call(base, "/api/v1/auth/tokens/", full["key"])
    assert status == 200 and [t["name"] for t in page["results"]] == ["laptop", "dashboard"]
    assert all("key" not in t for t in page["results"])

    unit = UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=project)))
    judgement = {"claim": unit.claim_id, "source": unit.source_id, "label": "alleges"}
    assert call(base, "/api/v1/projects/", reader["key"])[0] == 200
    status, body = call(base, "/api/v1/stances/", reader["key"], "POST", judgement)
    assert status == 403 and "read-only" in body["detail"]
    assert call(base, "/api/v1/stances/", full["key"], "POST", judgement)[0] == 201

    assert api_call(base, f"/api/v1/auth/tokens/{full['id']}/", annotator, "DELETE")[0] == 204
    assert call(base, "/api/v1/projects/", full["key"])[0] == 401
    revoked = call(base, "/api/v1/auth/tokens/", reader["key"])[1]["results"][0]
    assert revoked["name"] == "laptop" and revoked["revoked_at"]

    ApiToken.objects.filter(pk=reader["id"]).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert call(base, "/api/v1/projects/", reader["key"])[0] == 401
    assert call(base, "/api/v1/projects/", "ct_forged")[0] == 401
    past = (timezone.now() - dt.timedelta(days=1)).isoformat()
    assert api_call(base, "/api/v1/auth/tokens/", annotator, "POST", {"name": "old", "expires_at": past})[0] == 400


def test_one_cannot_revoke_anothers_token(live_server, project, annotator, annotator2):
    status, theirs = api_call(live_server.url, "/api/v1/auth/tokens/", annotator2, "POST", {"name": "mine"})
    assert api_call(live_server.url, f"/api/v1/auth/tokens/{theirs['id']}/", annotator, "DELETE")[0] == 404
    assert call(live_server.url, "/api/v1/projects/", theirs["key"])[0] == 200


def test_a_lead_creates_a_service_account_for_one_project(live_server, project, lead, annotator):
    base = live_server.url
    path = "/api/v1/projects/huawei/service-accounts/"
    assert api_call(base, path, annotator, "POST", {"name": "nightly"})[0] == 403
    status, made = api_call(base, path, lead, "POST", {"name": "nightly", "role": "lead", "read_only": True})
    assert status == 201 and made["username"] == "svc-huawei-nightly" and made["token"]["read_only"]
    member = Membership.objects.get(user__username="svc-huawei-nightly")
    assert member.project == project and member.role == "lead" and not member.user.has_usable_password()
    assert api_call(base, path, lead, "POST", {"name": "nightly"})[0] == 400
    assert api_call(base, path, lead, "POST", {"name": "boss", "role": "admin"})[0] == 400

    key = made["token"]["key"]
    status, projects = call(base, "/api/v1/projects/", key)
    assert [p["slug"] for p in projects["results"]] == ["huawei"]
    status, listed = api_call(base, path, lead)
    assert [a["username"] for a in listed["results"]] == ["svc-huawei-nightly"]
    assert [t["read_only"] for t in listed["results"][0]["tokens"]] == [True]
