"""No save lost or falsely confirmed: 40 stance keys as fast as the browser sends them.

Once on PostgreSQL (pytest-django's threaded live server) and once on SQLite the way
`make run` serves it: `manage.py runserver` (threaded) on a database file, in its own process.
A third test makes the real server fail a save and checks the page says so.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from annotations.models import Assignment, Stance
from annotations.tests.browser.conftest import login
from annotations.tests.factories import (
    PASSWORD,
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
    UnitFactory,
)

pytestmark = [pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[3]
N_UNITS = 40
LABELS = ["alleges", "denies", "no_comment"]
BODY = " ".join(f"Speaker {i} said the harbour plan is sound." for i in range(N_UNITS))


def _keys():
    # A pattern with repeats and changes, so neighbouring saves differ.
    return [str(1 + (i * 7 + i // 3) % 3) for i in range(N_UNITS)]


def _press_fast(page, first_unit: str):
    """Press one stance key per unit without waiting for any answer; return the pressed labels."""
    expect(page.locator(f'[data-unit="{first_unit}"]')).to_be_focused()
    page.evaluate("window.__sameDocument = true")  # gone if the page ever reloads
    keys = _keys()
    for key in keys:
        page.keyboard.press(key)
    return [LABELS[int(k) - 1] for k in keys]


def _page_state(page):
    """Wait until no save is open, then read what the page shows per unit."""
    page.wait_for_function(
        "() => document.querySelectorAll('[data-unit].is-saving').length === 0", timeout=60_000
    )
    assert page.evaluate("window.__sameDocument === true"), "the page reloaded while typing"
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-unit]')).map(u => ({
            key: u.getAttribute('data-unit'),
            shown: (u.querySelector('[data-label][aria-pressed=true]') || {dataset: {}}).dataset.label || null,
            failed: u.hasAttribute('data-failed'),
        }))"""
    )


def _check(state, keys_in_order, pressed, stored):
    """Every acknowledged stance stored, nothing failed shown as saved, nothing lost silently."""
    by_key = {s["key"]: s for s in state}
    acknowledged = [k for k in keys_in_order if by_key[k]["shown"] and not by_key[k]["failed"]]
    failed = [k for k in keys_in_order if by_key[k]["failed"]]
    assert all(stored.get(k) == by_key[k]["shown"] for k in acknowledged)
    silently_lost = [k for k, label in zip(keys_in_order, pressed, strict=True)
                     if stored.get(k) != label and k not in failed]
    assert silently_lost == []
    # Nothing failed under this load: all 40 arrived.
    assert failed == []
    assert [stored.get(k) for k in keys_in_order] == pressed


# --- PostgreSQL ---------------------------------------------------------------------------


