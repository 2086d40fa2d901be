"""Throughput and linearity of the extraction engine, in-process on one core.

Run from the repository root:

    .venv/bin/python bench/bench_extraction.py [--mb 5]

Concatenates the development-set texts (and our own gold articles) to about
--mb megabytes, and reports MB of news text per second, the linearity ratio
time(4x text) / (4 * time(1x text)) (about 1 means linear), and the same ratio
on adversarial inputs: long runs of quotes, commas, capitals, text without
spaces or sentence ends. Targets: at least 1 MB/s, ratios near 1. Times are CPU
times of this process (time.process_time), so a busy shared machine does not
distort them; the wall-clock figure is printed beside the throughput.
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotations.extraction import extract  # noqa: E402

SHARED = ROOT.parent / "shared"


def corpus() -> list[tuple[str, str]]:
    texts = []
    for path in (SHARED / "devset" / "gold.jsonl", ROOT / "bench" / "gold_extra.jsonl"):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    a = json.loads(line)
                    texts.append((a["lang"], a["text"]))
    if not texts:
        sys.exit("no texts found: need ../shared/devset/gold.jsonl or bench/gold_extra.jsonl")
    return texts


def build(texts: list[tuple[str, str]], lang: str, size: int) -> str:
    parts = [t for lg, t in texts if lg == lang] or [t for _, t in texts]
    out, n, i = [], 0, 0
    while n < size:
        t = parts[i % len(parts)]
        out.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out)


def timed(text: str, lang: str | None, repeat: int = 1) -> float:
    """Best CPU time of the runs: the figure for one core, whatever else the machine is doing."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        extract(text, lang)
        best = min(best, time.process_time() - t0)
    return best


def timed_wall(text: str, lang: str | None) -> float:
    t0 = time.perf_counter()
    extract(text, lang)
    return time.perf_counter() - t0


ADVERSARIAL = {
    "straight double quotes": '"' * 50_000,
    "dutch quote marks": (",,a " * 10_000) + ("'' " * 10_000),
    "single quotes and apostrophes": "'a 's zo'n " * 10_000,
    "commas": "," * 100_000,
    "comma-separated names": "Jan Smit, " * 10_000,
    "capitals": "A" * 100_000,
    "capitalised words": "Aa Bb Cc " * 10_000,
    "no spaces": "x" * 100_000,
    "hyphen chains": "a-" * 50_000,
    "cue words": "zegt volgens aldus said according to " * 3_000,
    "periods": ". " * 50_000,
    "titles and initials": "Mr. J. Dr. " * 10_000,
    "line breaks": "\n" * 100_000,
    "zero-width and bidi marks": "\u200b\u200f\u202e word " * 10_000,
    # One speaker's bare quotations (the Dutch interview rule looks back over every earlier record)
    "one speaker's quotations": ("Jan de Vries vertelt over zijn werk. ,,Ik werk hier al jaren'', zegt hij. "
                                 "De zaak loopt goed. ,,Ik bak alles zelf.''\n\n") * 600,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the throughput text in MB (default 5)")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    texts = corpus()
    extract("Warm-up: de AIVD wil niet reageren. Acme declined to comment.")

    print(f"throughput on ~{args.mb:g} MB of news text (one core, in-process)")
    worst = float("inf")
    for lang in ("nl", "en"):
        text = build(texts, lang, size)
        mb = len(text.encode("utf-8")) / 1e6
        w = timed_wall(text, lang)
        t = timed(text, lang)
        n = len(extract(text[:200_000], lang))
        worst = min(worst, mb / t)
        print(f"  {lang}: {mb:.2f} MB in {t:.2f} s CPU = {mb / t:.2f} MB/s "
              f"(wall clock {w:.2f} s = {mb / w:.2f} MB/s; {n} statements in the first 200 kB)")
    print(f"  target >= 1 MB/s (CPU time, one core): {'met' if worst >= 1 else 'NOT met'} "
          f"(worst {worst:.2f} MB/s = {worst:.2f}x the target)")

    print("\nlinearity: time(4x) / (4 * time(1x)), about 1 is linear")
    base = build(texts, "nl", size // 8)
    t1 = timed(base, "nl", repeat=2)
    t4 = timed("\n\n".join([base] * 4), "nl", repeat=2)
    print(f"  news text {len(base) / 1e6:.2f} MB -> 4x: ratio {t4 / (4 * t1):.2f}")

    print("\nadversarial inputs (ratio, and MB/s at 4x)")
    for name, piece in ADVERSARIAL.items():
        a1 = max(timed(piece, None, repeat=2), 1e-6)
        big = piece * 4
        a4 = timed(big, None, repeat=2)
        rate = len(big.encode("utf-8")) / 1e6 / max(a4, 1e-6)
        print(f"  {name:<28} ratio {a4 / (4 * a1):5.2f}  {rate:8.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
