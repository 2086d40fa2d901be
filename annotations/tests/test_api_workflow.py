"""The annotation workflow through the API alone, over real HTTP: judge, finish, undo, units, History."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request

import pytest
from rest_framework.authtoken.models import Token

from annotations.models import History, Membership, Stance
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
)
from annotations.tests.http import api_call, raw_get

pytestmark = pytest.mark.usefixtures("fresh_cache")


@pytest.fixture
def unit(project):
    article = ArticleFactory(project=project, title="Mast plan")
    claim = ClaimFactory(article=article)
    source = SourceFactory(name="Ministry spokesperson", kind="government")
    return UnitFactory(claim=claim, source=source, suggested_label="denies", suggestion_score=0.75,
                       engine_version="abc123")


def test_two_annotators_agreeing_through_the_api_reach_consensus(
    live_server, project, lead, annotator, annotator2, unit
):
    base = live_server.url
    article_id = unit.claim.article_id
    for user in (annotator, annotator2):
        status, body = api_call(base, "/api/v1/stances/", user, "POST",
                                {"claim": unit.claim_id, "source": unit.source_id, "label": "denies"})
        assert status == 201, body
    # Judged but not finished: the unit is still open.
    rows = list(csv.DictReader(io.StringIO(raw_get(base, "/api/v1/projects/huawei/export/", lead).decode())))
    assert [r["status"] for r in rows] == ["open"]

    status, body = api_call(base, f"/api/v1/articles/{article_id}/done/", annotator, "POST")
    assert status == 200 and body["status"] == "done", body
    status, body = api_call(base, f"/api/v1/articles/{article_id}/done/", annotator2, "POST")
    assert status == 200, body

    rows = list(csv.DictReader(io.StringIO(
        raw_get(base, "/api/v1/projects/huawei/export/?status=consensus", lead).decode())))
    assert [(r["claim_id"], r["status"], r["stance"]) for r in rows] == [(str(unit.claim_id), "consensus", "denies")]
    # A consensus on a stance is no verdict: nothing to publish as ClaimReview yet.
    assert json.loads(raw_get(base, "/api/v1/projects/huawei/export/?format=claimreview", lead)) == []
    status, page = api_call(base, "/api/v1/projects/huawei/resolutions/", lead)
    assert status == 200
    assert [(r["claim"], r["status"], r["label"], r["article"]) for r in page["results"]] == [
        (unit.claim_id, "consensus", "denies", article_id)]


def test_done_is_for_members_only(live_server, project, annotator, outsider, unit):
    status, _ = api_call(live_server.url, f"/api/v1/articles/{unit.claim.article_id}/done/", outsider, "POST")
    assert status == 404


def test_withdrawing_a_judgement_keeps_history_and_undo_brings_it_back(
    live_server, project, annotator, unit
):
    base = live_server.url
    status, stance = api_call(base, "/api/v1/stances/", annotator, "POST",
                              {"claim": unit.claim_id, "source": unit.source_id, "label": "alleges"})
    assert status == 201
    path = f"/api/v1/stances/{stance['id']}/"
    assert api_call(base, path, annotator, "DELETE")[0] == 428  # no version named
    status, body = api_call(base, path + "?version=7", annotator, "DELETE")
    assert status == 409 and body["current"]["label"] == "alleges"
    assert api_call(base, path + f"?version={stance['version']}", annotator, "DELETE")[0] == 204
    assert not Stance.objects.filter(annotator=annotator).exists()
    assert api_call(base, path, annotator, "GET")[0] == 404
    assert list(History.objects.filter(annotator=annotator).values_list("action", "old_label", "via")) == [
        ("create", "", "api"), ("delete", "alleges", "api")]

    status, back = api_call(base, f"/api/v1/units/{unit.pk}/undo/", annotator, "POST")
    assert status == 200 and back["label"] == "alleges"
    status, gone = api_call(base, f"/api/v1/units/{unit.pk}/undo/", annotator, "POST")
    assert status == 204 and not Stance.objects.filter(annotator=annotator).exists()


def test_one_cannot_withdraw_anothers_judgement(live_server, project, annotator, annotator2, unit):
    theirs = StanceFactory(claim=unit.claim, source=unit.source, annotator=annotator2)
    status, _ = api_call(live_server.url, f"/api/v1/stances/{theirs.pk}/?version=1", annotator, "DELETE")
    assert status == 404 and Stance.objects.filter(pk=theirs.pk).exists()


def test_units_list_the_suggestion_and_stay_blind(live_server, project, lead, annotator, annotator2, unit):
    base = live_server.url
    # A unit annotator2 added by hand: in blind mode annotator does not learn of it.
    hidden = UnitFactory(claim=unit.claim, source=SourceFactory(name="Hidden"), origin="manual",
                         added_by=annotator2, suggested_label="")
    StanceFactory(claim=unit.claim, source=hidden.source, annotator=annotator2, label="alleges")
    StanceFactory(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")

    status, page = api_call(base, f"/api/v1/units/?article={unit.claim.article_id}", annotator)
    assert status == 200
    assert [u["id"] for u in page["results"]] == [unit.pk]
    row = page["results"][0]
    assert row["suggestion"] == {"label": "denies", "score": 0.75, "engine_version": "abc123"}
    assert row["mine"]["label"] == "denies" and row["source_name"] == "Ministry spokesperson"
    assert api_call(base, f"/api/v1/units/{hidden.pk}/", annotator)[0] == 404

    status, page = api_call(base, "/api/v1/units/?project=huawei", lead)
    assert sorted(u["id"] for u in page["results"]) == sorted([unit.pk, hidden.pk])
    assert all(u["mine"] is None for u in page["results"])

    project.show_suggestions = False
    project.save()
    status, page = api_call(base, "/api/v1/units/", annotator)
    assert page["results"][0]["suggestion"] is None
    assert api_call(base, "/api/v1/units/", lead)[1]["results"][0]["suggestion"]["label"] == "denies"


@pytest.mark.parametrize("blind", [True, False])
@pytest.mark.parametrize("show_suggestions", [True, False])
def test_one_articles_units_answer_as_the_queryset_does(live_server, project, lead, annotator, annotator2,
                                                         outsider, unit, blind, show_suggestions):
    """`?project=&article=` is read by one hand-written query; every member gets what the queryset's
    path (the same filters with `ordering=id`) gives: the blind rule, the suggestion rule, their own
    judgement, in id order; a non-member and another project's slug get no units."""
    project.blind, project.show_suggestions = blind, show_suggestions
    project.save(update_fields=["blind", "show_suggestions"])
    claim = unit.claim
    theirs = UnitFactory(claim=claim, source=SourceFactory(name="Theirs"), origin="manual", added_by=annotator2,
                         suggested_label="")
    mine = UnitFactory(claim=claim, source=SourceFactory(name="Mine"), origin="manual", added_by=annotator,
                       suggested_label="")
    judged = UnitFactory(claim=claim, source=SourceFactory(name="Judged"), origin="manual", added_by=annotator2,
                         suggested_label="")
    StanceFactory(claim=claim, source=judged.source, annotator=annotator, label="alleges", note="seen it")
    StanceFactory(claim=claim, source=unit.source, annotator=annotator2, label="denies")
    UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=project)), source=unit.source)  # elsewhere
    path = f"/api/v1/units/?project=huawei&article={claim.article_id}"
    for user in (annotator, annotator2, lead):
        status, page = api_call(live_server.url, path, user)
        assert status == 200
        assert (status, page) == api_call(live_server.url, path + "&ordering=id", user), user
    ids = [u["id"] for u in api_call(live_server.url, path, annotator)[1]["results"]]
    assert ids == ([unit.pk, mine.pk, judged.pk] if blind else [unit.pk, theirs.pk, mine.pk, judged.pk])
    rows = {u["id"]: u for u in api_call(live_server.url, path, annotator)[1]["results"]}
    assert rows[judged.pk]["mine"]["note"] == "seen it" and rows[unit.pk]["mine"] is None
    assert (rows[unit.pk]["suggestion"] is not None) == show_suggestions
    assert api_call(live_server.url, path, lead)[1]["results"][0]["suggestion"]["label"] == "denies"
    assert api_call(live_server.url, path, outsider)[1]["results"] == []
    assert api_call(live_server.url, path.replace("huawei", "other"), annotator)[1]["results"] == []


