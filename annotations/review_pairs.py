"""The agreement dashboard's pairs of annotators: the ones that need attention first.

A team of n annotators makes n(n−1)/2 pairs (1,225 at 50), too many to read and to render on
every visit. The dashboard lists the `PAIR_ROWS` pairs with the lowest figure, counting only
pairs that share at least `MIN_SHARED_UNITS` units: a κ over three units says little. Pairs
sharing fewer come next, and pairs whose figure is undefined last. All pairs stay one link
away (`?pairs=all`) and in the agreement API. Each annotator's κ with the others is summed up
from the same pairs, one row per annotator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# How many pairs each pair table lists unless the lead asks for all of them.
PAIR_ROWS = 15
# A pair's figure over fewer units than this is listed after those over more.
MIN_SHARED_UNITS = 10


@dataclass(frozen=True)
class PairList:
    """The pairs a table lists, and how many there are in all."""

    rows: list[dict]
    total: int

    @property
    def cut(self) -> bool:
        return len(self.rows) < self.total


def kappa_units(pair: dict) -> int:
    """The units both annotators of a κ pair labelled."""
    return pair["units"]


def structure_units(pair: dict) -> int:
    """The units either annotator of a structure pair found in the articles both annotated: a
    pair that matched none of them has the lowest F1 of all, and it rests on all of them."""
    return pair["units_a"] + pair["units_b"] - pair["matched"]


def lowest_first(pairs: list[dict], figure: str, shared: Callable[[dict], int], *, show_all: bool = False
                 ) -> PairList:
    """The pairs that need attention first: the lowest `figure` among pairs sharing enough units,
    then the lowest among the others, then the undefined ones, each in the report's order
    on ties. `show_all` keeps every pair in the report's order (by name)."""
    if show_all or len(pairs) <= PAIR_ROWS:
        return PairList(list(pairs), len(pairs))

    def attention(item: tuple[int, dict]) -> tuple:
        index, pair = item
        value = pair[figure]
        if value is None:
            return (2, 0.0, index)
        return (0 if shared(pair) >= MIN_SHARED_UNITS else 1, value, index)

    ranked = sorted(enumerate(pairs), key=attention)[:PAIR_ROWS]
    return PairList([pair for _, pair in ranked], len(pairs))


def kappa_by_annotator(pairs: list[dict]) -> dict[str, dict]:
    """Each annotator's mean and lowest κ with the others (and with whom), over the pairs
    sharing at least `MIN_SHARED_UNITS` units; annotators with no such pair are left out."""
    found: dict[str, list] = {}
    for pair in pairs:
        if pair["kappa"] is None or pair["units"] < MIN_SHARED_UNITS:
            continue
        for who, other in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            found.setdefault(who, []).append((pair["kappa"], other))
    summary = {}
    for who, kappas in found.items():
        lowest, lowest_with = min(kappas)
        summary[who] = {"mean": sum(k for k, _ in kappas) / len(kappas), "lowest": lowest,
                        "lowest_with": lowest_with, "pairs": len(kappas)}
    return summary


def page_summary(report: dict, *, show_all: bool = False) -> dict:
    """What the dashboard shows of an agreement report, as JSON: the report without its lists
    of pairs (n(n−1)/2 of each, 1 MB at 100 annotators), the pairs that need attention first
    in each table, with how many there are, and each annotator's κ summed up. A snapshot
    keeps it beside the report, so a visit reads and parses this part only."""
    pairs = report["cohen_kappa"]
    structure = report["structure"]
    kappa_pairs = lowest_first(pairs, "kappa", kappa_units, show_all=show_all)
    structure_pairs = lowest_first(structure["pairs"], "unit_f1", structure_units, show_all=show_all)
    return {
        "report": {**{k: v for k, v in report.items() if k != "cohen_kappa"},
                   "structure": {k: v for k, v in structure.items() if k != "pairs"}},
        "kappa_pairs": {"rows": kappa_pairs.rows, "total": kappa_pairs.total},
        "structure_pairs": {"rows": structure_pairs.rows, "total": structure_pairs.total},
        "kappas": kappa_by_annotator(pairs),
    }
