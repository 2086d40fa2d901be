"""The save benchmark keeps working: a tiny run on PostgreSQL (bench/bench_save.py; full size by hand)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.postgres


def test_bench_save_times_every_kind_of_save_against_the_no_op(require_postgres, tmp_path):
    params = connection.settings_dict
    host = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    server = f"postgres://{params['USER']}:{params['PASSWORD']}@{host}/"
    name = f"ct_smoke_save_{os.getpid()}"
    out = tmp_path / "save.json"
    try:
        result = subprocess.run(
            [sys.executable, "bench/bench_save.py", "--db", name, "--articles", "8", "--annotators", "2",
             "--repeat", "3", "--json", str(out)],
            cwd=ROOT, env={**os.environ, "DATABASE_URL": server + "postgres"}, capture_output=True, text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        rows = json.loads(out.read_text())
        assert list(rows) == ["no-op (/healthz)", "API units of an article", "API save: create", "API save: change",
                              "page save (unit fragment)", "article page"]
        assert rows["API save: create"]["queries"] == rows["API save: change"]["queries"] == 3
        assert rows["page save (unit fragment)"]["queries"] == 5
        assert all(0 < row["of_noop"] <= 1.5 and row["median_ms"] > 0 and row["python_cpu_ms"] > 0
                   for row in rows.values())
        # The server runs on this machine in CI: its backend's CPU is read too, and a save costs it some.
        assert rows["API save: change"]["postgres_cpu_ms"] is not None
        assert "× no-op" in result.stdout
    finally:
        with psycopg.connect(server + "postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
