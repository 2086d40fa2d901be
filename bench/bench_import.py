"""Import with extraction: articles per second in one worker process, on PostgreSQL.

Texts: the demo articles (always) and, when ../shared/devset is beside the project,
its real news texts. Each copy gets a numbered closing sentence so the duplicate
check does not skip it. The import runs through the same service as
`import_articles` and the upload job (one transaction per file of `--batch` articles).

    .venv/bin/python bench/bench_import.py [--articles 300] [--batch 50]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

DEVSET = _common.ROOT.parent / "shared" / "devset" / "gold.jsonl"


def texts() -> list[tuple[str, str]]:
    from annotations.management.commands.seed_demo import ARTICLES

    found = [(a["body"], a["language"]) for a in ARTICLES]
    if DEVSET.is_file():
        for line in DEVSET.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                found.append((record["text"], record["lang"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch", type=int, default=50, help="articles per file (one transaction)")
    parser.add_argument("--database", default="ct_bench_import")
    args = parser.parse_args()

    url = _common.database_url(args.database)
    _common.prepare(url)
    _common.setup_django(url)

    from annotations.importers import ArticleRecord
    from annotations.models import Article, Claim, Project, Unit
    from annotations.services import articles_import, project_create

    Project.objects.filter(slug="bench-import").delete()
    project = project_create(slug="bench-import", name="Import benchmark")
    pool = texts()
    records = []
    for n in range(args.articles):
        body, lang = pool[n % len(pool)]
        closing = f" Dit is kopie {n}." if lang == "nl" else f" This is copy {n}."
        records.append(ArticleRecord(title=f"Copy {n}", body=body + closing, language=lang, line=n + 1))
    chars = sum(len(r.body) for r in records)

    started = time.perf_counter()
    cpu_started = time.process_time()
    for i in range(0, len(records), args.batch):
        articles_import(project=project, records=records[i:i + args.batch])
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started

    articles = Article.objects.filter(project=project).count()
    claims = Claim.objects.filter(article__project=project).count()
    units = Unit.objects.filter(claim__article__project=project).count()
    print(f"machine: {_common.machine()}")
    print(f"texts: {len(pool)} distinct ({'demo + devset' if DEVSET.is_file() else 'demo only'}), "
          f"{articles} articles, {chars / 1e6:.2f} MB, {claims} claims, {units} units")
    print(f"import with extraction: {articles / wall:.1f} articles/s per worker process "
          f"(wall {wall:.2f} s; this process's CPU {cpu:.2f} s, {articles / cpu:.1f} articles per CPU-second)")
    Project.objects.filter(slug="bench-import").delete()


if __name__ == "__main__":
    main()
