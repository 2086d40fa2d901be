"""The REST API over real HTTP (live_server + urllib), per endpoint and role."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations import exports
from annotations.models import Article, History, Membership, Source, Stance, Unit
from annotations.tests.factories import (
    PASSWORD,
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
)

# Failed token attempts are counted in the (database) cache, which outlives a test.
pytestmark = pytest.mark.usefixtures("fresh_cache")


class Http:
    def __init__(self, base: str):
        self.base = base

    def __call__(self, method: str, path: str, *, token: str | None = None, data=None, headers=None, body=None):
        """`data` is sent as JSON; `body` as it is, with the Content-Type given in `headers`."""
        if data is not None:
            body = json.dumps(data).encode()
            headers = {"Content-Type": "application/json", **(headers or {})}
        request = urllib.request.Request(self.base + path, data=body, method=method)
        request.add_header("Accept", "application/json")
        if token:
            request.add_header("Authorization", f"Token {token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(self, *args, **kwargs):
        status, _headers, body = self(*args, **kwargs)
        return status, (json.loads(body) if body else None)


@pytest.fixture
def http(live_server):
    return Http(live_server.url)


def token_for(user) -> str:
    return Token.objects.get_or_create(user=user)[0].key


@pytest.fixture
def world(project, owner, lead, annotator, annotator2, outsider):
    """Project huawei with two articles, claims and judgements; a second project of the outsider."""
    article = ArticleFactory(project=project, title="Huawei backdoor")
    plain = ArticleFactory(project=project, title="No claims yet")
    claim = ClaimFactory(article=article)
    source = SourceFactory(name="AIVD", kind="government")
    UnitFactory(claim=claim, source=source)
    mine = StanceFactory(claim=claim, source=source, annotator=annotator, label="alleges")
    theirs = StanceFactory(claim=claim, source=source, annotator=annotator2, label="denies")
    other = ProjectFactory(slug="other", name="Other")
    MembershipFactory(project=other, user=outsider, role=Membership.Role.ADMIN)
    other_article = ArticleFactory(project=other, title="Secret article")
    other_claim = ClaimFactory(article=other_article)
    return {
        "project": project, "article": article, "plain": plain, "claim": claim, "source": source,
        "mine": mine, "theirs": theirs, "other": other, "other_article": other_article,
        "other_claim": other_claim,
        "tokens": {u.username: token_for(u) for u in (owner, lead, annotator, annotator2, outsider)},
    }


def test_token_endpoint_gives_a_token_that_authenticates(http, annotator):
    status, body = http.json("POST", "/api/v1/auth/token/", data={"username": "ann1", "password": PASSWORD})
    assert status == 200
    assert body == {"token": Token.objects.get(user=annotator).key}
    status, body = http.json("GET", "/api/v1/projects/", token=body["token"])
    assert status == 200
    assert [p["slug"] for p in body["results"]] == ["huawei"]


def test_token_endpoint_throttles_failed_attempts(http, db):
    UserFactory(username="victim")
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        status, body = http.json("POST", "/api/v1/auth/token/", data={"username": "victim", "password": "wrong"})
        if attempt < settings.AXES_FAILURE_LIMIT:
            assert status == 400
            assert "non_field_errors" in body
        else:  # the failure that reaches the limit locks, as on the login page
            assert status == 429
    # Past the limit even the right password is refused for a while.
    status, headers, body = http("POST", "/api/v1/auth/token/", data={"username": "victim", "password": PASSWORD})
    assert status == 429
    assert int(headers["Retry-After"]) > 0
    assert "Too many failed attempts" in json.loads(body)["detail"]


def test_every_endpoint_refuses_anonymous_callers(http, world):
    for path in ["/api/v1/projects/", "/api/v1/projects/huawei/", "/api/v1/articles/", "/api/v1/claims/",
                 "/api/v1/sources/", "/api/v1/stances/", "/api/v1/projects/huawei/export/?format=csv"]:
        status, _ = http.json("GET", path)
        assert status == 401, path


def test_projects_list_only_my_projects_and_hide_the_rest(http, world):
    tokens = world["tokens"]
    status, body = http.json("GET", "/api/v1/projects/", token=tokens["ann1"])
    assert status == 200
    assert [(p["slug"], p["role"]) for p in body["results"]] == [("huawei", "annotator")]
    status, body = http.json("GET", "/api/v1/projects/huawei/", token=tokens["lead"])
    assert status == 200
    assert body["labels"] == ["alleges", "denies", "no_comment"] and body["role"] == "lead"
    assert http.json("GET", "/api/v1/projects/huawei/", token=tokens["outsider"])[0] == 404
    assert http.json("GET", "/api/v1/projects/other/", token=tokens["ann1"])[0] == 404


def test_articles_are_read_by_members_and_written_by_leads(http, world):
    tokens, article = world["tokens"], world["article"]
    status, body = http.json("GET", "/api/v1/articles/?project=huawei", token=tokens["ann1"])
    assert status == 200
    assert [a["title"] for a in body["results"]] == ["Huawei backdoor", "No claims yet"]
    assert set(body["results"][0]) >= {"id", "project", "title", "body", "language", "published", "outlet", "url"}
    # Another project's article does not exist for a non-member.
    assert http.json("GET", f"/api/v1/articles/{world['other_article'].pk}/", token=tokens["ann1"])[0] == 404
    new = {"project": "huawei", "title": "New", "body": "Fresh text. Someone said something.", "language": "en"}
    status, body = http.json("POST", "/api/v1/articles/", token=tokens["ann1"], data=new)
    assert status == 403
    assert http.json("POST", "/api/v1/articles/", token=tokens["outsider"], data=new)[0] == 404
    status, body = http.json("POST", "/api/v1/articles/", token=tokens["lead"], data=new)
    assert status == 201, body
    assert body["project"] == "huawei" and body["title"] == "New"
    status, body = http.json("POST", "/api/v1/articles/", token=tokens["owner"], data=new)
    assert status == 400 and "already has an article" in body["body"][0]
    path = f"/api/v1/articles/{article.pk}/"
    assert http.json("PATCH", path, token=tokens["ann1"], data={"title": "x"})[0] == 403
    status, body = http.json("PATCH", path, token=tokens["lead"], data={"title": "Renamed"})
    assert status == 200 and body["title"] == "Renamed"
    status, body = http.json("PATCH", path, token=tokens["lead"], data={"body": "Other text entirely."})
    assert status == 400 and "cannot change" in body["body"][0]
    status, body = http.json("DELETE", path, token=tokens["owner"])
    assert status == 409
    assert http.json("DELETE", f"/api/v1/articles/{world['plain'].pk}/", token=tokens["owner"])[0] == 204


def test_an_article_created_through_the_api_is_extracted_like_an_import(http, world):
    """The API goes through the import service: the language is detected and claims extracted."""
    body = ("De burgemeester zei dat de nieuwe brug in mei opengaat. "
            "Volgens de wethouder is de brug veilig.")
    status, created = http.json("POST", "/api/v1/articles/", token=world["tokens"]["lead"],
                                data={"project": "huawei", "title": "Brug", "body": body})
    assert status == 201, created
    assert created["language"] == "nl"
    article = Article.objects.get(pk=created["id"])
    assert article.content_hash
    units = list(Unit.objects.filter(claim__article=article).select_related("claim", "source"))
    assert units and all(u.origin == "extracted" and u.suggested_label for u in units)
    assert "burgemeester" in {u.source.name.lower() for u in units}
    status, claims = http.json("GET", f"/api/v1/claims/?article={article.pk}", token=world["tokens"]["ann1"])
    assert status == 200 and claims["results"] and claims["results"][0]["origin"] == "extracted"


def test_claims_are_created_by_members_and_edited_by_leads(http, world):
    tokens, article = world["tokens"], world["article"]
    status, body = http.json("GET", f"/api/v1/claims/?article={article.pk}", token=tokens["ann2"])
    assert status == 200
    assert [c["id"] for c in body["results"]] == [world["claim"].pk]
    assert set(body["results"][0]) >= {"id", "article", "text", "start", "end"}
    status, body = http.json("POST", "/api/v1/claims/", token=tokens["ann1"],
                             data={"article": article.pk, "start": 0, "end": 5})
    assert status == 201, body
    assert body["text"] == article.body[0:5] and body["origin"] == "manual"
    created = body["id"]
    status, body = http.json("POST", "/api/v1/claims/", token=tokens["ann1"],
                             data={"article": article.pk, "start": 3, "end": 100_000})
    assert status == 400 and "inside the article text" in body["end"][0]
    status, body = http.json("POST", "/api/v1/claims/", token=tokens["ann1"],
                             data={"article": world["other_article"].pk, "start": 0, "end": 5})
    assert status == 400 and "article" in body
    assert http.json("GET", f"/api/v1/claims/{world['other_claim'].pk}/", token=tokens["ann1"])[0] == 404
    assert http.json("PATCH", f"/api/v1/claims/{created}/", token=tokens["ann1"], data={"text": "x"})[0] == 403
    status, body = http.json("PATCH", f"/api/v1/claims/{created}/", token=tokens["lead"], data={"text": "Story"})
    assert status == 200 and body["text"] == "Story"
    assert http.json("DELETE", f"/api/v1/claims/{world['claim'].pk}/", token=tokens["lead"])[0] == 409
    assert http.json("DELETE", f"/api/v1/claims/{created}/", token=tokens["lead"])[0] == 204


def test_sources_registry_is_read_by_members_and_edited_by_its_admins(http, world):
    tokens, source = world["tokens"], world["source"]
    status, body = http.json("GET", "/api/v1/sources/?name=aiv", token=tokens["ann1"])
    assert status == 200
    assert body["results"] == [{"id": source.pk, "name": "AIVD", "kind": "government", "affiliation": None,
                                "role": "", "aliases": []}]
    status, body = http.json("POST", "/api/v1/sources/", token=tokens["ann1"],
                             data={"name": "René Loman", "kind": "person", "affiliation": source.pk,
                                   "role": "woordvoerder", "aliases": ["R. Loman"]})
    assert status == 201, body
    assert body["affiliation"] == source.pk
    path = f"/api/v1/sources/{body['id']}/"
    assert http.json("GET", path, token=tokens["ann1"])[0] == 200  # its creator sees it before any use
    assert http.json("PATCH", path, token=tokens["ann1"], data={"role": "x"})[0] == 403
    # A lead edits no registry entry: the registry is every project's.
    status, body = http.json("PATCH", f"/api/v1/sources/{source.pk}/", token=tokens["lead"], data={"role": "x"})
    assert status == 403 and "only its administrators" in body["detail"]
    staff = UserFactory(username="registrar", is_staff=True)
    status, body = http.json("PATCH", path, token=token_for(staff), data={"role": "spokesperson"})
    assert status == 200 and body["role"] == "spokesperson"
    loner = UserFactory(username="loner")
    assert http.json("GET", "/api/v1/sources/", token=token_for(loner))[0] == 403


def test_stances_are_my_own_written_through_the_service_with_versions(http, world):
    tokens, claim, source = world["tokens"], world["claim"], world["source"]
    status, body = http.json("GET", "/api/v1/stances/", token=tokens["ann1"])
    assert status == 200
    # Blind: ann2's judgement of the same unit is not listed, nor reachable by id.
    assert [(s["id"], s["label"]) for s in body["results"]] == [(world["mine"].pk, "alleges")]
    assert http.json("GET", f"/api/v1/stances/{world['theirs'].pk}/", token=tokens["ann1"])[0] == 404
    status, body = http.json("POST", "/api/v1/sources/", token=tokens["ann1"], data={"name": "Huawei"})
    assert status == 201, body
    other_source = Source.objects.get(pk=body["id"])
    status, body = http.json("POST", "/api/v1/stances/", token=tokens["ann1"],
                             data={"claim": claim.pk, "source": other_source.pk, "label": "denies",
                                   "note": "spokesperson"})
    assert status == 201, body
    assert (body["label"], body["note"], body["version"]) == ("denies", "spokesperson", 1)
    entry = History.objects.get(claim=claim, source=other_source, annotator__username="ann1")
    assert (entry.action, entry.new_label, entry.via) == ("create", "denies", "api")
    path = f"/api/v1/stances/{body['id']}/"
    status, body = http.json("PATCH", path, token=tokens["ann1"], data={"label": "no_comment", "version": 1})
    assert status == 200 and (body["label"], body["version"]) == ("no_comment", 2)
    status, body = http.json("PATCH", path, token=tokens["ann1"], data={"label": "alleges", "version": 1})
    assert status == 409
    assert body["current"]["label"] == "no_comment" and body["current"]["version"] == 2
    status, body = http.json("PATCH", path, token=tokens["ann1"], data={"label": "maybe", "version": 2})
    assert status == 400 and "label" in body
    # A second create of the same unit is a conflict, not an overwrite.
    status, body = http.json("POST", "/api/v1/stances/", token=tokens["ann1"],
                             data={"claim": claim.pk, "source": source.pk, "label": "denies"})
    assert status == 409
    status, body = http.json("POST", "/api/v1/stances/", token=tokens["outsider"],
                             data={"claim": claim.pk, "source": source.pk, "label": "denies"})
    assert status == 400 and "claim" in body
    assert Stance.objects.filter(annotator__username="outsider").count() == 0
    # Withdrawing a judgement names the version it withdraws (see test_api_workflow.py).
    assert http.json("DELETE", path, token=tokens["ann1"])[0] == 428
    assert Stance.objects.filter(annotator__username="ann1").exists()


def test_changing_a_judgement_needs_the_version_it_replaces(http, world):
    token, mine = world["tokens"]["ann1"], world["mine"]
    path = f"/api/v1/stances/{mine.pk}/"
    status, body = http.json("PATCH", path, token=token, data={"label": "denies"})
    assert status == 428 and "version" in body["detail"]
    status, body = http.json("PUT", path, token=token, data={"claim": mine.claim_id, "source": mine.source_id,
                                                              "label": "denies"})
    assert status == 428
    mine.refresh_from_db()
    assert (mine.label, mine.version) == ("alleges", 1)
    assert not History.objects.filter(annotator=mine.annotator, action="update").exists()
    # If-Match carries it as well; a stale one is a conflict.
    status, _, body = http("PATCH", path, token=token, data={"label": "denies"}, headers={"If-Match": '"1"'})
    assert status == 200 and json.loads(body)["version"] == 2
    status, _, body = http("PATCH", path, token=token, data={"label": "no_comment"}, headers={"If-Match": "1"})
    assert status == 409 and json.loads(body)["current"]["label"] == "denies"
    status, _, body = http("PATCH", path, token=token, data={"label": "no_comment"}, headers={"If-Match": "*"})
    assert status == 400


def test_filters_ignore_client_chosen_relation_lookups(http, world):
    tokens = world["tokens"]
    baseline = http.json("GET", "/api/v1/stances/", token=tokens["ann1"])[1]["results"]
    for probe in ["annotator__password__startswith=pbkdf2", "annotator__password__startswith=zzz",
                  "claim__article__project__memberships__user__password__startswith=x"]:
        status, body = http.json("GET", f"/api/v1/stances/?{probe}", token=tokens["ann1"])
        assert status == 200 and body["results"] == baseline, probe
    for path in ["/api/v1/articles/?project__memberships__user__password__startswith=zzz",
                 "/api/v1/claims/?created_by__password__startswith=zzz"]:
        status, body = http.json("GET", path, token=tokens["ann1"])
        assert status == 200 and len(body["results"]) >= 1, path


def test_big_lists_use_cursor_pages_of_100(http, world):
    ArticleFactory.create_batch(150, project=world["project"])
    status, page = http.json("GET", "/api/v1/articles/?project=huawei", token=world["tokens"]["ann1"])
    assert status == 200
    assert len(page["results"]) == 100 and "cursor=" in page["next"] and page["previous"] is None
    nxt = page["next"].split("/api/v1", 1)[1]
    status, second = http.json("GET", "/api/v1" + nxt, token=world["tokens"]["ann1"])
    assert len(second["results"]) == 52 and second["next"] is None
    ids = [a["id"] for a in page["results"] + second["results"]]
    assert ids == sorted(ids) and len(set(ids)) == 152


def test_export_endpoint_streams_and_refuses_bad_requests(http, world):
    tokens = dict(world["tokens"])
    # In blind mode (the default) an annotator may not export the others' judgements.
    status, body = http.json("GET", "/api/v1/projects/huawei/export/?format=csv", token=tokens["ann1"])
    assert status == 403 and "blind" in body["detail"]
    tokens["ann1"] = tokens["lead"]
    status, headers, body = http("GET", "/api/v1/projects/huawei/export/?format=csv", token=tokens["ann1"])
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(body.decode(), newline="")))
    assert list(table[0])[:15] == exports.UNIT_COLUMNS[:15]
    assert [(r["source"], r["status"], r["judgements"], r["n_judgements"]) for r in table] == [
        ("AIVD", "disputed", "ann1:alleges;ann2:denies", "2")]
    status, headers, body = http("GET", "/api/v1/projects/huawei/export/?format=jsonl", token=tokens["ann1"])
    assert status == 200 and headers["Content-Type"].startswith("application/x-ndjson")
    unit = next(obj for obj in map(json.loads, body.splitlines()) if obj["type"] == "unit")
    assert unit["judgements"][1]["label"] == "denies"
    status, body = http.json("GET", "/api/v1/projects/huawei/export/?format=xml", token=tokens["ann1"])
    assert status == 400 and "Unknown format 'xml'" in body["detail"]
    status, body = http.json("GET", "/api/v1/projects/huawei/export/?published_from=May", token=tokens["ann1"])
    assert status == 400 and "published_from" in body["detail"]
    status, body = http.json("GET", "/api/v1/projects/huawei/export/?label=shouts", token=tokens["ann1"])
    assert status == 400 and "Unknown label" in body["detail"]
    assert http.json("GET", "/api/v1/projects/huawei/export/?format=csv", token=tokens["outsider"])[0] == 404
    # A browser asking for CSV gets it (no content negotiation error).
    status, _, _ = http("GET", "/api/v1/projects/huawei/export/?format=csv", token=tokens["ann1"],
                        headers={"Accept": "text/csv"})
    assert status == 200


def test_schema_and_docs_are_served_offline_without_inline_script(http, world):
    status, headers, body = http("GET", "/api/v1/schema/", token=world["tokens"]["ann1"])
    assert status == 200
    assert b"/api/v1/stances/" in body and b"/api/v1/projects/{slug}/export/" in body
    # The views' own code paths stay out of the schema: the units list is described by its resource.
    assert b"In blind mode an annotator sees the units the machine found" in body
    assert b"hand-written" not in body
    status, headers, body = http("GET", "/api/v1/docs/", token=world["tokens"]["ann1"],
                                 headers={"Accept": "text/html"})
    assert status == 200
    page = body.decode()
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "<style" not in page and "<script>" not in page
    assert "cdn" not in page.lower()
    for src in [s.split('"')[0] for s in page.split('<script src="')[1:]]:
        status, headers, _ = http("GET", src, token=world["tokens"]["ann1"], headers={"Accept": "*/*"})
        assert status == 200, src
        assert "javascript" in headers["Content-Type"], src


# --- Query budgets (in-process, counted) -----------------------------------------------


def _fill(project, annotator, n):
    source = SourceFactory()
    for _ in range(n):
        article = ArticleFactory(project=project)
        claim = ClaimFactory(article=article)
        UnitFactory(claim=claim, source=source)  # a judgement is always of a unit
        StanceFactory(claim=claim, source=source, annotator=annotator)


@pytest.mark.parametrize("size", [5, 150])
@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/stances/",
                                  "/api/v1/sources/", "/api/v1/projects/"])
def test_list_pages_cost_a_constant_number_of_queries(
    path, size, project, annotator, django_assert_max_num_queries
):
    _fill(project, annotator, size)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(annotator)}")
    # 1 token + user; 6 for the user throttle in the database cache (read, cull count,
    # savepoint, check, write, release); 1 page query; 1 membership check (sources only).
    with django_assert_max_num_queries(9):
        response = client.get(path)
    assert response.status_code == 200
    expected = {"/api/v1/projects/": 1, "/api/v1/sources/": 1}.get(path, min(size, 100))
    assert len(response.json()["results"]) == expected


def test_every_api_timestamp_is_utc(http, world, annotator):
    """Judgements, resolutions and History on one clock (`Z`), whatever the server's TIME_ZONE."""
    token = world["tokens"]["ann1"]
    status, body = http.json("GET", "/api/v1/stances/", token=token)
    assert status == 200 and body["results"]
    for stance in body["results"]:
        assert stance["created_at"].endswith("Z") and stance["updated_at"].endswith("Z"), stance
    status, body = http.json("GET", "/api/v1/projects/huawei/history/", token=world["tokens"]["lead"])
    assert status == 200
    assert all(row["created_at"].endswith("Z") for row in body["results"])


