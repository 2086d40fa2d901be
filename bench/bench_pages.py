"""Page and API-list budgets at 1k and at 1M judgements, measured in one run.

Run (PostgreSQL; creates and fills the two databases the first time):

    .venv/bin/python bench/bench_pages.py --setup
    .venv/bin/python bench/bench_pages.py --large-articles 900 --small-db ct_bench_s --large-db ct_bench_m --setup

Each page is requested in-process through Django's test Client (logged in with
force_login, DEBUG off), a few times to warm up and then `--repeat` times; with
`--after-change` an annotator changes one judgement (through the service, History and
all) before every request, so each request is the first after a change, with a task
worker's heartbeat present (the dashboard queues its recomputation; the queued tasks
are removed afterwards, the worker itself is not run here: see load_test.py). The
median time at each size, their ratio (budget: at most 1.5) and the query counts
(budget: equal) are printed. A page whose URL does not resolve yet prints
"not yet built". Each size is measured in its own process, one after the other.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

RATIO_BUDGET = 1.5
# Candidate URL names of pages other modules provide, in order of preference.
DISAGREEMENT_NAMES = ["annotations:disagreements", "annotations:review", "annotations:review-queue",
                      "annotations:disagreement-queue", "annotations:review-list"]
DASHBOARD_NAMES = ["annotations:review-agreement", "annotations:project-dashboard", "annotations:dashboard",
                   "annotations:project-detail"]
# Pages whose budget is another benchmark's (agreement: bench_agreement.py): shown, not judged here.
INFO_ONLY: set[str] = set()


def _reverse(names: list[str], *args):
    from django.urls import NoReverseMatch, reverse

    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def _api(path: str):
    from django.urls import Resolver404, resolve

    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return None
    return path


def measure(url: str, slug: str, repeat: int, only: set[str] | None = None, after_change: bool = False) -> dict:
    """Time every page on the database at `url`; return {page: figures}."""
    _common.setup_django(url)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from annotations import services
    from annotations.models import Article, Assignment, Project, ReviewSnapshot, Stance, WorkerBeat

    User = get_user_model()
    project = Project.objects.get(slug=slug)
    annotator = User.objects.get(username=f"{slug}-ann001")
    lead = User.objects.get(username=f"{slug}-lead")
    # A typical article this annotator finished: six units, the commonest size.
    article = (
        Article.objects.filter(project=project, assignments__annotator=annotator,
                               assignments__status=Assignment.Status.DONE)
        .annotate(n=Count("claims__units", distinct=True)).filter(n=6).order_by("id").first()
    )
    size = {"judgements": Stance.objects.count(), "project_judgements": Stance.objects.for_project(project).count(),
            "articles": Article.objects.filter(project=project).count()}

    def forget_new_assignments(before: set[int]):
        # The queue hands out an article by creating an assignment; undo that so every
        # request walks the same search for the next article.
        Assignment.objects.filter(annotator=annotator).exclude(id__in=before).delete()

    judged = list(Stance.objects.for_project(project).filter(annotator=annotator).order_by("id")[:50])
    labels = list(project.labels)

    turns = itertools.count()

    def change_one():
        """One annotator changes one judgement, as the page's save does."""
        if not after_change:
            return
        stance = judged[next(turns) % len(judged)]
        stance.refresh_from_db()
        label = labels[(labels.index(stance.label) + 1) % len(labels)] if stance.label in labels else labels[0]
        services.stance_record(claim=stance.claim, source=stance.source, annotator=annotator, label=label,
                               expected_version=stance.version)
        # The worker is alive and has finished the last recomputation (the snapshot stays behind).
        WorkerBeat.objects.update_or_create(worker_id="bench", defaults={"pid": 0, "beat_at": timezone.now()})
        ReviewSnapshot.objects.filter(project=project).update(requested_at=None)

    pages = [
        ("article page", annotator, _reverse(["annotations:article"], slug, article.id) if article else None),
        ("queue", annotator, _reverse(["annotations:queue"], slug)),
        ("disagreement queue", lead, _reverse(DISAGREEMENT_NAMES, slug)),
        ("projects dashboard", annotator, _reverse(["annotations:project-list"])),
        ("agreement dashboard (lead)", lead, _reverse(DASHBOARD_NAMES, slug)),
        ("API articles", annotator, _api(f"/api/v1/articles/?project={slug}")),
        ("API claims", annotator, _api(f"/api/v1/claims/?project={slug}")),
        ("API stances", annotator, _api(f"/api/v1/stances/?project={slug}")),
        ("API sources", annotator, _api("/api/v1/sources/")),
    ]
    results: dict = {"_size": size}
    for name, user, path in pages:
        if only and name not in only:
            continue
        if path is None:
            results[name] = {"status": "not yet built"}
            continue
        client = Client()
        client.force_login(user)
        before = set(Assignment.objects.filter(annotator=annotator).values_list("id", flat=True))

        try:
            # One untimed request computes what a first visit computes once (the agreement
            # snapshot), so both sizes count the queries of the page's usual path.
            client.get(path)
            forget_new_assignments(before)
            change_one()
            # The next request counts the queries; a page that takes seconds gets fewer
            # timed rounds, and one that takes ten just this one.
            began = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            first = time.perf_counter() - began
            # Read now: the next request's start clears the connection's query log.
            sql = [q["sql"][:300] for q in queries.captured_queries]
            forget_new_assignments(before)
            change_one()
            rounds = repeat if first < 1 else (2 if first < 10 else 0)
            for _ in range(2 if rounds == repeat else 0):
                client.get(path)
                forget_new_assignments(before)
                change_one()
            times = [] if rounds else [first]
            for _ in range(rounds):
                began = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - began)
                forget_new_assignments(before)
                change_one()
        except Exception as exc:  # a page under construction must not stop the others
            results[name] = {"status": f"error: {type(exc).__name__}: {exc}"[:200]}
            continue
        results[name] = {
            "status": response.status_code, "path": path, "rounds": len(times), "bytes": len(response.content),
            "median_ms": round(_common.median(times) * 1000, 2),
            "queries": len(sql),
            "sql": sql,
        }
    if after_change:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(task_path__endswith="review_snapshot_job").delete()
        WorkerBeat.objects.filter(worker_id="bench").delete()
    return results


