"""Review figures kept by the writes that change them (PostgreSQL, migration 0021).

The disputes, their counts, the per-annotator and per-day tallies must equal what the
plain rules compute from scratch after any sequence of writes, single rows or many at once;
the dashboard serves its snapshot after a change without reading the judgements, says how
far behind it is and queues one recomputation; and no page of a project reads another
project's rows.
"""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import review, services
from annotations.models import Article, Assignment, Claim, Resolution, ReviewSnapshot, Stance, WorkerBeat
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


def _kept(project) -> tuple[dict, dict]:
    """The kept disputes {(claim, source): (judgements, everyone, settled, claim_start)} and counts."""
    names = dict(UserFactory._meta.model.objects.values_list("pk", "username"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT claim_id, source_id, labels, judged, everyone, settled, claim_start "
                       "FROM annotations_dispute WHERE project_id = %s", [project.pk])
        disputes = {
            (claim, source): (sorted((names[who], label) for who, label in zip(judged, labels, strict=True)),
                              sorted(names[who] for who in everyone), settled, start)
            for claim, source, labels, judged, everyone, settled, start in cursor.fetchall()
        }
        cursor.execute("SELECT annotator_id, sum(total), sum(settled) FROM annotations_disputecount "
                       "WHERE project_id = %s GROUP BY annotator_id HAVING sum(total) <> 0 OR sum(settled) <> 0",
                       [project.pk])
        counts = {(names[who] if who else None): (total, settled) for who, total, settled in cursor.fetchall()}
    return disputes, counts


def _from_scratch(project) -> tuple[dict, dict]:
    """The same, from the plain rules (`review._disputed_units_python`)."""
    starts = dict(Claim.objects.filter(article__project=project).values_list("pk", "start"))
    disputes, counts = {}, {}
    for unit in review._disputed_units_python(project, status="all").units:
        settled = unit.resolution is not None and unit.resolution.status == Resolution.Status.RESOLVED
        everyone = sorted(j.annotator for j in unit.judgements)
        disputes[(unit.claim_id, unit.source_id)] = (
            sorted((j.annotator, j.label) for j in unit.judgements if j.label is not None),
            everyone, settled, starts[unit.claim_id])
        for who in [None, *everyone]:
            total, done = counts.get(who, (0, 0))
            counts[who] = (total + 1, done + settled)
    return disputes, counts


@pytest.fixture
def disputed(project, annotator, annotator2):
    """One unit the two annotators judge differently: (claim, source)."""
    claim, source = ClaimFactory(article=ArticleFactory(project=project)), SourceFactory()
    services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges")
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="denies")
    return claim, source


def assert_kept_figures_are_exact(project):
    assert _kept(project) == _from_scratch(project)
    assert review.dashboard(project, medians={}) == review._dashboard_python(project, medians={})


# Each step writes the way some path of the product does: one row, or many in one statement.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["judge", "relabel_all", "undo", "settle", "unsettle", "finish", "unfinish",
                         "move_claim", "delete_claim", "bulk_judge", "restart_day"]),
        st.integers(0, 10_000),
    ),
    min_size=1, max_size=14,
)


