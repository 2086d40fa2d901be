"""Playwright (sync API) driving Debian's Chromium against pytest-django's live_server."""

import os

import pytest

from annotations.tests.factories import PASSWORD

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium(chromium_path_module):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls are fine here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path_module, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def chromium_path_module():
    from annotations.tests.conftest import CHROMIUM, skip_or_fail

    if not os.path.exists(CHROMIUM):
        skip_or_fail("needs Chromium (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        skip_or_fail("needs playwright (pip install -r requirements-dev.txt)")
    return CHROMIUM


@pytest.fixture
def new_page(chromium, live_server):
    """A fresh browser context per call (separate cookies), with CSP violations collected."""
    contexts = []

    def make():
        context = chromium.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.csp_errors = []
        def on_console(message):
            if "Content Security Policy" in message.text:
                page.csp_errors.append(f"{message.text} at {message.location} on {page.url}")

        page.on("console", on_console)
        page.on("pageerror", lambda e: page.csp_errors.append(str(e)))
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


def login(page, username: str, next_url: str = "/"):
    """Log in through the real form (django-axes is on and allows a correct login)."""
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
