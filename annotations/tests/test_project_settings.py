"""A project's set-up in the browser: settings, members, new projects; every change in History."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Membership, Project, ProjectChange
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UserFactory


def settings_url(slug="huawei"):
    return reverse("annotations:project-settings", args=[slug])


def members_url(slug="huawei"):
    return reverse("annotations:member-set", args=[slug])


SETTINGS = {"name": "Huawei 5G, round two", "labels": "alleges, denies, no_comment, questions", "overlap": "3",
            "show_suggestions": "on"}  # blind left unticked: off


def test_a_lead_changes_the_settings_and_each_change_is_in_history(client, project, lead):
    client.force_login(lead)
    assert client.get(settings_url()).status_code == 200
    response = client.post(settings_url(), SETTINGS)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.name, project.labels, project.overlap, project.blind) == (
        "Huawei 5G, round two", ["alleges", "denies", "no_comment", "questions"], 3, False)
    changes = {c.field: (c.old, c.new, c.actor) for c in ProjectChange.objects.filter(project=project)}
    assert changes["labels"] == ("alleges, denies, no_comment", "alleges, denies, no_comment, questions", lead)
    assert changes["blind"] == ("yes", "no", lead) and changes["overlap"][1] == "3"
    assert "show_suggestions" not in changes  # unchanged: no row
    page = client.get(settings_url()).content.decode()
    assert "round two" in page and 'data-field="labels"' in page


def test_annotators_and_outsiders_cannot_change_settings(client, project, annotator, outsider):
    client.force_login(annotator)
    assert client.get(settings_url()).status_code == 403
    assert client.post(settings_url(), SETTINGS).status_code == 403
    client.force_login(outsider)
    assert client.post(settings_url(), SETTINGS).status_code == 404
    project.refresh_from_db()
    assert project.name != SETTINGS["name"] and not ProjectChange.objects.exists()


def test_a_label_in_use_cannot_be_removed_and_bad_labels_are_refused(client, project, lead, annotator):
    claim = ClaimFactory(article=ArticleFactory(project=project))
    StanceFactory(claim=claim, source=SourceFactory(), annotator=annotator, label="denies")
    client.force_login(lead)
    response = client.post(settings_url(), {**SETTINGS, "labels": "alleges, no_comment"})
    assert response.status_code == 400
    assert "denies cannot be removed" in response.content.decode()
    response = client.post(settings_url(), {**SETTINGS, "labels": "alleges, denies, rejected"})
    assert response.status_code == 400 and "reserved" in response.content.decode()
    response = client.post(settings_url(), {**SETTINGS, "overlap": "0"})
    assert response.status_code == 400
    project.refresh_from_db()
    assert project.labels == ["alleges", "denies", "no_comment"] and not ProjectChange.objects.exists()


def test_members_are_added_given_roles_and_removed_and_the_project_keeps_a_lead(client, project, lead, annotator):
    UserFactory(username="nieuw")
    client.force_login(lead)
    assert client.post(members_url(), {"username": "nieuw", "role": "annotator"}).status_code == 302
    assert Membership.objects.get(project=project, user__username="nieuw").role == "annotator"
    assert client.post(members_url(), {"username": "nieuw", "role": "lead"}).status_code == 302
    assert Membership.objects.get(project=project, user__username="nieuw").role == "lead"
    # Unknown users are not invented here.
    response = client.post(members_url(), {"username": "nobody", "role": "annotator"})
    assert response.status_code == 400 and "No user is called nobody" in response.content.decode()
    gone = Membership.objects.get(project=project, user__username="nieuw")
    assert client.post(reverse("annotations:member-remove", args=["huawei", gone.pk])).status_code == 302
    assert not Membership.objects.filter(pk=gone.pk).exists()
    history = list(ProjectChange.objects.filter(project=project, field="member").values_list("old", "new"))
    assert history == [("", "nieuw: annotator"), ("nieuw: annotator", "nieuw: lead"), ("nieuw: lead", "")]


def test_the_last_lead_stays_and_only_admins_handle_admins(client, project, lead, owner, annotator):
    client.force_login(lead)
    # A lead cannot make anyone admin, nor remove the project's admin.
    assert client.post(members_url(), {"username": "ann1", "role": "admin"}).status_code == 400
    assert client.post(members_url(), {"username": owner.username, "role": "annotator"}).status_code == 400
    admin = Membership.objects.get(project=project, user=owner)
    assert client.post(reverse("annotations:member-remove", args=["huawei", admin.pk])).status_code == 403
    assert Membership.objects.get(pk=admin.pk).role == "admin"
    # The admin may; but the last lead or admin cannot be demoted or removed.
    client.force_login(owner)
    assert client.post(members_url(), {"username": "lead", "role": "annotator"}).status_code == 302
    response = client.post(members_url(), {"username": owner.username, "role": "annotator"})
    assert response.status_code == 400 and "at least one lead or admin" in response.content.decode()
    client.post(reverse("annotations:member-remove", args=["huawei", admin.pk]), follow=True)
    assert Membership.objects.filter(pk=admin.pk).exists()


@pytest.mark.django_db
def test_staff_create_projects_and_become_their_admin(client):
    staff = UserFactory(username="chef", is_staff=True)
    client.force_login(UserFactory(username="plain"))
    assert client.get(reverse("annotations:project-new")).status_code == 403
    client.force_login(staff)
    assert client.get(reverse("annotations:project-new")).status_code == 200
    response = client.post(reverse("annotations:project-new"), {
        "name": "Verkiezingen", "slug": "verkiezingen", "labels": "alleges, denies", "overlap": "2", "blind": "on"})
    assert response.status_code == 302 and response["Location"] == settings_url("verkiezingen")
    project = Project.objects.get(slug="verkiezingen")
    assert project.labels == ["alleges", "denies"] and project.blind
    assert Membership.objects.get(project=project, user=staff).role == "admin"
    again = client.post(reverse("annotations:project-new"), {"name": "X", "slug": "verkiezingen", "labels": "a",
                                                             "overlap": "2"})
    assert again.status_code == 400 and "already has this short name" in again.content.decode()


def test_a_lead_sets_the_verdict_scale_and_the_publisher_and_a_used_rating_stays(client, project, lead):
    from annotations import services

    client.force_login(lead)
    page = client.get(settings_url()).content.decode()
    assert "mostly true\nhalf true" in page and 'name="publisher_url"' in page
    response = client.post(settings_url(), {**SETTINGS, "verdict_scale": "correct\r\nmostly correct\r\nwrong\r\n",
                                            "publisher_name": "Het Feitenbureau",
                                            "publisher_url": "https://feiten.example/"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.verdict_scale, project.publisher_name, project.publisher_url) == (
        ["correct", "mostly correct", "wrong"], "Het Feitenbureau", "https://feiten.example/")
    assert ProjectChange.objects.get(field="verdict_scale").new == "correct, mostly correct, wrong"
    claim = ClaimFactory(article=ArticleFactory(project=project))
    services.verdict_set(project=project, reviewer=lead, claim=claim, rating="wrong")
    response = client.post(settings_url(), {**SETTINGS, "verdict_scale": "correct\nmostly correct"})
    assert response.status_code == 400
    assert "wrong cannot be removed: verdicts use it" in response.content.decode()
    response = client.post(settings_url(), {**SETTINGS, "verdict_scale": "correct\nCorrect\nwrong"})
    assert response.status_code == 400 and "a rating twice" in response.content.decode()
    project.refresh_from_db()
    assert project.verdict_scale == ["correct", "mostly correct", "wrong"]
