"""The annotator's day in a real browser: queue, keyboard tagging, add claim and source, undo, done."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from annotations.models import Assignment, Claim, History, Source, Stance, Unit
from annotations.tests.browser.conftest import login
from annotations.tests.factories import ArticleFactory, SourceFactory, UnitFactory, claim_at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWER = 20_000  # ms for a server's answer (a search while typing) on two shared cores under load

DOCS = Path(__file__).resolve().parents[3] / "docs"

BODY = (
    "Volgens de Volkskrant kijkt de AIVD naar de rol van Huawei in Nederlandse netwerken.\n\n"
    "Huawei zou via een geheime toegang bij klantdata van KPN kunnen, en mogelijk ook elders. "
    "De AIVD geeft daarover geen toelichting.\n\n"
    "'Daar zeggen we niets over', aldus VodafoneZiggo-woordvoerder René Loman. "
    "Een woordvoerder van Huawei stelt dat het bedrijf zich aan alle regels houdt.\n\n"
    "Westerse overheden wantrouwen Huawei al jaren, om redenen die ze zelden noemen."
)


def _claim(article, phrase):
    return claim_at(article, phrase)


@pytest.fixture
def demo(project, annotator, annotator2, require_postgres):
    article = ArticleFactory(project=project, title="AIVD onderzoekt Huawei", body=BODY,
                             language="nl", outlet="NOS")
    ArticleFactory(project=project, title="Second article")
    backdoor = _claim(article, "Huawei zou via een geheime toegang bij klantdata van KPN kunnen")
    spies = _claim(article, "Westerse overheden wantrouwen Huawei al jaren")
    volkskrant = SourceFactory(name="de Volkskrant", kind="media")
    units = [
        UnitFactory(claim=backdoor, source=volkskrant, suggested_label="alleges"),
        UnitFactory(claim=backdoor, source=SourceFactory(name="AIVD", kind="government"),
                    suggested_label="no_comment"),
        UnitFactory(claim=spies, source=SourceFactory(name="Westerse overheden", kind="government"),
                    suggested_label="alleges"),
    ]
    return article, units


EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def _own_csp_errors(page):
    """CSP violations and page errors, less htmx's own blocked empty style (harmless, no effect)."""
    return [e for e in page.csp_errors if not (EMPTY_STYLE_HASH in e and "vendor/htmx" in e)]


def _pressed(page, unit, label):
    return page.locator(f'[data-unit="{unit.key}"] [data-label="{label}"]')


def _select_phrase(page, phrase):
    """Select a phrase of the article text the way a mouse drag would (a DOM Range)."""
    page.evaluate(
        """(phrase) => {
            const walker = document.createTreeWalker(document.getElementById('article-text'),
                                                     NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const i = node.data.indexOf(phrase);
                if (i >= 0) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + phrase.length);
                    const sel = document.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    return;
                }
            }
            throw new Error('phrase not found: ' + phrase);
        }""",
        phrase,
    )


