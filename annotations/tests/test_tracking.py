"""Tracked claims: link suggestions, lead decisions with history, pages, permissions, query budgets."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from annotations import services, tracking
from annotations.models import Article, ClaimCluster, ClaimLink, ClusterEvent, Membership, Resolution
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
)

ROOT = Path(__file__).resolve().parents[2]


# --- Similarity, without the database -------------------------------------------------------


def test_similar_propositions_score_above_unrelated_ones_in_both_languages():
    members = [("Huawei zou een verborgen achterdeur hebben in apparatuur van KPN.", "")]
    candidates = [
        ("a", "Er zit een verborgen achterdeur in Huawei-apparatuur.", ""),
        ("b", "KPN verhoogt de abonnementsprijzen per januari.", ""),
        ("c", "Huawei equipment contains a hidden backdoor.", ""),
        ("d", "The cabinet will decide on frequencies next year.", ""),
    ]
    scores = {s.candidate: s.score for s in tracking.suggest_for_cluster(members, candidates, threshold=0.0)}
    assert scores["a"] > tracking.DEFAULT_THRESHOLD > scores["b"]
    assert scores["c"] > scores["d"]


def test_suggest_pairs_keeps_only_pairs_at_or_above_threshold():
    items = [
        (1, "Huawei spioneert voor de Chinese overheid.", ""),
        (2, "Huawei spioneert voor de Chinese staat.", ""),
        (3, "De minister heeft vertrouwen in de netwerken.", ""),
    ]
    pairs = tracking.suggest_pairs(items, threshold=0.3)
    assert [(a, b) for a, b, _ in pairs] == [(1, 2)]
    assert tracking.suggest_pairs(items[:1]) == []


def test_precision_recall_of_link_sets():
    gold = {frozenset((1, 2)), frozenset((3, 4))}
    assert tracking.precision_recall({frozenset((1, 2)), frozenset((1, 3))}, gold) == (0.5, 0.5)
    assert tracking.precision_recall(set(), gold) == (1.0, 0.0)


def test_bench_script_prints_precision_and_recall_on_the_gold_set():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_clusters.py"), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    results = {r["gold"]: r for r in map(json.loads, out.splitlines())}
    assert set(results) == {"cluster_gold.jsonl", "cluster_heldout.jsonl"}
    for result in results.values():
        assert result["gold_links"] >= 20
        assert result["all"]["precision"] >= 0.8
        assert result["same_language"]["recall"] >= 0.8
    # On topics the glossary was not written for, it still links some Dutch and English claims.
    assert results["cluster_heldout.jsonl"]["cross_language"]["recall"] >= 0.3


def test_glossary_bridges_dutch_and_english_wording():
    nl = [("De overheid ontkent het bewijs.", "")]
    en = [("The government denies the evidence.", ""), ("De kat zit op de mat.", "")]
    scores = tracking.similarity(nl, en)[0]
    assert scores[0] > tracking.DEFAULT_THRESHOLD > scores[1]
    assert tracking.bridge("Geen bewijs, zegt de overheid") == "no evidence says the government"


def test_timeline_filters_reject_bad_dates_with_the_parameter_name():
    with pytest.raises(services.TrackingError, match="from"):
        tracking.TimelineFilters.from_query({"from": "yesterday"})
    f = tracking.TimelineFilters.from_query({"from": "2019-05-01", "label": "denies", "source": "7"})
    assert (f.date_from, f.label, f.source_id) == (date(2019, 5, 1), "denies", 7)


# --- Fixtures --------------------------------------------------------------------------------

TEXTS = [
    ("nl", "Huawei zou een verborgen achterdeur hebben in apparatuur van een Nederlandse provider."),
    ("nl", "Er zit een verborgen achterdeur in de Huawei-apparatuur van een Nederlandse provider."),
    ("nl", "KPN verhoogt de abonnementsprijzen per januari."),
    ("en", "Huawei sponsors a football club in the Dutch league."),
]


def _article(project, lang, text, published=None, precision="day"):
    return ArticleFactory(project=project, language=lang, body=text, published=published,
                          published_precision=precision)


def _claim(project, lang, text, **kw):
    article = _article(project, lang, text, **kw)
    return ClaimFactory(article=article, start=0, end=len(text), text=text)


@pytest.fixture
def claims(project):
    return [
        _claim(project, lang, text, published=date(2019, 5, i + 1)) for i, (lang, text) in enumerate(TEXTS)
    ]


# --- Services ----------------------------------------------------------------------------------


def test_tracking_a_claim_suggests_the_similar_one_and_not_the_unrelated(project, lead, claims):
    cluster = services.cluster_create(project=project, claim=claims[0], user=lead)
    links = {link.claim_id: link.status for link in cluster.links.all()}
    assert links == {claims[0].pk: "confirmed", claims[1].pk: "suggested"}
    assert list(cluster.events.values_list("kind", flat=True)) == ["create", "suggest"]


def test_confirm_keeps_who_and_when_and_rejected_claims_are_not_suggested_again(project, lead, claims):
    cluster = services.cluster_create(project=project, claim=claims[0], user=lead)
    assert services.link_decide(cluster=cluster, claim_ids=[claims[1].pk], status="confirmed", user=lead) == 1
    link = ClaimLink.objects.get(cluster=cluster, claim=claims[1])
    assert (link.status, link.decided_by, link.decided_at is not None) == ("confirmed", lead, True)
    services.link_decide(cluster=cluster, claim_ids=[claims[2].pk], status="rejected", user=lead)
    assert services.cluster_suggest(cluster=cluster, user=lead, threshold=0.0) == 1  # only claims[3]
    assert ClaimLink.objects.get(cluster=cluster, claim=claims[2]).status == "rejected"
    kinds = list(cluster.events.values_list("kind", "actor__username"))
    assert ("confirm", "lead") in kinds and ("reject", "lead") in kinds


def test_a_claim_is_confirmed_in_at_most_one_cluster(project, lead, claims):
    a = services.cluster_create(project=project, claim=claims[0], user=lead, suggest=False)
    b = services.cluster_create(project=project, claim=claims[2], user=lead, suggest=False)
    with pytest.raises(services.TrackingError, match="already confirmed"):
        services.link_decide(cluster=b, claim_ids=[claims[0].pk], status="confirmed", user=lead)
    with pytest.raises(services.TrackingError, match="already tracked"):
        services.cluster_create(project=project, claim=claims[0], user=lead)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(cluster=b, claim=claims[0], status="confirmed")
    assert a.links.get().claim == claims[0]


def test_merge_moves_confirmed_claims_and_records_history_on_both(project, lead, claims):
    a = services.cluster_create(project=project, claim=claims[0], user=lead, suggest=False)
    b = services.cluster_create(project=project, claim=claims[1], user=lead, suggest=False)
    services.link_decide(cluster=b, claim_ids=[claims[2].pk], status="confirmed", user=lead)
    services.link_decide(cluster=a, claim_ids=[claims[2].pk], status="rejected", user=lead)
    confirmed_before = ClaimLink.objects.get(cluster=b, claim=claims[2]).decided_at
    other_lead = UserFactory(username="lead2")
    services.cluster_merge(target=a, source=b, user=other_lead, note="same proposition")
    moved = ClaimLink.objects.get(cluster=a, claim=claims[2])
    assert (moved.decided_by, moved.decided_at) == (lead, confirmed_before)  # who confirmed it stays
    confirmed = set(a.links.filter(status="confirmed").values_list("claim_id", flat=True))
    assert confirmed == {claims[0].pk, claims[1].pk, claims[2].pk}
    b.refresh_from_db()
    assert b.merged_into == a and not b.links.exists()
    merge_a = a.events.get(kind="merge")
    assert (merge_a.other_cluster, merge_a.actor, merge_a.note) == (b, other_lead, "same proposition")
    assert sorted(merge_a.claim_ids) == sorted([claims[1].pk, claims[2].pk])
    assert b.events.filter(kind="merge", other_cluster=a).exists()
    with pytest.raises(services.TrackingError, match="merged"):
        services.link_decide(cluster=b, claim_ids=[claims[3].pk], status="confirmed", user=lead)


def test_split_moves_chosen_claims_to_a_new_cluster_with_history(project, lead, claims):
    a = services.cluster_create(project=project, claim=claims[0], user=lead, suggest=False)
    services.link_decide(cluster=a, claim_ids=[claims[1].pk, claims[2].pk], status="confirmed", user=lead)
    new = services.cluster_split(cluster=a, claim_ids=[claims[2].pk], user=lead)
    assert set(a.links.values_list("claim_id", flat=True)) == {claims[0].pk, claims[1].pk}
    assert list(new.links.values_list("claim_id", "status")) == [(claims[2].pk, "confirmed")]
    assert new.title == claims[2].text
    assert a.events.filter(kind="split", other_cluster=new, claim_ids=[claims[2].pk]).exists()
    assert new.events.filter(kind="split", other_cluster=a).exists()
    with pytest.raises(services.TrackingError, match="stay"):
        services.cluster_split(cluster=a, claim_ids=[claims[0].pk, claims[1].pk], user=lead)


# --- Timeline -------------------------------------------------------------------------------------


@pytest.fixture
def tracked(project, lead, annotator, annotator2, claims):
    """A cluster of claims 0 and 1; unit (claim0, volkskrant) resolved, (claim1, huawei) judged."""
    cluster = services.cluster_create(project=project, claim=claims[0], user=lead, suggest=False)
    services.link_decide(cluster=cluster, claim_ids=[claims[1].pk], status="confirmed", user=lead)
    vk, hw = SourceFactory(name="de Volkskrant"), SourceFactory(name="Huawei")
    UnitFactory(claim=claims[0], source=vk)
    UnitFactory(claim=claims[1], source=hw, suggested_label="denies")
    Resolution.objects.create(claim=claims[0], source=vk, label="alleges", status="consensus")
    StanceFactory(claim=claims[1], source=hw, annotator=annotator, label="denies")
    StanceFactory(claim=claims[1], source=hw, annotator=annotator2, label="no_comment")
    # Not in the cluster: must not show.
    UnitFactory(claim=claims[2], source=hw)
    return cluster


def test_cluster_timeline_orders_by_date_and_counts_resolved_stances(project, lead, tracked, claims):
    membership = Membership.objects.get(project=project, user=lead)
    timeline = tracking.cluster_timeline(cluster=tracked, membership=membership, user=lead)
    assert [(r.claim.pk, r.source.name, r.label, r.status) for r in timeline.rows] == [
        (claims[0].pk, "de Volkskrant", "alleges", "consensus"),
        (claims[1].pk, "Huawei", "", "disputed"),
    ]
    assert timeline.counts == {"alleges": 1, "denies": 0, "no_comment": 0}
    assert timeline.unlabelled == 1
    filtered = tracking.cluster_timeline(
        cluster=tracked, membership=membership, user=lead,
        filters=tracking.TimelineFilters(date_from=date(2019, 5, 2)),
    )
    assert [r.claim.pk for r in filtered.rows] == [claims[1].pk]


def test_blind_annotator_sees_only_own_judgement_in_timeline(project, annotator, tracked, claims):
    assert project.blind
    membership = Membership.objects.get(project=project, user=annotator)
    timeline = tracking.cluster_timeline(cluster=tracked, membership=membership, user=annotator)
    row = timeline.rows[1]
    assert [(s.annotator.username, s.label) for s in row.judgements] == [("ann1", "denies")]
    assert row.label == "denies"  # own view only, never the other annotator's no_comment


# --- Pages ---------------------------------------------------------------------------------------


def cluster_url(cluster):
    return reverse("annotations:cluster-detail", args=[cluster.project.slug, cluster.pk])


def test_cluster_page_shows_timeline_with_evidence_links(client, lead, tracked, claims):
    client.force_login(lead)
    r = client.get(cluster_url(tracked))
    assert r.status_code == 200
    html = r.content.decode()
    evidence = reverse("annotations:article", args=["huawei", claims[0].article_id]) + f"#claim-{claims[0].pk}"
    assert evidence in html
    assert f'data-timeline-row="{claims[0].pk}:' in html
    assert "ann2: no comment" in html  # leads see every judgement
    assert "<svg" in html and "style=" not in html


def test_cluster_page_in_blind_mode_hides_other_annotators_labels(client, annotator, tracked):
    client.force_login(annotator)
    html = client.get(cluster_url(tracked)).content.decode()
    assert "you: denies" in html
    # One visible judgement in the whole timeline: the annotator's own.
    assert html.count('class="judgement"') == 1 and "ann2" not in html


def test_cluster_page_filters_by_label_as_htmx_fragment(client, lead, tracked, claims):
    client.force_login(lead)
    r = client.get(cluster_url(tracked), {"label": "alleges"}, headers={"HX-Request": "true"})
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html and 'id="timeline"' in html
    assert f'data-timeline-row="{claims[0].pk}:' in html
    assert f'data-timeline-row="{claims[1].pk}:' not in html


def test_bad_filter_gets_a_clear_message(client, lead, tracked):
    client.force_login(lead)
    r = client.get(cluster_url(tracked), {"to": "soon"})
    assert r.status_code == 200
    assert "to must be a date" in r.content.decode()


def test_outsider_gets_404_on_every_tracking_page(client, outsider, tracked, claims):
    client.force_login(outsider)
    for url in [
        reverse("annotations:cluster-list", args=["huawei"]),
        cluster_url(tracked),
        reverse("annotations:search", args=["huawei"]) + "?q=Huawei",
    ]:
        assert client.get(url).status_code == 404, url
    r = client.post(reverse("annotations:cluster-links", args=["huawei", tracked.pk]),
                    {"action": "confirm", "claim": [claims[3].pk]})
    assert r.status_code == 404


def test_cluster_of_another_project_is_404_for_a_member(client, annotator, project):
    other = ProjectFactory(slug="other")
    claim = _claim(other, "en", "Somebody said something noteworthy.")
    cluster = services.cluster_create(project=other, claim=claim, user=None, suggest=False)
    client.force_login(annotator)
    assert client.get(reverse("annotations:cluster-detail", args=["huawei", cluster.pk])).status_code == 404


def test_only_leads_confirm_merge_and_split(client, annotator, lead, tracked, claims, project):
    other = services.cluster_create(project=project, claim=claims[3], user=lead, suggest=False)
    posts = [
        ("annotations:cluster-links", tracked, {"action": "confirm", "claim": [claims[2].pk]}),
        ("annotations:cluster-merge", other, {"into": tracked.pk}),
        ("annotations:cluster-split", tracked, {"claim": [claims[1].pk]}),
        ("annotations:cluster-create", None, {"claim": claims[2].pk}),
    ]
    client.force_login(annotator)
    for name, cluster, data in posts:
        args = ["huawei"] if cluster is None else ["huawei", cluster.pk]
        assert client.post(reverse(name, args=args), data).status_code == 403, name
    assert ClaimLink.objects.filter(status="confirmed").count() == 3
    assert not ClaimCluster.objects.filter(merged_into__isnull=False).exists()

    client.force_login(lead)
    r = client.post(reverse("annotations:cluster-links", args=["huawei", tracked.pk]),
                    {"action": "confirm", "claim": [claims[2].pk]})
    assert r.status_code == 302
    assert ClaimLink.objects.get(cluster=tracked, claim=claims[2]).status == "confirmed"
    r = client.post(reverse("annotations:cluster-merge", args=["huawei", other.pk]), {"into": tracked.pk})
    assert r.status_code == 302 and r.url == cluster_url(tracked)
    other.refresh_from_db()
    assert other.merged_into == tracked
    r = client.post(reverse("annotations:cluster-split", args=["huawei", tracked.pk]), {"claim": [claims[3].pk]})
    new = ClaimCluster.objects.exclude(pk__in=[tracked.pk, other.pk]).get()
    assert r.url == cluster_url(new)
    assert ClusterEvent.objects.filter(cluster=tracked, kind="split", actor=lead).exists()


def test_lead_tracks_a_claim_from_the_list_page(client, lead, claims):
    client.force_login(lead)
    r = client.post(reverse("annotations:cluster-create", args=["huawei"]), {"claim": claims[0].pk})
    cluster = ClaimCluster.objects.get()
    assert r.url == cluster_url(cluster)
    page = client.get(r.url).content.decode()
    assert f'data-link="{claims[1].pk}" data-link-status="suggested"' in page
    again = client.post(reverse("annotations:cluster-create", args=["huawei"]), {"claim": claims[0].pk})
    assert again.url == cluster_url(cluster)
    r = client.post(reverse("annotations:cluster-create", args=["huawei"]), {"claim": "abc"}, follow=True)
    assert "Choose a claim of this project" in r.content.decode()
    assert ClaimCluster.objects.count() == 1


def _grow(project, cluster, n, annotators):
    for i in range(n):
        claim = _claim(project, "en", f"Story {n}-{i}: the plan works, the minister said.",
                       published=date(2019, 1 + i % 12, 1 + i % 28))
        ClaimLink.objects.create(cluster=cluster, claim=claim, status="confirmed")
        source = SourceFactory()
        UnitFactory(claim=claim, source=source)
        for user in annotators:
            StanceFactory(claim=claim, source=source, annotator=user, label="alleges")
        if i % 2:
            Resolution.objects.create(claim=claim, source=source, label="denies", status="resolved")


@pytest.mark.parametrize("role", ["lead", "annotator"])
def test_cluster_and_source_pages_keep_a_constant_number_of_queries(
    client, project, lead, annotator, annotator2, django_assert_max_num_queries, role
):
    user = lead if role == "lead" else annotator
    cluster = services.cluster_create(
        project=project, claim=_claim(project, "en", "The plan works, the minister said."), user=lead, suggest=False
    )
    client.force_login(user)
    source = SourceFactory(name="The minister")
    for size in (3, 30):
        _grow(project, cluster, size, [annotator, annotator2])
        claim = cluster.links.first().claim
        UnitFactory(claim=_claim(project, "nl", f"De minister zei iets {size}."), source=source)
        for url in (
            cluster_url(cluster),
            reverse("annotations:source-detail", args=["huawei", source.pk]),
            reverse("annotations:cluster-list", args=["huawei"]),
            reverse("annotations:search", args=["huawei"]) + "?q=minister",
        ):
            with django_assert_max_num_queries(12):
                r = client.get(url)
            assert r.status_code == 200, url
        assert claim is not None
    assert Article.objects.filter(project=project).count() > 33


def test_member_of_two_projects_sees_only_this_projects_claims_in_timeline(client, project, annotator, lead):
    other = ProjectFactory(slug="other")
    MembershipFactory(project=other, user=annotator)
    source = SourceFactory(name="Huawei")
    here = _claim(project, "en", "Huawei denies spying.")
    there = _claim(other, "en", "Huawei denies spying again.")
    UnitFactory(claim=here, source=source)
    UnitFactory(claim=there, source=source)
    client.force_login(annotator)
    html = client.get(reverse("annotations:source-detail", args=["huawei", source.pk])).content.decode()
    assert f'data-timeline-row="{here.pk}:{source.pk}"' in html
    assert f'data-timeline-row="{there.pk}:' not in html
    unused = UserFactory(username="nobody")
    assert unused.pk


# --- Export ------------------------------------------------------------------------------------


def test_csv_export_carries_the_cluster_id_in_both_paths(project, lead, tracked, claims):
    import csv
    import io

    from django.db import connection

    from annotations import exports

    methods = ["python", "copy"] if connection.vendor == "postgresql" else ["python"]
    expected = {str(claims[0].pk): str(tracked.pk), str(claims[1].pk): str(tracked.pk), str(claims[2].pk): ""}
    for layout in ("unit", "judgement"):
        options = exports.ExportOptions.from_query({"layout": layout}, project=project)
        for method in methods:
            raw = b"".join(exports.iter_csv(project, options, method=method)).decode()
            table = list(csv.DictReader(io.StringIO(raw, newline="")))
            by_claim = {row["claim_id"]: row["cluster_id"] for row in table}
            assert by_claim == ({k: v for k, v in expected.items() if k == str(claims[1].pk)}
                                if layout == "judgement" else expected), (layout, method)