@pytest.mark.usefixtures("require_postgres")
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(steps=STEPS)
def test_kept_review_figures_equal_the_plain_rules_after_any_writes(db, steps):
    project = ProjectFactory()
    people = [UserFactory() for _ in range(3)]
    lead = UserFactory()
    for user in people:
        MembershipFactory(project=project, user=user)
    articles = [ArticleFactory(project=project, body=f"article {i} " + "word " * 120) for i in range(2)]
    claims = [ClaimFactory(article=article, start=10 * i, end=10 * i + 30)
              for article in articles for i in range(2)]
    sources = [SourceFactory() for _ in range(2)]
    for claim in claims:
        for source in sources:
            UnitFactory(claim=claim, source=source, suggested_label="alleges")

    for action, n in steps:
        claim = claims[n % len(claims)] if claims else None
        source, who, label = sources[n % 2], people[n % 3], LABELS[n % 3]
        if claim is None:
            break
        if action == "judge":
            Stance.objects.update_or_create(claim=claim, source=source, annotator=who, defaults={"label": label})
        elif action == "bulk_judge":  # many rows in one statement, as an import or a backup does
            Stance.objects.bulk_create(
                [Stance(claim=c, source=source, annotator=who, label=LABELS[(n + i) % 3])
                 for i, c in enumerate(claims)], ignore_conflicts=True)
        elif action == "relabel_all":
            Stance.objects.filter(claim__article=claim.article, annotator=who).update(label=label)
        elif action == "undo":
            Stance.objects.filter(claim=claim, annotator=who).delete()
        elif action == "settle":
            Resolution.objects.update_or_create(
                claim=claim, source=source,
                defaults={"label": label, "status": Resolution.Status.RESOLVED, "resolved_by": lead,
                          "reason": "checked"})
        elif action == "unsettle":
            Resolution.objects.filter(claim=claim).delete()
        elif action == "finish":
            Assignment.objects.update_or_create(article=claim.article, annotator=who,
                                                defaults={"status": Assignment.Status.DONE})
        elif action == "unfinish":
            Assignment.objects.filter(article=claim.article, annotator=who).update(
                status=Assignment.Status.ACTIVE)
        elif action == "move_claim":  # a unit's judgements moved to another claim of the article
            other = next((c for c in claims if c.article_id == claim.article_id and c.pk != claim.pk), None)
            if other is not None and not Stance.objects.filter(claim=other, source=source).exists():
                Stance.objects.filter(claim=claim, source=source).update(claim=other)
            Claim.objects.filter(pk=claim.pk).update(start=n % claim.end)  # reordered in the queue
        elif action == "delete_claim":
            claim.delete()
            claims.remove(claim)
        elif action == "restart_day":
            Stance.objects.filter(annotator=who).update(created_at=timezone.now() - timezone.timedelta(days=n % 5))
        assert_kept_figures_are_exact(project)


def test_deleting_an_article_or_project_leaves_no_kept_rows(require_postgres, project, disputed):
    claim, source = disputed
    assert _kept(project)[0]
    Article.objects.filter(pk=claim.article_id).delete()
    assert _kept(project) == ({}, {}) == _from_scratch(project)
    assert review.dashboard(project, medians={})["annotators"] == []


# --- The dashboard after a change -------------------------------------------------------------


@pytest.fixture
def live_worker(db, settings):
    """A task worker's heartbeat, as `manage.py worker` writes it: requests go to the worker
    (at once: no pause between recomputations here)."""
    settings.REVIEW_SNAPSHOT_INTERVAL_SECONDS = 0
    return WorkerBeat.objects.create(worker_id="test-worker", pid=1, beat_at=timezone.now())