def test_history_is_whole_for_leads_and_own_for_blind_annotators(
    live_server, project, lead, annotator, annotator2, unit
):
    base = live_server.url
    for user, label in ((annotator, "alleges"), (annotator2, "denies"), (annotator, "denies")):
        stances = Stance.objects.filter(annotator=user)
        body = {"claim": unit.claim_id, "source": unit.source_id, "label": label}
        if stances.exists():
            status, _ = api_call(base, f"/api/v1/stances/{stances[0].pk}/", user, "PATCH",
                                 {"label": label, "version": stances[0].version})
        else:
            status, _ = api_call(base, "/api/v1/stances/", user, "POST", body)
        assert status in (200, 201)
    status, page = api_call(base, "/api/v1/projects/huawei/history/", lead)
    assert status == 200
    assert [(h["annotator"], h["action"], h["new_label"]) for h in page["results"]] == [
        ("ann1", "create", "alleges"), ("ann2", "create", "denies"), ("ann1", "update", "denies")]
    status, page = api_call(base, "/api/v1/projects/huawei/history/?ordering=-id", annotator)
    assert [(h["annotator"], h["old_label"], h["new_label"]) for h in page["results"]] == [
        ("ann1", "alleges", "denies"), ("ann1", "", "alleges")]
    assert api_call(base, "/api/v1/projects/huawei/history/", UserFactory())[0] == 404
    # Resolutions name the final labels: in blind mode not for annotators.
    assert api_call(base, "/api/v1/projects/huawei/resolutions/", annotator)[0] == 403


