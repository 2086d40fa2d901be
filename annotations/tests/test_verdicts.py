"""Verdicts: a lead rates a tracked claim or a claim; ClaimReview publishes them (one item per verdict)."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import extruct
import jsonschema
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from annotations import exports, records, services
from annotations.models import (
    Article,
    Claim,
    ClaimCluster,
    ClaimLink,
    Membership,
    ProjectChange,
    Resolution,
    Verdict,
    VerdictChange,
)
from annotations.tests.factories import (
    ArticleFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
    claim_at,
)

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "claimreview.schema.json").read_text())
FACT_CHECK = "https://factcheck.example.org/2024/03/bridge-money"


@pytest.fixture
def newsroom(project, lead):
    """A tracked claim heard in three articles (one dated only to the month), alleged by a minister
    in the earliest; a claim of its own; the project's publishing organisation set."""
    project.publisher_name = "Het Feitenbureau"
    project.publisher_url = "https://factcheck.example.org/"
    project.save(update_fields=["publisher_name", "publisher_url"])
    early = ArticleFactory(project=project, title="Bridge money promised", url="https://paper.example/bridge",
                           outlet="The Daily Example", published=dt.date(2024, 2, 3),
                           body="The minister said the bridge costs nothing. The union denied it.")
    later = ArticleFactory(project=project, title="Bridge, again", url="https://other.example/b2",
                           published=dt.date(2024, 2, 20),
                           body="Again the minister said the bridge costs nothing to taxpayers.")
    vague = ArticleFactory(project=project, title="Monthly round-up", url="", published=dt.date(2024, 3, 1),
                           published_precision=Article.Precision.MONTH,
                           body="A round-up: the bridge costs nothing, some said.")
    claims = [claim_at(early, "the bridge costs nothing"), claim_at(later, "the bridge costs nothing"),
              claim_at(vague, "the bridge costs nothing")]
    cluster = ClaimCluster.objects.create(project=project, title="The bridge costs the taxpayer nothing")
    for claim in claims:
        ClaimLink.objects.create(cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED)
    minister = SourceFactory(name="Minister Jansen", kind="person")
    UnitFactory(claim=claims[0], source=minister)
    Resolution.objects.create(claim=claims[0], source=minister, label="alleges", status="resolved",
                              resolved_by=lead)
    lone = claim_at(early, "The union denied it")
    return {"cluster": cluster, "claims": claims, "early": early, "later": later, "vague": vague, "lone": lone,
            "minister": minister}


def give(project, lead, **kwargs) -> Verdict:
    values = {"rating": "mostly false", "explanation": "The bridge is paid from the road fund.",
              "url": FACT_CHECK, "date_published": dt.date(2024, 3, 1), **kwargs}
    return services.verdict_set(project=project, reviewer=lead, **values)


def claimreview(project) -> list[dict]:
    return json.loads(b"".join(exports.iter_export(project, exports.ExportOptions(format="claimreview"))))


# --- The export -------------------------------------------------------------------------------


