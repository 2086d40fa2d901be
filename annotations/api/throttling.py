"""The API's rate limits, counted in fixed windows with one database statement per request.

DRF's throttles keep a list of request times in the cache; with the database cache that
is a read, a count of the whole table (culling) and a write: five statements on every
request. Here one upsert adds the request to its client's current window and returns the
count (`ThrottleCount`). The budget is the same rate ("6000/minute"), counted per window.

On PostgreSQL a request signed in with its token has no statement of its own for this: the
token's read counts the hit in the same statement (`counted_read`, `precount`), and the
throttle takes the count it left on the request.
"""

from __future__ import annotations

import time

from django.db import connection
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from annotations import prepared
from annotations.models import ThrottleCount

TABLE = ThrottleCount._meta.db_table
# INSERT … ON CONFLICT … RETURNING: PostgreSQL, and SQLite from 3.35.
UPSERT = (
    f"INSERT INTO {TABLE} (client, window_start, hits) VALUES (%s, %s, 1) "
    f"ON CONFLICT (client, window_start) DO UPDATE SET hits = {TABLE}.hits + 1 RETURNING hits"
)
PRUNE = f"DELETE FROM {TABLE} WHERE client = %s AND window_start < %s"
# PostgreSQL removes the client's ended windows in the same statement.
UPSERT_PRUNING = f"WITH ended AS ({PRUNE}) " + UPSERT


def count_hit(client: str, window_start: int) -> int:
    """Count one request of `client` in the window starting at `window_start`; return the window's count.

    One statement on PostgreSQL; on SQLite a second one, once per window, removes the ended windows.
    """
    if connection.vendor == "postgresql":
        with prepared.cursor() as cursor:  # every API request runs it: planned once per connection
            cursor.execute(UPSERT_PRUNING, [client, window_start, client, window_start])
            return cursor.fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [client, window_start])
        hits = cursor.fetchone()[0]
        if hits == 1:  # the client's first request of a new window: its ended windows go
            cursor.execute(PRUNE, [client, window_start])
    return hits


PRECOUNTED = "_window_hits"  # on a DRF request: {client: (now, window start, hits)} counted with the token's read


def counted_read(select_sql: str, counts: str = "TRUE") -> str:
    """`select_sql`, a read of at most one row with a `user_id` column, as one statement that also counts
    a hit for that user in its current window when the row meets `counts` (a condition on the row `r`):
    the read's columns, then the window's count (None when the read found no row or the row does not
    count, and nothing is counted). Parameters: the read's, `client_prefix` (the client is the prefix and
    the user's id) and `window_start`. PostgreSQL."""
    return (f"WITH r AS ({select_sql}), "
            f"ended AS (DELETE FROM {TABLE} WHERE client = (SELECT %(client_prefix)s || user_id FROM r) "
            "AND window_start < %(window_start)s), "
            f"hit AS (INSERT INTO {TABLE} (client, window_start, hits) "
            f"SELECT %(client_prefix)s || user_id, %(window_start)s, 1 FROM r WHERE {counts} "
            f"ON CONFLICT (client, window_start) DO UPDATE SET hits = {TABLE}.hits + 1 RETURNING hits) "
            "SELECT r.*, (SELECT hits FROM hit) FROM r")


def precount(request) -> tuple[str, float, int] | None:
    """(client prefix, now, window start) when the token's read should count this request's hit: the
    view is throttled per user by `UserWindowThrottle`, on PostgreSQL. None otherwise."""
    view = (getattr(request, "parser_context", None) or {}).get("view")
    if view is None or connection.vendor != "postgresql":
        return None
    for throttle in view.get_throttles():
        if isinstance(throttle, UserWindowThrottle) and throttle.rate is not None:
            now = time.time()
            return throttle.cache_format % {"scope": throttle.scope, "ident": ""}, now, throttle.window_at(now)
    return None


def precounted(request, client: str, now: float, window_start: int, hits: int) -> None:
    """Leave the count of `client`'s window, made with the token's read, for its throttle."""
    setattr(request, PRECOUNTED, {client: (now, window_start, hits)})


class WindowCountMixin:
    """allow_request() and wait() of a DRF SimpleRateThrottle, counted by `count_hit` (or already
    counted with the token's read: `precount`)."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        counted = getattr(request, PRECOUNTED, {}).get(self.key[:200])
        if counted is not None:
            self.now, self.window_start, hits = counted
            return hits <= self.num_requests
        self.now = time.time()
        self.window_start = self.window_at(self.now)
        return count_hit(self.key[:200], self.window_start) <= self.num_requests

    def window_at(self, now: float) -> int:
        """The start of the counting window `now` falls in."""
        return int(now) // self.duration * self.duration

    def wait(self) -> float:
        return max(self.window_start + self.duration - self.now, 1.0)


class UserWindowThrottle(WindowCountMixin, UserRateThrottle):
    """Per signed-in user (per address for anonymous callers), at the `user` rate."""


class AnonWindowThrottle(WindowCountMixin, AnonRateThrottle):
    """Anonymous callers, per address, at the `anon` rate."""
