"""The export benchmark keeps working: a tiny run on PostgreSQL (full size is run by hand)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_bench_export_reports_throughput_and_memory(require_postgres, tmp_path):
    settings_dict = connection.settings_dict
    server = (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST']}:"
              f"{settings_dict['PORT'] or 5432}/postgres")
    prefix = f"ct_test_bexp_{uuid.uuid4().hex[:8]}"
    out = tmp_path / "export.json"
    env = {**os.environ, "DATABASE_URL": server}
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "bench_export.py"), "--articles", "30", "--scale", "2",
             "--prefix", prefix, "--json", str(out)],
            env=env, capture_output=True, text=True, timeout=600, cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        figures = json.loads(out.read_text())
        assert figures["1x"]["export"]["rows"] > 0
        assert figures["2x"]["export"]["rows"] > figures["1x"]["export"]["rows"]
        assert figures["1x"]["copy"]["bytes"] == figures["1x"]["export"]["bytes"] == figures["1x"]["python"]["bytes"]
        assert figures["1x"]["throughput_ratio"] > 0 and figures["memory_ratio_export"] > 0
        assert "export / COPY throughput" in result.stdout
    finally:
        import psycopg

        with psycopg.connect(server, autocommit=True) as conn:
            for size in ("1x", "2x"):
                conn.execute(f'DROP DATABASE IF EXISTS "{prefix}_{size}" WITH (FORCE)')