@pytest.mark.parametrize("caller", ["ann1", "registry_admin"])
def test_a_new_judgement_names_what_the_member_may_name_as_the_querysets_say(http, world, registry_admin, caller):
    """A create reads its claim, source and the caller's judgement by one hand-written query when they are
    plain ids; it lets through exactly the claims of the caller's projects and the sources of
    `Source.objects.visible_to` (not merged away), with the same 400 as the serializer's own lookup."""
    user = world["mine"].annotator if caller == "ann1" else registry_admin
    token = token_for(user)
    claim, other_claim = world["claim"], world["other_claim"]
    heard_affiliation = SourceFactory(name="Ministry")
    heard = SourceFactory(name="Minister", affiliation=heard_affiliation)
    UnitFactory(claim=ClaimFactory(article=world["plain"]), source=heard)
    own_unused = SourceFactory(name="Own unused", created_by=user)
    elsewhere = SourceFactory(name="Heard elsewhere")
    UnitFactory(claim=other_claim, source=elsewhere)
    merged = SourceFactory(name="Merged away", merged_into=heard)
    UnitFactory(claim=ClaimFactory(article=world["article"]), source=merged)
    theirs_unused = SourceFactory(name="Someone's unused", created_by=world["theirs"].annotator)
    sources = [heard_affiliation, heard, own_unused, elsewhere, merged, theirs_unused]
    visible = set(Source.objects.visible_to(user).filter(merged_into__isnull=True).values_list("pk", flat=True))
    assert {heard_affiliation.pk, heard.pk, own_unused.pk} <= visible and merged.pk not in visible
    for source in sources:
        for named in (claim, other_claim, None):
            claim_id = named.pk if named else 10**9
            status, body = http.json("POST", "/api/v1/stances/", token=token,
                                     data={"claim": claim_id, "source": source.pk, "label": "denies"})
            ok = named == claim and source.pk in visible
            assert status == (201 if ok else 400), (source.name, named, body)
            if not ok:  # the serializer's own lookup (ids as strings) answers the same
                assert http.json("POST", "/api/v1/stances/", token=token,
                                 data={"claim": str(claim_id), "source": str(source.pk), "label": "denies"}) \
                    == (400, body)
                refused = {"claim"} if named != claim else set()
                assert set(body) == (refused | {"source"} if source.pk not in visible else refused)
    created = Stance.objects.filter(annotator=user).exclude(pk=world["mine"].pk)
    assert sorted(created.values_list("source_id", flat=True)) == sorted(s.pk for s in sources if s.pk in visible)
    assert History.objects.filter(annotator=user, action="create", via="api").count() == created.count()
    # The caller's judgement read with them: a second create of the same unit meets it (409, not a second row).
    status, body = http.json("POST", "/api/v1/stances/", token=token,
                             data={"claim": claim.pk, "source": heard.pk, "label": "alleges"})
    assert status == 409 and body["current"]["label"] == "denies"


