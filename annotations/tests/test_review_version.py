"""The review cache's project version: one project's figures never read another's history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations import services
from annotations.models import History
from annotations.review_version import project_version
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    ProjectFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)

BIG = 3000  # history rows of the other project


@pytest.fixture
def big_project_history(db):
    """A second project whose History is much larger than the project under test."""
    big = ProjectFactory(slug="big")
    claim = ClaimFactory(article=ArticleFactory(project=big))
    source, user = SourceFactory(), UserFactory()
    History.objects.bulk_create(
        History(kind="stance", action="update", claim=claim, source=source, annotator=user, actor=user,
                old_label="alleges", new_label="denies")
        for _ in range(BIG)
    )
    return claim, source, user


def test_the_version_reads_no_history_row_on_postgresql(require_postgres, project, annotator,
                                                         big_project_history):
    unit = UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=project)))
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    with CaptureQueriesContext(connection) as queries:
        project_version(project)
    assert len(queries) == 1
    assert "annotations_history" not in queries[0]["sql"]
    # The plan reads index entries of the counts table only: no scan of another project's rows.
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + queries[0]["sql"])
        plan = cursor.fetchone()[0]
    relations = set()

    def walk(node):
        if "Relation Name" in node:
            relations.add(node["Relation Name"])
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    assert relations == {"annotations_progresscount"}


def test_the_version_changes_with_a_judgement_here_and_not_with_one_elsewhere(
    project, annotator, big_project_history
):
    claim, source, user = big_project_history
    unit = UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=project)))
    before = project_version(project)
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    after_mine = project_version(project)
    assert after_mine != before
    History.objects.create(kind="stance", action="update", claim=claim, source=source, annotator=user,
                           actor=user, old_label="denies", new_label="alleges")
    assert project_version(project) == after_mine
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies",
                           expected_version=1)
    assert project_version(project) not in (before, after_mine)
