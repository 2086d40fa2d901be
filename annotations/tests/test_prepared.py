"""Prepared statements (annotations/prepared.py): planned once per connection, still counted and logged."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from annotations import prepared, services
from annotations.models import Assignment, History, Stance, Unit, Webhook, WebhookDelivery
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory


def test_a_prepared_statement_is_prepared_once_and_logged_with_its_values(require_postgres, db):
    with CaptureQueriesContext(connection) as log:
        answers = []
        for n in range(4):
            with prepared.cursor() as cursor:
                cursor.execute("SELECT %(n)s::int + 1", {"n": n})
                answers.append(cursor.fetchone()[0])
    assert answers == [1, 2, 3, 4]
    # The log (query budgets, the per-project cost test's EXPLAIN) has each statement as run.
    assert [q["sql"] for q in log.captured_queries] == [f"SELECT {n}::int + 1" for n in range(4)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'")
        assert cursor.fetchone()[0] == 1  # one plan for the connection, whatever the values



def test_a_page_request_reads_its_session_with_a_prepared_statement_and_the_same_rules(
        require_postgres, client, annotator, project):
    """Every page request reads its session first (annotations/sessions.py): one statement planned
    once per connection; an expired or unknown session is still no session."""
    client.force_login(annotator)
    for _ in range(3):
        assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
                       "'SELECT session_data, expire_date FROM django_session%%'")
        assert cursor.fetchone()[0] == 1

    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    answer = client.get("/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]

    client.force_login(annotator)
    client.cookies["sessionid"] = "no-such-session-key-0123456789"
    answer = client.get("/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_a_page_request_reads_its_user_with_a_prepared_statement_and_the_same_rules(
        require_postgres, client, annotator, project):
    """After the session, every page request reads its user (annotations/auth.py): one statement
    planned once per connection, the same user as the ORM's; a deactivated user is nobody."""
    client.force_login(annotator)
    for _ in range(3):
        answer = client.get("/")
        assert answer.status_code == 200
    assert answer.wsgi_request.user == annotator
    assert answer.wsgi_request.user.date_joined == annotator.date_joined
    assert _prepared_like('SELECT "id", "password", "last_login"') == 1

    type(annotator).objects.filter(pk=annotator.pk).update(is_active=False)
    answer = client.get("/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def _prepared_like(prefix: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", [prefix + "%"])
        return cursor.fetchone()[0]


def test_a_saved_judgement_is_one_statement_planned_once_per_connection_with_all_it_writes(
        require_postgres, project, annotator):
    """The saving statement (judgement, its unit when new, History, webhook deliveries, the
    assignment's touch) is prepared: planned once per connection whatever the values, and every
    part still lands with the values of its own call."""
    hook = Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x",
                                  events=["judgement.saved"])
    article = ArticleFactory(project=project)
    long_ago = timezone.now() - timezone.timedelta(days=3)
    assignment = Assignment.objects.create(article=article, annotator=annotator, last_seen=long_ago)
    claims = [ClaimFactory(article=article) for _ in range(3)]
    source = SourceFactory()
    for n, claim in enumerate(claims):
        made = services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges",
                                      note=f"first {n}", touch=True)
        changed = services.stance_record(claim=claim, source=source, annotator=annotator, label="denies",
                                         expected_version=1, touch=True)
        assert changed.pk == made.pk and changed.version == 2

    assert _prepared_like('WITH u AS (INSERT INTO "annotations_unit"') == 1
    assert _prepared_like('WITH s AS (UPDATE "annotations_stance"') == 1
    assert Unit.objects.filter(claim__in=claims, source=source).count() == 3
    for n, claim in enumerate(claims):
        stance = Stance.objects.get(claim=claim, source=source, annotator=annotator)
        assert (stance.label, stance.note, stance.version) == ("denies", f"first {n}", 2)
        steps = History.objects.filter(claim=claim, source=source).order_by("id")
        assert [(h.action, h.old_label, h.new_label, h.new_note) for h in steps] == [
            ("create", "", "alleges", f"first {n}"), ("update", "alleges", "denies", f"first {n}")]
        payloads = [d.payload["data"] for d in WebhookDelivery.objects.filter(webhook=hook).order_by("id")
                    if d.payload["data"]["claim"] == claim.pk]
        assert [(p["id"], p["label"], p["version"], p["action"]) for p in payloads] == [
            (stance.pk, "alleges", 1, "create"), (stance.pk, "denies", 2, "update")]
    assignment.refresh_from_db()
    assert assignment.last_seen > long_ago + timezone.timedelta(days=2)  # touched by the saves

