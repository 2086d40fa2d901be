"""Tracking API over real HTTP (live_server + urllib): clusters, timelines, permissions."""

from __future__ import annotations

import json
from datetime import date

import pytest

from annotations import services
from annotations.models import ClaimCluster, ClaimLink, Resolution
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    ProjectFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
)
from annotations.tests.http import api_call


def call(base, method, path, user=None, data=None):
    return api_call(base, path, user, method, data)


def _claim(project, text, lang="en", published=None):
    article = ArticleFactory(project=project, body=text, language=lang, published=published)
    return ClaimFactory(article=article, start=0, end=len(text), text=text)


@pytest.fixture
def world(project, lead, annotator, annotator2):
    a = _claim(project, "Huawei equipment contains a hidden backdoor.", published=date(2019, 5, 2))
    b = _claim(project, "Huawei gear contains a hidden backdoor, sources said.", published=date(2020, 1, 1))
    c = _claim(project, "KPN raises its prices in January.")
    huawei = SourceFactory(name="Huawei")
    UnitFactory(claim=a, source=huawei)
    UnitFactory(claim=b, source=huawei)
    StanceFactory(claim=a, source=huawei, annotator=annotator, label="denies")
    StanceFactory(claim=a, source=huawei, annotator=annotator2, label="alleges")
    Resolution.objects.create(claim=b, source=huawei, label="denies", status="consensus")
    return {"a": a, "b": b, "c": c, "huawei": huawei}


def test_lead_tracks_confirms_and_reads_the_timeline(live_server, lead, world):
    base = live_server.url
    status, body = call(base, "POST", "/api/v1/claim-clusters/", lead, {"claim": world["a"].pk})
    assert status == 201, body
    cid = body["id"]
    again = call(base, "POST", "/api/v1/claim-clusters/", lead, {"claim": world["a"].pk})
    assert again[0] == 200 and again[1]["id"] == cid and ClaimCluster.objects.count() == 1
    # The schema says so: a client generated from it accepts the 200 as well as the 201.
    from django.test import Client

    schema = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json",
                          HTTP_AUTHORIZATION=f"Token {lead.auth_token.key}").json()
    assert {"200", "201"} <= set(schema["paths"]["/api/v1/claim-clusters/"]["post"]["responses"])
    assert {(x["claim"], x["status"]) for x in body["links"]} == {
        (world["a"].pk, "confirmed"), (world["b"].pk, "suggested")}
    status, body = call(base, "POST", f"/api/v1/claim-clusters/{cid}/links/", lead,
                        {"claims": [world["b"].pk], "status": "confirmed"})
    assert status == 200 and body["confirmed"] == 2
    decided = next(x for x in body["links"] if x["claim"] == world["b"].pk)
    assert decided["decided_by"] == "lead" and decided["decided_at"]

    status, body = call(base, "GET", f"/api/v1/claim-clusters/{cid}/timeline/", lead)
    assert status == 200
    assert [(r["claim"], r["stance"], r["status"], r["article"]["published_display"]) for r in body["rows"]] == [
        (world["a"].pk, None, "disputed", "2019-05-02"),
        (world["b"].pk, "denies", "consensus", "2020-01-01"),
    ]
    assert body["counts"] == {"alleges": 0, "denies": 1, "no_comment": 0}
    a = world["a"]
    assert body["rows"][0]["evidence_url"] == f"/projects/huawei/articles/{a.article_id}/#claim-{a.pk}"
    assert sorted(j["label"] for j in body["rows"][0]["judgements"]) == ["alleges", "denies"]

    status, body = call(base, "GET", f"/api/v1/claim-clusters/{cid}/timeline/?label=denies&from=2020-01-01", lead)
    assert [r["claim"] for r in body["rows"]] == [world["b"].pk]
    status, body = call(base, "GET", f"/api/v1/claim-clusters/{cid}/timeline/?from=never", lead)
    assert status == 400 and "from must be a date" in json.dumps(body)


def test_blind_annotator_timeline_shows_only_own_judgement(live_server, lead, annotator, world, project):
    cluster = services.cluster_create(project=project, claim=world["a"], user=lead, suggest=False)
    status, body = call(live_server.url, "GET", f"/api/v1/claim-clusters/{cluster.pk}/timeline/", annotator)
    assert status == 200 and body["sees_others"] is False
    assert body["rows"][0]["judgements"] == [{"annotator": "ann1", "label": "denies"}]


