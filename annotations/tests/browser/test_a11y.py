"""Accessibility in a real browser: axe-core on every main page, the "?" shortcut list,
no shortcut while typing, a live region announcing a saved stance, visible focus."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from annotations.models import Resolution, Stance
from annotations.tests import i18n_pages
from annotations.tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_DIR = next((Path(settings.BASE_DIR) / "static" / "vendor").glob("axe-core-*"))
AXE_URL = f"{settings.STATIC_URL}vendor/{AXE_DIR.name}/axe.min.js"


@pytest.fixture
def pages(project, lead, annotator, annotator2, require_postgres):
    return i18n_pages.build(project=project, lead=lead, annotator=annotator, annotator2=annotator2)


def _open(new_page, live_server, username, url, locale="nl-NL"):
    page = new_page()
    page.context.set_extra_http_headers({"Accept-Language": locale})
    if username:
        login(page, username, url)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # The page asked for, not the login form (or any other redirect) in its place.
    assert urlsplit(page.url).path == urlsplit(url).path, (url, page.url)
    if username:
        expect(page.locator("#id_password")).to_have_count(0)
    return page


# The Dutch heading each main page shows (so a test can't pass by checking another page).
HEADINGS = {
    "projects": "Mijn projecten", "article": "AIVD onderzoekt Huawei", "queue-done": "Alles klaar — bedankt!",
    "review": "Meningsverschillen", "agreement": "Overeenstemming", "suggestions": "Kwaliteit van de suggesties",
    "import": "Artikelen importeren", "settings": "Instellingen van",
    "export": "Export", "job": "Export", "tracked": "Gevolgde beweringen", "cluster": "Achterdeur bij KPN",
    "source": "Huawei", "search": "Zoeken", "login": "Inloggen bij ClaimTrack",
    "verdict": "Huawei zou via een geheime toegang",
}


def axe_violations(page, live_server) -> list[str]:
    """Serious and critical axe-core findings, served from our own static files (CSP allows 'self')."""
    page.add_script_tag(url=live_server.url + AXE_URL)
    results = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"],
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}});
        return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
    }""")
    return results


@pytest.mark.parametrize("name", list(i18n_pages.PAGES_FOR_AXE))
def test_main_pages_have_no_serious_or_critical_axe_violation(new_page, live_server, pages, name):
    who = {"annotator": "ann1", "lead": "lead", None: None}[i18n_pages.VIEWER.get(name, "lead")]
    page = _open(new_page, live_server, who, pages.urls[name])
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", level=1)).to_contain_text(HEADINGS[name])
    assert axe_violations(page, live_server) == []
    # The "?" list is part of every page and must pass too, opened.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("?")
    expect(page.locator("#shortcut-help")).to_be_visible()
    assert axe_violations(page, live_server) == []
    assert page.csp_errors == [] or all("htmx" in e for e in page.csp_errors)


def test_article_page_in_english_has_no_serious_axe_violation(new_page, live_server, pages):
    page = _open(new_page, live_server, "ann1", pages.urls["article"], locale="en-GB")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADINGS["article"])
    assert axe_violations(page, live_server) == []


def test_question_mark_lists_every_shortcut_of_the_article_page(new_page, live_server, pages, project):
    page = _open(new_page, live_server, "ann1", pages.urls["article"])
    unit = page.locator(f'[data-unit="{pages.units[0].key}"]')
    expect(unit).to_be_focused()
    page.keyboard.press("?")
    dialog = page.locator("#shortcut-help")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("open", "")
    listed = dialog.locator("[data-shortcut]").evaluate_all("els => els.map(e => e.dataset.shortcut)")
    assert listed == ["1", "2", "3", "x", "s", "m", "j k", "n", "u", "r", "Enter", "?", "Esc"]
    # Stance names in Dutch, next to the number that sets them.
    for n, name in [("1", "beweert"), ("2", "ontkent"), ("3", "geen commentaar")]:
        expect(dialog.locator(f'[data-shortcut="{n}"]')).to_contain_text(name)
    # While the list is open, a digit sets no stance; Escape closes it and focus returns.
    page.keyboard.press("1")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(unit).to_be_focused()
    assert not Stance.objects.filter(annotator__username="ann1", source=pages.units[0].source).exists()
    # "?" again toggles it, and the header button opens it for mouse users.
    page.keyboard.press("?")
    expect(dialog).to_be_visible()
    page.keyboard.press("?")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Sneltoetsen").click()
    expect(dialog).to_be_visible()
    page.get_by_role("button", name="Sluiten").click()
    expect(dialog).to_be_hidden()


