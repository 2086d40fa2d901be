"""One status per unit, whatever surface reads it.

Random projects — annotators who finish an article with and without judging, units the
machine found and units added by hand, lead decisions, consensus that goes stale — are
read through every surface: the review queue (the SQL path on PostgreSQL and the Python
path), GET …/disagreements/, the CSV (COPY and Python), JSONL and a lead's
source timelines. The disputed set is the same everywhere, and every surface gives each
unit the status the rule below says. The suite runs this on the database it is given:
PostgreSQL with DATABASE_URL, SQLite without.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import exports, review, services, tracking
from annotations.models import Assignment, Membership, Resolution, Stance, Unit
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UnitFactory, UserFactory

LABELS = ["alleges", "denies", "no_comment"]
N_ARTICLES, N_CLAIMS, N_SOURCES, N_ANNOTATORS = 2, 2, 3, 3


class Rollback(Exception):
    """Raised to undo one example's data."""


def expected_status(labels: list[str], annotators: int, resolution: str | None) -> str:
    """The rule, written out independently of the code under test."""
    if resolution == "resolved":
        return "resolved"
    if labels and (len(set(labels)) > 1 or (annotators >= 2 and len(labels) < annotators)):
        return "disputed"
    return "consensus" if resolution == "consensus" else "open"


operation = st.one_of(
    st.tuples(st.just("judge"), st.integers(0, N_ARTICLES * N_CLAIMS - 1), st.integers(0, N_SOURCES - 1),
              st.integers(0, N_ANNOTATORS - 1), st.sampled_from(LABELS)),
    st.tuples(st.just("finish"), st.integers(0, N_ARTICLES - 1), st.integers(0, N_ANNOTATORS - 1)),
    st.tuples(st.just("add"), st.integers(0, N_ARTICLES * N_CLAIMS - 1), st.integers(0, N_SOURCES - 1),
              st.integers(0, N_ANNOTATORS - 1)),
    st.tuples(st.just("resolve"), st.integers(0, N_ARTICLES * N_CLAIMS - 1), st.integers(0, N_SOURCES - 1),
              st.sampled_from(LABELS)),
)


@pytest.fixture
def people(project, lead):
    annotators = [UserFactory(username=f"p{i}") for i in range(N_ANNOTATORS)]
    for user in annotators:
        Membership.objects.create(project=project, user=user, role=Membership.Role.ANNOTATOR)
    return lead, annotators