def test_claimreview_has_one_item_per_published_verdict(project, lead, newsroom):
    on_cluster = give(project, lead, cluster=newsroom["cluster"])
    on_claim = give(project, lead, claim=newsroom["lone"], rating="true", explanation="",
                    url="https://factcheck.example.org/union", date_published="2024-03-04")
    give(project, lead, claim=newsroom["claims"][1], url="")  # not published yet: no URL
    give(project, lead, claim=newsroom["claims"][2], date_published=None)  # nor a date

    items = claimreview(project)

    assert [item["identifier"] for item in items] == [
        f"urn:claimtrack:verdict:{on_cluster.pk}", f"urn:claimtrack:verdict:{on_claim.pk}"]
    bridge = {"@type": "CreativeWork", "headline": "Bridge money promised", "url": "https://paper.example/bridge",
              "datePublished": "2024-02-03", "publisher": {"@type": "Organization", "name": "The Daily Example"}}
    assert items[0] == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"urn:claimtrack:verdict:{on_cluster.pk}",
        "url": FACT_CHECK,
        "claimReviewed": "The bridge costs the taxpayer nothing",
        "datePublished": "2024-03-01",
        "author": {"@type": "Organization", "name": "Het Feitenbureau", "url": "https://factcheck.example.org/"},
        "reviewRating": {"@type": "Rating", "alternateName": "mostly false", "name": "mostly false",
                         "ratingValue": 3, "bestRating": 6, "worstRating": 1,
                         "ratingExplanation": "The bridge is paid from the road fund."},
        "itemReviewed": {
            "@type": "Claim",
            # Earliest first; the article dated only to a month gets no date (a schema.org date is a full one).
            "appearance": [bridge,
                           {"@type": "CreativeWork", "headline": "Bridge, again", "url": "https://other.example/b2",
                            "datePublished": "2024-02-20"},
                           {"@type": "CreativeWork", "headline": "Monthly round-up"}],
            "firstAppearance": bridge,
            "datePublished": "2024-02-03",
            "author": {"@type": "Person", "name": "Minister Jansen"},
        },
    }
    assert items[1]["claimReviewed"] == "The union denied it"
    assert items[1]["reviewRating"] == {"@type": "Rating", "alternateName": "true", "name": "true",
                                        "ratingValue": 6, "bestRating": 6, "worstRating": 1}
    assert items[1]["itemReviewed"]["appearance"] == [bridge] and "author" not in items[1]["itemReviewed"]


def test_the_stances_are_not_in_claimreview_but_stay_in_csv(project, lead, newsroom):
    give(project, lead, cluster=newsroom["cluster"])
    text = json.dumps(claimreview(project))
    assert "alleges" not in text and "stance" not in text
    table = b"".join(exports.iter_csv(project, exports.ExportOptions(), method="python")).decode()
    assert "Minister Jansen" in table and ",alleges," in table


def test_without_verdicts_claimreview_is_an_empty_array(project, newsroom):
    assert claimreview(project) == []


def test_every_item_validates_against_googles_fact_check_markup(project, lead, newsroom):
    give(project, lead, cluster=newsroom["cluster"])
    give(project, lead, claim=newsroom["lone"], rating="unproven", date_published="2024-03-05")
    items = claimreview(project)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.check_schema(SCHEMA)
    assert [error.message for error in validator.iter_errors(items)] == []
    for item in items:
        rating = item["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    # The schema is no rubber stamp: what the old export wrote fails it.
    old = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x",
           "datePublished": "2019-05", "reviewRating": {"@type": "Rating", "alternateName": "alleges"}}
    errors = {e.message for e in validator.iter_errors([old])}
    assert "'url' is a required property" in errors and any("2019-05" in e for e in errors)


def test_extruct_finds_the_claimreview_in_a_page_that_embeds_it(project, lead, newsroom):
    give(project, lead, cluster=newsroom["cluster"])
    item = claimreview(project)[0]
    html = ("<!doctype html><html><head><title>Fact-check</title>"
            f'<script type="application/ld+json">{json.dumps(item)}</script></head>'
            "<body><article>The bridge</article></body></html>")
    found = extruct.extract(html, base_url=FACT_CHECK, syntaxes=["json-ld"])["json-ld"]
    assert len(found) == 1
    review = found[0]
    assert review["@type"] == "ClaimReview" and review["url"] == FACT_CHECK
    assert review["reviewRating"]["alternateName"] == "mostly false"
    assert review["itemReviewed"]["firstAppearance"]["url"] == "https://paper.example/bridge"
    assert review["author"]["url"] == "https://factcheck.example.org/"


def _many_verdicts(project, lead, n: int, start: int = 0) -> None:
    article = ArticleFactory(project=project, url="https://paper.example/many", published=dt.date(2024, 1, 2))
    claims = Claim.objects.bulk_create(
        Claim(article=article, start=0, end=5, text=f"claim {start + i}") for i in range(n))
    Verdict.objects.bulk_create(
        Verdict(project=project, claim=claim, rating="false", url=f"https://fc.example/{claim.pk}",
                date_published=dt.date(2024, 3, 1), reviewer=lead) for claim in claims)


