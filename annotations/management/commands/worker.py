"""`manage.py worker`: the background worker for imports and exports, supervised.

The same options as django-tasks' `db_worker`; on top of it the worker survives
database outages and ends the jobs of workers that died (see `annotations.worker`).
"""

from django_tasks_db.management.commands import db_worker

from annotations.worker import SupervisedWorker


class Command(db_worker.Command):
    help = "Run the background worker (imports, exports); survives database outages."

    def handle(self, *args, **options):
        # db_worker builds its Worker by name: hand it the supervised one.
        original = db_worker.Worker
        db_worker.Worker = SupervisedWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
