"""Score the extraction engine against the hand-annotated gold articles.

Run from the repository root:

    .venv/bin/python bench/eval_extraction.py [--verbose]

Reads ../shared/devset/gold.jsonl (the development set), bench/gold_seed.jsonl (the
seed article, referenced by path) and bench/gold_extra.jsonl (our own articles).
Matching follows the development set's guidelines (section 10): a prediction
matches a gold statement when the spans overlap, the sources share a name token
and the stances are equal; greedy one-to-one matching in gold order. Attribution
F1 drops the stance condition. Prints precision, recall and F1 per language,
per corpus and overall.
"""

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotations.extraction import extract  # noqa: E402

SHARED = ROOT.parent / "shared"
STOP = frozenset(
    "de het een van voor der den the a an of for and en to aan bij woordvoerder woordvoerster"
    " spokesperson spokesman spokeswoman zegt said says".split()
)


def name_tokens(*names: str | None) -> set[str]:
    out = set()
    for name in names:
        if not name:
            continue
        s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        for tok in re.split(r"[^a-z0-9]+", s):
            if len(tok) > 1 and tok not in STOP:
                out.add(tok)
    return out


def strip_date_token(text: str) -> str:
    """Drop a leading `date YYYY-MM[-DD]` token, as the .txt importer does."""
    m = re.match(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+", text)
    return text[m.end():] if m else text


def load_articles() -> list[dict]:
    arts = []
    dev = SHARED / "devset" / "gold.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                a["corpus"] = "devset"
                arts.append(a)
    else:
        print(f"note: {dev} not found, devset skipped", file=sys.stderr)
    for name, corpus in (("gold_seed.jsonl", "own"), ("gold_extra.jsonl", "own")):
        path = ROOT / "bench" / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            a = json.loads(line)
            if "text" not in a:
                src = (ROOT / a["path"]).resolve()
                if not src.exists():
                    print(f"note: {a['path']} not found, {a['id']} skipped", file=sys.stderr)
                    continue
                a["text"] = strip_date_token(src.read_text(encoding="utf-8"))
                # The seed's gold spans are offsets, so none of its text is copied here.
                for st in a["statements"]:
                    st.setdefault("evidence", a["text"][st["start"]:st["end"]])
                    st.setdefault("claim", "")
            a["corpus"] = corpus
            arts.append(a)
    return arts


def match(gold: list[dict], preds: list[dict], text: str, use_stance: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (gold index, prediction index) pairs."""
    used = set()
    pairs = []
    for gi, g in enumerate(gold):
        gs = text.find(g["evidence"])
        ge = gs + len(g["evidence"])
        gt = name_tokens(g["source"], g.get("source_org"))
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            if not (p["start"] < ge and gs < p["end"]):
                continue
            if not (gt & name_tokens(p["source"], p.get("source_org"))):
                continue
            if use_stance and p["stance"] != g["stance"]:
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def prf(m: int, p: int, g: int) -> tuple[float, float, float]:
    pr = m / p if p else 0.0
    rc = m / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives per article")
    args = ap.parse_args()

    arts = load_articles()
    # counts[metric][group] = [matched, predicted, gold]
    counts = {"source+stance": defaultdict(lambda: [0, 0, 0]), "attribution": defaultdict(lambda: [0, 0, 0])}
    elapsed = 0.0
    for a in arts:
        text = a["text"]
        t0 = time.perf_counter()
        preds = [
            {"source": s.source, "source_org": s.source_org, "stance": s.stance, "start": s.start, "end": s.end}
            for s in extract(text, a["lang"])
        ]
        elapsed += time.perf_counter() - t0
        gold = a["statements"]
        for metric, use_stance in (("source+stance", True), ("attribution", False)):
            pairs = match(gold, preds, text, use_stance)
            for group in ("all", a["lang"], a["corpus"], f"{a['corpus']}/{a['lang']}"):
                c = counts[metric][group]
                c[0] += len(pairs)
                c[1] += len(preds)
                c[2] += len(gold)
            if args.verbose and use_stance:
                _report(a, gold, preds, pairs, text)
    print(f"{len(arts)} articles ({sum(1 for a in arts if a['lang'] == 'nl')} nl, "
          f"{sum(1 for a in arts if a['lang'] == 'en')} en); extraction took {elapsed:.3f} s")
    groups = ["nl", "en", "all", "devset/nl", "devset/en", "devset", "own/nl", "own/en", "own"]
    for metric in counts:
        print(f"\n{metric}: precision recall F1 (matched/predicted/gold)")
        for g in groups:
            if g not in counts[metric]:
                continue
            m, p, n = counts[metric][g]
            pr, rc, f = prf(m, p, n)
            print(f"  {g:<10} P={pr:.3f} R={rc:.3f} F1={f:.3f}  ({m}/{p}/{n})")
    return 0


def _report(a: dict, gold: list, preds: list, pairs: list, text: str) -> None:
    gm = {g for g, _ in pairs}
    pm = {p for _, p in pairs}
    if len(gm) == len(gold) and len(pm) == len(preds):
        return
    print(f"=== {a['id']} ({a['lang']})")
    for gi, g in enumerate(gold):
        if gi not in gm:
            print(f"  MISS [{g['stance']}] {g['source']!r}/{g.get('source_org')!r}: {g['evidence'][:110]!r}")
    for pi, p in enumerate(preds):
        if pi not in pm:
            snippet = text[p["start"]:p["end"]][:110]
            print(f"  FP   [{p['stance']}] {p['source']!r}/{p['source_org']!r}: {snippet!r}")


if __name__ == "__main__":
    sys.exit(main())
