"""A lead tracks a claim in a real browser: confirms a suggestion, filters the timeline (htmx), no CSP error."""

from datetime import date

import pytest
from playwright.sync_api import expect

from annotations.models import ClaimLink
from annotations.tests.browser.conftest import login
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = [
    ("nl", "Huawei zou een verborgen achterdeur hebben in apparatuur van een Nederlandse provider.", "alleges"),
    ("en", "Huawei equipment at a Dutch provider contains a hidden backdoor.", "denies"),
]


@pytest.fixture
def claims(project, lead, annotator):
    made = []
    for i, (lang, text, label) in enumerate(TEXTS):
        article = ArticleFactory(project=project, language=lang, body=text, title=f"Article {i}",
                                 published=date(2019 + i, 5, 1))
        claim = ClaimFactory(article=article, start=0, end=len(text), text=text)
        source = SourceFactory(name=f"Source {i}")
        UnitFactory(claim=claim, source=source)
        StanceFactory(claim=claim, source=source, annotator=lead, label=label)
        made.append(claim)
    return made


def test_lead_tracks_confirms_and_filters(new_page, claims, require_postgres):
    first, second = claims
    page = new_page()
    login(page, "lead", "/projects/huawei/tracked/")
    page.fill("#track-claim", str(first.pk))
    page.click("form[action$=\"/tracked/new/\"] button[type=submit]")
    expect(page.locator(f'[data-link="{second.pk}"][data-link-status="suggested"]')).to_be_visible()
    page.check(f"#sugg-{second.pk}")
    page.click("button[name=action][value=confirm]")
    expect(page.locator(f'[data-link="{second.pk}"][data-link-status="confirmed"]')).to_be_visible()
    assert ClaimLink.objects.get(claim=second).decided_by.username == "lead"
    expect(page.locator("[data-timeline-row]")).to_have_count(2)
    expect(page.locator("svg.timeline-svg circle")).to_have_count(2)

    page.select_option("select[name=label]", "denies")  # htmx swaps the timeline only
    expect(page.locator("[data-timeline-row]")).to_have_count(1)
    expect(page.locator(f'[data-timeline-row^="{second.pk}:"]')).to_be_visible()
    assert "label=denies" in page.url
    page.locator(f'[data-timeline-row^="{second.pk}:"] a').first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/articles/{second.article_id}/#claim-{second.pk}")
    assert page.csp_errors == []
