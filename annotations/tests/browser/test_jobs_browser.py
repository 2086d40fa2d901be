"""Browser: the API docs render under the enforced CSP; an import's progress is polled live."""

import pytest
from django.core.management import call_command

from annotations.models import Article, Job
from annotations.tests.browser.conftest import login

pytestmark = pytest.mark.browser


def test_api_docs_render_without_csp_violations(new_page, lead):
    page = new_page()
    login(page, "lead")
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".opblock-summary-path[data-path='/api/v1/stances/']").count() >= 1
    assert page.csp_errors == []


def test_import_page_shows_progress_until_the_worker_is_done(new_page, lead, project):
    page = new_page()
    login(page, "lead")
    page.goto(f"/projects/{project.slug}/import/")
    page.fill("#import-text", "The mayor said the bridge is safe. The union denied it.")
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#job-status[data-status='queued']")
    assert Article.objects.count() == 0
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert Job.objects.get().status == "done"
    # htmx polls every second and swaps in the finished status.
    page.wait_for_selector("#job-status[data-status='done']", timeout=10_000)
    assert "1 created" in page.inner_text("#job-status")
    assert page.locator("#job-status[hx-trigger]").count() == 0
    assert page.csp_errors == []
