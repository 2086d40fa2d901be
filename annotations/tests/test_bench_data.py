"""bench_data fills a project with valid, realistic synthetic data, through COPY and bulk_create."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from annotations.models import (
    Article,
    Assignment,
    Claim,
    History,
    Membership,
    ProgressCount,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
    content_hash,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _fill(slug, *extra, articles=60, annotators=4):
    call_command("bench_data", slug, "--articles", str(articles), "--annotators", str(annotators),
                 "--seed", "7", *extra, stdout=open("/dev/null", "w"))
    return Project.objects.get(slug=slug)


def _check_project(project, *, articles, annotators):
    assert Article.objects.filter(project=project).count() == articles
    members = Counter(Membership.objects.filter(project=project).values_list("role", flat=True))
    assert members == {"annotator": annotators, "lead": 1}

    # Every claim's span lies inside its article and is the claim's text.
    claims = list(Claim.objects.for_project(project).select_related("article"))
    assert len(claims) >= 2 * articles
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(claim.article.body)
        assert claim.article.body[claim.start:claim.end] == claim.text
    for article in Article.objects.filter(project=project):
        assert article.content_hash == content_hash(article.body)

    stances = Stance.objects.for_project(project)
    labels = set(project.labels)
    assert set(stances.values_list("label", flat=True)) <= labels
    assert set(stances.values_list("label", flat=True)) == labels  # every label is used
    assert set(
        Resolution.objects.filter(claim__article__project=project).values_list("label", flat=True)
    ) <= labels
    # Judges are the project's annotators only, at most `overlap` per unit, each unit a real Unit.
    annotator_ids = set(
        Membership.objects.filter(project=project, role="annotator").values_list("user_id", flat=True)
    )
    assert set(stances.values_list("annotator_id", flat=True)) <= annotator_ids
    per_unit = Counter(stances.values_list("claim_id", "source_id"))
    assert max(per_unit.values()) <= project.overlap
    assert 1 in per_unit.values()  # some units are judged by one annotator only
    unit_keys = set(Unit.objects.filter(claim__article__project=project).values_list("claim_id", "source_id"))
    assert set(per_unit) <= unit_keys

    # Realistic disagreement: pairs of judgements on a unit agree 70-90% of the time.
    by_unit: dict = {}
    for claim_id, source_id, label in stances.values_list("claim_id", "source_id", "label"):
        by_unit.setdefault((claim_id, source_id), []).append(label)
    pairs = [v for v in by_unit.values() if len(v) == 2]
    agreement = sum(a == b for a, b in pairs) / len(pairs)
    assert 0.7 <= agreement <= 0.9, agreement

    # Every judgement has a history row that created it, and the latest history label is the stance's.
    history = History.objects.filter(claim__article__project=project, kind="stance")
    assert history.filter(action="create").count() == stances.count()
    latest = {}
    for c, s, a, new in history.order_by("id").values_list("claim_id", "source_id", "annotator_id",
                                                            "new_label"):
        latest[(c, s, a)] = new
    assert latest == {
        (c, s, a): label for c, s, a, label in stances.values_list("claim_id", "source_id", "annotator_id",
                                                                    "label")
    }
    assert history.filter(action="update").exists()

    # Consensus resolutions only where the annotators agree.
    for res in Resolution.objects.filter(claim__article__project=project, status="consensus"):
        assert set(by_unit[(res.claim_id, res.source_id)]) == {res.label}
    assert Resolution.objects.filter(claim__article__project=project, status="resolved").exists()

    # Done articles carry done assignments; pending ones (the queue's work) carry none.
    done = Assignment.objects.filter(article__project=project)
    assert set(done.values_list("status", flat=True)) == {"done"}
    judged_articles = set(stances.values_list("claim__article_id", flat=True))
    assert set(done.values_list("article_id", flat=True)) == judged_articles
    assert 0 < len(judged_articles) < articles

    # Sources are skewed: the most-cited source speaks in many more units than the median one.
    counts = sorted(
        Unit.objects.filter(claim__article__project=project).values("source").annotate(n=Count("id"))
        .values_list("n", flat=True),
        reverse=True,
    )
    assert counts[0] >= 5 * counts[len(counts) // 2]


def test_bench_data_fills_a_project_with_valid_data_through_copy(require_postgres):
    project = _fill("bench-copy")
    _check_project(project, articles=60, annotators=4)


def test_bench_data_bulk_create_path_gives_the_same_kind_of_data(db):
    project = _fill("bench-bulk", "--no-copy")
    _check_project(project, articles=60, annotators=4)


def test_bench_data_adds_to_an_existing_project_and_keeps_sequences_right(require_postgres):
    _fill("bench-twice", articles=20, annotators=3)
    project = _fill("bench-twice", articles=20, annotators=3)
    assert Article.objects.filter(project=project).count() == 40
    assert Membership.objects.filter(project=project).count() == 4
    # Rows created the ordinary way after a COPY get fresh ids (the sequences were used, not bypassed).
    source = Source.objects.create(name="Fresh Source")
    assert source.id > Source.objects.exclude(id=source.id).order_by("-id").first().id
    article = Article.objects.create(project=project, title="t", body="Fresh body.", language="en",
                                     content_hash=content_hash("Fresh body."))
    assert Claim.objects.create(article=article, text="Fresh", start=0, end=5).id


def test_bench_data_users_share_the_given_password(require_postgres):
    from django.contrib.auth import get_user_model

    _fill("bench-login", "--password", "bench-pass-123", articles=5, annotators=2)
    users = get_user_model().objects.filter(username__startswith="bench-login-")
    assert sorted(u.username for u in users) == ["bench-login-ann001", "bench-login-ann002", "bench-login-lead"]
    assert all(u.check_password("bench-pass-123") for u in users)
    assert not any(u.check_password("wrong") for u in users)


def test_bench_data_refuses_bad_arguments(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench_data", "x", "--articles", "0", "--annotators", "2")
    with pytest.raises(CommandError, match="share"):
        call_command("bench_data", "x", "--articles", "3", "--annotators", "2", "--pending", "2")
    assert not Project.objects.filter(slug="x").exists()


def test_postgres_triggers_are_on_while_bench_data_runs(require_postgres):
    # The fill must satisfy the guards, not switch them off.
    _fill("bench-guards", articles=5, annotators=2)
    with connection.cursor() as cur:
        cur.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = 'stance_label_in_project'")
        assert cur.fetchone()[0] == "O"


# --- Progress counts kept by triggers (the dashboards' figures at any size) ------------------


def _true_counts(project):
    done = Assignment.objects.filter(article__project=project, status="done")
    counts = {-1: Article.objects.filter(project=project).count(), 0: done.count()}
    for user_id in set(done.values_list("annotator_id", flat=True)):
        counts[user_id] = done.filter(annotator_id=user_id).count()
    # History changes (the review cache's version): every row inserted, none deleted here.
    changes = History.objects.filter(claim__article__project=project).count()
    if changes:
        counts[ProgressCount.HISTORY_CHANGES] = changes
    return counts


def _kept_counts(project):
    from django.db.models import Sum

    from annotations.models import ProgressCount

    kept = (ProgressCount.objects.filter(project_id=project.id).order_by().values("annotator_id")
            .annotate(total=Sum("n")).values_list("annotator_id", "total"))
    return {a: n for a, n in kept if n or a < 1}


def test_progress_counts_follow_every_change_of_articles_and_assignments(require_postgres, project,
                                                                         annotator, annotator2):
    from annotations import selectors, services
    from annotations.tests.factories import ArticleFactory, ProjectFactory

    other = ProjectFactory()
    articles = ArticleFactory.create_batch(4, project=project)
    ArticleFactory.create_batch(2, project=other)
    assert _kept_counts(project) == {-1: 4, 0: 0} or _kept_counts(project) == {-1: 4}
    services.assignment_finish(article=articles[0], annotator=annotator)
    services.assignment_finish(article=articles[0], annotator=annotator2)
    services.assignment_finish(article=articles[1], annotator=annotator)
    Assignment.objects.create(article=articles[2], annotator=annotator2)  # active: not done
    assert _kept_counts(project) == _true_counts(project) == {-1: 4, 0: 3, annotator.id: 2, annotator2.id: 1}
    progress = selectors.progress_for(project=project, user=annotator)
    assert (progress.articles, progress.project_done, progress.mine_done) == (4, 3, 2)

    Assignment.objects.filter(article=articles[1]).update(status="released")  # a bulk update
    articles[0].delete()  # cascades to its two done assignments
    assert _kept_counts(project) == _true_counts(project) == {-1: 3, 0: 0}
    assert _kept_counts(other) == {-1: 2} or _kept_counts(other) == {-1: 2, 0: 0}
    rows = selectors.projects_with_progress(user=annotator)
    assert [(r.project.pk, r.articles, r.project_done, r.mine_done) for r in rows] == [(project.pk, 3, 0, 0)]


def test_progress_counts_are_right_after_a_bulk_load(require_postgres):
    project = _fill("bench-counts", articles=40, annotators=3)
    assert _kept_counts(project) == _true_counts(project)
    assert _kept_counts(project)[-1] == 40


def _true_slots(project):
    from django.db.models import Q

    live = Count("assignments", filter=Q(assignments__status__in=["active", "done"]))
    return {a.id: (a.n, a.n < project.overlap) for a in Article.objects.filter(project=project).annotate(n=live)}


def _kept_slots(project):
    from annotations.models import QueueSlot

    return {s.article_id: (s.live, s.open) for s in QueueSlot.objects.filter(project_id=project.id)}


def test_queue_slots_follow_assignments_and_the_overlap(require_postgres, project, annotator, annotator2):
    from annotations import services
    from annotations.tests.factories import ArticleFactory

    articles = ArticleFactory.create_batch(3, project=project)
    assert _kept_slots(project) == _true_slots(project) == {a.id: (0, True) for a in articles}
    first = services.assignment_next(project=project, annotator=annotator)
    second = services.assignment_next(project=project, annotator=annotator2)
    assert first == second == articles[0]  # overlap 2: both get the first article
    assert _kept_slots(project)[articles[0].id] == (2, False)
    services.assignment_finish(article=first, annotator=annotator)
    # The full article is skipped; the next open one comes, in id order.
    assert services.assignment_next(project=project, annotator=annotator) == articles[1]
    Assignment.objects.filter(article=articles[0], annotator=annotator2).update(status="released")
    assert _kept_slots(project) == _true_slots(project)
    assert _kept_slots(project)[articles[0].id] == (1, True)
    project.overlap = 1
    project.save(update_fields=["overlap"])
    assert _kept_slots(project) == _true_slots(project)
    assert [a for a, (_, is_open) in _kept_slots(project).items() if is_open] == [articles[2].id]
    articles[2].delete()
    assert _kept_slots(project) == _true_slots(project)


def test_queue_slots_are_right_after_a_bulk_load(require_postgres):
    project = _fill("bench-slots", articles=40, annotators=3)
    assert _kept_slots(project) == _true_slots(project)
    assert sum(is_open for _, is_open in _kept_slots(project).values()) == 4  # the 10% left pending
