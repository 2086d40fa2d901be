"""The admin cannot change what judgements hang on: a judged claim's text and place, its units,
or where a source was merged. Those changes go through the services, which keep History."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from annotations.models import Claim, Source, Unit
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "a-long-admin-password-42")


@pytest.fixture
def judged(project, annotator):
    article = ArticleFactory(project=project, body="The mayor said the bridge is safe. The builder denied it.")
    claim = ClaimFactory(article=article, start=4, end=33, text=article.body[4:33])
    unit = UnitFactory(claim=claim)
    StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="alleges")
    return claim, unit


def _form(response):
    """The change form's current values, as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = "" if value is None else getattr(value, "pk", value)
    return data


def test_a_judged_claims_text_and_units_cannot_be_changed_in_the_admin(client, staff, judged):
    claim, unit = judged
    client.force_login(staff)
    url = f"/admin/annotations/claim/{claim.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    fields = page.context["adminform"].form.fields
    assert not {"text", "start", "end", "article"} & set(fields)  # shown read-only, not as inputs
    other = SourceFactory(name="Someone else")
    data = {**_form(page), "text": "The builder denied it.", "start": 34, "end": 56,
            "units-TOTAL_FORMS": "1", "units-INITIAL_FORMS": "1", "units-MIN_NUM_FORMS": "0",
            "units-MAX_NUM_FORMS": "1000", "units-0-id": str(unit.pk), "units-0-claim": str(claim.pk),
            "units-0-source": str(other.pk), "units-0-DELETE": "on"}
    client.post(url, data)
    claim.refresh_from_db()
    assert (claim.text, claim.start, claim.end) == ("mayor said the bridge is safe", 4, 33)
    assert Unit.objects.filter(pk=unit.pk, source=unit.source).exists()


def test_an_unjudged_claim_can_still_be_corrected_in_the_admin(client, staff, project):
    article = ArticleFactory(project=project, body="The mayor said the bridge is safe.")
    claim = ClaimFactory(article=article, start=4, end=9, text="mayor")
    client.force_login(staff)
    fields = client.get(f"/admin/annotations/claim/{claim.pk}/change/").context["adminform"].form.fields
    assert {"text", "start", "end"} <= set(fields)
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_sources_merge_pointer_cannot_be_set_by_hand(client, staff, judged):
    _, unit = judged
    target = SourceFactory(name="Target")
    client.force_login(staff)
    url = f"/admin/annotations/source/{unit.source.pk}/change/"
    page = client.get(url)
    assert "merged_into" not in page.context["adminform"].form.fields
    client.post(url, {**_form(page), "merged_into": str(target.pk)})
    assert Source.objects.get(pk=unit.source.pk).merged_into is None
