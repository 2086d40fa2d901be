"""A lead settles disagreements from the keyboard in a real browser; a late second lead sees the first's
decision in the page."""

import pytest
from playwright.sync_api import expect

from annotations.models import History, Membership, Resolution, Stance
from annotations.tests.browser.conftest import login
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT = 20_000  # ms for answers from the server, on two shared cores under load


@pytest.fixture
def disputes(project, lead, annotator, annotator2, require_postgres):
    article = ArticleFactory(project=project, title="Huawei <b>backdoor</b>")
    claim = ClaimFactory(article=article)
    units = []
    for name, (first, second) in [("AIVD", ("alleges", "denies")), ("KPN", ("no_comment", "denies"))]:
        source = SourceFactory(name=name)
        units.append(UnitFactory(claim=claim, source=source, suggested_label="denies"))
        Stance.objects.create(claim=claim, source=source, annotator=annotator, label=first)
        Stance.objects.create(claim=claim, source=source, annotator=annotator2, label=second, note="<i>hm</i>")
    return units


def test_lead_settles_units_with_the_keyboard(new_page, live_server, disputes, project):
    page = new_page()
    page.set_default_timeout(30_000)  # two shared cores under load
    login(page, "lead", "/projects/huawei/review/")
    expect(page.locator(".review-unit")).to_have_count(2)
    expect(page.locator("h1")).to_have_text("Disagreements")
    first, second = disputes
    page.keyboard.press("j")
    expect(page.locator(f'[data-unit="{first.key}"]')).to_be_focused(timeout=WAIT)
    page.keyboard.press("2")  # denies
    expect(page.locator(f'[data-unit="{first.key}"] input[data-label="denies"]')).to_be_checked()
    page.keyboard.press("r")
    page.keyboard.type("The spokesperson denies it.")
    page.keyboard.press("Enter")
    expect(page.locator(f'[data-unit="{first.key}"] .unit-status')).to_contain_text(
        "Settled as denies by lead", timeout=WAIT)
    # Saved, the keyboard moves on to the next open unit.
    expect(page.locator(f'[data-unit="{second.key}"]')).to_be_focused(timeout=WAIT)
    page.keyboard.press("3")
    page.keyboard.press("r")
    page.keyboard.type("Declined to comment.")
    page.keyboard.press("Enter")
    expect(page.locator(f'[data-unit="{second.key}"] .unit-status')).to_contain_text("no comment", timeout=WAIT)
    assert dict(Resolution.objects.values_list("source_id", "label")) == {
        first.source_id: "denies", second.source_id: "no_comment"}
    assert History.objects.filter(kind="resolution", via="page").count() == 2
    # k goes back; names and notes stayed text.
    page.keyboard.press("k")
    expect(page.locator(f'[data-unit="{first.key}"]')).to_be_focused(timeout=WAIT)
    expect(page.locator(".unit-article").first).to_have_text("Huawei <b>backdoor</b>")
    expect(page.locator('[data-annotator="ann2"] .note').first).to_have_text("<i>hm</i>")
    assert page.csp_errors == []


def test_second_lead_sees_the_first_decision(new_page, live_server, disputes, project):
    lead2 = UserFactory(username="lead2")
    MembershipFactory(project=project, user=lead2, role=Membership.Role.LEAD)
    first_page, second_page = new_page(), new_page()
    for page in (first_page, second_page):
        page.set_default_timeout(30_000)  # two shared cores under load
    login(first_page, "lead", "/projects/huawei/review/")
    login(second_page, "lead2", "/projects/huawei/review/")
    unit = disputes[0]
    for page, key, reason in ((first_page, "1", "An allegation."), (second_page, "2", "A denial.")):
        page.locator(f'[data-unit="{unit.key}"]').focus()
        page.keyboard.press(key)
        page.keyboard.press("r")
        page.keyboard.type(reason)
        page.keyboard.press("Enter")
        if page is first_page:
            # The second lead decides after the first lead's page shows the decision saved; their
            # page was loaded before it, so it still offers the unit as open.
            expect(first_page.locator(f'[data-unit="{unit.key}"] .unit-status')).to_contain_text(
                "Settled as alleges by lead", timeout=WAIT)
    card = second_page.locator(f'[data-unit="{unit.key}"]')
    expect(card.locator('[data-error="conflict"]')).to_contain_text(
        "Already settled as 'alleges' by lead", timeout=WAIT)
    expect(card.locator(".conflict-decision")).to_contain_text("An allegation.", timeout=WAIT)
    expect(card.locator('input[name="version"]')).to_have_value("1", timeout=WAIT)
    assert Resolution.objects.get(source=unit.source).label == "alleges"
    assert first_page.csp_errors == [] and second_page.csp_errors == []