def _alpha(project) -> float:
    """Krippendorff's α straight from the `krippendorff` package."""
    rows = list(Stance.objects.for_project(project).values_list("annotator_id", "claim_id", "source_id", "label"))
    coders = sorted({r[0] for r in rows})
    units = sorted({(r[1], r[2]) for r in rows})
    data = np.full((len(coders), len(units)), np.nan)
    for who, claim, source, label in rows:
        data[coders.index(who), units.index((claim, source))] = LABELS.index(label)
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def test_after_a_change_the_dashboard_serves_its_snapshot_says_so_and_queues_one_recomputation(
    require_postgres, client, project, lead, annotator, annotator2, live_worker,
    django_assert_max_num_queries, django_capture_on_commit_callbacks,
):
    article = ArticleFactory(project=project)
    claims = [ClaimFactory(article=article, start=i * 20, end=i * 20 + 10) for i in range(3)]
    source = SourceFactory()
    for claim, (a, b) in zip(claims, [("alleges", "alleges"), ("alleges", "denies"), ("denies", "denies")],
                             strict=True):
        services.stance_record(claim=claim, source=source, annotator=annotator, label=a)
        services.stance_record(claim=claim, source=source, annotator=annotator2, label=b)
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    assert client.get(url).status_code == 200  # the first visit computes the snapshot
    before = ReviewSnapshot.objects.get(project=project)
    assert before.figures["report"]["krippendorff_alpha"] == pytest.approx(_alpha(project))

    services.stance_record(claim=claims[0], source=source, annotator=annotator2, label="denies",
                           expected_version=1)
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        # session, user, membership, version, snapshot, worker beat, the request's claim,
        # the task queued, the kept counts
        with django_assert_max_num_queries(9):
            response = client.get(url)
    html = response.content.decode()
    # The judgements are not read: the coefficients are the snapshot's, the counts are kept.
    assert not [q["sql"] for q in queries.captured_queries if '"annotations_stance"' in q["sql"]]
    assert "1 change since" in html and "New figures are being computed" in html
    assert 'hx-trigger="every 4s"' in html
    rows = {r["username"]: r["units"] for r in review.dashboard(project, medians={})["annotators"]}
    assert rows == {"ann1": 3, "ann2": 3}
    assert DBTaskResult.objects.filter(task_path__endswith="review_snapshot_job").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # a burst of reloads queues one recomputation
    assert DBTaskResult.objects.filter(task_path__endswith="review_snapshot_job").count() == 1
    poll = client.get(url, {"freshness": 1}, headers={"HX-Request": "true"})
    assert "HX-Refresh" not in poll and "1 change since" in poll.content.decode()

    # The worker runs the task: the figures are current again and equal krippendorff's.
    from annotations.tasks import review_snapshot_job

    result = review_snapshot_job.call(project.pk)
    assert result["computed"] is True
    after = ReviewSnapshot.objects.get(project=project)
    assert after.requested_at is None and after.version != before.version
    assert after.figures["report"]["krippendorff_alpha"] == pytest.approx(_alpha(project))
    old_alpha = before.figures["report"]["krippendorff_alpha"]
    assert after.figures["report"]["krippendorff_alpha"] != pytest.approx(old_alpha)
    poll = client.get(url, {"freshness": 1}, headers={"HX-Request": "true"})
    assert poll["HX-Refresh"] == "true" and "up to date" in poll.content.decode()
    assert "hx-trigger" not in client.get(url).content.decode()


def test_without_a_worker_the_dashboard_computes_current_figures_itself(
    require_postgres, client, project, lead, annotator2, disputed
):
    claim, source = disputed
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    client.get(url)
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="alleges", expected_version=1)
    html = client.get(url).content.decode()
    assert "up to date" in html
    snapshot = ReviewSnapshot.objects.get(project=project)
    assert snapshot.figures["report"]["judgements"] == 2
    assert json.dumps(snapshot.figures)  # stored as JSON, as the task stores it