def test_lists_filter_by_updated_since_and_order(live_server, project, annotator, unit):
    base = live_server.url
    old = StanceFactory(claim=unit.claim, source=unit.source, annotator=annotator)
    newer_unit = UnitFactory(claim=unit.claim, source=SourceFactory())
    new = StanceFactory(claim=unit.claim, source=newer_unit.source, annotator=annotator)
    Stance.objects.filter(pk=old.pk).update(updated_at="2020-01-01T00:00:00Z")
    Stance.objects.filter(pk=new.pk).update(updated_at="2025-06-01T12:00:00Z")

    status, page = api_call(base, "/api/v1/stances/?updated_since=2025-01-01T00:00:00Z", annotator)
    assert status == 200 and [s["id"] for s in page["results"]] == [new.pk]
    status, page = api_call(base, "/api/v1/stances/?ordering=-updated_at", annotator)
    assert [s["id"] for s in page["results"]] == [new.pk, old.pk]
    status, page = api_call(base, "/api/v1/stances/?ordering=updated_at&page_size=1", annotator)
    assert [s["id"] for s in page["results"]] == [old.pk] and "cursor=" in page["next"]
    status, second = api_call(base, "/api/v1" + page["next"].split("/api/v1", 1)[1], annotator)
    assert [s["id"] for s in second["results"]] == [new.pk]

    for path in ("/api/v1/stances/?ordering=annotator__password", "/api/v1/stances/?updated_since=yesterday",
                 "/api/v1/articles/?page_size=501", "/api/v1/units/?page_size=0",
                 "/api/v1/projects/huawei/disagreements/?page_size=abc", "/api/v1/claims/?article=1.5"):
        status, body = api_call(base, path, annotator if "disagreements" not in path else None)
        assert status in (400, 401), (path, status, body)
    MembershipFactory(project=project, user=UserFactory(username="boss"), role=Membership.Role.LEAD)
    boss = Membership.objects.get(user__username="boss").user
    status, body = api_call(base, "/api/v1/projects/huawei/disagreements/?page_size=501", boss)
    assert status == 400 and "page_size" in body
    for path in ("/api/v1/projects/", "/api/v1/articles/", "/api/v1/claims/", "/api/v1/sources/",
                 "/api/v1/units/", "/api/v1/claim-clusters/", "/api/v1/projects/huawei/history/",
                 "/api/v1/projects/huawei/resolutions/", "/api/v1/projects/huawei/disagreements/"):
        status, body = api_call(base, path + "?updated_since=2000-01-01T00:00:00Z&page_size=2", boss)
        assert status == 200 and set(body) == {"next", "previous", "results"}, (path, body)