def test_dashboard_behind_a_change_says_so_and_reloads_itself_when_the_worker_is_done(
    new_page, live_server, disputes, project, annotator2, settings
):
    """The lead sees the last snapshot with how many changes it is behind; when the task
    worker has computed the new one, the page reloads itself with current figures."""
    from django.utils import timezone

    from annotations import services
    from annotations.models import ReviewSnapshot, WorkerBeat
    from annotations.services import review_figures
    from annotations.tasks import review_snapshot_job

    settings.REVIEW_SNAPSHOT_INTERVAL_SECONDS = 0  # recomputed as soon as asked
    review_figures.snapshot_refresh(project)  # the figures as of the first visit
    first = disputes[0]
    stance = Stance.objects.get(claim=first.claim, source=first.source, annotator=annotator2)
    services.stance_record(claim=first.claim, source=first.source, annotator=annotator2, label="alleges",
                           expected_version=stance.version)
    WorkerBeat.objects.create(worker_id="browser-test", pid=1, beat_at=timezone.now())

    page = new_page()
    page.set_default_timeout(30_000)
    login(page, "lead", "/projects/huawei/review/agreement/")
    status = page.locator("#freshness")
    expect(status).to_contain_text("1 change since", timeout=WAIT)
    expect(status).to_contain_text("New figures are being computed", timeout=WAIT)
    assert ReviewSnapshot.objects.get(project=project).requested_at is not None
    observed = page.locator('[data-figure="observed_agreement"] .value')
    before = observed.inner_text()

    review_snapshot_job.call(project.pk)  # what the worker does with the queued task
    expect(page.locator("#freshness")).to_contain_text("up to date", timeout=WAIT)
    # The whole page reloaded: the figures are the new snapshot's, not only the status line.
    expect(observed).not_to_have_text(before, timeout=WAIT)
    now = ReviewSnapshot.objects.get(project=project).figures["report"]["observed_agreement"]
    assert observed.inner_text() == f"{now:.3f}"
    assert not page.csp_errors


_LABEL_QUADS = """() => [...document.querySelectorAll('svg text.col-label, svg text.row-label')].map((t) => {
    const b = t.getBBox(), m = t.getScreenCTM();
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
        .map(([x, y]) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; });
})"""


def _apart(one: list, two: list) -> bool:
    """Two convex quadrilaterals do not overlap: some edge's normal separates them."""
    for quad in (one, two):
        for n in range(4):
            (x1, y1), (x2, y2) = quad[n], quad[(n + 1) % 4]
            nx, ny = y2 - y1, x1 - x2
            a = [nx * x + ny * y for x, y in one]
            b = [nx * x + ny * y for x, y in two]
            if max(a) <= min(b) + 0.5 or max(b) <= min(a) + 0.5:
                return True
    return False


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_heatmaps_labels_neither_overlap_nor_leave_the_chart(new_page, live_server, disputes, project,
                                                                  language):
    """The confusion heatmap's column labels ("no comment", "geen commentaar") are longer than a
    cell is wide: drawn slanted, no two labels overlap, and none is cut off by the chart's edge."""
    page = new_page()
    page.set_default_timeout(30_000)
    page.set_extra_http_headers({"Accept-Language": language})
    login(page, "lead", "/projects/huawei/review/agreement/")
    chart = page.locator('svg[role="img"]').first
    expect(chart.locator("text.col-label").first).to_be_visible(timeout=WAIT)
    names = chart.locator("text.col-label").all_text_contents()
    assert len(names) >= 3 and any(len(name) > 9 for name in names), names  # "no comment" is there
    edge = chart.bounding_box()
    quads = page.evaluate(_LABEL_QUADS)
    assert len(quads) == 2 * len(names)
    for quad in quads:
        for x, y in quad:
            assert edge["x"] - 0.5 <= x <= edge["x"] + edge["width"] + 0.5, (quad, edge)
            assert edge["y"] - 0.5 <= y <= edge["y"] + edge["height"] + 0.5, (quad, edge)
    for a in range(len(quads)):
        for b in range(a + 1, len(quads)):
            assert _apart(quads[a], quads[b]), (a, b, quads[a], quads[b])
    assert page.csp_errors == []