def run_size(url: str, slug: str, repeat: int, only: str | None, after_change: bool = False) -> dict:
    out = subprocess.run(
        [_common.PYTHON, __file__, "--measure", url, "--slug", slug, "--repeat", str(repeat),
         *(["--only", only] if only else []), *(["--after-change"] if after_change else [])],
        env=_common.env_for(url), capture_output=True, text=True, cwd=_common.ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"measuring {url} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--slug", default="bench")
    parser.add_argument("--small-db", default="ct_bench_1k")
    parser.add_argument("--large-db", default="ct_bench_1m")
    parser.add_argument("--small-articles", type=int, default=95, help="about 1k judgements")
    parser.add_argument("--large-articles", type=int, default=100_000, help="about 1M judgements")
    parser.add_argument("--annotators", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3, help="turns of small-then-large for the fast pages")
    parser.add_argument("--setup", action="store_true", help="create and fill missing databases first")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--only", help="comma-separated page names to measure (default: all)")
    parser.add_argument("--after-change", action="store_true",
                        help="change one judgement before every request (the lead's view while annotators work)")
    args = parser.parse_args()

    if args.measure:
        only = set(args.only.split(",")) if args.only else None
        print(json.dumps(measure(args.measure, args.slug, args.repeat, only, args.after_change)))
        return 0

    small, large = _common.database_url(args.small_db), _common.database_url(args.large_db)
    if args.setup:
        _common.ensure_project(small, args.slug, args.small_articles, args.annotators)
        _common.ensure_project(large, args.slug, args.large_articles, args.annotators)
    else:
        _common.prepare(small)
        _common.prepare(large)
    a = run_size(small, args.slug, args.repeat, args.only, args.after_change)
    b = run_size(large, args.slug, args.repeat, args.only, args.after_change)
    sa, sb = a.pop("_size"), b.pop("_size")
    # A shared machine's load comes and goes: measure the sizes in turn again and keep
    # each page's best median, skipping pages that take seconds (their ratio is clear).
    fast = [n for n, f in b.items() if f.get("median_ms", 1e9) < 1000 and a.get(n, {}).get("median_ms")]
    for _ in range(args.rounds - 1):
        if not fast:
            break
        again_a = run_size(small, args.slug, args.repeat, ",".join(fast), args.after_change)
        again_b = run_size(large, args.slug, args.repeat, ",".join(fast), args.after_change)
        for old, new in ((a, again_a), (b, again_b)):
            for n in fast:
                if new.get(n, {}).get("median_ms", 1e9) < old[n]["median_ms"]:
                    old[n] = new[n]
    print(f"machine: {_common.machine()}")
    print(f"small: {sa['project_judgements']:,} judgements in the project ({sa['judgements']:,} in the database), "
          f"{sa['articles']:,} articles")
    print(f"large: {sb['project_judgements']:,} judgements in the project ({sb['judgements']:,} in the database), "
          f"{sb['articles']:,} articles")
    print(f"{'page':28} {'small ms':>9} {'large ms':>9} {'ratio':>6} {'queries':>9}  verdict")
    failures = 0
    for name, fa in a.items():
        fb = b.get(name, {})
        if "median_ms" not in fa or "median_ms" not in fb:
            status = fa.get("status") if "median_ms" not in fa else fb.get("status")
            print(f"{name:28} {status}")
            continue
        ratio = fb["median_ms"] / fa["median_ms"]
        same = fa["queries"] == fb["queries"]
        ok = ratio <= RATIO_BUDGET and same and fa["status"] == fb["status"] and fa["status"] < 400
        failures += not ok and name not in INFO_ONLY
        bad_status = fa["status"] != fb["status"] or fa["status"] >= 400
        misses = [(f"time ×{ratio:.2f}", ratio > RATIO_BUDGET), ("query count", not same),
                  (f"status {fa['status']}/{fb['status']}", bad_status)]
        verdict = "ok" if ok else "MISSES " + ", ".join(x for x, bad in misses if bad)
        if name in INFO_ONLY:
            verdict = "(budget in bench_agreement.py)"
        print(f"{name:28} {fa['median_ms']:9.1f} {fb['median_ms']:9.1f} {ratio:6.2f} "
              f"{fa['queries']:>4}/{fb['queries']:<4}  {verdict}")
    if args.json:
        Path(args.json).write_text(json.dumps({"small": a, "large": b, "small_size": sa, "large_size": sb},
                                              indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
