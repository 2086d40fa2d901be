"""Correcting the machine by keyboard: reject, replace source, move to claim; then the lead settles."""

import csv
import io

import pytest
from playwright.sync_api import expect

from annotations import services
from annotations.models import Stance, Unit
from annotations.tests.browser.conftest import login
from annotations.tests.factories import ArticleFactory, SourceFactory, UnitFactory, claim_at, heard_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "The harbour of Westport will take tankers again from March, the port authority said. "
    "Environmental group BlueCoast said the dredging harms the estuary. "
    "Norland Tankers denied that its ships ever leaked fuel in the bay. "
    "It rained all week."
)


def _claim(article, phrase):
    return claim_at(article, phrase)


@pytest.fixture
def world(project, annotator, annotator2, lead, require_postgres):
    article = ArticleFactory(project=project, title="Westport harbour", body=BODY, language="en")
    ArticleFactory(project=project, title="Another article")
    dredging = _claim(article, "the dredging harms the estuary")
    leaks = _claim(article, "its ships ever leaked fuel in the bay")
    # Heard in another article of the project, so its members find it when replacing a source.
    (bluecoast,) = heard_in(project, SourceFactory(name="Environmental group BlueCoast", kind="group"))
    norland = SourceFactory(name="Norland Tankers", kind="organisation")
    wrong = UnitFactory(claim=dredging, source=SourceFactory(name="Environmental", kind="unknown"),
                        suggested_label="alleges")
    misplaced = UnitFactory(claim=dredging, source=norland, suggested_label="denies")
    weather = UnitFactory(claim=leaks, source=SourceFactory(name="It rained", kind="unknown"),
                          suggested_label="alleges")
    return article, dredging, leaks, bluecoast, norland, wrong, misplaced, weather


def test_reject_replace_and_move_by_keyboard_then_the_lead_settles_it(
    new_page, live_server, world, project, annotator, annotator2, lead, client
):
    article, dredging, leaks, bluecoast, norland, wrong, misplaced, weather = world
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
    expect(page.locator(f'[data-unit="{wrong.key}"]')).to_be_focused()

    # s: replace the source. The search starts from the current name; refine, pick with Enter.
    page.keyboard.press("s")
    search = page.locator(f"#claim-{dredging.pk} input[type=search]")
    expect(search).to_be_focused()
    expect(search).to_have_value("Environmental")
    expect(page.locator(f"#claim-{dredging.pk} input[name$=-name]")).to_have_value("Environmental")
    page.keyboard.type(" group")
    pick = page.locator(f'#claim-{dredging.pk} [data-source="{bluecoast.pk}"]')
    # The search as typed so far found both; the refined one, only the right source.
    expect(page.locator(f"#claim-{dredging.pk} .source-results button")).to_have_count(1)
    expect(pick).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(pick).to_be_focused()
    page.keyboard.press("Enter")
    replaced = f"{dredging.pk}:{bluecoast.pk}"
    expect(page.locator(f'[data-unit="{replaced}"]')).to_be_focused()
    expect(page.locator(f'[data-unit="{wrong.key}"] [data-label="rejected"]')).to_have_attribute(
        "aria-pressed", "true")
    page.keyboard.press("1")  # and judge the right source at once

    # m: move Norland's unit to the claim it belongs to (claim 2), by its number.
    page.locator(f'[data-unit="{misplaced.key}"] .source-name').click()
    page.keyboard.press("m")
    expect(page.locator(f'[data-unit="{misplaced.key}"] .move-panel')).to_be_visible()
    page.keyboard.press("2")
    moved = f"{leaks.pk}:{norland.pk}"
    expect(page.locator(f'[data-unit="{moved}"]')).to_be_focused()
    page.keyboard.press("2")

    # x: no such statement here.
    page.locator(f'[data-unit="{weather.key}"] .source-name').click()
    page.keyboard.press("x")
    expect(page.locator(f'[data-unit="{weather.key}"] [data-label="rejected"]')).to_have_attribute(
        "aria-pressed", "true")
    page.wait_for_function("() => document.querySelectorAll('[data-unit].is-saving').length === 0")
    mine = {(s.claim_id, s.source.name): s.label
            for s in Stance.objects.filter(annotator=annotator).select_related("source")}
    assert mine == {
        (dredging.pk, "Environmental"): "rejected", (dredging.pk, "Environmental group BlueCoast"): "alleges",
        (dredging.pk, "Norland Tankers"): "rejected", (leaks.pk, "Norland Tankers"): "denies",
        (leaks.pk, "It rained"): "rejected",
    }
    page.keyboard.press("Enter")
    expect(page.locator("#article-title")).to_have_text("Another article")

    # Blind mode: the second annotator sees none of it (neither rejections nor added units).
    other = new_page()
    login(other, "ann2", f"/projects/{project.slug}/articles/{article.pk}/")
    expect(other.locator("[data-unit]")).to_have_count(3)
    expect(other.locator('[aria-pressed="true"]')).to_have_count(0)
    # They keep the machine's word on Environmental and agree the weather is no statement.
    for unit, label in ((wrong, "alleges"), (misplaced, "denies"), (weather, "rejected")):
        services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator2, label=label)
    services.assignment_finish(article=article, annotator=annotator2)

    # The lead's queue: the rejection is a label in dispute; x then a reason settles it.
    review = new_page()
    login(review, "lead", f"/projects/{project.slug}/review/")
    card = review.locator(f'.review-unit[data-unit="{wrong.key}"]')
    expect(card.locator('.label-chip[data-label="rejected"]')).to_have_count(1)
    card.focus()
    review.keyboard.press("x")
    expect(card.locator('input[data-label="rejected"]')).to_be_checked()
    review.keyboard.press("r")
    review.keyboard.type("Environmental is a cut-off name, not a speaker")
    review.keyboard.press("Enter")
    expect(review.locator(f'.review-unit[data-unit="{wrong.key}"]')).to_contain_text("Settled as")
    assert Unit.objects.filter(claim=leaks, source=norland, added_by=annotator).exists()

    client.force_login(lead)
    response = client.get(f"/api/v1/projects/{project.slug}/export/?format=csv")
    rows = {(int(r["claim_id"]), r["source"]): r
            for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}
    assert (rows[(dredging.pk, "Environmental")]["stance"], rows[(dredging.pk, "Environmental")]["status"]) == (
        "rejected", "resolved")
    assert rows[(leaks.pk, "It rained")]["stance"] == "rejected"  # consensus