def test_annotator_works_an_article_with_the_keyboard_and_it_all_persists(
    new_page, live_server, demo, annotator, annotator2, project
):
    article, units = demo
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/queue/")
    expect(page).to_have_url(f"{live_server.url}/projects/{project.slug}/articles/{article.pk}/")

    # The first unit has focus on arrival; the suggestion shows as an outlined button.
    expect(page.locator(f'[data-unit="{units[0].key}"]')).to_be_focused()
    expect(_pressed(page, units[0], "alleges")).to_have_class("stance is-suggested")

    # Two keystrokes tag two units: focus advances after each.
    page.keyboard.press("1")
    expect(page.locator(f'[data-unit="{units[1].key}"]')).to_be_focused()
    page.keyboard.press("3")
    expect(_pressed(page, units[0], "alleges")).to_have_attribute("aria-pressed", "true")
    expect(_pressed(page, units[1], "no_comment")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#save-status")).to_have_text("Saved")

    # A note: n focuses it, digits typed there are text, not shortcuts; Enter saves it.
    expect(page.locator(f'[data-unit="{units[2].key}"]')).to_be_focused()
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(page.locator(f'[data-unit="{units[0].key}"]')).to_be_focused()
    page.keyboard.press("n")
    page.keyboard.type("Quoted in 2 papers")
    page.keyboard.press("Enter")
    expect(page.locator(f'[data-unit="{units[0].key}"] .unit-saved')).to_be_visible()

    # Change unit 1 to "denies", then undo back to "alleges".
    page.locator(f'[data-unit="{units[0].key}"] .source-name').click()
    page.keyboard.press("2")
    expect(_pressed(page, units[0], "denies")).to_have_attribute("aria-pressed", "true")
    page.locator(f'[data-unit="{units[0].key}"] .source-name').click()
    page.keyboard.press("u")
    expect(_pressed(page, units[0], "alleges")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#save-status")).to_have_text("Undone")

    # Select text → Add claim with the exact offsets.
    phrase = "Huawei stelt dat het bedrijf zich aan alle regels houdt"
    _select_phrase(page, phrase)
    expect(page.locator("#add-claim-button")).to_be_enabled()
    page.keyboard.press("Enter")  # with text selected, Enter adds the claim (not "done")
    new_claim_li = page.locator(".claim.is-new")
    expect(new_claim_li).to_contain_text(phrase)
    claim = Claim.objects.get(origin="manual")
    assert (claim.start, claim.end, claim.text) == (BODY.index(phrase), BODY.index(phrase) + len(phrase),
                                                    phrase)

    # Add a source to it: the link has focus; search as you type, create a new one.
    expect(new_claim_li.locator(".add-source-link")).to_be_focused()
    page.keyboard.press("Enter")
    search = new_claim_li.locator("input[type=search]")
    expect(search).to_be_focused()
    search.type("volks")
    expect(new_claim_li.locator(".source-results button")).to_contain_text("de Volkskrant", timeout=ANSWER)
    search.fill("")
    new_claim_li.locator("input[name$=-name]").fill("Huawei-woordvoerder")
    new_claim_li.locator("select[name$=-kind]").select_option("person")
    new_claim_li.locator("input[name$=-affiliation]").fill("Huawei")
    new_claim_li.locator("input[name$=-role]").fill("woordvoerder")
    # Let the debounced search of the emptied field land first, as a person's pause would.
    page.wait_for_timeout(400)
    page.wait_for_function("document.querySelectorAll('.htmx-request').length === 0")
    new_claim_li.get_by_role("button", name="Create and add").click()
    expect(page.locator("[data-unit]", has_text="Huawei-woordvoerder")).to_be_focused()
    spokesperson = Source.objects.get(name="Huawei-woordvoerder")
    added = f"{claim.pk}:{spokesperson.pk}"
    expect(page.locator(f'[data-unit="{added}"]')).to_be_focused()
    page.keyboard.press("2")
    expect(page.locator(f'[data-unit="{added}"] [data-label="denies"]')).to_have_attribute(
        "aria-pressed", "true")

    # Reload: everything kept.
    assert "#" not in page.url  # every save went through htmx, none fell back to a plain post
    page.reload()
    expect(_pressed(page, units[0], "alleges")).to_have_attribute("aria-pressed", "true")
    expect(_pressed(page, units[1], "no_comment")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f'[data-unit="{units[0].key}"] [data-note]')).to_have_value("Quoted in 2 papers")
    expect(page.locator(f'[data-unit="{added}"] [data-label="denies"]')).to_have_attribute(
        "aria-pressed", "true")
    expect(page.locator(f'[data-unit="{units[2].key}"]')).to_be_focused()  # first one not yet judged
    # Focusing a unit highlights its evidence in the text.
    expect(page.locator(f'.seg.is-active[data-claims~="{units[2].claim_id}"]')).to_have_count(1)
    if os.environ.get("CLAIMTRACK_SCREENSHOTS"):  # the README's picture, refreshed on request only
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS / "article-page.png"), full_page=False)

    # Enter = done → the queue sends me to the next article; my progress moved.
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    expect(page.locator("#article-title")).to_have_text("Second article")
    assert Assignment.objects.get(article=article, annotator=annotator).status == "done"
    expect(page.locator("#my-progress")).to_have_attribute("value", "1")
    assert dict(Stance.objects.filter(annotator=annotator).values_list("source__name", "label")) == {
        "de Volkskrant": "alleges", "AIVD": "no_comment", "Westerse overheden": "alleges",
        "Huawei-woordvoerder": "denies",
    }
    assert History.objects.filter(annotator=annotator, action="undo").count() == 1
    assert _own_csp_errors(page) == []

    # A second annotator, blind mode: none of the first one's labels, notes or additions.
    other = new_page()
    login(other, "ann2", f"/projects/{project.slug}/queue/")
    expect(other).to_have_url(f"{live_server.url}/projects/{project.slug}/articles/{article.pk}/")
    expect(other.locator("[data-unit]")).to_have_count(3)
    expect(other.locator('[aria-pressed="true"]')).to_have_count(0)
    expect(other.locator(f'[data-unit="{added}"]')).to_have_count(0)
    expect(other.locator(f"#claim-{claim.pk}")).to_have_count(0)
    assert "Quoted in 2 papers" not in other.content()
    assert "Huawei-woordvoerder" not in other.content()
    assert Unit.objects.filter(claim=claim).count() == 1


