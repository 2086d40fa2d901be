"""Prepared statements (annotations/prepared.py): planned once per connection, still counted and logged."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

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

