"""What the source registry's visibility rule costs: a member's view against the whole registry.

Run (PostgreSQL; fills database `ct_bench_sources` with two projects the first time):

    .venv/bin/python bench/bench_sources.py --articles 5000

A member of one project sees the sources heard there (`Source.objects.visible_to`);
a registry administrator sees every row with no filter. For the add-a-source search
and the API's first page (by id and by name) the median time of each is printed with
their ratio, member / administrator. The rule reads `SourceProject`, not the
projects' units, so its cost follows the number of sources the member's projects hear.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402


def _median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles per project (two projects)")
    parser.add_argument("--db", default="ct_bench_sources")
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    url = _common.database_url(args.db)
    _common.prepare(url)
    _common.setup_django(url)

    from django.contrib.auth import get_user_model

    from annotations import selectors
    from annotations.models import Membership, Project, Source

    for slug in ("sources-a", "sources-b"):
        if not Project.objects.filter(slug=slug).exists():
            _common.manage(url, "create_project", slug, "--name", slug)
            _common.manage(url, "bench_data", slug, "--articles", str(args.articles), "--annotators", "3")
    member = Membership.objects.filter(project__slug="sources-a").select_related("user").first().user
    admin = get_user_model()(username="bench-admin", is_staff=True)
    print(f"{Source.objects.count()} sources; a member of sources-a sees {Source.objects.visible_to(member).count()}")
    cases = {
        **{f"search {q!r}": (lambda u, q=q: selectors.sources_search(query=q, user=u)) for q in ("a", "jan", "min")},
        "API page by id": lambda u: list(Source.objects.visible_to(u).filter(merged_into__isnull=True)
                                         .order_by("id")[:100]),
        "API page by name": lambda u: list(Source.objects.visible_to(u).filter(merged_into__isnull=True)
                                           .order_by("name")[:100]),
    }
    for name, fn in cases.items():
        mine = _median_ms(lambda fn=fn: fn(member), args.repeat)
        everything = _median_ms(lambda fn=fn: fn(admin), args.repeat)
        print(f"{name:18} member {mine:7.1f} ms   registry {everything:7.1f} ms   ratio {mine / everything:5.2f}")


if __name__ == "__main__":
    main()