def test_review_page_lists_its_own_shortcuts(new_page, live_server, pages):
    page = _open(new_page, live_server, "lead", pages.urls["review"])
    page.locator(".review-unit").first.focus()
    page.keyboard.press("?")
    dialog = page.locator("#shortcut-help")
    expect(dialog).to_be_visible()
    listed = dialog.locator("[data-shortcut]").evaluate_all("els => els.map(e => e.dataset.shortcut)")
    assert listed == ["j k", "1", "2", "3", "x", "r", "Enter", "?", "Esc"]
    expect(dialog.locator('[data-shortcut="3"]')).to_contain_text("geen commentaar")


def test_shortcuts_never_fire_while_typing_in_the_note(new_page, live_server, pages):
    page = _open(new_page, live_server, "ann1", pages.urls["article"])
    first = pages.units[0]
    unit = page.locator(f'[data-unit="{first.key}"]')
    expect(unit).to_be_focused()
    page.keyboard.press("n")
    note = unit.locator("[data-note]")
    expect(note).to_be_focused()
    page.keyboard.type("1 j?k u2 3")
    expect(note).to_have_value("1 j?k u2 3")
    expect(note).to_be_focused()
    expect(page.locator("#shortcut-help")).to_be_hidden()
    expect(unit.locator('[aria-pressed="true"]')).to_have_count(0)
    assert not Stance.objects.filter(annotator__username="ann1", claim=first.claim, source=first.source).exists()
    # Escape leaves the field; now the same keys are shortcuts again.
    page.keyboard.press("Escape")
    expect(unit).to_be_focused()
    page.keyboard.press("?")
    expect(page.locator("#shortcut-help")).to_be_visible()


def test_shortcuts_never_fire_while_typing_the_reason_or_in_the_language_menu(new_page, live_server, pages):
    page = _open(new_page, live_server, "lead", pages.urls["review"])
    unit = page.locator(".review-unit").first
    unit.focus()
    page.keyboard.press("r")
    reason = unit.locator("textarea[name=reason]")
    expect(reason).to_be_focused()
    page.keyboard.type("1 2 j k ? r")
    expect(reason).to_have_value("1 2 j k ? r")
    expect(unit.locator("input[type=radio]:checked")).to_have_count(0)
    expect(page.locator("#shortcut-help")).to_be_hidden()
    assert not Resolution.objects.exists()
    # A select is a field too: "?" there opens nothing.
    page.locator("#language-select").focus()
    page.keyboard.press("?")
    expect(page.locator("#shortcut-help")).to_be_hidden()


def test_saved_stance_is_announced_in_a_live_region(new_page, live_server, pages):
    page = _open(new_page, live_server, "ann1", pages.urls["article"])
    status = page.locator("#save-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    page.keyboard.press("1")
    expect(status).to_have_text("Opgeslagen")
    expect(page.locator(f'[data-unit="{pages.units[0].key}"] [data-label="alleges"]')).to_have_attribute(
        "aria-pressed", "true")


def test_language_switch_in_the_header_changes_the_page_language(new_page, live_server, pages):
    page = _open(new_page, live_server, "ann1", pages.urls["projects"], locale="en-GB")
    expect(page.get_by_role("heading", level=1)).to_have_text("My projects")
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Switch language").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn projecten")
    assert page.url.endswith(pages.urls["projects"])
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_keyboard_focus_is_visible_and_follows_the_page_order(new_page, live_server, pages):
    page = _open(new_page, live_server, "ann1", pages.urls["projects"])
    page.locator("body").focus()
    order, outlines = [], []
    for _ in range(8):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.id || document.activeElement.className "
                                   "|| document.activeElement.tagName"))
        outlines.append(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
    # Skip link first, then the header (brand, shortcuts, log out), then the page.
    assert order[0] == "skip-link"
    assert "link-button shortcut-help-button" in order
    assert "button primary" in order
    assert all(style not in ("none", "") for style in outlines), list(zip(order, outlines, strict=True))
