"""A lead gives a tracked claim its verdict by keyboard; another lead's change meanwhile is not overwritten."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from annotations import services
from annotations.models import ClaimCluster, ClaimLink, Verdict, VerdictChange
from annotations.tests.browser.conftest import login
from annotations.tests.factories import ArticleFactory, claim_at


def test_a_lead_gives_a_verdict_by_keyboard_and_sees_a_conflict(new_page, project, lead, owner):
    article = ArticleFactory(project=project, title="Bridge money", url="https://paper.example/bridge",
                             body="The minister said the bridge costs nothing. The union denied it.")
    cluster = ClaimCluster.objects.create(project=project, title="The bridge costs nothing")
    ClaimLink.objects.create(cluster=cluster, claim=claim_at(article, "the bridge costs nothing"),
                             status=ClaimLink.Status.CONFIRMED)
    page = new_page()
    login(page, "lead", f"/projects/{project.slug}/tracked/{cluster.pk}/")
    expect(page.locator("[data-verdict-none]")).to_be_visible()

    page.focus("#verdict-rating")
    for _ in range(3):  # true → mostly true → half true → mostly false
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("The bridge is paid from the road fund.", delay=20)
    page.keyboard.press("Tab")
    page.keyboard.type("https://factcheck.example.org/bridge", delay=20)
    page.keyboard.press("Tab")
    page.keyboard.type("2024-03-01", delay=20)
    page.keyboard.press("Enter")  # htmx posts the form; no waiting between the keys above
    expect(page.locator("[data-verdict-saved]")).to_be_focused()
    expect(page.locator(".verdict-current")).to_have_attribute("data-verdict-rating", "mostly false")
    verdict = Verdict.objects.get(cluster=cluster)
    assert (verdict.rating, verdict.explanation, verdict.url, verdict.date_published, verdict.version) == (
        "mostly false", "The bridge is paid from the road fund.", "https://factcheck.example.org/bridge",
        dt.date(2024, 3, 1), 1)

    # Another lead changes it while this page is open: the next save is refused, nothing overwritten.
    services.verdict_set(project=project, reviewer=owner, cluster=cluster, rating="false",
                         url=verdict.url, date_published=verdict.date_published, expected_version=1)
    page.focus("#verdict-rating")
    page.keyboard.press("ArrowUp")  # half true
    for _ in range(3):  # on to the date; Enter there sends the form
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("[data-verdict-error]")).to_be_focused()
    expect(page.locator("[data-verdict-error]")).to_contain_text("owner changed this verdict meanwhile")
    expect(page.locator(".verdict-current")).to_have_attribute("data-verdict-rating", "false")
    # Having seen it, Enter again replaces it knowingly, at once: the form that came back with the
    # message is live from the moment the message has the keyboard (it is sent by htmx, not as a page).
    page.focus("#verdict-date_published")
    page.keyboard.press("Enter")
    expect(page.locator("[data-verdict-saved]")).to_be_focused()
    assert Verdict.objects.get(cluster=cluster).rating == "half true"
    assert list(VerdictChange.objects.order_by("id").values_list("action", "new__rating")) == [
        ("create", "mostly false"), ("update", "false"), ("update", "half true")]
    assert not page.csp_errors
