"""A small project with something on every main page, for the language and accessibility tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from annotations import services
from annotations.models import Job, Membership
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
)

BODY = (
    "Huawei zou via een geheime toegang bij klantdata van KPN kunnen, schrijft de Volkskrant.\n\n"
    "De AIVD geeft daarover geen toelichting. "
    "Een woordvoerder van Huawei ontkent dat er iets mis is met de apparatuur."
)


@dataclass
class Pages:
    """URLs of the main pages, by name, and the people who see them."""

    urls: dict[str, str]
    article: object
    units: list


def _claim(article, phrase):
    start = article.body.index(phrase)
    return ClaimFactory(article=article, start=start, end=start + len(phrase), text=phrase)


def build(*, project, lead, annotator, annotator2) -> Pages:
    article = ArticleFactory(project=project, title="AIVD onderzoekt Huawei", body=BODY, language="nl",
                             outlet="NOS", published=dt.date(2019, 5, 3), published_precision="day")
    backdoor = _claim(article, "Huawei zou via een geheime toegang bij klantdata van KPN kunnen")
    volkskrant = SourceFactory(name="de Volkskrant", kind="media")
    huawei = SourceFactory(name="Huawei", kind="organisation")
    units = [
        UnitFactory(claim=backdoor, source=volkskrant, suggested_label="alleges", suggestion_score=0.9),
        UnitFactory(claim=backdoor, source=huawei, suggested_label="denies", suggestion_score=0.75),
    ]
    # Two annotators disagree on Huawei: the review queue has something to settle.
    StanceFactory(claim=backdoor, source=huawei, annotator=annotator, label="denies")
    StanceFactory(claim=backdoor, source=huawei, annotator=annotator2, label="no_comment")
    StanceFactory(claim=backdoor, source=volkskrant, annotator=annotator2, label="alleges")
    cluster = services.cluster_create(project=project, claim=backdoor, user=lead, title="Achterdeur bij KPN",
                                      suggest=False)
    job = Job.objects.create(project=project, user=lead, kind=Job.Kind.EXPORT, status=Job.Status.DONE,
                             params={"format": "csv"}, progress=3, total=3)
    # A project without articles: its queue is "all done" at once.
    empty = ProjectFactory(slug="leeg", name="Leeg project")
    MembershipFactory(project=empty, user=annotator, role=Membership.Role.ANNOTATOR)
    slug = project.slug
    urls = {
        "projects": reverse("annotations:project-list"),
        "article": reverse("annotations:article", args=[slug, article.pk]),
        "queue-done": reverse("annotations:queue", args=[empty.slug]),
        "review": reverse("annotations:review", args=[slug]),
        "agreement": reverse("annotations:review-agreement", args=[slug]),
        "suggestions": reverse("annotations:suggestions", args=[slug]),
        "settings": reverse("annotations:project-settings", args=[slug]),
        "import": reverse("annotations:import", args=[slug]),
        "export": reverse("annotations:export", args=[slug]),
        "job": reverse("annotations:job-detail", args=[job.pk]),
        "tracked": reverse("annotations:cluster-list", args=[slug]),
        "cluster": reverse("annotations:cluster-detail", args=[slug, cluster.pk]),
        "verdict": reverse("annotations:claim-verdict", args=[slug, backdoor.pk]),
        "source": reverse("annotations:source-detail", args=[slug, huawei.pk]),
        "search": reverse("annotations:search", args=[slug]) + "?q=Huawei",
        "login": reverse("login"),
    }
    return Pages(urls=urls, article=article, units=units)


# Who opens which page: leads see the review, jobs and tracking pages; annotators annotate.
VIEWER = {"projects": "annotator", "article": "annotator", "queue-done": "annotator", "login": None}

# Pages axe-core checks in the browser (every main page).
PAGES_FOR_AXE = ["projects", "article", "queue-done", "review", "agreement", "suggestions", "settings", "import",
                 "export", "job", "tracked",
                 "cluster", "verdict", "source", "search", "login"]
