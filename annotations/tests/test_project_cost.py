"""A project's pages never read another project's rows (PostgreSQL).

Each page's queries are captured, then replayed under EXPLAIN ANALYZE, and the rows every
scan read (returned, or read and filtered out) are summed. Adding a second project forty
times larger must leave that sum about where it was: a query that walks a whole table (the
old review version walked every project's History) reads thousands of rows more.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from annotations import selectors, services
from annotations.models import (
    Article,
    Assignment,
    Claim,
    History,
    Membership,
    Resolution,
    ReviewSnapshot,
    Source,
    Stance,
    Unit,
    WorkerBeat,
)
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)

LABELS = ["alleges", "denies", "no_comment"]


def _fill(project, articles: int, people: list, lead, tag: str) -> None:
    """`articles` articles of two claims with two sources each, judged by everyone, some
    finished and settled, written in bulk as an import or a restore writes them."""
    rows = Article.objects.bulk_create(
        [Article(project=project, title=f"{tag} {i}", body=f"{tag} article {i} " + "text " * 60, language="en",
                 content_hash=f"{tag}-{i}") for i in range(articles)])
    claims = Claim.objects.bulk_create(
        [Claim(article=a, text=f"claim {k}", start=k * 20, end=k * 20 + 15) for a in rows for k in range(2)])
    sources = Source.objects.bulk_create([Source(name=f"{tag} source {k}") for k in range(2)])
    Unit.objects.bulk_create([Unit(claim=c, source=s, suggested_label="alleges") for c in claims for s in sources])
    base = timezone.now() - dt.timedelta(days=3)
    Stance.objects.bulk_create([
        Stance(claim=c, source=s, annotator=who, label=LABELS[(i + j + k) % 3 if (i + k) % 4 == 0 else 0],
               created_at=base + dt.timedelta(minutes=i * 7 + j))
        for i, c in enumerate(claims) for k, s in enumerate(sources) for j, who in enumerate(people)])
    # Every judgement's History row, as the services write it.
    History.objects.bulk_create([
        History(kind=History.Kind.STANCE, action=History.Action.CREATE, claim_id=s.claim_id, source_id=s.source_id,
                annotator_id=s.annotator_id, actor_id=s.annotator_id, new_label=s.label)
        for s in Stance.objects.filter(claim__article__project=project)])
    Assignment.objects.bulk_create([Assignment(article=a, annotator=who, status=Assignment.Status.DONE)
                                    for a in rows[: articles // 2] for who in people])
    Resolution.objects.bulk_create([
        Resolution(claim=c, source=sources[0], label="denies", status=Resolution.Status.RESOLVED,
                   resolved_by=lead, reason="checked") for c in claims[::8]])


def _rows_read(sqls: list[str]) -> list[tuple[int, str]]:
    """Rows all scans of each of these queries read, run again under EXPLAIN ANALYZE."""
    def scanned(node) -> float:
        own = 0.0
        if "Scan" in node["Node Type"]:
            own = (node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
                   + node.get("Rows Removed by Index Recheck", 0)) * node.get("Actual Loops", 1)
        return own + sum(scanned(child) for child in node.get("Plans", []))

    found = []
    with connection.cursor() as cursor:
        # Small test tables make whole-table scans and hash or merge joins over them the cheapest
        # plans; with those priced out the plans are those of a large database (index lookups),
        # and a whole-table read left is one no index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; "
                       "SET LOCAL enable_mergejoin = off")
        for sql in sqls:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")) or " FOR UPDATE" in sql.upper():
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = plan[0] if isinstance(plan, list) else plan
            found.append((int(scanned(plan["Plan"])), sql[:3000]))
        cursor.execute("RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin")
    return found


def _pages(project, lead, annotator) -> dict[str, tuple[object, str]]:
    article = Article.objects.filter(project=project).order_by("id").first()
    return {
        "disagreement queue": (lead, reverse("annotations:review", args=[project.slug])),
        "agreement dashboard": (lead, reverse("annotations:review-agreement", args=[project.slug])),
        "article page": (annotator, reverse("annotations:article", args=[project.slug, article.pk])),
        "projects": (annotator, reverse("annotations:project-list")),
        "API disagreements": (lead, f"/api/v1/projects/{project.slug}/disagreements/"),
        "API stances": (annotator, f"/api/v1/stances/?project={project.slug}"),
        "API history": (lead, f"/api/v1/projects/{project.slug}/history/"),
    }


def _busy(project) -> None:
    """The annotators of another project at work: their History is the database's newest."""
    History.objects.bulk_create([
        History(kind=History.Kind.STANCE, action=History.Action.UPDATE, claim_id=s.claim_id, source_id=s.source_id,
                annotator_id=s.annotator_id, actor_id=s.annotator_id, old_label=s.label, new_label=s.label)
        for s in Stance.objects.filter(claim__article__project=project).order_by("id")[:300]])