def test_export_queries_do_not_grow_with_the_verdicts(project, lead, newsroom, django_assert_max_num_queries):
    give(project, lead, cluster=newsroom["cluster"])
    _many_verdicts(project, lead, 3)
    with CaptureQueriesContext(connection) as few:
        assert len(claimreview(project)) == 4
    _many_verdicts(project, lead, 60, start=3)
    # ids, verdicts, the tracked claims' links, the claims rated alone, the "alleges" settlements
    with django_assert_max_num_queries(5):
        assert len(claimreview(project)) == 64
    assert len(few.captured_queries) == 5


def test_export_streams_in_flat_memory(project, lead, monkeypatch):
    monkeypatch.setattr(records, "BATCH_VERDICTS", 50)

    def peak(n_items: int) -> int:
        tracemalloc.start()
        try:
            for _chunk in exports.iter_claimreview(project, exports.ExportOptions(format="claimreview")):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    _many_verdicts(project, lead, 100)
    small = peak(100)
    _many_verdicts(project, lead, 900, start=100)
    big = peak(1000)
    assert big < 2 * small, (small, big)  # ten times the verdicts, not ten times the memory


# --- The service ---------------------------------------------------------------------------------


def test_a_verdict_is_on_a_tracked_claim_or_a_claim_exactly_one(project, lead, newsroom):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(project=project, cluster=newsroom["cluster"], claim=newsroom["lone"],
                               rating="true", reviewer=lead)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(project=project, rating="true", reviewer=lead)
    with pytest.raises(ValueError):
        services.verdict_set(project=project, reviewer=lead, rating="true")


def test_the_rating_must_be_on_the_projects_scale(project, lead, newsroom):
    with pytest.raises(ValidationError) as caught:
        give(project, lead, cluster=newsroom["cluster"], rating="pants on fire", url="ftp://x", date_published="3/4")
    assert set(caught.value.message_dict) == {"rating", "url", "date_published"}
    assert "mostly true" in caught.value.message_dict["rating"][0]
    assert not Verdict.objects.exists()
    project.verdict_scale = ["correct", "wrong"]
    project.save(update_fields=["verdict_scale"])
    assert give(project, lead, cluster=newsroom["cluster"], rating="wrong").rating == "wrong"


def test_an_annotator_gives_no_verdict(project, annotator, newsroom):
    with pytest.raises(PermissionDenied):
        give(project, annotator, cluster=newsroom["cluster"])
    assert not Verdict.objects.exists()


def test_another_projects_lead_gives_no_verdict(project, newsroom):
    other = ProjectFactory(slug="other")
    stranger = UserFactory(username="stranger")
    MembershipFactory(project=other, user=stranger, role=Membership.Role.LEAD)
    with pytest.raises(PermissionDenied):
        give(project, stranger, cluster=newsroom["cluster"])
    with pytest.raises(ValidationError):  # nor through their own project
        give(other, stranger, cluster=newsroom["cluster"])
    assert not Verdict.objects.exists()


def test_a_stale_version_is_refused_and_overwrites_nothing(project, lead, owner, newsroom):
    first = give(project, lead, cluster=newsroom["cluster"])
    assert first.version == 1
    second = give(project, owner, cluster=newsroom["cluster"], rating="false", expected_version=1)
    assert (second.version, second.rating, second.reviewer) == (2, "false", owner)
    with pytest.raises(services.Conflict) as caught:
        give(project, lead, cluster=newsroom["cluster"], rating="true", expected_version=1)
    assert caught.value.current.rating == "false" and "owner" in str(caught.value)
    with pytest.raises(services.Conflict):  # changing a verdict must name the version seen
        give(project, lead, cluster=newsroom["cluster"], rating="true")
    assert Verdict.objects.get().rating == "false"


def test_every_change_of_a_verdict_is_kept(project, lead, owner, newsroom):
    give(project, lead, cluster=newsroom["cluster"], via="api")
    give(project, owner, cluster=newsroom["cluster"], rating="false", explanation="Paid by tolls.",
         expected_version=1)
    give(project, owner, cluster=newsroom["cluster"], rating="false", explanation="Paid by tolls.",
         expected_version=2)  # no change: no new row
    changes = list(VerdictChange.objects.order_by("id").values_list("action", "actor__username", "old", "new", "via"))
    first = {"rating": "mostly false", "explanation": "The bridge is paid from the road fund.", "url": FACT_CHECK,
             "date_published": "2024-03-01"}
    assert changes == [
        ("create", "lead", {}, first, "api"),
        ("update", "owner", first, {**first, "rating": "false", "explanation": "Paid by tolls."}, "page"),
    ]


