"""Score the extraction engine against the hand-annotated gold articles.

Run from the repository root:

    .venv/bin/python bench/eval_extraction.py [--verbose --folds 0,1,2] [--heldout]

Reads ../shared/devset/gold.jsonl (the development set), bench/gold_seed.jsonl (the
seed article, referenced by path) and bench/gold_extra.jsonl (our own articles).
Matching follows the development set's guidelines (section 10): a prediction
matches a gold statement when the spans overlap, the sources share a name token
and the stances are equal; greedy one-to-one matching in gold order. Attribution
F1 drops the stance condition. Claim grouping (section 11) is scored over the pairs
of gold statements of one article that both matched a prediction: positive in the
gold when they share claim_group, predicted positive when their predictions do.

The 60 devset articles fall into 5 fixed folds (per language, ordered by a SHA-1 of
the id, dealt round-robin), so every fold holds 6 Dutch and 6 English articles.
Folds 3 and 4 are unread: their errors are never printed (per fold only F1 and the
grouping pair counts), and fold 4's figures only with --heldout. --verbose lists misses
and false positives of the folds given by --folds (default and at most 0,1,2, the
development folds); see bench/README.md for the log of which folds were read for which
change.
"""

import argparse
import hashlib
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


FOLDS = 5
HELDOUT = FOLDS - 1
DEV_FOLDS = (0, 1, 2)


def assign_folds(arts: list[dict]) -> None:
    """Give every devset article a fixed fold: per language, by SHA-1 of the id, round-robin."""
    for lang in ("nl", "en"):
        dev = sorted((a for a in arts if a["corpus"] == "devset" and a["lang"] == lang),
                     key=lambda a: hashlib.sha1(a["id"].encode()).hexdigest())
        for n, a in enumerate(dev):
            a["fold"] = n % FOLDS