def test_annotator_cannot_change_clusters_and_outsider_sees_nothing(
    live_server, lead, annotator, outsider, world, project
):
    base = live_server.url
    cluster = services.cluster_create(project=project, claim=world["a"], user=lead)
    other = services.cluster_create(project=project, claim=world["c"], user=lead, suggest=False)
    for path, data in [
        ("/api/v1/claim-clusters/", {"claim": world["b"].pk}),
        (f"/api/v1/claim-clusters/{cluster.pk}/links/", {"claims": [world["b"].pk], "status": "confirmed"}),
        (f"/api/v1/claim-clusters/{other.pk}/merge/", {"into": cluster.pk}),
        (f"/api/v1/claim-clusters/{cluster.pk}/suggest/", {}),
    ]:
        assert call(base, "POST", path, annotator, data)[0] == 403, path
    assert not ClaimLink.objects.filter(claim=world["b"], status="confirmed").exists()
    assert len(call(base, "GET", "/api/v1/claim-clusters/", annotator)[1]["results"]) == 2

    assert call(base, "GET", "/api/v1/claim-clusters/", outsider)[1]["results"] == []
    for path in (f"/api/v1/claim-clusters/{cluster.pk}/", f"/api/v1/claim-clusters/{cluster.pk}/timeline/",
                 f"/api/v1/sources/{world['huawei'].pk}/timeline/?project=huawei"):
        assert call(base, "GET", path, outsider)[0] == 404, path
    assert call(base, "POST", f"/api/v1/claim-clusters/{cluster.pk}/links/", outsider,
                {"claims": [world["b"].pk], "status": "confirmed"})[0] == 404
    assert call(base, "GET", "/api/v1/claim-clusters/")[0] in (401, 403)


def test_merge_and_split_over_the_api(live_server, lead, world, project):
    base = live_server.url
    one = services.cluster_create(project=project, claim=world["a"], user=lead, suggest=False)
    two = services.cluster_create(project=project, claim=world["b"], user=lead, suggest=False)
    status, body = call(base, "POST", f"/api/v1/claim-clusters/{two.pk}/merge/", lead, {"into": one.pk, "note": "dup"})
    assert status == 200 and body["id"] == one.pk and body["confirmed"] == 2
    assert ClaimCluster.objects.get(pk=two.pk).merged_into_id == one.pk
    status, body = call(base, "POST", f"/api/v1/claim-clusters/{two.pk}/merge/", lead, {"into": one.pk})
    assert status == 400 and "merged" in body["detail"]
    status, body = call(base, "POST", f"/api/v1/claim-clusters/{one.pk}/split/", lead,
                        {"claims": [world["b"].pk], "title": "Later version"})
    assert status == 201 and body["title"] == "Later version"
    assert [x["claim"] for x in body["links"]] == [world["b"].pk]
    status, body = call(base, "POST", f"/api/v1/claim-clusters/{one.pk}/split/", lead, {"claims": [world["a"].pk]})
    assert status == 400 and "stay" in body["detail"]


def test_source_timeline_is_scoped_to_the_project(live_server, annotator, world, project):
    other = ProjectFactory(slug="other")
    elsewhere = _claim(other, "Huawei says something elsewhere.")
    UnitFactory(claim=elsewhere, source=world["huawei"])
    status, body = call(live_server.url, "GET", f"/api/v1/sources/{world['huawei'].pk}/timeline/?project=huawei",
                        annotator)
    assert status == 200
    assert [r["claim"] for r in body["rows"]] == [world["a"].pk, world["b"].pk]
    assert call(live_server.url, "GET", f"/api/v1/sources/{world['huawei'].pk}/timeline/", annotator)[0] == 400
    assert call(live_server.url, "GET", f"/api/v1/sources/{world['huawei'].pk}/timeline/?project=other",
                annotator)[0] == 404


def test_cluster_list_keeps_a_constant_number_of_queries(
    client, lead, project, django_assert_max_num_queries
):
    client.force_login(lead)
    for size in (2, 20):
        for i in range(size):
            claim = _claim(project, f"Claim {size}-{i} about a plan.")
            services.cluster_create(project=project, claim=claim, user=lead, suggest=False)
        with django_assert_max_num_queries(12):  # 6 are the throttle's cache
            r = client.get("/api/v1/claim-clusters/?project=huawei")
        assert r.status_code == 200 and len(r.json()["results"]) == ClaimCluster.objects.count()
        cid = ClaimCluster.objects.first().pk
        with django_assert_max_num_queries(14):
            assert client.get(f"/api/v1/claim-clusters/{cid}/timeline/").status_code == 200
