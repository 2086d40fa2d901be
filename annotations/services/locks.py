"""One order of locks for the writes that change a project's review figures, and a retry.

On PostgreSQL the triggers that keep a project's review figures (migrations 0021 and 0026)
lock the articles a statement touches, in id order, before they change their figures
(`claimtrack_articles_lock`: the project's lock shared, then each article's; a statement of
many articles takes the project's lock alone). A service that writes in several statements
takes its article's lock first (`article_lock`), before any row lock, so it never holds a
row another save in that article needs while waiting for a lock that save holds. What is
left (the same judgement changed from two tabs at once, or two transactions that reach the
same articles in different orders) PostgreSQL detects as a deadlock and aborts one side:
`retry_deadlock` runs the whole service again, from a fresh read, so the person sees their
change saved (or a conflict), never an error.
"""

from __future__ import annotations

import functools
import time

from django.db import OperationalError, connection

ATTEMPTS = 3


def article_lock(*, article_id: int | None = None, claim_id: int | None = None) -> None:
    """Take the review lock of an article (or of a claim's article) until the transaction ends
    (PostgreSQL; a no-op elsewhere). One query. Saves in other articles of the project go on."""
    if connection.vendor != "postgresql":
        return
    article = "%s" if article_id is not None else "(SELECT article_id FROM annotations_claim WHERE id = %s)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT claimtrack_articles_lock(ARRAY[{article}]::bigint[])",
                       [article_id if article_id is not None else claim_id])


def _is_deadlock(exc: OperationalError) -> bool:
    return getattr(exc.__cause__, "sqlstate", None) == "40P01"


def retry_deadlock(service):
    """Run `service` again (up to ATTEMPTS times in all) when PostgreSQL chose it as a
    deadlock's victim; only as the outermost transaction, whose work was all rolled back."""

    @functools.wraps(service)
    def run(*args, **kwargs):
        if not connection.in_atomic_block:
            for attempt in range(1, ATTEMPTS):
                try:
                    return service(*args, **kwargs)
                except OperationalError as exc:
                    if not _is_deadlock(exc):
                        raise
                    time.sleep(0.01 * attempt)
        return service(*args, **kwargs)  # inside a caller's transaction, or the last attempt

    return run
