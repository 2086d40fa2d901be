"""Every page of a project shows the same navigation between its pages, with the links the member's
role opens, and marks the page shown."""

import re

import pytest
from django.urls import reverse

from annotations.models import Job, Project
from annotations.tests.factories import ArticleFactory, ClaimFactory

EVERYONE = ["Articles", "Guidelines", "Tracked claims", "Feedback"]
LEADS = ["Disagreements", "Agreement", "Suggestions", "Import"]
NAV = re.compile(r'<nav class="project-nav"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>')


def _nav(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    [nav] = NAV.findall(response.content.decode())
    links = LINK.findall(nav)
    return [text for _href, _cur, text in links], [text for _href, cur, text in links if cur]


def _pages(project):
    """(URL, the link marked as the page shown) of the pages every member opens."""
    claim = ClaimFactory(article=ArticleFactory(project=project))
    slug = project.slug
    return [
        (reverse("annotations:article-list", args=[slug]), "Articles"),
        (reverse("annotations:guidelines", args=[slug]), "Guidelines"),
        (reverse("annotations:cluster-list", args=[slug]), "Tracked claims"),
        (reverse("annotations:search", args=[slug]) + "?q=huawei", "Tracked claims"),  # tracking's search
        (reverse("annotations:feedback", args=[slug]), "Feedback"),
        (reverse("annotations:export", args=[slug]), "Export"),
        (reverse("annotations:claim-verdict", args=[slug, claim.pk]), None),
    ]


@pytest.mark.parametrize("blind", [False, True])
def test_an_annotator_sees_the_projects_pages_open_to_them_on_each_of_them(client, project, annotator, blind):
    Project.objects.filter(pk=project.pk).update(blind=blind)
    client.force_login(annotator)
    expected = EVERYONE + ([] if blind else ["Export"])
    for url, current in _pages(project):
        if current == "Export" and blind:
            assert client.get(url).status_code in (200, 403)
            continue
        links, marked = _nav(client, url)
        assert links == expected, url
        assert marked == ([current] if current else []), url


def test_a_lead_sees_every_page_of_the_project_on_each_of_them(client, project, lead):
    client.force_login(lead)
    job = Job.objects.create(project=project, user=lead, kind=Job.Kind.IMPORT, status=Job.Status.DONE)
    pages = _pages(project) + [
        (reverse(f"annotations:{name}", args=[project.slug]), current)
        for name, current in [("review", "Disagreements"), ("review-agreement", "Agreement"),
                              ("suggestions", "Suggestions"), ("import", "Import"), ("project-settings", "Settings")]
    ] + [(reverse("annotations:job-detail", args=[job.pk]), "Import")]  # an import's progress
    for url, current in pages:
        links, marked = _nav(client, url)
        assert links == EVERYONE + LEADS + ["Export", "Settings"], url
        assert marked == ([current] if current else []), url
