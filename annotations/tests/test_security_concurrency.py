"""Concurrent writers on PostgreSQL, with real threads and transactions: no duplicate,
no lost update, and a clear Conflict for the one that loses.

Each thread waits at a barrier, so both have read what they are about to change
(the version they saw) before either writes; each closes its connection at the end.
"""

from __future__ import annotations

import json
import threading

import pytest
from django.db import IntegrityError, connection

from annotations import exports, services
from annotations.importers import ArticleRecord
from annotations.models import Article, Assignment, History, Membership, Resolution, Stance
from annotations.tests import security_matrix as sm
from annotations.tests.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(*calls):
    """Run the calls in threads released together; return each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=30)
            results[i] = call()
        except Exception as exc:  # the outcome under test
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_two_tabs_saving_the_same_unit_from_the_same_version_one_wins(require_postgres):
    world = sm.build_world()
    me, claim, source = world.users["annotator"], world.claim, world.source
    seen = Stance.objects.get(claim=claim, source=source, annotator=me).version  # both tabs loaded this

    def tab(label):
        return lambda: services.stance_record(claim=claim, source=source, annotator=me, label=label,
                                              expected_version=seen, via="page")

    results = at_once(tab("denies"), tab("no_comment"))
    wins = [r for r in results if isinstance(r, Stance)]
    conflicts = [r for r in results if isinstance(r, services.Conflict)]
    assert len(wins) == 1 and len(conflicts) == 1, results
    stance = Stance.objects.get(claim=claim, source=source, annotator=me)
    assert stance.label == wins[0].label and stance.version == seen + 1
    assert conflicts[0].current is not None and conflicts[0].current.label == stance.label
    changes = History.objects.filter(kind="stance", claim=claim, source=source, annotator=me, action="update")
    assert list(changes.values_list("new_label", flat=True)) == [stance.label]


def test_two_tabs_recording_a_first_judgement_at_once_one_wins(require_postgres):
    world = sm.build_world()
    me, claim, source = world.users["annotator"], world.claim, world.fresh_source

    def tab(label):
        return lambda: services.stance_record(claim=claim, source=source, annotator=me, label=label,
                                              expected_version=0, via="api")

    results = at_once(tab("denies"), tab("alleges"))
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "Stance"], results
    assert Stance.objects.filter(claim=claim, source=source, annotator=me).count() == 1
    assert History.objects.filter(claim=claim, source=source, annotator=me, action="create").count() == 1


def test_two_annotators_taking_the_last_queue_slot_never_exceed_the_overlap(require_postgres):
    world = sm.build_world()
    project = world.project
    project.overlap = 2
    project.save(update_fields=["overlap"])
    article = world.article  # the project's only article
    Assignment.objects.create(article=article, annotator=UserFactory(username="first"))  # one slot left
    a, b = (UserFactory(username=n) for n in ("racer-a", "racer-b"))
    for u in (a, b):
        MembershipFactory(project=project, user=u, role=Membership.Role.ANNOTATOR)

    results = at_once(lambda: services.assignment_next(project=project, annotator=a),
                      lambda: services.assignment_next(project=project, annotator=b))
    got = [r for r in results if isinstance(r, Article)]
    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.pk for r in got] == [article.pk], results
    assert Assignment.objects.filter(article=article, status__in=["active", "done"]).count() == 2


def test_two_leads_resolving_one_unit_at_once_one_decides(require_postgres):
    world = sm.build_world()
    claim, source = world.claim, world.source

    def settle(user, label):
        return lambda: services.resolution_set(claim=claim, source=source, label=label, reason=f"{label} it is",
                                               lead=user, expected_version=0, via="page")

    results = at_once(settle(world.users["lead"], "denies"), settle(world.users["owner"], "alleges"))
    wins = [r for r in results if isinstance(r, Resolution)]
    conflicts = [r for r in results if isinstance(r, services.Conflict)]
    assert len(wins) == 1 and len(conflicts) == 1, results
    assert "Already settled" in str(conflicts[0])
    assert Resolution.objects.filter(claim=claim, source=source).count() == 1
    assert History.objects.filter(kind="resolution", claim=claim, source=source).count() == 1


def records(n, tag):
    return [ArticleRecord(title=f"{tag} {i}", body=f"Text {tag} {i}. The mayor said it works.", language="en",
                          line=i + 1) for i in range(n)]


def test_an_import_and_an_export_at_once_see_all_or_nothing(require_postgres):
    world = sm.build_world()
    project = world.project
    before = set(Article.objects.filter(project=project).values_list("pk", flat=True))
    options = exports.ExportOptions.from_query({"format": "jsonl"}, project=project)

    def export():
        return b"".join(exports.iter_export(project, options))

    results = at_once(lambda: services.articles_import(project=project, records=records(30, "conc"),
                                                       extract=False), export)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(results[0].created) == 30
    lines = [json.loads(line) for line in results[1].splitlines() if line.strip()]
    ids = [line["article"]["id"] for line in lines if "article" in line and isinstance(line["article"], dict)]
    only_articles = [line["article"]["id"] for line in lines if line.get("type") == "article"]
    assert len(only_articles) == len(set(only_articles)), "an article exported twice"
    new = {a.pk for a in results[0].created}
    exported = set(ids)
    assert exported & new in (set(), new), "the export saw part of an import"
    assert before <= exported
    assert Article.objects.filter(project=project).count() == len(before) + 30


def test_the_same_file_imported_twice_at_once_creates_each_article_once(require_postgres):
    world = sm.build_world()
    project = world.project
    batch = records(10, "twice")
    results = at_once(lambda: services.articles_import(project=project, records=batch, extract=False),
                      lambda: services.articles_import(project=project, records=batch, extract=False))
    created = [r for r in results if isinstance(r, services.ImportReport) and r.created]
    assert len(created) == 1, results
    # The other either saw them all as duplicates or was refused whole by the unique constraint.
    other = [r for r in results if r is not created[0]][0]
    assert isinstance(other, IntegrityError) or len(other.duplicates) == 10, other
    assert Article.objects.filter(project=project, title__startswith="twice").count() == 10
