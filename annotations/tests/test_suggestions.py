"""The pre-fill's quality: what annotators did with the suggestions, and precision and recall.

One hand-made project whose corrections are known, counted by hand below:

Article A (en, engine v1): claims c1, c2, c4. Article B (nl, engines v2 then v3): claim c3.
Both articles are judged by ann1 and ann2 (two annotators each).

  u1 c1·s1 suggested alleges 0.9   ann1 alleges, ann2 alleges      consensus alleges   kept 2
  u2 c1·s2 suggested alleges 0.6   ann1 denies, ann2 denies        consensus denies    changed 2
  u3 c2·s1 suggested denies 0.5    ann1 rejected, ann2 rejected    consensus rejected
      ann1 added u4 c2·s3 (same claim, other source: replaced), ann2 added u5 c4·s1 (moved)
  u4 c2·s3 by hand (ann1)          ann1 denies                     lead: denies        (a correction)
  u5 c4·s1 by hand (ann2)          ann2 denies                     disputed            (a correction)
  u6 c3·s4 suggested no_comment 0.8 ann1 no_comment, ann2 rejected lead: no_comment    kept 1, rejected 1
  u7 c3·s5 by hand (ann1)          ann1 alleges, ann2 alleges      consensus alleges   added 1
  u8 c3·s6 suggested alleges 0.7 (v3) not judged                   open

Suggestions 5, judgements 8: kept 3, changed 2, rejected 1, replaced 1, moved 1; added 1.
Settled suggestions u1 u2 u3 u6 = 4, correct u1 u6 = 2, found (not rejected) u1 u2 u6 = 3.
Settled statements u1 u2 u4 u6 u7 = 5, found by the engine u1 u2 u6 = 3.
Precision 2/4, recall 2/5, unit precision 3/4, unit recall 3/5; mean confidence 3.5/5.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations import selectors
from annotations.models import REJECTED, Claim, Resolution
from annotations.suggestions import UnitFacts, suggestion_quality
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory
from annotations.tests.test_api import Http

LABELS = ["alleges", "denies", "no_comment"]
ZERO = dict(suggestions=0, judgements=0, kept=0, changed=0, rejected=0, replaced=0, moved=0, added=0,
            settled_suggestions=0, correct=0, found=0, settled_statements=0, found_statements=0)
COUNTS = ["suggestions", "judgements", "kept", "changed", "rejected", "replaced", "moved", "added",
          "settled_suggestions", "correct", "found", "settled_statements", "found_statements"]
EXPECTED = {
    "overall": dict(suggestions=5, judgements=8, kept=3, changed=2, rejected=1, replaced=1, moved=1, added=1,
                    settled_suggestions=4, correct=2, found=3, settled_statements=5, found_statements=3),
    ("language", "en"): dict(suggestions=3, judgements=6, kept=2, changed=2, rejected=0, replaced=1, moved=1,
                             added=0, settled_suggestions=3, correct=1, found=2, settled_statements=3,
                             found_statements=2),
    ("language", "nl"): dict(suggestions=2, judgements=2, kept=1, changed=0, rejected=1, replaced=0, moved=0,
                             added=1, settled_suggestions=1, correct=1, found=1, settled_statements=2,
                             found_statements=1),
    ("engine_version", "v1"): dict(suggestions=3, judgements=6, kept=2, changed=2, rejected=0, replaced=1,
                                   moved=1, added=0, settled_suggestions=3, correct=1, found=2,
                                   settled_statements=3, found_statements=2),
    ("engine_version", "v2"): {**ZERO, "suggestions": 1, "judgements": 2, "kept": 1, "rejected": 1,
                               "settled_suggestions": 1, "correct": 1, "found": 1, "settled_statements": 1,
                               "found_statements": 1},
    # u7 was added after the engine v3 read article B; u8 is v3's only suggestion.
    ("engine_version", "v3"): {**ZERO, "suggestions": 1, "added": 1, "settled_statements": 1},
    ("confidence", "0.9-1"): {**ZERO, "suggestions": 1, "judgements": 2, "kept": 2, "settled_suggestions": 1,
                              "correct": 1, "found": 1},
    ("confidence", "0.5-0.7"): {**ZERO, "suggestions": 2, "judgements": 4, "changed": 2, "replaced": 1, "moved": 1,
                                "settled_suggestions": 2, "found": 1},
    ("confidence", "0.7-0.9"): {**ZERO, "suggestions": 2, "judgements": 2, "kept": 1, "rejected": 1,
                                "settled_suggestions": 1, "correct": 1, "found": 1},
    ("label", "alleges"): {**ZERO, "suggestions": 3, "judgements": 4, "kept": 2, "changed": 2, "added": 1,
                           "settled_suggestions": 2, "correct": 1, "found": 2, "settled_statements": 2,
                           "found_statements": 1},
    ("label", "denies"): {**ZERO, "suggestions": 1, "judgements": 2, "replaced": 1, "moved": 1,
                          "settled_suggestions": 1, "settled_statements": 2, "found_statements": 1},
    ("label", "no_comment"): {**ZERO, "suggestions": 1, "judgements": 2, "kept": 1, "rejected": 1,
                              "settled_suggestions": 1, "correct": 1, "found": 1, "settled_statements": 1,
                              "found_statements": 1},
}
RATES = {  # (precision, recall, unit precision, unit recall), by hand
    "overall": (2 / 4, 2 / 5, 3 / 4, 3 / 5),
    ("language", "en"): (1 / 3, 1 / 3, 2 / 3, 2 / 3),
    ("language", "nl"): (1.0, 1 / 2, 1.0, 1 / 2),
    ("engine_version", "v3"): (None, 0.0, None, 0.0),
    ("confidence", "0.5-0.7"): (0.0, None, 1 / 2, None),
    ("label", "alleges"): (1 / 2, 1 / 2, 1.0, 1 / 2),
    ("label", "denies"): (0.0, 0.0, 0.0, 1 / 2),
    ("label", "no_comment"): (1.0, 1.0, 1.0, 1.0),
}


def rows_of(data: dict) -> dict:
    """The report's rows (as `SuggestionReport.as_dict` gives them) by EXPECTED's keys."""
    rows = {"overall": data["overall"]}
    for group, name in (("by_language", "language"), ("by_label", "label"), ("by_engine_version", "engine_version"),
                        ("by_confidence", "confidence")):
        for row in data[group]:
            rows[(name, row[name])] = row
    return rows


def check(data: dict) -> None:
    rows = rows_of(data)
    assert set(rows) == set(EXPECTED)
    for key, counts in EXPECTED.items():
        assert {name: rows[key][name] for name in COUNTS} == counts, key
    for key, (precision, recall, unit_precision, unit_recall) in RATES.items():
        got = rows[key]
        assert (got["precision"], got["recall"], got["unit_precision"], got["unit_recall"]) == pytest.approx(
            (precision, recall, unit_precision, unit_recall)), key
    assert rows["overall"]["mean_score"] == pytest.approx(3.5 / 5)
    assert rows["overall"]["kept_rate"] == pytest.approx(3 / 8)
    assert [row["label"] for row in data["by_label"]] == LABELS
    assert [row["confidence"] for row in data["by_confidence"]] == ["0.5-0.7", "0.7-0.9", "0.9-1"]


# --- The pure function, no database -----------------------------------------------------------------

A, B = 10, 20
ANN1, ANN2, LEAD = 1, 2, 3


def facts() -> list[UnitFacts]:
    en = dict(article_id=A, language="en", annotators=2)
    nl = dict(article_id=B, language="nl", annotators=2)
    found = dict(extracted=True)
    return [
        UnitFacts(1, 1, **en, **found, suggested_label="alleges", score=0.9, engine_version="v1", unit_id=1,
                  judgements=((ANN1, "alleges"), (ANN2, "alleges")), resolution_status="consensus",
                  resolution_label="alleges"),
        UnitFacts(1, 2, **en, **found, suggested_label="alleges", score=0.6, engine_version="v1", unit_id=2,
                  judgements=((ANN1, "denies"), (ANN2, "denies")), resolution_status="consensus",
                  resolution_label="denies"),
        UnitFacts(2, 1, **en, **found, suggested_label="denies", score=0.5, engine_version="v1", unit_id=3,
                  judgements=((ANN1, REJECTED), (ANN2, REJECTED)), resolution_status="consensus",
                  resolution_label=REJECTED),
        UnitFacts(2, 3, **en, extracted=False, added_by=ANN1, unit_id=6, judgements=((ANN1, "denies"),),
                  resolution_status="resolved", resolution_label="denies"),
        UnitFacts(4, 1, **en, extracted=False, added_by=ANN2, unit_id=7, judgements=((ANN2, "denies"),)),
        UnitFacts(3, 4, **nl, **found, suggested_label="no_comment", score=0.8, engine_version="v2", unit_id=4,
                  judgements=((ANN1, "no_comment"), (ANN2, REJECTED)), resolution_status="resolved",
                  resolution_label="no_comment"),
        UnitFacts(3, 5, **nl, extracted=False, added_by=ANN1, unit_id=8,
                  judgements=((ANN1, "alleges"), (ANN2, "alleges")), resolution_status="consensus",
                  resolution_label="alleges"),
        UnitFacts(3, 6, **nl, **found, suggested_label="alleges", score=0.7, engine_version="v3", unit_id=5),
    ]


def test_the_figures_of_the_hand_made_project():
    check(suggestion_quality(facts(), labels=LABELS).as_dict())


def test_a_rejection_without_an_added_unit_is_no_correction_and_a_stale_consensus_is_not_settled():
    units = facts()
    # ann1 added u4 in another article: no longer a correction of u3, so it is an added unit.
    units[3] = UnitFacts(2, 3, article_id=B, language="nl", annotators=2, extracted=False, added_by=ANN1)
    # u1's consensus went stale: ann2 changed to denies, so it is disputed, no longer settled.
    units[0] = UnitFacts(1, 1, article_id=A, language="en", annotators=2, extracted=True,
                         suggested_label="alleges", engine_version="v1", unit_id=1,
                         judgements=((ANN1, "alleges"), (ANN2, "denies")), resolution_status="consensus",
                         resolution_label="alleges")
    overall = suggestion_quality(units, labels=LABELS).overall
    assert (overall.replaced, overall.moved, overall.rejected, overall.added) == (0, 1, 2, 2)
    assert (overall.kept, overall.changed) == (2, 3)
    assert (overall.settled_suggestions, overall.correct) == (3, 1)


def test_no_units_no_figures():
    report = suggestion_quality([], labels=LABELS).as_dict()
    assert report["overall"]["precision"] is None and report["overall"]["recall"] is None
    assert report["by_label"] == [] and report["overall"]["suggestions"] == 0


# --- The same project in PostgreSQL ------------------------------------------------------------------


def settle(unit, label, *, by=None, reason=""):
    Resolution.objects.create(claim=unit.claim, source=unit.source, label=label, reason=reason, resolved_by=by,
                              status=Resolution.Status.RESOLVED if by else Resolution.Status.CONSENSUS)


def judge(unit, user, label):
    StanceFactory(claim=unit.claim, source=unit.source, annotator=user, label=label)


@pytest.fixture
def judged_project(project, lead, annotator, annotator2):
    a = ArticleFactory(project=project, language="en")
    b = ArticleFactory(project=project, language="nl")
    c1, c2, c4 = (ClaimFactory(article=a, origin=Claim.Origin.EXTRACTED) for _ in range(3))
    c3 = ClaimFactory(article=b, origin=Claim.Origin.EXTRACTED)
    s1, s2, s3, s4, s5, s6 = (SourceFactory() for _ in range(6))

    def found(claim, source, label, score, engine):
        return UnitFactory(claim=claim, source=source, suggested_label=label, suggestion_score=score,
                           engine_version=engine)

    def by_hand(claim, source, user):
        return UnitFactory(claim=claim, source=source, origin=Claim.Origin.MANUAL, suggested_label="",
                           added_by=user)

    u1 = found(c1, s1, "alleges", 0.9, "v1")
    u2 = found(c1, s2, "alleges", 0.6, "v1")
    u3 = found(c2, s1, "denies", 0.5, "v1")
    u6 = found(c3, s4, "no_comment", 0.8, "v2")
    found(c3, s6, "alleges", 0.7, "v3")
    u4, u5, u7 = by_hand(c2, s3, annotator), by_hand(c4, s1, annotator2), by_hand(c3, s5, annotator)
    for user in (annotator, annotator2):
        judge(u1, user, "alleges"), judge(u2, user, "denies"), judge(u3, user, REJECTED), judge(u7, user, "alleges")
    judge(u4, annotator, "denies"), judge(u5, annotator2, "denies")
    judge(u6, annotator, "no_comment"), judge(u6, annotator2, REJECTED)
    settle(u1, "alleges"), settle(u2, "denies"), settle(u3, REJECTED), settle(u7, "alleges")
    settle(u4, "denies", by=lead, reason="The union's denial."), settle(u6, "no_comment", by=lead, reason="Silence.")
    return project


def test_the_figures_from_postgresql(judged_project, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        units = selectors.suggestion_facts(judged_project)
    check(suggestion_quality(units, labels=judged_project.labels).as_dict())


def grow(project, user, n: int, label: str) -> None:
    """One more article with `n` suggested units (alleges) that `user` judged `label`."""
    extra = ArticleFactory(project=project)
    for _ in range(n):
        judge(UnitFactory(claim=ClaimFactory(article=extra), engine_version="v4"), user, label)


def page_url(project):
    return reverse("annotations:suggestions", args=[project.slug])


def test_the_page_shows_the_figures_to_a_lead_in_constant_queries(client, judged_project, lead,
                                                                 django_assert_max_num_queries):
    client.force_login(lead)
    with django_assert_max_num_queries(12) as counted:
        r = client.get(page_url(judged_project))
    assert r.status_code == 200
    html = r.content.decode()
    overall = html.split('id="suggestions-overall"')[1].split("</table>")[0]
    for name, value in [("kept", 3), ("changed", 2), ("rejected", 1), ("replaced", 1), ("moved", 1), ("added", 1)]:
        assert f'data-{name}="{value}"' in overall
    assert 'data-precision="0.5"' in overall and 'data-recall="0.4"' in overall
    assert 'id="suggestions-by-engine"' in html and 'data-row="v3"' in html
    # More units, articles and judgements cost no more queries.
    first = len(counted.captured_queries)
    grow(judged_project, lead, 3, "denies")
    with django_assert_max_num_queries(first):
        assert client.get(page_url(judged_project)).status_code == 200


def test_the_page_is_for_leads_only_and_speaks_dutch(client, judged_project, annotator, lead):
    client.force_login(annotator)
    assert client.get(page_url(judged_project)).status_code == 403
    client.force_login(lead)
    html = client.get(page_url(judged_project), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Kwaliteit van de suggesties" in html
    html = client.get(reverse("annotations:review-agreement", args=[judged_project.slug])).content.decode()
    assert f'href="{page_url(judged_project)}"' in html


# --- The API over real HTTP ----------------------------------------------------------------------------


@pytest.fixture
def http(live_server):
    return Http(live_server.url)


def test_the_api_gives_the_figures_to_leads(http, judged_project, lead, annotator, outsider):
    from rest_framework.authtoken.models import Token

    path = f"/api/v1/projects/{judged_project.slug}/suggestions/"
    status, body = http.json("GET", path, token=Token.objects.create(user=lead).key)
    assert status == 200
    check(body)
    status, body = http.json("GET", path, token=Token.objects.create(user=annotator).key)
    assert status == 403 and "detail" in body
    status, body = http.json("GET", path, token=Token.objects.create(user=outsider).key)
    assert status == 404 and "detail" in body
    assert http.json("GET", path)[0] == 401


def test_the_api_answers_in_constant_queries(judged_project, lead, django_assert_max_num_queries):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(lead)
    path = f"/api/v1/projects/{judged_project.slug}/suggestions/"
    with django_assert_max_num_queries(8) as counted:
        r = client.get(path)
    assert r.status_code == 200 and r.json()["overall"]["kept"] == 3
    first = len(counted.captured_queries)
    grow(judged_project, lead, 4, "alleges")
    with django_assert_max_num_queries(first):
        assert client.get(path).json()["overall"]["kept"] == 7
