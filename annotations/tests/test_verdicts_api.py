"""The verdicts API over real HTTP: leads give and change verdicts, members read them, a stale version
is a 409 that overwrites nothing, and the ClaimReview export serves what was given."""

from __future__ import annotations

import json

import pytest

from annotations.models import ClaimCluster, ClaimLink, Membership, Verdict, VerdictChange
from annotations.tests.factories import ArticleFactory, MembershipFactory, ProjectFactory, UserFactory, claim_at
from annotations.tests.http import api_call, raw_get

BASE = "/api/v1/projects/huawei/verdicts/"


@pytest.fixture
def targets(project):
    project.publisher_name, project.publisher_url = "Het Feitenbureau", "https://factcheck.example.org/"
    project.save(update_fields=["publisher_name", "publisher_url"])
    article = ArticleFactory(project=project, title="Bridge money", url="https://paper.example/bridge",
                             body="The minister said the bridge costs nothing. The union denied it.")
    claim = claim_at(article, "the bridge costs nothing")
    cluster = ClaimCluster.objects.create(project=project, title="The bridge costs nothing")
    ClaimLink.objects.create(cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED)
    return {"claim": claim, "lone": claim_at(article, "The union denied it"), "cluster": cluster}


GIVEN = {"rating": "mostly false", "explanation": "Paid from the road fund.",
         "url": "https://factcheck.example.org/bridge", "date_published": "2024-03-01"}


def test_a_lead_gives_and_changes_a_verdict_and_members_read_it(live_server, project, lead, annotator, targets):
    base = live_server.url
    status, body = api_call(base, BASE, lead, "POST", {**GIVEN, "cluster": targets["cluster"].pk})
    assert status == 201, body
    verdict_id = body["id"]
    assert api_call(base, f"{BASE}{verdict_id}/", annotator) == (200, body)
    assert {k: body[k] for k in ("cluster", "claim", "rating", "url", "date_published", "reviewer", "version",
                                 "publishable")} == {
        "cluster": targets["cluster"].pk, "claim": None, "rating": "mostly false", "url": GIVEN["url"],
        "date_published": "2024-03-01", "reviewer": "lead", "version": 1, "publishable": True}
    status, body = api_call(base, f"{BASE}{verdict_id}/", lead, "PATCH", {"rating": "false", "version": 1})
    assert status == 200 and (body["rating"], body["version"], body["explanation"]) == (
        "false", 2, "Paid from the road fund.")
    status, page = api_call(base, BASE, annotator)
    assert status == 200 and [(v["id"], v["rating"]) for v in page["results"]] == [(verdict_id, "false")]
    status, page = api_call(base, f"{BASE}{verdict_id}/changes/", annotator)
    assert status == 200
    assert [(c["action"], c["actor"], c["old"].get("rating"), c["new"]["rating"], c["via"])
            for c in page["results"]] == [("create", "lead", None, "mostly false", "api"),
                                          ("update", "lead", "mostly false", "false", "api")]
    # What the API gave is what the newsroom publishes.
    reviews = json.loads(raw_get(base, "/api/v1/projects/huawei/export/?format=claimreview", lead))
    assert [(r["claimReviewed"], r["reviewRating"]["alternateName"], r["url"], r["author"]["name"])
            for r in reviews] == [("The bridge costs nothing", "false", GIVEN["url"], "Het Feitenbureau")]


def test_a_stale_version_is_a_conflict_that_overwrites_nothing(live_server, project, lead, owner, targets):
    base = live_server.url
    _, body = api_call(base, BASE, lead, "POST", {**GIVEN, "claim": targets["lone"].pk})
    path = f"{BASE}{body['id']}/"
    assert api_call(base, path, owner, "PATCH", {"rating": "true", "version": 1})[0] == 200
    status, body = api_call(base, path, lead, "PATCH", {"rating": "half true", "version": 1})
    assert status == 409 and body["current"]["rating"] == "true" and body["current"]["version"] == 2
    assert "owner changed this verdict meanwhile" in body["detail"]
    status, body = api_call(base, path, lead, "PATCH", {"rating": "half true"})
    assert status == 428
    # A second verdict on the same claim is a conflict too: change the one there is.
    status, body = api_call(base, BASE, lead, "POST", {**GIVEN, "claim": targets["lone"].pk})
    assert status == 409 and body["current"]["rating"] == "true"
    assert Verdict.objects.get().rating == "true" and VerdictChange.objects.count() == 2


def test_bad_input_is_a_400_naming_the_field(live_server, project, lead, targets):
    base = live_server.url
    status, body = api_call(base, BASE, lead, "POST", {**GIVEN, "rating": "pants on fire",
                                                       "cluster": targets["cluster"].pk})
    assert status == 400 and "verdict scale" in body["rating"][0]
    status, body = api_call(base, BASE, lead, "POST", {**GIVEN, "cluster": targets["cluster"].pk,
                                                       "claim": targets["claim"].pk})
    assert status == 400 and "cluster" in body
    status, body = api_call(base, BASE, lead, "POST", {**GIVEN, "date_published": "2024-03"})
    assert status == 400 and "date_published" in body
    assert not Verdict.objects.exists()


def test_annotators_and_other_projects_leads_give_no_verdict(live_server, project, annotator, lead, targets):
    base = live_server.url
    status, _ = api_call(base, BASE, annotator, "POST", {**GIVEN, "cluster": targets["cluster"].pk})
    assert status == 403
    stranger = UserFactory(username="stranger")
    other = ProjectFactory(slug="other")
    MembershipFactory(project=other, user=stranger, role=Membership.Role.LEAD)
    assert api_call(base, BASE, stranger, "POST", {**GIVEN, "cluster": targets["cluster"].pk})[0] == 404
    status, body = api_call(base, "/api/v1/projects/other/verdicts/", stranger, "POST",
                            {**GIVEN, "cluster": targets["cluster"].pk})
    assert status == 400 and body["cluster"] == ["No such tracked claim in this project."]
    _, given = api_call(base, BASE, lead, "POST", {**GIVEN, "claim": targets["claim"].pk})
    assert api_call(base, f"{BASE}{given['id']}/", annotator, "PATCH", {"rating": "true", "version": 1})[0] == 403
    assert api_call(base, f"{BASE}{given['id']}/", stranger)[0] == 404
    assert api_call(base, f"/api/v1/projects/other/verdicts/{given['id']}/", stranger)[0] == 404
    assert Verdict.objects.get().rating == "mostly false"


def test_the_verdict_list_keeps_its_query_budget(client, project, lead, targets, django_assert_max_num_queries):
    from annotations import services

    services.verdict_set(project=project, reviewer=lead, cluster=targets["cluster"], rating="true")
    services.verdict_set(project=project, reviewer=lead, claim=targets["lone"], rating="false")
    client.force_login(lead)
    # session, user, throttle, membership+project, verdicts with their reviewers
    with django_assert_max_num_queries(6):
        response = client.get(BASE)
    assert response.status_code == 200 and len(response.json()["results"]) == 2