# --- The project's scale and publisher -----------------------------------------------------------


def test_a_rating_used_by_a_verdict_cannot_leave_the_scale(project, lead, newsroom):
    give(project, lead, cluster=newsroom["cluster"])
    with pytest.raises(ValidationError) as caught:
        services.project_settings_set(project=project, actor=lead, verdict_scale=["true", "false"])
    assert "mostly false" in caught.value.message_dict["verdict_scale"][0]
    changed = services.project_settings_set(
        project=project, actor=lead, verdict_scale=["true", "mostly false", "false"],
        publisher_name="Het Feitenbureau", publisher_url="https://feiten.example/")
    assert changed == ["verdict_scale", "publisher_url"]
    assert list(ProjectChange.objects.filter(field="verdict_scale").values_list("old", "new")) == [
        ("true, mostly true, half true, mostly false, false, unproven", "true, mostly false, false")]


def test_a_scale_must_have_distinct_ratings(project, lead):
    with pytest.raises(ValidationError):
        services.project_settings_set(project=project, actor=lead, verdict_scale=["True", "true"])
    with pytest.raises(ValidationError):
        services.project_settings_set(project=project, actor=lead, verdict_scale=["only one"])


def test_a_merged_tracked_claims_verdict_follows_its_claims_unless_the_target_has_one(project, lead, newsroom):
    cluster = newsroom["cluster"]
    bare = ClaimCluster.objects.create(project=project, title="Bridge, free of charge")
    moved = give(project, lead, cluster=cluster)
    services.cluster_merge(target=bare, source=cluster, user=lead)
    moved.refresh_from_db()
    assert moved.cluster == bare
    [item] = claimreview(project)
    assert item["claimReviewed"] == "Bridge, free of charge" and len(item["itemReviewed"]["appearance"]) == 3
    # Both have one: the target's stands, the merged one's stays on it and leaves ClaimReview.
    other = ClaimCluster.objects.create(project=project, title="Another bridge claim")
    kept = give(project, lead, cluster=other, rating="true", url="https://factcheck.example.org/other")
    services.cluster_merge(target=other, source=bare, user=lead)
    moved.refresh_from_db()
    assert (moved.cluster, kept.cluster) == (bare, other)
    assert [(i["claimReviewed"], i["reviewRating"]["alternateName"]) for i in claimreview(project)] == [
        ("Another bridge claim", "true")]


def test_claimreview_can_be_pasted_into_a_script_tag_whatever_the_article_says(project, lead):
    article = ArticleFactory(project=project, url="https://paper.example/x", published=dt.date(2024, 1, 5),
                             body='He wrote </script><script>alert("x")</script> & left.')
    claim = claim_at(article, '</script><script>alert("x")</script> & left')
    give(project, lead, claim=claim)
    raw = b"".join(exports.iter_claimreview(project, exports.ExportOptions(format="claimreview"))).decode()
    assert "</script" not in raw and "<" not in raw and "&" not in raw
    [item] = json.loads(raw)
    assert item["claimReviewed"] == claim.text
    html = f'<html><head><script type="application/ld+json">{raw.strip()[1:-1]}</script></head><body></body></html>'
    [found] = extruct.extract(html, base_url=FACT_CHECK, syntaxes=["json-ld"])["json-ld"]
    assert found["claimReviewed"] == claim.text


def test_the_command_exports_the_same_claimreview(project, lead, newsroom, tmp_path):
    from django.core.management import call_command

    give(project, lead, cluster=newsroom["cluster"])
    path = tmp_path / "reviews.jsonld"
    call_command("export_stances", "huawei", "--format", "claimreview", "-o", str(path))
    assert json.loads(path.read_text()) == claimreview(project) and len(claimreview(project)) == 1
