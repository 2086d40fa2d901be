"""Precision and recall of claim-link suggestions on a hand-made set of linked claims.

    .venv/bin/python bench/bench_clusters.py [--threshold 0.3] [--gold FILE ...] [--no-glossary] [--json]

Each gold file holds invented claims in Dutch and English, each with the id of
the proposition it states. Every pair of claims scoring at or above the
threshold is a suggested link; a pair is right when both claims state the same
proposition. Prints pairwise precision and recall overall, for same-language and
for cross-language pairs, and over a range of thresholds.

Two sets: `cluster_gold.jsonl` (Huawei topics) was in view while the Dutch→English
glossary was written, so it flatters; `cluster_heldout.jsonl` (other topics) was
written after the glossary and not used to tune anything. `--no-glossary` shows
what character n-grams alone achieve.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotations import similarity as tracking  # noqa: E402  (plain Python, no Django set-up needed)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(items: list[dict], threshold: float) -> dict:
    lang = {i["id"]: i["lang"] for i in items}
    gold = {
        frozenset((a["id"], b["id"]))
        for a, b in itertools.combinations(items, 2)
        if a["cluster"] == b["cluster"]
    }
    found = tracking.suggest_pairs(
        [(i["id"], i["text"], i.get("evidence", "")) for i in items], threshold=threshold
    )
    predicted = {frozenset((a, b)) for a, b, _ in found}
    result = {"threshold": threshold, "gold_links": len(gold), "suggested": len(predicted)}
    for name, keep in {
        "all": lambda p: True,
        "same_language": lambda p: len({lang[x] for x in p}) == 1,
        "cross_language": lambda p: len({lang[x] for x in p}) == 2,
    }.items():
        p, r = tracking.precision_recall({x for x in predicted if keep(x)}, {x for x in gold if keep(x)})
        result[name] = {"precision": round(p, 3), "recall": round(r, 3)}
    return result


GOLD_FILES = [ROOT / "bench" / "cluster_gold.jsonl", ROOT / "bench" / "cluster_heldout.jsonl"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=GOLD_FILES)
    parser.add_argument("--threshold", type=float, default=tracking.DEFAULT_THRESHOLD)
    parser.add_argument("--no-glossary", action="store_true", help="character n-grams only")
    parser.add_argument("--json", action="store_true", help="print one JSON object per gold file")
    args = parser.parse_args(argv)
    if args.no_glossary:
        tracking.bridge = tracking.fold  # the vectoriser looks the preprocessor up at call time
    for path in args.gold:
        items = load(path)
        result = evaluate(items, args.threshold)
        if args.json:
            print(json.dumps({"gold": path.name, **result}))
            continue
        print(f"{path.name}: {len(items)} claims, {result['gold_links']} gold links, "
              f"{result['suggested']} suggested at threshold {args.threshold:.2f}")
        for name in ("all", "same_language", "cross_language"):
            print(f"  {name:15} precision {result[name]['precision']:.3f}  recall {result[name]['recall']:.3f}")
        print("  threshold sweep (all pairs):")
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            r = evaluate(items, t)["all"]
            print(f"    {t:.2f}  precision {r['precision']:.3f}  recall {r['recall']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
