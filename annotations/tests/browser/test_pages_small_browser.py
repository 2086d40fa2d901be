"""Phones, the articles list for both roles, and the guidelines panel, in a real browser."""

import pytest
from playwright.sync_api import expect

from annotations import services
from annotations.tests.browser.conftest import login
from annotations.tests.factories import ArticleFactory, SourceFactory, StanceFactory, UnitFactory, claim_at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "The council of Westport approved a new ferry line on Tuesday, a spokeswoman said. "
    "Residents of the old quay said the noise will keep them awake at night. "
    "The ferry operator denied that its boats are louder than the buses they replace. "
) * 3


@pytest.fixture
def world(project, annotator, annotator2, lead, require_postgres):
    project.guidelines = "# How we judge\n\n**alleges**: the source states the claim as true."
    project.save(update_fields=["guidelines"])
    article = ArticleFactory(project=project, title="Westport ferry line with a rather long headline for phones",
                             body=BODY, language="en", url="https://example.org/a-very-long-address/" + "x" * 80)
    later = ArticleFactory(project=project, title="Second article")
    claim = claim_at(article, "the noise will keep them awake at night")
    units = [UnitFactory(claim=claim, source=SourceFactory(name=f"Resident number {i} of the old quay"))
             for i in range(6)]
    for i, unit in enumerate(units):
        StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="alleges")
        StanceFactory(claim=claim, source=unit.source, annotator=annotator2, label="denies" if i % 2 else "alleges")
    for who in (annotator, annotator2):
        services.assignment_finish(article=article, annotator=who)
    return article, later, units


# What sticks out on the right, to name it when the assertion fails.
WIDE = """() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391)
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""

PAGES = ["/", "/projects/{slug}/articles/", "/projects/{slug}/guidelines/", "/projects/{slug}/articles/{article}/",
         "/projects/{slug}/review/", "/projects/{slug}/review/agreement/", "/projects/{slug}/import/",
         "/projects/{slug}/export/", "/projects/{slug}/search/?q=noise", "/projects/{slug}/tracked/",
         "/projects/{slug}/feedback/", "/projects/{slug}/settings/"]


def test_at_390_px_no_page_scrolls_sideways_and_the_header_links_stay_visible(
    chromium, live_server, world, project, lead
):
    article, later, units = world
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        login(page, "lead")
        for template in PAGES:
            url = template.format(slug=project.slug, article=article.pk)
            page.goto(url)
            width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            wide = page.evaluate(WIDE)
            assert width[0] <= width[1] == 390, (url, width, wide)
            for box in page.locator(".site-header a:visible, .site-header button:visible").all():
                rect = box.bounding_box()
                assert rect and rect["x"] >= 0 and rect["x"] + rect["width"] <= 390, (url, box.inner_text())
        # The article page: the text pane takes at most half the screen; the units stay in reach.
        page.goto(f"/projects/{project.slug}/articles/{article.pk}/")
        pane = page.locator(".article-pane").bounding_box()
        assert pane["height"] <= 844 * 0.5
        expect(page.locator("#article-text")).to_be_visible()
        last = page.locator(f'[data-unit="{units[-1].key}"]')
        last.focus()
        expect(last).to_be_in_viewport()
        page.keyboard.press("k")
        expect(page.locator(f'[data-unit="{units[-2].key}"]')).to_be_in_viewport()
    finally:
        context.close()


def test_the_shortcut_bar_never_covers_the_focused_cards_settle_button(new_page, world, project, lead):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 700})
    login(page, "lead", f"/projects/{project.slug}/review/")
    bar = page.locator(".keys-help")
    for _ in range(3):
        page.keyboard.press("j")
        button = page.locator(".review-unit.is-focused .resolve-form button[type=submit]")
        expect(button).to_be_visible()
        bottom = button.evaluate("b => b.getBoundingClientRect().bottom")
        top = bar.evaluate("b => b.getBoundingClientRect().top")
        assert bottom <= top, (bottom, top)


def test_articles_list_for_annotator_and_lead_and_the_guidelines_panel(new_page, world, project):
    article, later, units = world
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/")
    expect(page.locator(f'tr[data-article="{article.pk}"]')).to_have_attribute("data-status", "done")
    expect(page.locator(f'tr[data-article="{later.pk}"]')).to_have_attribute("data-status", "not_started")
    expect(page.locator("[data-disputed]")).to_have_count(0)
    page.select_option("#article-status", "not_started")
    page.click(".article-filters button[type=submit]")
    expect(page.locator("tr[data-article]")).to_have_count(1)
    page.locator(f'tr[data-article="{later.pk}"] a').click()
    expect(page.locator("#article-title")).to_have_text("Second article")
    # Back to the one before: the previous-article link; g opens the guidelines there.
    page.locator("#previous-article").click()
    expect(page.locator("#article-title")).to_contain_text("Westport ferry line")
    page.keyboard.press("g")
    expect(page.locator("#guidelines-panel .guidelines-text h1")).to_have_text("How we judge")
    page.keyboard.press("g")
    expect(page.locator("#guidelines-panel .guidelines-text h1")).to_be_hidden()

    lead_page = new_page()
    login(lead_page, "lead", f"/projects/{project.slug}/articles/")
    row = lead_page.locator(f'tr[data-article="{article.pk}"]')
    expect(row.locator('[data-annotator="ann1"]')).to_have_attribute("data-status", "done")
    expect(row.locator('[data-annotator="ann2"]')).to_have_attribute("data-status", "done")
    expect(row.locator("[data-disputed]")).to_have_attribute("data-disputed", "3")
