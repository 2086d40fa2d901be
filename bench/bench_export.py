"""CSV export on PostgreSQL: throughput against COPY of the same query, and flat memory.

    export DATABASE_URL=postgres://claimtrack:claimtrack@127.0.0.1:5432/claimtrack
    .venv/bin/python bench/bench_export.py [--articles 5000] [--annotators 3] [--setup]

Fills two databases next to $DATABASE_URL (ct_bench_export_1x with N articles,
ct_bench_export_4x with 4N) through `manage.py bench_data`, then measures, each
run in a fresh process so that its peak memory (ru_maxrss) is its own:

* copy:   `COPY (export query) TO STDOUT WITH CSV HEADER` read by psycopg and thrown away
          — the database's own speed, the reference;
* export: the API's streamed response (`exports.streaming_response`, which is what
          GET /api/v1/projects/SLUG/export/?format=csv returns), consumed chunk by chunk;
* python: the portable path (SQLite's), run on PostgreSQL, for comparison.

Budgets: export rows/s ≥ 0.5 × copy rows/s; export peak memory at 4× ≤ 1.3 × at 1×.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, database_url, env_for, machine, manage, median, prepare  # noqa: E402

SLUG = "bench"
REPEATS = 3


def child(mode: str) -> None:
    """Run one export in this process and print rows, bytes, seconds and peak memory as JSON."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    django.setup()
    from django.db import connection

    from annotations import exports
    from annotations.models import Project

    project = Project.objects.get(slug=SLUG)
    options = exports.ExportOptions()
    size = 0
    started = time.perf_counter()
    if mode == "copy":
        statement = exports.copy_statement(exports.export_sql(project, options))
        started = time.perf_counter()
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for data in copy:
                size += len(data)
    elif mode == "export":
        response = exports.streaming_response(project, options)
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        for chunk in exports.iter_csv(project, options, method="python"):
            size += len(chunk)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({exports.export_sql(project, options)}) q")
        rows = cursor.fetchone()[0]
    print(json.dumps({"mode": mode, "rows": rows, "bytes": size, "seconds": seconds,
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def run(url: str, mode: str) -> dict:
    result = subprocess.run(
        [PYTHON, __file__, "--child", mode], env=env_for(url),
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    if result.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def fill(url: str, articles: int, annotators: int, force: bool) -> None:
    created = prepare_and_check(url)
    if not created and not force:
        return
    manage(url, "flush", "--noinput", quiet=True)
    manage(url, "create_project", SLUG, "--name", "Export benchmark", quiet=True)
    manage(url, "bench_data", SLUG, "--articles", str(articles), "--annotators", str(annotators),
           "--seed", "7", quiet=True)


def prepare_and_check(url: str) -> bool:
    """Migrate; True when the bench project is missing (so the database needs filling)."""
    prepare(url)
    out = manage(url, "shell", "-c",
                 f"from annotations.models import Project; print(Project.objects.filter(slug='{SLUG}').exists())",
                 quiet=True)
    return out.strip().endswith("False")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000, help="articles at 1× (4× gets four times as many)")
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--setup", action="store_true", help="refill the databases even if already filled")
    parser.add_argument("--prefix", default="ct_bench_export")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    parser.add_argument("--child", choices=["copy", "export", "python"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    sizes = {"1x": args.articles, f"{args.scale}x": args.articles * args.scale}
    figures: dict = {"machine": machine(), "articles": sizes}
    print(f"# {figures['machine']}")
    for name, articles in sizes.items():
        url = database_url(f"{args.prefix}_{name}")
        t0 = time.perf_counter()
        fill(url, articles, args.annotators, args.setup)
        print(f"{name}: {articles} articles ready ({time.perf_counter() - t0:.0f} s)")
        by_mode = {}
        for mode in ("copy", "export", "python"):
            runs = [run(url, mode) for _ in range(REPEATS if mode != "python" else 1)]
            seconds = median([r["seconds"] for r in runs])
            by_mode[mode] = {
                "rows": runs[0]["rows"], "bytes": runs[0]["bytes"], "seconds": round(seconds, 3),
                "rows_per_s": round(runs[0]["rows"] / seconds), "peak_rss_mb": round(
                    max(r["maxrss_kb"] for r in runs) / 1024, 1),
            }
            m = by_mode[mode]
            print(f"  {mode:7s} {m['rows']:>9,} rows {m['bytes'] / 1e6:8.1f} MB {m['seconds']:7.2f} s "
                  f"{m['rows_per_s']:>10,} rows/s  peak {m['peak_rss_mb']:6.1f} MB")
        by_mode["throughput_ratio"] = round(by_mode["export"]["rows_per_s"] / by_mode["copy"]["rows_per_s"], 3)
        print(f"  export / COPY throughput: {by_mode['throughput_ratio']:.2f} (budget ≥ 0.5)")
        figures[name] = by_mode
    big = f"{args.scale}x"
    for mode in ("export", "python"):
        ratio = figures[big][mode]["peak_rss_mb"] / figures["1x"][mode]["peak_rss_mb"]
        figures[f"memory_ratio_{mode}"] = round(ratio, 3)
        print(f"{mode} peak memory {big} / 1x: {ratio:.2f}" + (" (budget ≤ 1.3)" if mode == "export" else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