def _measure(project, lead, annotator, elsewhere=None) -> dict[str, list[tuple[int, str]]]:
    """Rows read per page, each page requested right after a judgement changed (and, with
    `elsewhere`, after the other project's annotators saved more since)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    figures = {}
    stance = Stance.objects.filter(claim__article__project=project, annotator=annotator).order_by("id").first()
    for name, (user, url) in _pages(project, lead, annotator).items():
        stance.refresh_from_db()
        services.stance_record(claim=stance.claim, source=stance.source, annotator=annotator,
                               label="denies" if stance.label != "denies" else "alleges",
                               expected_version=stance.version)
        ReviewSnapshot.objects.filter(project=project).update(requested_at=None)
        if elsewhere is not None:
            _busy(elsewhere)
        client = Client()
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        figures[name] = _rows_read([q["sql"] for q in queries.captured_queries])
    return figures


def test_no_page_of_a_project_reads_a_larger_project_beside_it(require_postgres, django_capture_on_commit_callbacks):
    project = ProjectFactory(slug="small")
    people = [UserFactory(username=f"ann{i}") for i in range(3)]
    lead = UserFactory(username="lead")
    for user in people:
        MembershipFactory(project=project, user=user)
    MembershipFactory(project=project, user=lead, role=Membership.Role.LEAD)
    _fill(project, 10, people, lead, "small")
    WorkerBeat.objects.create(worker_id="w", pid=1, beat_at=timezone.now())
    Client().force_login(lead)
    lead_client = Client()
    lead_client.force_login(lead)
    lead_client.get(reverse("annotations:review-agreement", args=[project.slug]))  # the first snapshot

    with django_capture_on_commit_callbacks(execute=True):
        _measure(project, lead, people[0])  # each round adds a History row per page: start even
        alone = _measure(project, lead, people[0])

        other = ProjectFactory(slug="large")
        others = [UserFactory(username=f"other{i}") for i in range(3)]
        for user in others:
            MembershipFactory(project=other, user=user)
        _fill(other, 400, others, others[0], "large")  # 40 times the small project
        beside = _measure(project, lead, people[0], elsewhere=other)

    assert Stance.objects.filter(claim__article__project=other).count() == 40 * Stance.objects.filter(
        claim__article__project=project).count()
    grown = {}
    for name, queries in alone.items():
        before, after = sum(n for n, _sql in queries), sum(n for n, _sql in beside[name])
        # A plan may look the same row up twice (memoized or not); reading the other
        # project reads forty times the rows.
        if after > before * 2 + 25:
            worst = max(zip(queries, beside[name], strict=True), key=lambda pair: pair[1][0] - pair[0][0])
            grown[name] = (before, after, worst[0][0], worst[1][0], worst[1][1])
    assert not grown, f"pages reading the other project's rows (rows alone, beside it, worst query): {grown}"
    assert all(sum(n for n, _sql in queries) > 0 for queries in alone.values())


def _hear_more_sources(claim, organisation, count: int = 3000) -> None:
    """`count` more sources heard in the claim's project, two in three speaking for `organisation`."""
    more = Source.objects.bulk_create([Source(name=f"Heard {k}", affiliation=organisation if k % 3 else None)
                                       for k in range(count)])
    claims = [ClaimFactory(article=claim.article, start=10 * k, end=10 * k + 5) for k in range(1, 4)]
    Unit.objects.bulk_create([Unit(claim=claims[k % 3], source=s) for k, s in enumerate(more)])


def test_naming_one_source_reads_the_same_rows_however_many_sources_the_member_hears(require_postgres):
    """A new judgement names its source, a source names its organisation, the page's "add a source"
    picks one: each asks whether the member sees that one source. Asked of the whole set of sources
    their projects hear (a hash of them all, 6-15 ms at 1M judgements), it read more rows with
    every source heard; asked of the one source (`stance_target`, `visible_to_each`), it reads the same."""
    project = ProjectFactory(slug="registry")
    member = UserFactory(username="member")
    MembershipFactory(project=project, user=member)
    claim = ClaimFactory(article=ArticleFactory(project=project))
    organisation = SourceFactory(name="The Ministry")
    spokesman = SourceFactory(name="A Spokesman", affiliation=organisation)
    UnitFactory(claim=claim, source=spokesman)
    unheard = SourceFactory(name="Heard nowhere")

    def reads() -> int:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        with CaptureQueriesContext(connection) as queries:
            _claim, source, _stance = selectors.stance_target(user=member, claim_id=claim.pk, source_id=spokesman.pk)
            assert source == spokesman
            assert selectors.stance_target(user=member, claim_id=claim.pk, source_id=unheard.pk)[1] is None
            assert Source.objects.visible_to_each(member).get(pk=organisation.pk) == organisation  # speaks for
            assert not Source.objects.visible_to_each(member).filter(pk=unheard.pk).exists()
        found = _rows_read([q["sql"] for q in queries.captured_queries])
        return sum(n for n, _sql in found)

    few = reads()
    _hear_more_sources(claim, organisation)
    many = reads()
    assert many <= few * 2 + 25, (few, many)


def test_the_registrys_first_page_reads_the_same_rows_however_many_sources_the_member_hears(
        require_postgres, fresh_cache):
    """The API's source list, first page in id order: as sets it hashed every source the member's
    projects hear before returning the first (35 ms for 29,000 at 1M judgements); walking the registry
    in id order, each source asked on its own, it reads about a page of rows however many they hear
    (and the window's bound, `WALK_WINDOW` index entries)."""
    project = ProjectFactory(slug="registry")
    member = UserFactory(username="member")
    MembershipFactory(project=project, user=member)
    claim = ClaimFactory(article=ArticleFactory(project=project))
    organisation = SourceFactory(name="The Ministry")
    speakers = Source.objects.bulk_create([Source(name=f"Speaker {k}", affiliation=organisation if k % 3 else None)
                                           for k in range(1200)])
    Unit.objects.bulk_create([Unit(claim=claim, source=s) for s in speakers])

    def reads() -> int:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client = Client()
        client.force_login(member)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/sources/?page_size=20")
        assert response.status_code == 200
        assert [s["id"] for s in response.json()["results"]] == [organisation.pk] + [s.pk for s in speakers[:19]]
        return sum(n for n, _sql in _rows_read([q["sql"] for q in queries.captured_queries]))

    few = reads()
    _hear_more_sources(claim, organisation)
    many = reads()
    assert many <= few * 2 + 25, (few, many)
