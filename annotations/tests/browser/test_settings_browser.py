"""A lead sets up a project in the browser, by keyboard: settings, a member added, a role changed."""

from __future__ import annotations

from annotations.models import Membership, ProjectChange
from annotations.tests.browser.conftest import login
from annotations.tests.factories import UserFactory


def test_a_lead_sets_up_the_project_by_keyboard(new_page, project, lead, annotator):
    UserFactory(username="sanne")
    page = new_page()
    login(page, "lead")
    with page.expect_navigation():
        page.get_by_role("link", name="Settings").click()
    page.focus("#id_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Huawei 5G, second round", delay=30)
    page.keyboard.press("Tab")  # the labels
    page.keyboard.press("End")
    page.keyboard.type(", questions", delay=30)
    page.focus("#id_blind")
    page.keyboard.press("Space")  # blind off
    page.focus("#id_overlap")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the settings form
    assert page.get_by_text("Settings saved.").is_visible()
    assert page.input_value("#id_name") == "Huawei 5G, second round"
    assert not page.is_checked("#id_blind")

    # A new member, added by typing and Enter; then made a lead from the members table.
    page.fill("#member-add-title ~ form #id_username", "")
    page.focus("#member-add-title ~ form #id_username")
    page.keyboard.type("sanne", delay=30)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("sanne is now Annotator.").is_visible()
    row = page.locator('tr[data-member="sanne"]')
    row.locator("select").select_option("lead")
    with page.expect_navigation():
        row.get_by_role("button", name="Change role").click()
    assert page.locator('tr[data-member="sanne"] select').input_value() == "lead"
    # The page lists what changed, newest first.
    changes = page.locator(".setup-changes li").all_inner_texts()
    assert "member: sanne: annotator → sanne: lead" in changes[0]

    project.refresh_from_db()
    assert project.name == "Huawei 5G, second round" and project.labels[-1] == "questions" and not project.blind
    assert Membership.objects.get(project=project, user__username="sanne").role == "lead"
    assert set(ProjectChange.objects.filter(project=project).values_list("field", flat=True)) == {
        "name", "labels", "blind", "member"}
    assert not page.csp_errors
