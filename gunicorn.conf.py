"""gunicorn's settings, read from the project's root by `gunicorn claimtrack.wsgi` (Dockerfile,
bench/load_test.py); command-line options override them."""

import gc


def post_worker_init(worker):
    """The worker has loaded the application: the modules, URL patterns and templates it made
    live as long as the worker. Freeze them, so that the collector's full passes, which a busy
    worker runs every few hundred requests, stop walking a few hundred thousand objects that
    never become garbage."""
    gc.freeze()
