"""Deployment, as an operator does it: real processes on empty PostgreSQL databases.

* `migrate` alone gives a database that accepts logins (the cache table is a migration);
* the README's production steps, run as written in a clean virtual environment with
  requirements.txt alone, import every module of the app and serve it;
* `make run` starts the worker beside the server, and one Ctrl-C stops both;
* exported files are the owner's only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command

from annotations.tests.processes import (
    PYTHON,
    ROOT,
    Browser,
    child_env,
    free_port,
    manage,
    start,
    static_paths,
    stop,
    up,
    wait_until,
)

pytestmark = pytest.mark.postgres

ADMIN = {"DJANGO_SUPERUSER_USERNAME": "boss", "DJANGO_SUPERUSER_EMAIL": "boss@example.org",
         "DJANGO_SUPERUSER_PASSWORD": "a-long-admin-password-42"}


def _gunicorn(python: str) -> str:
    return str(Path(python).with_name("gunicorn"))


def test_migrate_alone_gives_a_database_that_accepts_logins(scratch_database, tmp_path):
    url = scratch_database("fresh")
    env = child_env(url, **ADMIN)
    manage(["migrate", "--noinput"], env)
    manage(["createsuperuser", "--noinput"], env)
    manage(["collectstatic", "--noinput", "-v0"], env)  # the pages' hashed static names (DEBUG off)
    port = free_port()
    server = start([_gunicorn(PYTHON), "claimtrack.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env,
                   log=tmp_path / "gunicorn.log")
    try:
        wait_until(lambda: up(port) or server.poll() is not None, what="gunicorn")
        assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
        browser = Browser(port)
        status, where = browser.log_in("boss", ADMIN["DJANGO_SUPERUSER_PASSWORD"])
        assert status == 302 and where == "/", (status, where[-2000:], (tmp_path / "gunicorn.log").read_text()[-3000:])
        status, _, page = browser.get("/")
        assert status == 200, page[-2000:]
        # The API's token view and throttles use the cache too.
        status, _, body = browser.request(
            "POST", "/api/v1/auth/token/",
            json_body={"username": "boss", "password": ADMIN["DJANGO_SUPERUSER_PASSWORD"]})
        assert status == 200 and len(json.loads(body)["token"]) == 40, body[-2000:]
    finally:
        stop(server)


def test_readme_production_steps_serve_the_app_from_requirements_alone(scratch_database, tmp_path):
    """The README's production block, line by line, in a copy of the project with no virtualenv."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- production-steps -->\s*```sh\n(.*?)```\s*<!-- /production-steps -->", readme, re.S)
    assert block, "README.md lost its production steps block"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    *setup, serve, work = lines
    assert "gunicorn" in serve and "manage.py worker" in work, lines

    project = tmp_path / "claimtrack"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv", ".venv-prod", ".git", "staticfiles", "__pycache__", "*.sqlite3", ".pytest_cache", "node_modules"))
    url = scratch_database("readme")
    port = free_port()
    env = child_env(url, **ADMIN, PATH=os.environ["PATH"])
    env.pop("VIRTUAL_ENV", None)
    python = sys.executable if Path(sys.executable).name.startswith("python3.11") else "python3.11"
    if shutil.which("python3.11") is None:
        env["PATH"] = f"{tmp_path / 'bin'}:{env['PATH']}"
        (tmp_path / "bin").mkdir()
        (tmp_path / "bin" / "python3.11").symlink_to(Path(python).resolve())
    for line in setup:
        out = subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=project, env=env,
                             capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, f"{line}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"

    # requirements.txt alone imports every module of the app.
    venv_python = project / ".venv-prod" / "bin" / "python"
    script = """
import importlib, pathlib, django
django.setup()
names = []
for root in ("annotations", "claimtrack"):
    for path in sorted(pathlib.Path(root).rglob("*.py")):
        if "tests" in path.parts:
            continue
        name = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
        importlib.import_module(name)
        names.append(name)
from annotations import tracking
tracking.similarity([("a", "the minister denied the report")], [("b", "the minister denies the report")])
print(len(names))
"""
    out = subprocess.run([str(venv_python), "-c", script], cwd=project, capture_output=True, text=True,
                         env={**env, "DJANGO_SETTINGS_MODULE": "claimtrack.settings"}, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert int(out.stdout.split()[-1]) > 50

    serve = serve.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
    out = subprocess.run(["bash", "-c", serve], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-3000:]
    worker = start(["bash", "-c", f"exec {work}"], env, cwd=project, log=tmp_path / "worker.log")
    try:
        wait_until(lambda: up(port), what="gunicorn from the README")
        browser = Browser(port)
        status, _, page = browser.get("/accounts/login/")
        assert status == 200
        styles = [p for p in static_paths(page) if p.endswith(".css")]
        assert styles and all(re.search(r"\.[0-9a-f]{12}\.css$", p) for p in styles), styles  # collected, hashed
        assert all(browser.get(p)[0] == 200 for p in static_paths(page)), static_paths(page)
        status, where = browser.log_in("boss", ADMIN["DJANGO_SUPERUSER_PASSWORD"])
        assert (status, where) == (302, "/")
        assert browser.get("/admin/")[0] == 200
        # The worker is up: its heartbeat is in the database.
        with psycopg.connect(url) as conn:
            beats = wait_until(lambda: conn.execute("SELECT count(*) FROM annotations_workerbeat").fetchone()[0],
                               what="the worker's heartbeat")
        assert beats == 1 and worker.poll() is None
    finally:
        stop(worker)
        pid = project / "gunicorn.pid"
        if pid.exists():
            os.kill(int(pid.read_text()), signal.SIGTERM)
            wait_until(lambda: not pid.exists(), timeout=20, what="gunicorn to stop")


def test_make_run_starts_the_worker_and_one_ctrl_c_stops_both(scratch_database, tmp_path):
    url = scratch_database("makerun")
    port = free_port()
    env = child_env(url, PORT=str(port))
    env.pop("DEBUG", None)
    run = start(["make", "--no-print-directory", "run", f"PORT={port}"], env, log=tmp_path / "run.log")
    try:
        wait_until(lambda: up(port) or run.poll() is not None, timeout=240, what="make run")
        assert run.poll() is None, (tmp_path / "run.log").read_text()[-3000:]
        browser = Browser(port, https=False)
        assert browser.log_in("lead", "claimtrack-demo")[0] == 302
        browser.get("/projects/demo/export/")
        status, headers, _ = browser.post("/projects/demo/export/", {"format": "csv", "layout": "unit"})
        assert status == 302, status
        job = headers["Location"]

        def finished():
            page = browser.get(job)[2]
            return re.search(r'data-status="(done|failed)"', page)

        assert wait_until(finished, timeout=120, what="the export job").group(1) == "done"
        children = subprocess.run(["pgrep", "-g", str(run.pid), "-f", "manage.py worker"], capture_output=True,
                                  text=True).stdout.split()
        assert children, "no worker process under make run"
    finally:
        os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        try:
            run.wait(30)
        except subprocess.TimeoutExpired:
            stop(run, signal.SIGKILL)
            pytest.fail("make run did not stop on Ctrl-C")
    def left():
        return subprocess.run(["ps", "-o", "pid=,args=", "-g", str(run.pid)], capture_output=True, text=True).stdout

    deadline = time.monotonic() + 15
    while left() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left(), f"processes left after Ctrl-C:\n{left()}"
    assert not up(port)


def test_exported_files_are_the_owners_only(db, project, tmp_path):
    target = tmp_path / "export.csv"
    old = os.umask(0o022)
    try:
        call_command("export_stances", project.slug, "--format", "csv", "-o", str(target))
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes()


def test_gunicorn_reads_the_projects_settings_and_its_workers_freeze_what_they_loaded():
    """gunicorn reads `gunicorn.conf.py` from the directory it starts in (the project's root in the
    Dockerfile and the load test); its worker hook moves what the worker loaded out of the
    collector's full passes."""
    import gc
    import runpy

    from gunicorn.config import Config

    assert Config().settings["config"].default == "./gunicorn.conf.py"
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        hooks["post_worker_init"](None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