# --- Concurrent writers ------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("n_articles", [1, 3])
def test_concurrent_saves_settlements_and_finishes_never_fail_and_keep_the_figures_exact(require_postgres, n_articles):
    """Annotators saving, a lead settling and articles being finished at once, in real
    transactions, in one article or several (whose saves do not wait for each other, and add
    to the counts' shards of their connections): every write ends saved or refused as a
    conflict (never a deadlock error), and the kept figures equal the plain rules afterwards."""
    import random
    import threading
    import time

    from annotations.services import Conflict

    project = services.project_create(slug="busy", name="Busy", overlap=3)
    people = [UserFactory(username=f"busy{i}") for i in range(3)]
    lead = UserFactory(username="busylead")
    for user in people:
        MembershipFactory(project=project, user=user)
    MembershipFactory(project=project, user=lead, role="lead")
    articles = [ArticleFactory(project=project, body=f"busy article {i} " + "word " * 100) for i in range(n_articles)]
    claims = [ClaimFactory(article=articles[i % n_articles], start=10 * i, end=10 * i + 8) for i in range(3)]
    sources = [SourceFactory() for _ in range(2)]
    units = [(c, s) for c in claims for s in sources]
    errors: list[BaseException] = []
    deadline = time.monotonic() + 4
    barrier = threading.Barrier(len(people) + 2)

    def guarded(work):
        def run():
            try:
                barrier.wait()
                rng = random.Random(threading.get_ident())
                while time.monotonic() < deadline:
                    try:
                        work(rng)
                    except Conflict:
                        pass  # a stale view, refused: what a person would see and redo
            except BaseException as exc:  # reported below, a thread must not swallow it
                errors.append(exc)
            finally:
                connection.close()
        return run

    def annotate(user):
        def work(rng):
            claim, source = rng.choice(units)
            current = Stance.objects.filter(claim=claim, source=source, annotator=user).first()
            if current is not None and rng.random() < 0.15:
                services.stance_undo(claim=claim, source=source, annotator=user)
                return
            services.stance_record(claim=claim, source=source, annotator=user, label=rng.choice(LABELS),
                                   expected_version=current.version if current else 0)
        return work

    def settle(rng):
        claim, source = rng.choice(units)
        current = Resolution.objects.filter(claim=claim, source=source).first()
        services.resolution_set(claim=claim, source=source, label=rng.choice(LABELS), reason="checked",
                                lead=lead, expected_version=current.version if current else 0)

    def finish(rng):
        services.assignment_finish(article=rng.choice(articles), annotator=rng.choice(people))

    threads = [threading.Thread(target=guarded(annotate(u))) for u in people]
    threads += [threading.Thread(target=guarded(settle)), threading.Thread(target=guarded(finish))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors[:3]
    assert Stance.objects.filter(claim__article__in=articles).exists()
    assert_kept_figures_are_exact(project)


def _held_save(claim, source, annotator):
    """A save of `annotator` on the unit whose transaction stays open, in a thread of its own,
    until the returned `release` is called: what a save still committing holds."""
    import threading

    saved, release, errors, pid = threading.Event(), threading.Event(), [], []

    def run():
        from django.db import transaction

        try:
            with transaction.atomic():
                services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges")
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    pid.append(cursor.fetchone()[0])
                saved.set()
                release.wait(30)
        except BaseException as exc:  # reported by the caller
            errors.append(exc)
            saved.set()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert saved.wait(30) and not errors, errors
    # The counts' shards are the connections' (migration 0026): two saves whose connections
    # share one would take turns on its rows. This test's connection takes another shard.
    for _ in range(100):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid() %% 16 <> %s %% 16", [pid[0]])
            if cursor.fetchone()[0]:
                break
        connection.close()

    def done():
        release.set()
        thread.join(30)
        assert not errors, errors
    return done


def _waits_for_a_lock(write) -> bool:
    """Whether `write` has to wait for a lock another transaction holds (given up after 1 s)."""
    from django.db import OperationalError, transaction

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '1s'")
            write()
    except OperationalError as exc:
        assert getattr(exc.__cause__, "sqlstate", None) == "55P03", exc  # lock_not_available
        return True
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_save_waits_only_for_saves_in_its_own_article_and_a_bulk_statement_for_all(require_postgres):
    """A save holds its article's review lock until it commits; a save in another article of
    the project goes on meanwhile, one in the same article waits, and a statement of many
    articles waits for the project's saves (it takes the project's lock, not each article's)."""
    project = services.project_create(slug="locks", name="Locks", overlap=2)
    people = [UserFactory(username=f"lock{i}") for i in range(2)]
    for user in people:
        MembershipFactory(project=project, user=user)
    articles = [ArticleFactory(project=project, body=f"lock article {i} " + "word " * 60) for i in range(20)]
    claims = [ClaimFactory(article=article, start=0, end=8) for article in articles]
    source, other = SourceFactory(), SourceFactory()
    for claim in claims[:2]:  # the sources heard in the project before (a first hearing is a row for both)
        services.stance_record(claim=claim, source=source, annotator=people[1], label="alleges")
        services.stance_record(claim=claim, source=other, annotator=people[1], label="alleges")
        services.stance_undo(claim=claim, source=source, annotator=people[1])
        services.stance_undo(claim=claim, source=other, annotator=people[1])
    release = _held_save(claims[0], source, people[0])
    try:
        assert not _waits_for_a_lock(lambda: services.stance_record(
            claim=claims[1], source=other, annotator=people[1], label="denies"))
        assert _waits_for_a_lock(lambda: services.stance_record(
            claim=claims[0], source=source, annotator=people[1], label="denies"))
        assert _waits_for_a_lock(lambda: Stance.objects.bulk_create(
            [Stance(claim=claim, source=source, annotator=people[1], label="alleges") for claim in claims[2:]]))
    finally:
        release()
    Stance.objects.bulk_create(
        [Stance(claim=claim, source=source, annotator=people[1], label="alleges") for claim in claims[2:]])
    assert_kept_figures_are_exact(project)


def test_the_api_report_is_the_current_snapshot_or_computed_afresh(require_postgres, project, annotator2, disputed):
    from annotations.services import review_figures

    claim, source = disputed
    first = review_figures.agreement_report(project)
    with CaptureQueriesContext(connection) as queries:
        assert review_figures.agreement_report(project) == first  # nothing changed: the snapshot
    assert not [q for q in queries.captured_queries if '"annotations_stance"' in q["sql"]]
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="alleges", expected_version=1)
    again = review_figures.agreement_report(project)
    assert again != first and again["observed_agreement"] == 1.0
    assert again == json.loads(json.dumps(review.project_agreement(project), default=list))


