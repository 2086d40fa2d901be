"""Database constraints guard the domain's invariants."""

import pytest
from django.db import IntegrityError, connection, transaction

from annotations.models import Article, Claim, Resolution, Stance, content_hash, normalise_name
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
    StanceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_second_judgement_on_a_unit_by_one_annotator_is_refused(project):
    claim = ClaimFactory(article__project=project)
    source = SourceFactory()
    user = UserFactory()
    StanceFactory(claim=claim, source=source, annotator=user, label="alleges")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stance.objects.create(claim=claim, source=source, annotator=user, label="denies")
    assert Stance.objects.filter(claim=claim).count() == 1


def test_two_annotators_may_judge_the_same_unit(project):
    claim = ClaimFactory(article__project=project)
    source = SourceFactory()
    StanceFactory(claim=claim, source=source, label="alleges")
    StanceFactory(claim=claim, source=source, label="denies")
    assert Stance.objects.filter(claim=claim, source=source).count() == 2


def test_an_empty_claim_span_is_refused(project):
    article = ArticleFactory(project=project)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=article, start=5, end=5, text="x")


def test_the_same_text_twice_in_a_project_is_refused(project):
    ArticleFactory(project=project, body="Same text.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            project=project, title="t", body="Same text.", language="en", content_hash=content_hash("Same text.")
        )


def test_one_resolution_per_unit(project):
    claim = ClaimFactory(article__project=project)
    source = SourceFactory()
    Resolution.objects.create(claim=claim, source=source, label="alleges", status="consensus")
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.create(claim=claim, source=source, label="denies", status="resolved")


def test_postgres_keeps_claim_spans_inside_the_body(project, require_postgres):
    article = ArticleFactory(project=project, body="Short body.")
    with pytest.raises(IntegrityError, match="outside the article text"), transaction.atomic():
        Claim.objects.create(article=article, start=0, end=len(article.body) + 1, text="x")
    Claim.objects.create(article=article, start=0, end=len(article.body), text="ok")


def test_postgres_keeps_labels_inside_the_project_set(project, require_postgres):
    claim = ClaimFactory(article__project=project)
    source = SourceFactory()
    with pytest.raises(IntegrityError, match="not in the project"), transaction.atomic():
        Stance.objects.create(claim=claim, source=source, annotator=UserFactory(), label="sarcastic")
    with pytest.raises(IntegrityError, match="not in the project"), transaction.atomic():
        Resolution.objects.create(claim=claim, source=source, label="sarcastic", status="resolved")


def test_postgres_freezes_the_body_of_an_annotated_article(project, require_postgres):
    claim = ClaimFactory(article__project=project)
    article = claim.article
    article.body = "Something else entirely, longer than before."
    with pytest.raises(IntegrityError, match="cannot change"), transaction.atomic():
        article.save(update_fields=["body"])


def test_ci_runs_on_postgres(require_postgres):
    assert connection.vendor == "postgresql"


def test_normalise_name_folds_accents_case_and_punctuation():
    assert normalise_name("René  Loman") == normalise_name("rene loman")
    assert normalise_name("VodafoneZiggo.") == "vodafoneziggo"


def test_content_hash_ignores_spacing_and_case():
    assert content_hash("De AIVD  onderzoekt") == content_hash("de aivd onderzoekt\n")
