"""The annotator's queue: next article, assignments held and released, overlap kept."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from annotations import services
from annotations.models import Assignment, Membership
from annotations.tests.factories import ArticleFactory, MembershipFactory, UserFactory


def queue_url(slug="huawei"):
    return reverse("annotations:queue", args=[slug])


def test_queue_redirects_to_first_article_and_holds_it(client, annotator, project):
    first, _second = ArticleFactory(project=project), ArticleFactory(project=project)
    client.force_login(annotator)
    r = client.get(queue_url())
    assert r.status_code == 302
    assert r.url == reverse("annotations:article", args=["huawei", first.pk])
    assignment = Assignment.objects.get()
    assert (assignment.article, assignment.annotator, assignment.status) == (first, annotator, "active")
    # Coming back to the queue keeps me on the article I hold.
    assert client.get(queue_url()).url == r.url
    assert Assignment.objects.count() == 1


def test_queue_skips_articles_done_by_me_and_full_articles(client, annotator, annotator2, project):
    project.overlap = 1
    project.save(update_fields=["overlap"])
    a1, a2, a3 = (ArticleFactory(project=project) for _ in range(3))
    services.assignment_finish(article=a1, annotator=annotator)
    Assignment.objects.create(article=a2, annotator=annotator2)
    client.force_login(annotator)
    assert client.get(queue_url()).url == reverse("annotations:article", args=["huawei", a3.pk])


def test_done_then_queue_goes_to_next_article_and_finally_all_done(client, annotator, project):
    a1, a2 = ArticleFactory(project=project), ArticleFactory(project=project)
    client.force_login(annotator)
    client.get(queue_url())
    r = client.post(reverse("annotations:article-done", args=["huawei", a1.pk]), follow=False)
    # Straight on to the next article, held as the queue holds it.
    assert r.url == reverse("annotations:article", args=["huawei", a2.pk])
    assert Assignment.objects.get(article=a2, annotator=annotator).status == "active"
    assert client.get(queue_url()).url == reverse("annotations:article", args=["huawei", a2.pk])
    r = client.post(reverse("annotations:article-done", args=["huawei", a2.pk]), headers={"HX-Request": "true"})
    assert r.headers["HX-Redirect"] == queue_url()  # none left: the queue says so
    r = client.get(queue_url())
    assert r.status_code == 200
    assert "All done" in r.content.decode()
    assert 'value="2"' in r.content.decode()  # my progress: 2 of 2


def test_stale_assignment_is_released_after_timeout(client, annotator, annotator2, project, settings):
    settings.ASSIGNMENT_TIMEOUT_MINUTES = 30
    project.overlap = 1
    project.save(update_fields=["overlap"])
    article = ArticleFactory(project=project)
    client.force_login(annotator)
    client.get(queue_url())
    client.force_login(annotator2)
    assert client.get(queue_url()).status_code == 200  # nothing left: ann1 holds the only article
    Assignment.objects.filter(annotator=annotator).update(last_seen=timezone.now() - timedelta(minutes=31))
    assert client.get(queue_url()).url == reverse("annotations:article", args=["huawei", article.pk])
    assert Assignment.objects.get(annotator=annotator).status == "released"


def test_activity_on_the_article_refreshes_last_seen(client, annotator, project):
    article = ArticleFactory(project=project)
    client.force_login(annotator)
    client.get(queue_url())
    old = timezone.now() - timedelta(minutes=10)
    Assignment.objects.update(last_seen=old)
    client.get(reverse("annotations:article", args=["huawei", article.pk]))
    assert Assignment.objects.get().last_seen > old


def test_queue_of_a_project_i_am_not_in_is_404(client, outsider, project):
    ArticleFactory(project=project)
    client.force_login(outsider)
    assert client.get(queue_url()).status_code == 404
    assert not Assignment.objects.exists()


def test_queue_requires_login(client, project):
    r = client.get(queue_url())
    assert r.status_code == 302 and "/accounts/login/" in r.url


@pytest.mark.parametrize("n_articles", [2, 60])
def test_queue_query_budget_is_constant(client, annotator, annotator2, project, n_articles,
                                        django_assert_max_num_queries):
    articles = ArticleFactory.create_batch(n_articles, project=project)
    for article in articles[:-1]:
        services.assignment_finish(article=article, annotator=annotator2)
        services.assignment_finish(article=article, annotator=UserFactory())
    client.force_login(annotator)
    # session, user, membership, release stale, held?, next candidate, lock (the article without
    # its text), recount (its live assignments and mine, together), one upsert, and the
    # transaction around them: the same whatever the number of articles.
    with django_assert_max_num_queries(11):
        r = client.get(queue_url())
    assert r.url == reverse("annotations:article", args=["huawei", articles[-1].pk])


@pytest.mark.parametrize("n_articles", [3, 60])
def test_done_and_the_next_article_cost_the_same_whatever_the_project(client, annotator, project, n_articles,
                                                                     django_assert_max_num_queries):
    articles = ArticleFactory.create_batch(n_articles, project=project)
    client.force_login(annotator)
    client.get(queue_url())
    # session, user, membership, article; the finish (lock, one upsert, the consensus: judgements,
    # annotators, resolutions, webhooks) in its transaction; then the queue's next article.
    with django_assert_max_num_queries(22):
        r = client.post(reverse("annotations:article-done", args=["huawei", articles[0].pk]),
                        headers={"HX-Request": "true"})
    assert r.headers["HX-Redirect"] == reverse("annotations:article", args=["huawei", articles[1].pk])


# --- Concurrency on PostgreSQL: real transactions in two threads --------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_annotators_never_exceed_the_overlap(require_postgres):
    project = services.project_create(slug="race", name="Race", overlap=2)
    articles = ArticleFactory.create_batch(3, project=project)
    users = [UserFactory(username=f"racer{i}") for i in range(6)]
    for user in users:
        MembershipFactory(project=project, user=user, role=Membership.Role.ANNOTATOR)
    barrier = threading.Barrier(len(users))
    got: dict[str, int | None] = {}
    errors: list[BaseException] = []

    def take(user):
        try:
            barrier.wait()
            article = services.assignment_next(project=project, annotator=user)
            got[user.username] = article.pk if article else None
        except BaseException as exc:  # reported below, a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    per_article = {a.pk: Assignment.objects.filter(article=a, status="active").count() for a in articles}
    assert per_article == {a.pk: 2 for a in articles}
    assert sorted(v for v in got.values()) == sorted([a.pk for a in articles] * 2)


class ArticleLockHolder:
    """Another request's transaction: it locks an article and gives it to `user`, then holds
    the lock until released (a thread of its own, with its own connection)."""

    def __init__(self, article, user):
        self.article, self.user = article, user
        self.locked, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def _hold(self):
        from django.db import connections, transaction

        from annotations.models import Article

        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=self.article.pk)
                Assignment.objects.create(article=self.article, annotator=self.user)
                self.locked.set()
                self.release.wait(10)
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        assert self.locked.wait(10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(10)


def ask_next_in_thread(project, user, result: dict) -> threading.Thread:
    """assignment_next for `user` in a thread of its own; its answer lands in result[user.username]."""
    from django.db import connections

    def ask():
        try:
            result[user.username] = services.assignment_next(project=project, annotator=user)
        finally:
            connections.close_all()

    thread = threading.Thread(target=ask)
    thread.start()
    return thread


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_second_annotator_waits_for_the_first_lock_then_recounts(require_postgres):
    """While one transaction holds an article's lock, a second one cannot overfill it."""
    project = services.project_create(slug="race2", name="Race 2", overlap=1)
    only = ArticleFactory(project=project)
    first, second = UserFactory(username="first"), UserFactory(username="second")
    result = {}
    with ArticleLockHolder(only, first):
        asker = ask_next_in_thread(project, second, result)
        asker.join(0.5)
        assert asker.is_alive()  # blocked on the article's row lock, not reading a stale count
    asker.join(10)
    assert result["second"] is None
    assert list(Assignment.objects.values_list("annotator__username", flat=True)) == ["first"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_article_being_given_out_is_passed_over_not_waited_for(require_postgres):
    """While another request holds the first open article's lock, the next open one is given
    at once: waiting there while holding a lock of its own made queues deadlock under load."""
    project = services.project_create(slug="race3", name="Race 3", overlap=1)
    busy, free = ArticleFactory(project=project), ArticleFactory(project=project)
    first, second = UserFactory(username="first"), UserFactory(username="second")
    result = {}
    with ArticleLockHolder(busy, first) as holder:
        asker = ask_next_in_thread(project, second, result)
        asker.join(5)
        assert not asker.is_alive()  # answered while the other lock is still held
        assert holder.thread.is_alive()
    assert result["second"] == free
    assert set(Assignment.objects.values_list("article_id", "annotator__username")) == {
        (busy.pk, "first"), (free.pk, "second")}