def test_a_nul_in_the_project_of_a_new_article_is_a_400(live_server, project, lead):
    status, body = api_call(live_server.url, "/api/v1/articles/", lead, "POST",
                            {"project": "huawei\x00", "title": "T", "body": "Some text.", "language": "en"})
    assert status == 400 and "project" in body


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_a_nul_in_the_project_of_a_changed_article_is_a_400_and_changes_nothing(live_server, project, lead, method):
    """A change names its project as a create does: checked before any query (it was a 500 from
    PostgreSQL, which refuses NUL in text, found by the schema test with 300 examples)."""
    article = ArticleFactory(project=project, title="Before")
    status, body = api_call(live_server.url, f"/api/v1/articles/{article.pk}/", lead, method,
                            {"project": "huawei\x00", "title": "After", "body": article.body, "language": "en"})
    assert status == 400 and "project" in body, body
    article.refresh_from_db()
    assert article.title == "Before"


def test_request_bodies_are_json_only(live_server, project, annotator):
    request = urllib.request.Request(live_server.url + "/api/v1/sources/", data=b"name=X&role=null", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    request.add_header("Authorization", f"Token {Token.objects.get_or_create(user=annotator)[0].key}")
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("a form body was accepted")
    except urllib.error.HTTPError as exc:
        assert exc.code == 415 and "detail" in json.loads(exc.read())


def test_bulk_stances_are_all_or_nothing(live_server, project, annotator, unit):
    base = live_server.url
    second = UnitFactory(claim=unit.claim, source=SourceFactory(name="Union"))
    items = [{"claim": unit.claim_id, "source": unit.source_id, "label": "alleges"},
             {"claim": second.claim_id, "source": second.source_id, "label": "no_such_label"}]
    status, body = api_call(base, "/api/v1/stances/bulk/", annotator, "POST", {"stances": items})
    assert status == 400 and list(body["stances"]) == ["1"] and "label" in body["stances"]["1"]
    assert not Stance.objects.exists() and not History.objects.exists()

    items[1]["label"] = "denies"
    status, body = api_call(base, "/api/v1/stances/bulk/", annotator, "POST", {"stances": items})
    assert status == 201 and [s["label"] for s in body] == ["alleges", "denies"]
    first, other = body

    # One stale version among fresh changes: nothing changes, the 409 names the item and its current state.
    changes = [{"claim": unit.claim_id, "source": unit.source_id, "label": "denies", "version": first["version"]},
               {"claim": second.claim_id, "source": second.source_id, "label": "alleges", "version": 9}]
    status, body = api_call(base, "/api/v1/stances/bulk/", annotator, "POST", {"stances": changes})
    assert status == 409 and body["index"] == 1 and body["current"]["label"] == "denies"
    assert sorted(Stance.objects.values_list("label", flat=True)) == ["alleges", "denies"]
    assert History.objects.count() == 2

    status, body = api_call(base, "/api/v1/stances/bulk/", annotator, "POST",
                            {"stances": [{"claim": unit.claim_id, "source": unit.source_id, "label": "x"}] * 501})
    assert status == 400 and "stances" in body