def build(project, lead, annotators, extracted, operations):
    articles = [ArticleFactory(project=project) for _ in range(N_ARTICLES)]
    claims = [ClaimFactory(article=articles[i // N_CLAIMS], start=i % N_CLAIMS, end=10 + i % N_CLAIMS)
              for i in range(N_ARTICLES * N_CLAIMS)]
    sources = [SourceFactory(name=f"Source {i}") for i in range(N_SOURCES)]
    for claim_i, source_i in extracted:
        UnitFactory(claim=claims[claim_i], source=sources[source_i], origin="extracted")
    for op in operations:
        if op[0] == "judge":
            _, claim_i, source_i, who, label = op
            services.stance_record(claim=claims[claim_i], source=sources[source_i], annotator=annotators[who],
                                   label=label)
        elif op[0] == "finish":
            services.assignment_finish(article=articles[op[1]], annotator=annotators[op[2]])
        elif op[0] == "add":
            services.unit_add(claim=claims[op[1]], source=sources[op[2]], user=annotators[op[3]])
        else:
            _, claim_i, source_i, label = op
            claim, source = claims[claim_i], sources[source_i]
            services.unit_add(claim=claim, source=source, user=lead)
            current = Resolution.objects.filter(claim=claim, source=source).first()
            services.resolution_set(claim=claim, source=source, label=label, reason="Read the quote.", lead=lead,
                                    expected_version=current.version if current else 0)
    return sources


def oracle(project) -> dict[tuple[int, int], tuple[str, str | None]]:
    """(status, stance) of every unit, from the rows themselves."""
    annotators: dict[int, set[int]] = {}
    for article_id, who in Stance.objects.for_project(project).values_list("claim__article_id", "annotator_id"):
        annotators.setdefault(article_id, set()).add(who)
    for article_id, who in Assignment.objects.filter(article__project=project, status="done").values_list(
            "article_id", "annotator_id"):
        annotators.setdefault(article_id, set()).add(who)
    labels: dict[tuple[int, int], list[str]] = {}
    for claim_id, source_id, label in Stance.objects.for_project(project).values_list("claim_id", "source_id", "label"):
        labels.setdefault((claim_id, source_id), []).append(label)
    resolutions = {(r.claim_id, r.source_id): r for r in Resolution.objects.filter(claim__article__project=project)}
    found = {}
    for claim_id, source_id, article_id in Unit.objects.filter(claim__article__project=project).values_list(
            "claim_id", "source_id", "claim__article_id"):
        key = (claim_id, source_id)
        resolution = resolutions.get(key)
        status = expected_status(labels.get(key, []), len(annotators.get(article_id, ())),
                                 resolution.status if resolution else None)
        found[key] = (status, resolution.label if status in ("consensus", "resolved") else None)
    return found


def csv_statuses(project, method: str) -> dict[tuple[int, int], tuple[str, str | None]]:
    raw = b"".join(exports.iter_csv(project, exports.ExportOptions(), method=method)).decode()
    in_project = Unit.objects.filter(claim__article__project=project)
    unit_ids = dict(in_project.values_list("source__name", "source_id").distinct())
    return {(int(r["claim_id"]), unit_ids[r["source"]]): (r["status"], r["stance"] or None)
            for r in csv.DictReader(io.StringIO(raw, newline=""))}


def api_disputed(client, project) -> set[tuple[int, int]]:
    found, url = set(), f"/api/v1/projects/{project.slug}/disagreements/?page_size=7"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        found |= {(u["claim"], u["source"]) for u in body["results"]}
        url = body["next"]
    return found


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(
    extracted=st.sets(st.tuples(st.integers(0, N_ARTICLES * N_CLAIMS - 1), st.integers(0, N_SOURCES - 1)),
                      max_size=6),
    operations=st.lists(operation, max_size=18),
)
def test_every_surface_gives_each_unit_the_same_status(client, project, people, extracted, operations):
    lead, annotators = people
    client.force_login(lead)
    try:
        with transaction.atomic():
            sources = build(project, lead, annotators, extracted, operations)
            check_surfaces(client, project, lead, sources)
            raise Rollback
    except Rollback:
        pass


def check_surfaces(client, project, lead, sources):
    expected = oracle(project)
    disputed = {key for key, (status, _stance) in expected.items() if status == "disputed"}

    # The review queue, on this database's path and on the Python path.
    assert {(u.claim_id, u.source_id) for u in review.disputed_units(project).units} == disputed
    assert {(u.claim_id, u.source_id) for u in review._disputed_units_python(project).units} == disputed
    assert review.disputed_count(project) == len(disputed)
    queue_all = review.disputed_units(project, status="all").units
    for unit in queue_all:  # the queue also lists settled disputes: as resolved, never otherwise
        assert expected[(unit.claim_id, unit.source_id)][0] in {"disputed", "resolved"}
    # The API.
    assert api_disputed(client, project) == disputed
    # The exports: CSV (both paths) and JSONL (ClaimReview publishes verdicts, not units).
    methods = ["python", "copy"] if connection.vendor == "postgresql" else ["python"]
    for method in methods:
        assert csv_statuses(project, method) == expected, method
    jsonl = [json.loads(line) for line in b"".join(
        exports.iter_jsonl(project, exports.ExportOptions(format="jsonl"))).decode().splitlines()]
    assert {(o["claim"]["id"], o["source"]["id"]): (o["status"], o["stance"])
            for o in jsonl if o["type"] == "unit"} == expected
    # A lead's timelines.
    membership = Membership.objects.get(project=project, user=lead)
    for source in sources:
        timeline = tracking.source_timeline(project=project, source=source, membership=membership, user=lead)
        for row in timeline.rows:
            assert row.status == expected[(row.claim.pk, source.pk)][0]
            settled = expected[(row.claim.pk, source.pk)][1]
            if settled is not None:
                assert row.label == settled
