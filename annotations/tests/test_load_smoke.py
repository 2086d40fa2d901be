"""The benchmark scripts keep working: each runs at a small size on PostgreSQL.

Full sizes are run by hand (bench/README.md); here the page benchmark compares two
tiny databases and the load test runs a few annotators for a few seconds against
its own three gunicorn servers and two task workers, and must find no error and no
lost or duplicated judgement.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_url(require_postgres):
    params = connection.settings_dict
    return f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/"


@pytest.fixture
def scratch_databases(server_url):
    """Names for the scripts' own databases, dropped afterwards."""
    names = []

    def make(label: str) -> str:
        name = f"ct_smoke_{label}_{os.getpid()}"
        names.append(name)
        return name

    yield make
    with psycopg.connect(server_url + "postgres", autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(args, server_url, timeout):
    env = {**os.environ, "DATABASE_URL": server_url + "postgres"}
    return subprocess.run([PYTHON, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_page_benchmark_measures_every_page_at_two_sizes(server_url, scratch_databases):
    small, large = scratch_databases("pages_s"), scratch_databases("pages_l")
    out = _run(["bench/bench_pages.py", "--setup", "--small-db", small, "--large-db", large,
                "--small-articles", "6", "--large-articles", "30", "--annotators", "3", "--repeat", "2"],
               server_url, timeout=600)
    assert "page" in out.stdout, out.stderr[-3000:]
    rows = {line[:28].strip(): line for line in out.stdout.splitlines()}
    for page in ["article page", "queue", "disagreement queue", "projects dashboard", "API articles",
                 "API claims", "API stances", "API sources"]:
        assert page in rows, out.stdout
        assert "error" not in rows[page] and "not yet built" not in rows[page], rows[page]
        # Query counts are equal at both sizes for every page.
        assert "query count" not in rows[page], rows[page]


def test_load_test_loses_and_duplicates_nothing(server_url, scratch_databases):
    db = scratch_databases("load")
    out = _run(["bench/load_test.py", "--db", db, "--annotators", "4", "--articles", "40", "--seconds", "4",
                "--ceiling-seconds", "1", "--workers-per-server", "1", "--first-port", "8131", "--imports"],
               server_url, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "verdict: ok" in out.stdout
    assert "errors: 0" in out.stdout
    assert "lost 0, duplicated 0" in out.stdout
    assert "acknowledged saves 0" not in out.stdout
    # The leads reloaded both review pages meanwhile; the budgets are printed, not judged here.
    assert "lead queue" in out.stdout and "lead dashboard" in out.stdout, out.stdout
    assert "budgets: saves vs no-op" in out.stdout and "leads' p95" in out.stdout
    # A newsroom feed imported articles (with extraction) meanwhile, without an error.
    assert re.search(r"feed import +[1-9]\d* requests", out.stdout), out.stdout
    # Where the machine's CPU went while working, the app servers' share first.
    assert re.search(r"cores used while working: app servers \d+\.\d\d, task workers", out.stdout), out.stdout
    # The ceiling is measured before the work and again after it, and the ratio is against their mean.
    ceiling = re.search(r"ceiling \(no-op /healthz\): ([\d,.]+) req/s, the mean of ([\d,.]+) before the work .* "
                        r"and ([\d,.]+) after it", out.stdout)
    assert ceiling, out.stdout
    mean, before, after = (float(g.replace(",", "")) for g in ceiling.groups())
    assert before > 0 and after > 0 and abs(mean - (before + after) / 2) < 0.2, ceiling.group()


def test_load_test_at_a_persons_pace_waits_between_keystrokes(server_url, scratch_databases):
    """`--pace 0.2`: every pause is at least 0.1 s, so three annotators cannot acknowledge more than
    3 × 4 s / 0.1 s saves in 4 s (as fast as the servers answer they acknowledge several times
    that); the saves-per-second ratio is not judged, the leads' latency is."""
    db = scratch_databases("paced")
    # `--fresh` drops what a run before left: a table of this one is gone after it.
    with psycopg.connect(server_url + "postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    with psycopg.connect(server_url + db, autocommit=True) as conn:
        conn.execute("CREATE TABLE left_by_an_earlier_run (id int)")
    out = _run(["bench/load_test.py", "--db", db, "--annotators", "3", "--articles", "30", "--seconds", "4",
                "--ceiling-seconds", "1", "--workers-per-server", "1", "--first-port", "8141", "--pace", "0.2",
                "--fresh"],
               server_url, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert f"dropped {db} (--fresh)" in out.stdout and f"filling {db}" in out.stdout
    with psycopg.connect(server_url + db) as conn:
        assert conn.execute("SELECT to_regclass('left_by_an_earlier_run')").fetchone()[0] is None
    assert "at a person's pace (0.2 s per keystroke)" in out.stdout
    saves = int(re.search(r"acknowledged saves (\d+)", out.stdout).group(1))
    assert 0 < saves <= 3 * 40, out.stdout
    assert "saves vs no-op" not in out.stdout.split("budgets:")[1] and "leads' p95" in out.stdout