def group_pairs(gold: list[dict], preds: list[dict], pairs: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(both positive, predicted positive, gold positive) over pairs of matched gold statements."""
    if not gold or "claim_group" not in gold[0]:
        return 0, 0, 0
    tp = pp = gp = 0
    for n, (gi, pi) in enumerate(pairs):
        for gj, pj in pairs[n + 1:]:
            g = gold[gi]["claim_group"] == gold[gj]["claim_group"]
            p = preds[pi]["claim_group"] == preds[pj]["claim_group"]
            tp += g and p
            pp += p
            gp += g
    return tp, pp, gp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives per article")
    ap.add_argument("--folds", default=",".join(map(str, DEV_FOLDS)),
                    help="folds whose errors --verbose lists (comma-separated; development folds only)")
    ap.add_argument("--heldout", action="store_true", help=f"also print the held-out fold {HELDOUT}")
    ap.add_argument("--groups", action="store_true",
                    help="with --verbose, list the claim-grouping errors of those folds instead of the misses")
    args = ap.parse_args()
    shown = {int(f) for f in args.folds.split(",") if f.strip()}
    if shown - set(DEV_FOLDS):
        ap.error(f"folds {', '.join(map(str, sorted(set(range(FOLDS)) - set(DEV_FOLDS))))} are unread: "
                 "their errors are never listed")

    arts = load_articles()
    assign_folds(arts)
    # counts[metric][group] = [matched, predicted, gold]
    counts = {m: defaultdict(lambda: [0, 0, 0]) for m in ("source+stance", "attribution", "grouping")}
    elapsed = 0.0
    for a in arts:
        text = a["text"]
        t0 = time.perf_counter()
        preds = [
            {"source": s.source, "source_org": s.source_org, "stance": s.stance, "start": s.start, "end": s.end,
             "claim_group": s.claim_group, "claim": s.claim}
            for s in extract(text, a["lang"])
        ]
        elapsed += time.perf_counter() - t0
        gold = a["statements"]
        groups = ["all", a["lang"], a["corpus"], f"{a['corpus']}/{a['lang']}"]
        if "fold" in a:
            groups += [f"fold{a['fold']}", f"fold{a['fold']}/{a['lang']}"]
        for metric, use_stance in (("source+stance", True), ("attribution", False)):
            pairs = match(gold, preds, text, use_stance)
            got = (len(pairs), len(preds), len(gold))
            if use_stance:
                grouped = group_pairs(gold, preds, pairs)
                for group in groups:
                    _add(counts["grouping"][group], grouped)
            for group in groups:
                _add(counts[metric][group], got)
            if args.verbose and use_stance and a.get("fold", -1) != HELDOUT and (
                    "fold" not in a or a["fold"] in shown):
                if args.groups:
                    _report_groups(a, gold, preds, pairs, text)
                else:
                    _report(a, gold, preds, pairs, text)
    print(f"{len(arts)} articles ({sum(1 for a in arts if a['lang'] == 'nl')} nl, "
          f"{sum(1 for a in arts if a['lang'] == 'en')} en); extraction took {elapsed:.3f} s")
    names = ["nl", "en", "all", "devset/nl", "devset/en", "devset", "own/nl", "own/en", "own"]
    for metric in counts:
        print(f"\n{metric}: precision recall F1 (matched/predicted/gold)"
              if metric != "grouping" else "\ngrouping: precision recall F1 (pairs both/predicted/gold)")
        for g in names:
            if g in counts[metric] and counts[metric][g][2] + counts[metric][g][1]:
                _line(g, counts[metric][g])
    _folds(counts, args.heldout)
    return 0


def _add(c: list, got: tuple) -> None:
    for n in range(3):
        c[n] += got[n]


def _line(name: str, c: list) -> None:
    m, p, n = c
    pr, rc, f = prf(m, p, n)
    print(f"  {name:<10} P={pr:.3f} R={rc:.3f} F1={f:.3f}  ({m}/{p}/{n})")


def _folds(counts: dict, heldout: bool) -> None:
    """Per-fold F1 and the mean over folds: the cross-validated figure."""
    ss, gr = counts["source+stance"], counts["grouping"]
    print("\nfolds: (source, stance) F1 nl / en / all; grouping F1 (nl / en; pairs both/predicted/gold)")
    means: dict = defaultdict(list)
    for k in range(FOLDS):
        row = [prf(*ss[f"fold{k}/{lang}"])[2] for lang in ("nl", "en")] + [prf(*ss[f"fold{k}"])[2]]
        row.append(prf(*gr[f"fold{k}"])[2])
        for name, v in zip(("nl", "en", "all", "grouping"), row, strict=True):
            means[name].append(v)
        if k == HELDOUT and not heldout:
            print(f"  fold {k} (held out)  not shown; --heldout prints it")
            continue
        tag = " (held out)" if k == HELDOUT else " (dev)" if k in DEV_FOLDS else " (unread)"
        m, p, n = gr[f"fold{k}"]
        by_lang = " / ".join(f"{prf(*gr[f'fold{k}/{lang}'])[2]:.3f}" for lang in ("nl", "en"))
        print(f"  fold {k}{tag:<12} {row[0]:.3f} / {row[1]:.3f} / {row[2]:.3f}; {row[3]:.3f}"
              f"  ({by_lang}; pairs {m}/{p}/{n})")
    unread = [k for k in range(FOLDS) if k not in DEV_FOLDS and (k != HELDOUT or heldout)]
    for label, ks in (("5-fold mean", range(FOLDS)), ("unread folds mean", unread)):
        if label == "5-fold mean" and not heldout:
            continue
        vals = {name: sum(means[name][k] for k in ks) / len(ks) for name in means} if ks else {}
        if vals:
            print(f"  {label:<19} {vals['nl']:.3f} / {vals['en']:.3f} / {vals['all']:.3f}; {vals['grouping']:.3f}")


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


def _report_groups(a: dict, gold: list, preds: list, pairs: list, text: str) -> None:
    """The matched statements of an article whose gold and predicted grouping disagree on some pair."""
    wrong = set()
    if not gold or "claim_group" not in gold[0]:
        return
    for n, (gi, pi) in enumerate(pairs):
        for gj, pj in pairs[n + 1:]:
            if (gold[gi]["claim_group"] == gold[gj]["claim_group"]) != (
                    preds[pi]["claim_group"] == preds[pj]["claim_group"]):
                wrong.update((gi, gj))
    if not wrong:
        return
    print(f"=== {a['id']} ({a['lang']}) grouping")
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        mark = "*" if gi in wrong else " "
        print(f" {mark} gold {g['claim_group']:>2} pred {p['claim_group']:>2} [{g['stance']}] {g['source']!r}: "
              f"{g['evidence'][:100]!r}\n        gold claim {g['claim'][:80]!r} | pred claim {p['claim'][:80]!r}")


if __name__ == "__main__":
    sys.exit(main())
