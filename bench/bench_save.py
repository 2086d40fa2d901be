"""What one judgement save costs in-process: the page's and the API's, beside a no-op request.

Run (PostgreSQL; the load test's database, created and filled the first time):

    .venv/bin/python bench/bench_save.py
    .venv/bin/python bench/bench_save.py --db ct_load --annotator load-ann050 --repeat 200

Each request goes through Django's test Client in this process, with the production-like
settings of the benchmarks (DEBUG off): the API with the annotator's sign-in token, the page
with their session. Measured, each `--repeat` times after a warm-up: `/healthz` (the no-op),
an API create (POST /api/v1/stances/ on a unit the annotator has not judged yet; skipped when
none is left), an API change (PATCH with the version), the API's units of one article, a
page save (the unit fragment's POST, as htmx sends it) and the article page the saves are made
on. Printed per kind: the median and mean time, the queries of one request and the time spent
in them, the CPU time of one request in this process (Python) and in its PostgreSQL backend
(read from /proc when the server runs on this machine; what a loaded machine runs out of), and
the no-op's median over the kind's (`bench/load_test.py` counts saves against the no-op
ceiling: the issue asks 0.25×).
Saves write judgements and History as the load test does; nothing is removed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

PASSWORD = "load-test-password-1"  # noqa: S105 - the bench annotators' password (bench_data --password)


def backend_cpu() -> float | None:
    """CPU seconds the PostgreSQL backend of Django's connection has used (None when it is not a
    process of this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Timer:
    """Times requests and the queries they run (through `connection.execute_wrapper`)."""

    def __init__(self, repeat: int):
        self.repeat = repeat
        self.rows: dict[str, dict] = {}

    def run(self, kind: str, request) -> None:
        from django.db import connection

        request()  # warm-up: the first request of a kind compiles and prepares
        in_queries: list[float] = []
        count = itertools.count()

        def timed(execute, sql, params, many, context):
            next(count)
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                in_queries.append(time.perf_counter() - started)

        times = []
        backend_before, cpu_before = backend_cpu(), time.process_time()
        with connection.execute_wrapper(timed):
            for _ in range(self.repeat):
                started = time.perf_counter()
                request()
                times.append(time.perf_counter() - started)
        cpu, backend_after = time.process_time() - cpu_before, backend_cpu()
        backend = None if backend_before is None or backend_after is None else backend_after - backend_before
        self.rows[kind] = {"median_ms": statistics.median(times) * 1e3, "mean_ms": statistics.fmean(times) * 1e3,
                           "queries": next(count) // self.repeat, "in_queries_ms": sum(in_queries) / self.repeat * 1e3,
                           "python_cpu_ms": cpu / self.repeat * 1e3,
                           "postgres_cpu_ms": None if backend is None else backend / self.repeat * 1e3}


def measure(slug: str, annotator: str, repeat: int, seed: int) -> dict[str, dict]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from annotations.models import Project
    from annotations.services import tokens

    user = get_user_model().objects.get(username=annotator)
    api = Client(HTTP_AUTHORIZATION=f"Token {tokens.login_token_key(user=user)}")
    page = Client()
    page.force_login(user)
    labels = Project.objects.get(slug=slug).judgement_labels
    rng = random.Random(seed)

    def get_json(path: str) -> dict:
        answer = api.get(path)
        assert answer.status_code == 200, (path, answer.status_code, answer.content[:300])
        return answer.json()

    articles = [a["id"] for a in get_json(f"/api/v1/articles/?project={slug}&page_size=500")["results"]]
    units_of = {a: get_json(f"/api/v1/units/?project={slug}&article={a}")["results"] for a in articles}
    fresh = iter([u for units in units_of.values() for u in units if u["mine"] is None])
    timer = Timer(repeat)
    timer.run("no-op (/healthz)", lambda: api.get("/healthz"))
    article = next(a for a, units in units_of.items() if units)
    timer.run("API units of an article", lambda: get_json(f"/api/v1/units/?project={slug}&article={article}"))

    def create() -> None:
        unit = next(fresh)
        answer = api.post("/api/v1/stances/", {"claim": unit["claim"], "source": unit["source"],
                                               "label": rng.choice(labels)}, content_type="application/json")
        assert answer.status_code == 201, answer.content[:300]
        unit["mine"] = {**answer.json(), "stance": answer.json()["id"]}

    unjudged = sum(1 for units in units_of.values() for u in units if u["mine"] is None)
    if unjudged > repeat + 1:
        timer.run("API save: create", create)
    judged_in, unit = next((a, u) for a, units in units_of.items() for u in units if u["mine"] is not None)
    mine = {"id": unit["mine"]["stance"], "label": unit["mine"]["label"], "version": unit["mine"]["version"]}

    def change() -> None:
        label = rng.choice([x for x in labels if x != mine["label"]])
        answer = api.patch(f"/api/v1/stances/{mine['id']}/", {"label": label, "version": mine["version"]},
                           content_type="application/json")
        assert answer.status_code == 200, answer.content[:300]
        mine.update(label=label, version=answer.json()["version"])

    timer.run("API save: change", change)
    url = reverse("annotations:unit", kwargs={"slug": slug, "article_id": judged_in, "claim_id": unit["claim"],
                                              "source_id": unit["source"]})

    def page_save() -> None:
        label = rng.choice([x for x in labels if x != mine["label"]])
        answer = page.post(url, {"label": label, "version": str(mine["version"])}, HTTP_HX_REQUEST="true")
        assert answer.status_code == 200, answer.content[:300]
        mine.update(label=label, version=mine["version"] + 1)

    timer.run("page save (unit fragment)", page_save)
    article_url = reverse("annotations:article", kwargs={"slug": slug, "article_id": judged_in})

    def article_page() -> None:
        answer = page.get(article_url)
        assert answer.status_code == 200, answer.content[:300]

    timer.run("article page", article_page)
    return timer.rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="ct_load", help="database (created and filled when missing)")
    parser.add_argument("--slug", default="load")
    parser.add_argument("--annotator", default=None, help="username (default: the project's 50th annotator)")
    parser.add_argument("--articles", type=int, default=3000, help="articles of the project when created")
    parser.add_argument("--annotators", type=int, default=50, help="annotators of the project when created")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    url = _common.database_url(args.db)
    _common.ensure_project(url, args.slug, args.articles, args.annotators, "--pending", "0.9", "--password", PASSWORD)
    _common.setup_django(url)
    rows = measure(args.slug, args.annotator or f"{args.slug}-ann{args.annotators:03d}", args.repeat, args.seed)
    noop = rows["no-op (/healthz)"]["median_ms"]
    print(f"machine: {_common.machine()}")
    print(f"{'request':28} {'median ms':>10} {'mean ms':>9} {'queries':>8} {'in queries ms':>14} "
          f"{'Python CPU ms':>14} {'PostgreSQL CPU ms':>18} {'× no-op':>8}")
    for kind, row in rows.items():
        row["of_noop"] = noop / row["median_ms"]
        backend = "—" if row["postgres_cpu_ms"] is None else f"{row['postgres_cpu_ms']:.2f}"
        print(f"{kind:28} {row['median_ms']:10.2f} {row['mean_ms']:9.2f} {row['queries']:8d} "
              f"{row['in_queries_ms']:14.2f} {row['python_cpu_ms']:14.2f} {backend:>18} {row['of_noop']:8.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
