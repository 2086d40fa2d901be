"""The review pages at scale: the kept queue and dashboard give the figures of the plain rules,
and the figures shown never stay behind a change without saying so."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from annotations import review, services
from annotations.models import Assignment, Stance
from annotations.services import review_figures
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)

LABELS = ["alleges", "denies", "no_comment"]


def as_json(value):
    """A report as a snapshot keeps it."""
    return json.loads(DjangoJSONEncoder().encode(value))


# Figures are cached per project version; each test starts and ends with an empty cache.
pytestmark = pytest.mark.usefixtures("fresh_cache")


def _random_project(project, annotators, seed=7):
    rng = random.Random(seed)
    base = dt.datetime(2026, 3, 1, 22, 50, tzinfo=dt.UTC)
    for index in range(8):
        article = ArticleFactory(project=project, body=f"article {index} " + "word " * 200)
        for c in range(rng.randint(1, 3)):
            claim = ClaimFactory(article=article, start=rng.randint(0, 400), end=450)
            for _ in range(rng.randint(1, 4)):
                source = SourceFactory()
                if rng.random() < 0.8:
                    UnitFactory(claim=claim, source=source, suggested_label=rng.choice(LABELS))
                for user in annotators:
                    if rng.random() < 0.75:
                        start = rng.choice([None, 10 * c])
                        stance = Stance.objects.create(
                            claim=claim, source=source, annotator=user, label=rng.choice(LABELS),
                            note=rng.choice(["", "n"]), start=start, end=None if start is None else start + 5)
                        Stance.objects.filter(pk=stance.pk).update(
                            created_at=base + dt.timedelta(seconds=rng.randint(0, 3 * 86400)))
        for user in annotators:
            if rng.random() < 0.3:
                Assignment.objects.create(article=article, annotator=user, status=Assignment.Status.DONE)
    return rng


def _shape(units):
    return [(u.claim_id, u.source_id, u.article_id, u.source_name, u.passage_before, u.evidence,
             u.passage_after, [(j.annotator, j.label, j.note) for j in u.judgements], u.suggested_label,
             u.resolution.pk if u.resolution else None) for u in units]


def test_queue_in_sql_gives_the_units_filters_and_pages_of_the_plain_rules(require_postgres, project, lead):
    annotators = [UserFactory(username=f"ann{i}") for i in (3, 4, 5)]
    for user in annotators:
        MembershipFactory(project=project, user=user)
    rng = _random_project(project, annotators)
    disputed = review.disputed_units(project, status="all").units
    for unit in disputed[::3]:
        claim, source = unit.claim_id, unit.source_id
        from annotations.models import Claim, Source

        services.resolution_set(claim=Claim.objects.get(pk=claim), source=Source.objects.get(pk=source),
                                label=rng.choice(LABELS), reason="checked", lead=lead)
    article = disputed[0].article_id
    combos = [{}, {"status": "all"}, {"status": "settled"}, {"labels": ("alleges", "none")},
              {"labels": ("denies", "no_comment"), "status": "all"}, {"annotator": "ann4"},
              {"annotator": "nobody"}, {"article": article, "status": "all"}]
    for filters in combos:
        plain = review._disputed_units_python(project, **filters)
        sql = review.disputed_units(project, **filters)
        assert _shape(sql.units) == _shape(plain.units), filters
        assert (sql.total, sql.count, sql.annotators, sql.articles) == (
            plain.total, len(plain.units), plain.annotators, plain.articles), filters
        pages = [review.disputed_units(project, **filters, limit=4, offset=at).units
                 for at in range(0, len(plain.units) + 4, 4)]
        assert _shape([u for page in pages for u in page]) == _shape(plain.units), filters
    assert len(review.disputed_units(project, status="all").units) > 10


def test_dashboard_in_sql_gives_the_figures_of_every_timestamp(require_postgres, project, lead):
    annotators = [UserFactory(username=f"ann{i}") for i in (3, 4, 5)]
    _random_project(project, annotators, seed=11)
    sql, plain = review.dashboard(project), review._dashboard_python(project)
    assert sql["progress"] == plain["progress"]
    assert len(sql["annotators"]) == 3
    for got, want in zip(sql["annotators"], plain["annotators"], strict=True):
        assert {**got, "median_seconds": None} == {**want, "median_seconds": None}
        assert got["median_seconds"] == pytest.approx(want["median_seconds"], abs=1e-6)


def test_agreement_page_and_queue_never_serve_figures_from_before_a_change(
    require_postgres, client, project, lead, annotator, annotator2
):
    article = ArticleFactory(project=project)
    claim, source, other = ClaimFactory(article=article), SourceFactory(), SourceFactory()
    for user, label in ((annotator, "alleges"), (annotator2, "alleges")):
        services.stance_record(claim=claim, source=source, annotator=user, label=label)
    services.stance_record(claim=claim, source=other, annotator=annotator, label="denies")
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])

    def shown():
        client.get(url)  # the figures as the page keeps them, every pair listed
        figures = review_figures.agreement_figures(project, all_pairs=True)
        return figures.page, figures.dashboard

    def current():
        return review_figures.page_of(review.snapshot_figures(project), all_pairs=True)

    first, board = shown()
    assert review.disputed_count(project) == 1
    services.stance_record(claim=claim, source=other, annotator=annotator2, label="alleges")
    report, board = shown()
    assert report == current() and report != first
    assert review.disputed_count(project) == 1
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="denies", expected_version=1)
    assert review.disputed_count(project) == 2
    services.resolution_set(claim=claim, source=source, label="denies", reason="denial", lead=lead)
    report, board = shown()
    assert {row["username"]: row["compared"] for row in board["annotators"]} == {"ann1": 1, "ann2": 1}
    assert review.disputed_count(project) == 1 and review.disputed_count(project, status="settled") == 1
    services.stance_undo(claim=claim, source=other, annotator=annotator2)
    assert shown()[0] == current()
    assert review.disputed_count(project, status="all") == 2
    # Finishing an article makes a unit its annotator left out a dispute.
    lone = ClaimFactory(article=article)
    for user in (annotator, annotator2):
        services.stance_record(claim=lone, source=source, annotator=user, label="alleges")
    third = UserFactory(username="ann3")
    before = review.disputed_count(project, status="all")
    Assignment.objects.create(article=article, annotator=third, status=Assignment.Status.DONE)
    assert review.disputed_count(project, status="all") == before + 1
