"""Project backup on PostgreSQL: backup and restore throughput at two sizes, and the round trip.

    export DATABASE_URL=postgres://claimtrack:claimtrack@127.0.0.1:5432/claimtrack
    .venv/bin/python bench/bench_backup.py [--articles 1000] [--annotators 3] [--scale 4]

Fills a database next to $DATABASE_URL per size (ct_bench_backup_1x with N articles,
ct_bench_backup_4x with 4N; emptied and refilled on every run) through `manage.py bench_data`,
then runs what an operator runs (docs/backup.md), each in its own process:

* backup:  `export_stances SLUG --format jsonl -o FILE`;
* restore: `create_project` and `import_backup NEW FILE`, all in one transaction;
* again:   a backup of the restored project, which must hold the same lines of each type.

Prints objects/s of each and the ratio of the larger size's rate to the smaller's
(time linear in the project's size gives ≈ 1; budget ≥ 0.7 for both).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, database_url, env_for, machine, manage, prepare  # noqa: E402

SLUG = "bench"


def timed(url: str, *args: str) -> float:
    started = time.perf_counter()
    result = subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env_for(url), cwd=ROOT,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return seconds


def kinds(path: Path) -> Counter:
    return Counter(json.loads(line)["type"] for line in path.read_text().splitlines())


def measure(url: str, articles: int, annotators: int, workdir: Path) -> dict:
    prepare(url)
    manage(url, "flush", "--noinput", quiet=True)
    manage(url, "create_project", SLUG, "--name", "Backup benchmark", quiet=True)
    manage(url, "bench_data", SLUG, "--articles", str(articles), "--annotators", str(annotators),
           "--seed", "7", quiet=True)
    first, second = workdir / f"{articles}.jsonl", workdir / f"{articles}-again.jsonl"
    backup = timed(url, "export_stances", SLUG, "--format", "jsonl", "-o", str(first))
    manage(url, "create_project", "restored", "--name", "Restored", quiet=True)
    restore = timed(url, "import_backup", "restored", str(first))
    timed(url, "export_stances", "restored", "--format", "jsonl", "-o", str(second))
    lines = kinds(first)
    objects = sum(lines.values())
    return {
        "articles": articles, "lines": dict(lines), "objects": objects, "bytes": first.stat().st_size,
        "backup_s": round(backup, 2), "restore_s": round(restore, 2),
        "backup_per_s": round(objects / backup), "restore_per_s": round(objects / restore),
        "same_lines_after_restore": kinds(second) == lines,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles at 1× (the larger size has scale×)")
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--prefix", default="ct_bench_backup")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = parser.parse_args()
    figures: dict = {"machine": machine()}
    print(f"# {figures['machine']}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles in {"1x": args.articles, f"{args.scale}x": args.articles * args.scale}.items():
            m = measure(database_url(f"{args.prefix}_{name}"), articles, args.annotators, Path(tmp))
            figures[name] = m
            print(f"{name}: {articles} articles, {m['objects']:,} lines, {m['bytes'] / 1e6:.1f} MB; "
                  f"backup {m['backup_s']:.1f} s ({m['backup_per_s']:,}/s), "
                  f"restore {m['restore_s']:.1f} s ({m['restore_per_s']:,}/s); "
                  f"restored project backs up to the same lines: {m['same_lines_after_restore']}")
    big = f"{args.scale}x"
    for step in ("backup", "restore"):
        ratio = figures[big][f"{step}_per_s"] / figures["1x"][f"{step}_per_s"]
        figures[f"{step}_rate_ratio"] = round(ratio, 3)
        print(f"{step} rate {big} / 1x: {ratio:.2f} (budget ≥ 0.7)")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
