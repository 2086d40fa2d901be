"""Prepared statements (annotations/prepared.py): planned once per connection, still counted and logged."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from annotations import prepared


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