def test_a_queued_recomputation_whose_worker_died_is_done_by_the_page(
    require_postgres, client, project, lead, annotator2, live_worker, disputed
):
    claim, source = disputed
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    client.get(url)
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="alleges", expected_version=1)
    assert "1 change since" in client.get(url).content.decode()  # queued for the worker
    WorkerBeat.objects.update(beat_at=timezone.now() - timezone.timedelta(minutes=5))  # it died
    assert "up to date" in client.get(url).content.decode()


def test_a_burst_of_changes_waits_for_the_interval_before_the_next_recomputation(
    require_postgres, client, project, lead, annotator2, live_worker, settings, disputed,
    django_capture_on_commit_callbacks,
):
    settings.REVIEW_SNAPSHOT_INTERVAL_SECONDS = 60
    claim, source = disputed
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    client.get(url)
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="alleges", expected_version=1)
    with django_capture_on_commit_callbacks(execute=True):
        html = client.get(url).content.decode()
    assert "1 change since" in html and "being computed" not in html  # computed seconds ago: it waits
    assert ReviewSnapshot.objects.get(project=project).requested_at is None
    assert not DBTaskResult.objects.filter(task_path__endswith="review_snapshot_job").exists()
    ReviewSnapshot.objects.update(computed_at=timezone.now() - timezone.timedelta(seconds=61))
    with django_capture_on_commit_callbacks(execute=True):
        html = client.get(url, {"freshness": 1}, headers={"HX-Request": "true"}).content.decode()
    assert "being computed" in html  # the page's own poll asks once the interval has passed
    assert DBTaskResult.objects.filter(task_path__endswith="review_snapshot_job").count() == 1


def test_the_dispute_refresh_keeps_one_plan_per_connection(require_postgres):
    """Every save's trigger calls the refresh; planning its queries anew each time cost 1.8 ms a save
    for 0.3 ms of work (migration 0022)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT proconfig FROM pg_proc WHERE proname = 'claimtrack_disputes_refresh'")
        (config,) = cursor.fetchone()
    assert "plan_cache_mode=force_generic_plan" in config


def _row_versions(article) -> dict:
    """Each kept dispute row of the article and the transaction that last wrote it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT claim_id, source_id, xmin::text FROM annotations_dispute WHERE article_id = %s",
                       [article.pk])
        return {(claim, source): xmin for claim, source, xmin in cursor.fetchall()}


