"""A project's version: a value that changes with every change of its review figures.

It is the count of the project's History rows (every judgement and resolution change
writes one, through services) and its count of done assignments (finishing an article
makes its annotators' missing judgements disputes). An agreement snapshot records the
version it was computed at (`annotations.services.review_figures`), so the dashboard knows
whether its coefficients are current and how many changes they are behind.
"""

from __future__ import annotations

from django.db import connection

from annotations.models import ProgressCount, Project

_VERSION = """
SELECT (SELECT h.id FROM annotations_history h
        WHERE (SELECT a.project_id FROM annotations_claim c
               JOIN annotations_article a ON a.id = c.article_id WHERE c.id = h.claim_id) = %s
        ORDER BY h.id DESC LIMIT 1),
       (SELECT sum(n) FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s)
"""
# The newest history row is found walking the primary key backwards, one claim lookup per
# row: a join here makes PostgreSQL set up hash tables sized for every history row (ms).
# That walk crosses other projects' history, so PostgreSQL reads counts kept by triggers.

_VERSION_KEPT = """
SELECT (SELECT sum(n) FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s),
       (SELECT sum(n) FROM annotations_progresscount WHERE project_id = %s AND annotator_id = %s)
"""


def project_version(project: Project) -> str:
    """A value that changes with every judgement, resolution and finished article of the project.

    PostgreSQL: two counters kept by triggers (migrations 0005 and 0009), in shards (0026), one
    index range each, whatever the size of this or any other project. Elsewhere: the newest History row.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_VERSION_KEPT, [project.pk, ProgressCount.HISTORY_CHANGES,
                                           project.pk, ProgressCount.PROJECT_DONE])
        else:
            cursor.execute(_VERSION, [project.pk, project.pk, ProgressCount.PROJECT_DONE])
        history, done = cursor.fetchone()
    return f"{history or 0}.{done or 0}"
