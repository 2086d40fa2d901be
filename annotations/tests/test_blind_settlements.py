"""Blind mode: a settlement never shows through to an annotator.

A consensus exists only when every other annotator gave the same label, and a lead's
decision names the label, so either would tell a blind annotator what the others said.
Here an annotator who judged nothing looks at every surface that shows a unit's stance
(the source page and its htmx fragment, the cluster page, the source and cluster
timelines over HTTP with their counts, search) before and after the other two annotators
reach a consensus and a lead resolves a unit that another annotator added by hand:
nothing they see may change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from annotations import services
from annotations.models import Membership, Resolution
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UnitFactory, UserFactory
from annotations.tests.http import api_call
from annotations.tests.test_security_blind import normalised


@pytest.fixture
def world(project, lead, annotator, annotator2):
    """ann1 and ann2 judged two units; ann3 (the viewer) judged nothing."""
    assert project.blind
    viewer = UserFactory(username="ann3")
    Membership.objects.create(project=project, user=viewer, role=Membership.Role.ANNOTATOR)
    article = ArticleFactory(project=project, published=dt.date(2021, 3, 4))
    claim = ClaimFactory(article=article)
    minister, union = SourceFactory(name="Minister"), SourceFactory(name="Union")
    UnitFactory(claim=claim, source=minister, origin="extracted")
    services.unit_add(claim=claim, source=union, user=annotator2)  # by hand: hidden from the others
    for who in (annotator, annotator2):
        services.stance_record(claim=claim, source=minister, annotator=who, label="alleges")
    services.stance_record(claim=claim, source=union, annotator=annotator2, label="denies")
    cluster = services.cluster_create(project=project, claim=claim, user=lead, suggest=False)
    return {"project": project, "viewer": viewer, "article": article, "claim": claim, "minister": minister,
            "union": union, "cluster": cluster, "lead": lead, "peers": (annotator, annotator2)}


def settle(w) -> None:
    """The peers finish the article (a consensus on Minister) and a lead resolves Union."""
    for who in w["peers"]:
        services.assignment_finish(article=w["article"], annotator=who)
    services.resolution_set(claim=w["claim"], source=w["union"], label="denies", reason="Quoted.", lead=w["lead"])
    assert set(Resolution.objects.values_list("status", flat=True)) == {"consensus", "resolved"}


def page(client, w, name: str, htmx: bool = False) -> bytes:
    slug = w["project"].slug
    urls = {
        "source": reverse("annotations:source-detail", kwargs={"slug": slug, "source_id": w["minister"].pk}),
        "cluster": reverse("annotations:cluster-detail", kwargs={"slug": slug, "cluster_id": w["cluster"].pk}),
        "search": f"/projects/{slug}/search/?q=minister",
    }
    response = client.get(urls[name], headers={"HX-Request": "true"} if htmx else {})
    assert response.status_code == 200, name
    return normalised(response.content)


@pytest.mark.parametrize(("name", "htmx"), [("source", False), ("source", True), ("cluster", False),
                                            ("cluster", True), ("search", False)])
@pytest.mark.django_db
def test_pages_and_fragments_do_not_change_when_others_settle(world, name, htmx):
    client = Client()
    client.force_login(world["viewer"])
    before = page(client, world, name, htmx)
    settle(world)
    assert page(client, world, name, htmx) == before


@pytest.mark.parametrize("kind", ["source", "cluster"])
def test_timelines_over_http_do_not_change_when_others_settle(live_server, world, kind):
    path = (f"/api/v1/sources/{world['minister'].pk}/timeline/?project={world['project'].slug}" if kind == "source"
            else f"/api/v1/claim-clusters/{world['cluster'].pk}/timeline/")
    status, before = api_call(live_server.url, path, world["viewer"])
    assert status == 200
    settle(world)
    status, after = api_call(live_server.url, path, world["viewer"])
    assert status == 200
    assert after == before
    assert after["counts"] == {"alleges": 0, "denies": 0, "no_comment": 0}
    assert {(r["source"]["name"], r["stance"], r["status"], r["resolution"]) for r in after["rows"]} == {
        ("Minister", None, "open", None)}


def test_the_lead_does_see_the_settlements(live_server, world):
    settle(world)
    status, body = api_call(live_server.url, f"/api/v1/claim-clusters/{world['cluster'].pk}/timeline/", world["lead"])
    assert status == 200
    assert {(r["source"]["name"], r["stance"], r["status"]) for r in body["rows"]} == {
        ("Minister", "alleges", "consensus"), ("Union", "denies", "resolved")}
    assert body["counts"] == {"alleges": 1, "denies": 1, "no_comment": 0}
