"""The reserved judgement `rejected` and the corrections built on it."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from annotations import exports, services
from annotations.models import History, Resolution, Stance, Unit, validate_labels
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory
from annotations.tests.http import api_call

HX = {"HX-Request": "true"}


@pytest.fixture
def unit(project):
    article = ArticleFactory(project=project)
    return UnitFactory(claim=ClaimFactory(article=article, start=0, end=10), suggested_label="alleges")


def test_every_project_accepts_rejected_and_none_may_call_a_label_so(project, annotator, unit):
    stance = services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="rejected")
    assert Stance.objects.get(pk=stance.pk).label == "rejected"
    with pytest.raises(ValidationError):
        validate_labels(["alleges", "rejected"])
    with pytest.raises(ValidationError):
        services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="maybe")


def test_postgres_guard_accepts_rejected_and_still_refuses_strangers(project, annotator, unit, require_postgres):
    # Straight to the table: the trigger of migration 0002, as changed by 0008.
    Stance.objects.create(claim=unit.claim, source=unit.source, annotator=annotator, label="rejected")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stance.objects.filter(annotator=annotator).update(label="maybe")
    Resolution.objects.create(claim=unit.claim, source=unit.source, label="rejected", status="resolved")
    assert connection.vendor == "postgresql"


@pytest.mark.django_db(transaction=True)
def test_api_takes_the_label_rejected(live_server, project, annotator, require_postgres):
    article = ArticleFactory(project=project)
    unit = UnitFactory(claim=ClaimFactory(article=article, start=0, end=10))
    status, body = api_call(live_server.url, "/api/v1/stances/", annotator, "POST",
                            {"claim": unit.claim_id, "source": unit.source_id, "label": "rejected"})
    assert status == 201, body
    assert body["label"] == "rejected"
    assert Stance.objects.get(annotator=annotator).label == "rejected"


def test_move_to_claim_rejects_here_and_adds_there_in_one_step(client, project, annotator, unit):
    other = ClaimFactory(article=unit.claim.article, start=20, end=30)
    client.force_login(annotator)
    url = reverse("annotations:unit-move", args=[project.slug, unit.claim.article_id, unit.claim_id,
                                                  unit.source_id])
    r = client.post(url, {"claim": other.pk, "version": "0"}, headers=HX)
    assert r.status_code == 200
    assert "unitAdded" in r.headers["HX-Trigger-After-Settle"]
    assert Stance.objects.get(annotator=annotator).label == "rejected"
    moved = Unit.objects.get(claim=other, source=unit.source)
    assert (moved.origin, moved.added_by) == ("manual", annotator)
    # A claim of another article is no target; nothing changes.
    foreign = ClaimFactory(article=ArticleFactory(project=project), start=0, end=5)
    r = client.post(url, {"claim": foreign.pk, "version": "1"}, headers=HX)
    assert r.status_code == 404
    assert Unit.objects.count() == 2


def test_replace_source_keeps_the_version_check(client, project, annotator, unit):
    # Added by this annotator (and used nowhere yet), so the annotator may pick it.
    right = SourceFactory(name="Environmental group BlueCoast", kind="group", created_by=annotator)
    client.force_login(annotator)
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    url = reverse("annotations:source-add", args=[project.slug, unit.claim.article_id, unit.claim_id])
    r = client.get(url, {"replace": unit.source_id}, headers=HX)
    html = r.content.decode()
    assert f'value="{unit.source.name}"' in html  # search and "create new" start from the current name
    assert 'name="replace"' in html and 'name="version" value="1"' in html
    r = client.post(url, {"source": right.pk, "replace": unit.source_id, "version": "0"}, headers=HX)
    assert "changed meanwhile" in r.content.decode()
    assert not Unit.objects.filter(source=right).exists()
    r = client.post(url, {"source": right.pk, "replace": unit.source_id, "version": "1"}, headers=HX)
    assert r.status_code == 200
    assert Stance.objects.get(annotator=annotator, source=unit.source).label == "rejected"
    assert Unit.objects.filter(claim=unit.claim, source=right, added_by=annotator).exists()


def test_only_leads_edit_a_claims_text_and_history_keeps_both(client, project, annotator, lead, unit):
    url = reverse("annotations:claim-text", args=[project.slug, unit.claim.article_id, unit.claim_id])
    client.force_login(annotator)
    assert client.post(url, {"text": "Something else"}).status_code == 403
    old = unit.claim.text
    client.force_login(lead)
    r = client.post(url, {"text": "  The harbour   plan is sound "}, headers=HX)
    assert r.status_code == 200
    unit.claim.refresh_from_db()
    assert unit.claim.text == "The harbour plan is sound"
    row = History.objects.get(kind="claim")
    assert (row.action, row.actor, row.old_note, row.new_note, row.source) == (
        "update", lead, old, "The harbour plan is sound", None)
    assert client.post(url, {"text": "   "}, headers=HX).status_code == 400


def test_a_unit_settled_as_rejected_is_in_the_csv(project, annotator, annotator2, lead):
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article, start=0, end=10)
    wrong = UnitFactory(claim=claim, source=SourceFactory(name="Environmental"))
    right = UnitFactory(claim=claim, source=SourceFactory(name="Norland Tankers"))
    StanceFactory(claim=claim, source=wrong.source, annotator=annotator, label="rejected")
    StanceFactory(claim=claim, source=wrong.source, annotator=annotator2, label="alleges")
    for who in (annotator, annotator2):
        StanceFactory(claim=claim, source=right.source, annotator=who, label="denies")
        services.assignment_finish(article=article, annotator=who)
    services.resolution_set(claim=claim, source=wrong.source, label="rejected", reason="No statement", lead=lead)
    options = exports.ExportOptions.from_query({"format": "csv"}, project=project)
    rows = list(csv.DictReader(io.StringIO(b"".join(exports.iter_csv(project, options)).decode())))
    by_source = {r["source"]: r for r in rows}
    assert (by_source["Environmental"]["stance"], by_source["Environmental"]["status"]) == ("rejected", "resolved")
    assert by_source["Norland Tankers"]["stance"] == "denies"