def test_a_save_that_keeps_the_articles_annotators_rewrites_its_own_unit_only(
        require_postgres, project, annotator, annotator2):
    """Relabelling, or judging a further unit of an article one already works on, cannot change who
    the article's annotators are: the save's trigger recomputes its unit, not every unit of the
    article (migration 0025), and the figures stay exact as the unit enters and leaves the queue."""
    article = ArticleFactory(project=project)
    claims = [ClaimFactory(article=article, start=10 * i, end=10 * i + 5) for i in range(3)]
    source = SourceFactory()
    for claim in claims[:2]:
        services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges")
        services.stance_record(claim=claim, source=source, annotator=annotator2, label="denies")
    (first, second) = [(c.pk, source.pk) for c in claims[:2]]
    before = _row_versions(article)
    assert set(before) == {first, second}

    # A change of mind that keeps the unit in dispute.
    Stance.objects.filter(claim=claims[0], annotator=annotator).update(label="no_comment")
    after = _row_versions(article)
    assert after[second] == before[second] and after[first] != before[first]
    assert_kept_figures_are_exact(project)

    # One that settles the disagreement: the unit leaves the queue, the other stays untouched.
    Stance.objects.filter(claim=claims[1], annotator=annotator).update(label="denies")
    assert _row_versions(article) == {first: after[first]}
    assert_kept_figures_are_exact(project)

    # A further unit judged by someone already at work on the article: in dispute (the other is
    # missing), and the unit judged before is not rewritten.
    services.stance_record(claim=claims[2], source=source, annotator=annotator, label="alleges")
    rows = _row_versions(article)
    assert rows[first] == after[first] and (claims[2].pk, source.pk) in rows
    assert_kept_figures_are_exact(project)

    # Somebody's first judgement in the article changes who its annotators are: every unit again.
    third = UserFactory()
    MembershipFactory(project=project, user=third)
    services.stance_record(claim=claims[0], source=source, annotator=third, label="alleges")
    assert all(_row_versions(article)[unit] != rows[unit] for unit in rows)
    assert_kept_figures_are_exact(project)


def _functions_called(write) -> dict[str, int]:
    """The PL/pgSQL functions `write` ran, with their calls (PostgreSQL's per-transaction counts)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL track_functions = 'pl'")
        cursor.execute("SELECT funcname, calls FROM pg_stat_xact_user_functions")
        before = dict(cursor.fetchall())
        write()
        cursor.execute("SELECT funcname, calls FROM pg_stat_xact_user_functions")
        return {name: calls - before.get(name, 0) for name, calls in cursor.fetchall() if calls > before.get(name, 0)}


def test_somebodys_first_judgement_in_an_article_joins_its_disputes_without_recomputing_them(
        require_postgres, project, annotator, annotator2):
    """A newcomer to an article has judged none of its units but one: its disputes stay disputes
    with the newcomer among their annotators, and a unit the others agreed on now lacks a
    judgement (migration 0027), without the article's disputes computed anew."""
    article = ArticleFactory(project=project)
    claims = [ClaimFactory(article=article, start=10 * i, end=10 * i + 5) for i in range(4)]
    source = SourceFactory()
    services.stance_record(claim=claims[0], source=source, annotator=annotator, label="alleges")
    services.stance_record(claim=claims[0], source=source, annotator=annotator2, label="denies")  # differ
    services.stance_record(claim=claims[1], source=source, annotator=annotator, label="alleges")  # agreed
    services.stance_record(claim=claims[1], source=source, annotator=annotator2, label="alleges")
    services.stance_record(claim=claims[2], source=source, annotator=annotator, label="denies")  # missing one
    services.resolution_set(claim=claims[0], source=source, label="denies", reason="checked",
                            lead=UserFactory(), expected_version=0)
    assert_kept_figures_are_exact(project)
    newcomer = UserFactory()
    MembershipFactory(project=project, user=newcomer)

    called = _functions_called(lambda: services.stance_record(
        claim=claims[0], source=source, annotator=newcomer, label="alleges"))
    assert called.get("claimtrack_dispute_join") == 1 and "claimtrack_disputes_refresh" not in called, called
    disputes, counts = _kept(project)
    assert set(disputes) == {(c.pk, source.pk) for c in claims[:3]}  # the agreed unit lacks the newcomer's
    assert counts[newcomer.username] == (3, 1)  # among everyone of the three, one of them settled
    assert_kept_figures_are_exact(project)

    # The newcomer's first judgement of a unit nobody judged yet, in another article of theirs:
    # the unit is disputed (the others have not judged it), the rest as before.
    services.stance_record(claim=claims[3], source=source, annotator=annotator, label="alleges")
    other = ArticleFactory(project=project)
    lone = ClaimFactory(article=other, start=0, end=5)
    called = _functions_called(lambda: services.stance_record(
        claim=lone, source=source, annotator=annotator2, label="denies"))
    assert called.get("claimtrack_dispute_join") == 1, called
    assert_kept_figures_are_exact(project)
