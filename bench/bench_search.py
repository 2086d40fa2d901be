"""Search time against article size, on PostgreSQL: a project's search with one very large article in it.

A project of `--articles` ordinary articles is searched (median of `--runs`), then one
article of `--mb` megabytes of text is added and the same searches run again. With the
vectors stored when a row is written the ratio stays near 1; computed per query it grew
with the large article's size (6.4 s per search for a 9 MB article).

    .venv/bin/python bench/bench_search.py [--articles 200] [--mb 9] [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

QUERIES = ["harbour", "minister denied", "flooding dikes", "report"]
WORDS = ("harbour council minister water dike flood report storm river bridge road school hospital "
         "budget police court election farmer energy price train").split()


def body(n_words: int, seed: int) -> str:
    """Invented prose of `n_words` words (varied, so its vector is not trivially small)."""
    words = [f"{WORDS[(i * 7 + seed) % len(WORDS)]}{(i * 31 + seed) % 997}" for i in range(n_words)]
    return "The minister denied the report. " + " ".join(words) + "."


def timed_searches(project, runs: int) -> float:
    from annotations.search import search_project

    times = []
    for _ in range(runs):
        for query in QUERIES:
            start = time.perf_counter()
            search_project(project=project, query=query)
            times.append(time.perf_counter() - start)
    return _common.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--mb", type=float, default=9.0, help="size of the large article")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", default="ct_bench_search")
    args = parser.parse_args()

    url = _common.database_url(args.database)
    _common.prepare(url)
    _common.setup_django(url)

    from annotations.importers import ArticleRecord
    from annotations.models import Project
    from annotations.services import articles_import, project_create

    Project.objects.filter(slug="bench-search").delete()
    project = project_create(slug="bench-search", name="Search benchmark")
    records = [ArticleRecord(title=f"Article {i}", body=body(400, i), language="en") for i in range(args.articles)]
    articles_import(project=project, records=records, extract=False)
    small = timed_searches(project, args.runs)

    n_words = int(args.mb * 1024 * 1024 / 9)
    start = time.perf_counter()
    articles_import(project=project, records=[ArticleRecord(title="Large", body=body(n_words, 1), language="en")],
                    extract=False)
    stored = time.perf_counter() - start
    large = timed_searches(project, args.runs)

    print(_common.machine())
    print(f"{args.articles} articles: median search {small * 1000:.1f} ms")
    print(f"with one {args.mb:g} MB article added (stored in {stored:.1f} s): median search {large * 1000:.1f} ms")
    print(f"ratio large/small: {large / small:.2f} (target: at most 1.5, whatever --mb)")


if __name__ == "__main__":
    main()
