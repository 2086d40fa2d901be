"""Agreement over 1M judgements: ClaimTrack's figures against the `krippendorff` package alone.

Run: .venv/bin/python bench/bench_agreement.py [--judgements 1000000] [--annotators 10]

Both sides get the same synthetic reliability data. The package is timed on the
annotators × units array it expects; ClaimTrack is timed from the plain columns the
database hands over (unit, annotator, label) to α (and, separately, to the full
report with κ per pair, Fleiss' κ, confusion matrices and per-label figures).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import krippendorff
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations import agreement  # noqa: E402

LABELS = ["alleges", "denies", "no_comment"]


def synthetic(judgements: int, annotators: int, overlap: int, seed: int = 7, shuffle: bool = False):
    """Columns of `judgements` judgements: each unit labelled by `overlap` annotators, agreeing mostly."""
    rng = np.random.default_rng(seed)
    n_units = judgements // overlap
    truth = rng.integers(0, len(LABELS), n_units)
    unit = np.repeat(np.arange(n_units), overlap)
    # Distinct annotators per unit: a random start and consecutive annotators after it.
    start = rng.integers(0, annotators, n_units)
    annotator = (np.repeat(start, overlap) + np.tile(np.arange(overlap), n_units)) % annotators
    # Rows come from the database ordered by (claim, source, annotator), as the glue asks.
    order = np.lexsort((annotator, unit))
    unit, annotator = unit[order], annotator[order]
    noisy = rng.random(len(unit)) < 0.25
    label = np.where(noisy, rng.integers(0, len(LABELS), len(unit)), truth[unit])
    if shuffle:  # rows in no particular order: the table sorts them
        order = rng.permutation(len(unit))
        unit, annotator, label = unit[order], annotator[order], label[order]
    # The glue hands over Python lists from values_list(): units as (claim, source) ints.
    units = (unit * 7 + 3).tolist()
    names = annotator.tolist()  # annotator ids, as values_list("annotator_id") gives them
    labels = [LABELS[i] for i in label.tolist()]
    return units, names, labels


def best_of(repeat: int, func):
    times, value = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - began)
    return min(times), value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgements", type=int, default=1_000_000)
    parser.add_argument("--annotators", type=int, default=10)
    parser.add_argument("--overlap", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--shuffle", action="store_true", help="rows in random order, not the query's")
    args = parser.parse_args()

    units, names, labels = synthetic(args.judgements, args.annotators, args.overlap, shuffle=args.shuffle)
    reliability = agreement.table(units, names, labels, LABELS).reliability_data()

    # Interleaved, best of N each: the machine's load drifts, and all three see the same drift.
    runs = {
        "package": lambda: krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal"),
        "alpha": lambda: agreement.krippendorff_alpha(agreement.table(units, names, labels, LABELS)),
        "report": lambda: agreement.report(agreement.table(units, names, labels, LABELS)),
    }
    best = {name: float("inf") for name in runs}
    values = {}
    for _ in range(args.repeat):
        for name, func in runs.items():
            seconds, values[name] = best_of(1, func)
            best[name] = min(best[name], seconds)
    package_time, alpha_time, report_time = best["package"], best["alpha"], best["report"]
    package_alpha, ours, full = values["package"], values["alpha"], values["report"]
    equal = (ours.value is not None and abs(ours.value - float(package_alpha)) <= 1e-9
             and abs(full["krippendorff_alpha"] - float(package_alpha)) <= 1e-9)
    print(f"judgements: {len(units):,}  units: {reliability.shape[1]:,}  annotators: {args.annotators}")
    print(f"krippendorff package alone (reliability array): {package_time:.3f} s  alpha={package_alpha:.12f}")
    print(f"ClaimTrack alpha from columns:                   {alpha_time:.3f} s  alpha={ours.value:.12f}")
    print(f"ClaimTrack full report from columns:             {report_time:.3f} s  "
          f"(fleiss={full['fleiss_kappa']:.6f}, {len(full['cohen_kappa'])} pairs)")
    print(f"ratio alpha/package:  {alpha_time / package_time:.2f}x (budget 2x)")
    print(f"ratio report/package: {report_time / package_time:.2f}x (budget 2x)")
    print(f"values equal: {equal}")
    ok = equal and report_time <= 2 * package_time
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