def _article_with_units(project, n=N_UNITS):
    article = ArticleFactory(project=project, title="Forty speakers", body=BODY, language="en")
    units = []
    for c in range(4):
        phrase = f"Speaker {c * 10} said the harbour plan is sound"
        start = BODY.index(phrase)
        claim = ClaimFactory(article=article, start=start, end=start + len(phrase), text=phrase)
        units += [UnitFactory(claim=claim, source=SourceFactory(name=f"Speaker {c}-{i}"), suggested_label="")
                  for i in range(n // 4)]
    return article, units


@pytest.mark.django_db(transaction=True)
def test_forty_fast_keys_on_postgresql_are_all_stored(new_page, project, annotator, require_postgres):
    article, units = _article_with_units(project)
    page = new_page()
    login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
    keys_in_order = [u.key for u in units]
    pressed = _press_fast(page, keys_in_order[0])
    state = _page_state(page)
    stored = {f"{c}:{s}": label for c, s, label in
              Stance.objects.filter(annotator=annotator).values_list("claim_id", "source_id", "label")}
    _check(state, keys_in_order, pressed, stored)
    expect(page.locator("#save-status")).to_have_text("Saved")


@pytest.mark.django_db(transaction=True)
def test_a_save_the_server_fails_shows_not_saved_blocks_done_and_retries(
    new_page, project, annotator, require_postgres
):
    article, units = _article_with_units(project, n=4)
    ArticleFactory(project=project, title="Next one")
    broken = units[1]
    # The database itself refuses this one unit's judgement, as a crashed write would.
    with connection.cursor() as cursor:
        cursor.execute("""
            CREATE FUNCTION test_refuse_stance() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql;
        """)
        cursor.execute(f"""
            CREATE TRIGGER test_refuse_stance BEFORE INSERT ON annotations_stance FOR EACH ROW
            WHEN (NEW.source_id = {broken.source_id}) EXECUTE FUNCTION test_refuse_stance();
        """)
    try:
        page = new_page()
        login(page, "ann1", f"/projects/{project.slug}/articles/{article.pk}/")
        expect(page.locator(f'[data-unit="{units[0].key}"]')).to_be_focused()
        for key in "1212":
            page.keyboard.press(key)
        card = page.locator(f'[data-unit="{broken.key}"]')
        expect(card).to_have_attribute("data-failed", "1")
        expect(card.locator(".unit-failed")).to_contain_text("Not saved: the server failed (error 500).")
        expect(card.locator('[aria-pressed="true"]')).to_have_count(0)  # never shown as chosen
        page.wait_for_function("() => document.querySelectorAll('[data-unit].is-saving').length === 0")
        expect(page.locator("#save-status")).to_contain_text("1 not saved")
        for unit, label in zip([units[0], units[2], units[3]], ["alleges", "alleges", "denies"], strict=True):
            expect(page.locator(f'[data-unit="{unit.key}"] [data-label="{label}"]')).to_have_attribute(
                "aria-pressed", "true")

        # Enter: refused while a save failed, and the keyboard goes to the failed unit.
        page.keyboard.press("Enter")
        expect(page.locator("#done-confirm")).to_have_text(
            "1 not saved: retry them (r) before marking the article done.")
        expect(card).to_be_focused()
        assert not Assignment.objects.filter(status="done").exists()

        # The fault clears; r sends the same save again.
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER test_refuse_stance ON annotations_stance")
        page.keyboard.press("r")
        expect(card.locator('[data-label="denies"]')).to_have_attribute("aria-pressed", "true")
        expect(card).not_to_have_attribute("data-failed", "1")
        expect(page.locator("#save-status")).to_have_text("Saved")
        stored = dict(Stance.objects.filter(annotator=annotator).values_list("source_id", "label"))
        assert stored == {units[0].source_id: "alleges", broken.source_id: "denies",
                          units[2].source_id: "alleges", units[3].source_id: "denies"}
        page.keyboard.press("Enter")
        expect(page.locator("#article-title")).to_have_text("Next one")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS test_refuse_stance ON annotations_stance")
            cursor.execute("DROP FUNCTION IF EXISTS test_refuse_stance()")


# --- SQLite, served as `make run` serves it ----------------------------------------------------

SEED = """
from annotations.models import Membership
from annotations.tests.browser.test_save_loop_browser import _article_with_units
from annotations.tests.factories import MembershipFactory, ProjectFactory, UserFactory
project = ProjectFactory(slug="harbour", name="Harbour")
for username in ("ann1", "ann2"):
    MembershipFactory(project=project, user=UserFactory(username=username), role=Membership.Role.ANNOTATOR)
article, units = _article_with_units(project)
print(article.pk)
print(" ".join(u.key for u in units))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sqlite_server(tmp_path):
    """`make run` in miniature: migrate a SQLite file, seed it, serve it with runserver."""
    db = tmp_path / "claimtrack.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DEBUG": "1", "AXES_ENABLED": "0"}
    manage = [sys.executable, str(ROOT / "manage.py")]

    def run(*args):
        return subprocess.run([*manage, *args], env=env, cwd=ROOT, check=True, capture_output=True,
                              text=True, timeout=300).stdout

    run("migrate", "--noinput")
    run("createcachetable")
    article_id, unit_keys = run("shell", "--no-imports", "-c", SEED).split("\n")[:2]
    port = _free_port()
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
                              env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((tmp_path / "server.log").read_text()) from None
            time.sleep(0.2)
    try:
        yield {"url": url, "db": db, "article": int(article_id), "units": unit_keys.split(),
               "log": tmp_path / "server.log"}
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_forty_fast_keys_on_sqlite_as_make_run_serves_it_are_all_stored(chromium, sqlite_server):
    """Two annotators type at once, so two writers meet on the one database file."""
    contexts, pages = [], []
    try:
        for username in ("ann1", "ann2"):
            context = chromium.new_context(base_url=sqlite_server["url"], viewport={"width": 1400, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.goto(f"/accounts/login/?next=/projects/harbour/articles/{sqlite_server['article']}/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("main form button[type=submit]")
            expect(page.locator(f'[data-unit="{sqlite_server["units"][0]}"]')).to_be_focused()
            page.evaluate("window.__sameDocument = true")
            pages.append(page)
        keys = _keys()
        for key in keys:
            for page in pages:
                page.keyboard.press(key)
        pressed = [LABELS[int(k) - 1] for k in keys]
        states = [_page_state(page) for page in pages]
    finally:
        for context in contexts:
            context.close()
    log = sqlite_server["log"].read_text()
    assert "database is locked" not in log and '" 500 ' not in log
    for username, state in zip(("ann1", "ann2"), states, strict=True):
        with sqlite3.connect(sqlite_server["db"]) as db:
            stored = {f"{c}:{s}": label for c, s, label in db.execute(
                "SELECT claim_id, source_id, label FROM annotations_stance s JOIN auth_user u"
                " ON u.id = s.annotator_id WHERE u.username = ?", (username,))}
        _check(state, sqlite_server["units"], pressed, stored)