def test_shortcuts_do_not_fire_while_typing_in_the_source_search(new_page, demo, project):
    article, units = demo
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
    page.locator(f"#claim-{units[0].claim_id} .add-source-link").click()
    search = page.locator(f"#claim-{units[0].claim_id} input[type=search]")
    expect(search).to_be_focused()
    page.keyboard.type("12 jk u")
    expect(search).to_have_value("12 jk u")
    assert not Stance.objects.exists()


def test_ten_units_take_eleven_keystrokes_from_queue_to_done(new_page, project, annotator, require_postgres):
    article = ArticleFactory(project=project, title="Ten units", body=BODY, language="nl")
    ArticleFactory(project=project, title="Next one")
    claim = _claim(article, "Westerse overheden wantrouwen Huawei al jaren")
    units = [UnitFactory(claim=claim, source=SourceFactory(name=f"Source {i:02}"), suggested_label="")
             for i in range(10)]
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/queue/")
    expect(page.locator(f'[data-unit="{units[0].key}"]')).to_be_focused()
    keys = ["1", "2", "3", "x"]  # x, "no such statement here", is one key like a stance
    for i in range(10):
        page.keyboard.press(keys[i % 4])
    page.keyboard.press("Enter")
    # The saves go one after another; under a loaded test machine ten may take a while.
    expect(page.locator("#article-title")).to_have_text("Next one", timeout=30_000)
    labels = dict(Stance.objects.filter(annotator=annotator).values_list("source__name", "label"))
    assert labels == {f"Source {i:02}": [*project.labels, "rejected"][i % 4] for i in range(10)}
    assert Assignment.objects.get(article=article).status == "done"


def test_done_with_unjudged_units_asks_once_and_esc_goes_to_the_first_one(new_page, demo, project, annotator):
    article, units = demo
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
    expect(page.locator(f'[data-unit="{units[0].key}"]')).to_be_focused()
    page.keyboard.press("1")
    page.keyboard.press("Enter")  # right after the key, while its save is still on its way
    confirm = page.locator("#done-confirm")
    expect(confirm).to_have_text(
        "2 of 3 units have no stance — Enter again to mark done anyway, Esc to go back")
    assert not Assignment.objects.filter(status="done").exists()
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(page.locator(f'[data-unit="{units[1].key}"]')).to_be_focused()
    # Asked once: Enter, then Enter again, marks it done with the gaps.
    page.keyboard.press("Enter")
    expect(confirm).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#article-title")).to_have_text("Second article")
    assert Assignment.objects.get(article=article, annotator=annotator).status == "done"
    assert Stance.objects.filter(annotator=annotator).count() == 1


def test_u_undoes_a_note_and_the_keyboard_is_back_on_the_unit_after_saving_it(new_page, demo, project, annotator):
    article, units = demo
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
    card = page.locator(f'[data-unit="{units[0].key}"]')
    expect(card).to_be_focused()
    page.keyboard.press("2")
    page.keyboard.press("k")
    page.keyboard.press("n")
    page.keyboard.type("Second-hand")
    page.keyboard.press("Enter")
    expect(card).to_be_focused()  # the next keys are shortcuts again, not note text
    page.keyboard.press("u")  # undoes the note, the last change, and keeps the stance
    expect(page.locator("#save-status")).to_have_text("Undone")
    expect(card.locator("[data-note]")).to_have_value("")
    expect(_pressed(page, units[0], "denies")).to_have_attribute("aria-pressed", "true")
    stance = Stance.objects.get(annotator=annotator)
    assert (stance.label, stance.note) == ("denies", "")
    page.keyboard.press("u")  # and then the stance
    expect(card.locator('[aria-pressed="true"]')).to_have_count(0)
    assert not Stance.objects.filter(annotator=annotator).exists()
    help_text = page.locator('#shortcut-help [data-shortcut="u"] dd')
    expect(help_text).to_have_text("undo your last change on the focused source, stance or note")
