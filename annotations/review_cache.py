"""Review figures cached per project version in the database cache.

The version is read in the same query before the figures are computed: the newest History
row of the project (every judgement and resolution change writes one, through services)
and the project's count of done assignments (kept by triggers; finishing an article makes
its annotators' missing judgements disputes). A change gives a new key, so a figure
computed before it is never served after it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

from annotations.models import ProgressCount, Project

TIMEOUT = 24 * 3600
# Bumped whenever a cached figure gains or changes keys, so a deploy never serves a figure
# computed by the previous code to templates and clients that expect the new keys.
FORMAT = 2

_VERSION = """
SELECT (SELECT h.id FROM annotations_history h
        WHERE (SELECT a.project_id FROM annotations_claim c
               JOIN annotations_article a ON a.id = c.article_id WHERE c.id = h.claim_id) = %s
        ORDER BY h.id DESC LIMIT 1),
       (SELECT n FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s)
"""
# The newest history row is found walking the primary key backwards, one claim lookup per
# row: a join here makes PostgreSQL set up hash tables sized for every history row (ms).
# That walk crosses other projects' history, so PostgreSQL reads counts kept by triggers.

_VERSION_KEPT = """
SELECT (SELECT n FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s),
       (SELECT n FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s)
"""


def project_version(project: Project) -> str:
    """A value that changes with every judgement, resolution and finished article of the project.

    PostgreSQL: two counters kept by triggers (migrations 0005 and 0009), one index lookup
    each, whatever the size of this or any other project. Elsewhere: the newest History row.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_VERSION_KEPT, [project.pk, ProgressCount.HISTORY_CHANGES,
                                           project.pk, ProgressCount.PROJECT_DONE])
        else:
            cursor.execute(_VERSION, [project.pk, project.pk, ProgressCount.PROJECT_DONE])
        history, done = cursor.fetchone()
    return f"{history or 0}.{done or 0}"


def remember(project: Project, key: tuple, compute: Callable[[], object]):
    """The cached value of `compute()` for this project version (computed on a miss)."""
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    name = f"review:{FORMAT}:{project.pk}:{project_version(project)}:{digest}"
    value = cache.get(name)
    if value is None or value[0] != key:
        value = (key, compute())
        cache.set(name, value, TIMEOUT)
    return value[1]