def test_a_change_reaches_only_the_callers_own_judgement_in_a_project_they_are_in(http, world):
    """A change reads the judgement by one hand-written query unless the query string filters; both answer
    alike: another's judgement and one in a project the caller has left are 404."""
    token, mine, theirs = world["tokens"]["ann1"], world["mine"], world["theirs"]
    filtered = f"?claim={world['claim'].pk}"  # matches, and takes the queryset's path
    for suffix in ("", filtered):
        status, body = http.json("PATCH", f"/api/v1/stances/{theirs.pk}/{suffix}", token=token,
                                 data={"label": "alleges", "version": 1})
        assert (status, body) == (404, {"detail": "No Stance matches the given query."})
    assert http.json("PATCH", f"/api/v1/stances/{mine.pk}/", token=token,
                     data={"label": "denies", "version": 1})[1]["version"] == 2
    assert http.json("PATCH", f"/api/v1/stances/{mine.pk}/{filtered}", token=token,
                     data={"label": "no_comment", "version": 2})[1]["version"] == 3
    Membership.objects.filter(user=mine.annotator, project=world["project"]).delete()
    for suffix in ("", filtered):
        assert http.json("PATCH", f"/api/v1/stances/{mine.pk}/{suffix}", token=token,
                         data={"label": "alleges", "version": 3})[0] == 404
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.label, mine.version, theirs.label, theirs.version) == ("no_comment", 3, "denies", 1)


def test_a_sign_in_token_authenticates_its_active_user_only(http, world):
    """The sign-in token is read by one hand-written query; it answers as DRF's own lookup."""
    token, user = world["tokens"]["ann1"], world["mine"].annotator
    status, body = http.json("GET", "/api/v1/stances/", token=token)
    assert status == 200 and [s["id"] for s in body["results"]] == [world["mine"].pk]
    assert http.json("GET", "/api/v1/stances/", token="f" * 40) == (401, {"detail": "Invalid token."})
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert http.json("GET", "/api/v1/stances/", token=token) == (401, {"detail": "User inactive or deleted."})
