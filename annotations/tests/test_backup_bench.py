"""The backup benchmark keeps working: a tiny run on PostgreSQL (full size is run by hand)."""

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
def test_bench_backup_reports_rates_and_an_exact_round_trip(require_postgres, tmp_path):
    settings_dict = connection.settings_dict
    server = (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST']}:"
              f"{settings_dict['PORT'] or 5432}/postgres")
    prefix = f"ct_test_bbak_{uuid.uuid4().hex[:8]}"
    out = tmp_path / "backup.json"
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "bench_backup.py"), "--articles", "20", "--scale", "2",
             "--prefix", prefix, "--json", str(out)],
            env={**os.environ, "DATABASE_URL": server}, capture_output=True, text=True, timeout=600, cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        figures = json.loads(out.read_text())
        for size in ("1x", "2x"):
            assert figures[size]["same_lines_after_restore"] is True
            assert figures[size]["lines"]["article"] == figures[size]["articles"]
            assert {"project", "member", "claim", "unit", "source", "assignment"} <= set(figures[size]["lines"])
        assert figures["2x"]["objects"] > figures["1x"]["objects"]
        assert figures["backup_rate_ratio"] > 0 and figures["restore_rate_ratio"] > 0
        assert "restore rate 2x / 1x" in result.stdout
    finally:
        import psycopg  # only for the clean-up, after the run

        with psycopg.connect(server, autocommit=True) as conn:
            for size in ("1x", "2x"):
                conn.execute(f'DROP DATABASE IF EXISTS "{prefix}_{size}" WITH (FORCE)')
