"""Inter-annotator agreement as pure functions over plain lists (no Django).

A judgement is a triple (unit, annotator, label); the unit of agreement is any
hashable key, in ClaimTrack the pair (claim, source). Figures that the data
cannot define (one label only, a single annotator, no unit labelled twice) come
back as `Figure(None, reason)`, never as a crash, NaN or a division by zero.

Everything is computed from two integer tables built once with numpy:
`value_counts` (units × labels: how many annotators gave each label) and the
list of judgement pairs on shared units (for the per-pair figures). Krippendorff's
α is left to the `krippendorff` package, fed the value counts directly.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import krippendorff
import numpy as np

_EPS = 1e-12


class Figure(NamedTuple):
    """A coefficient, or None with the reason it is not defined for this data."""

    value: float | None
    reason: str | None = None

    @classmethod
    def undefined(cls, reason: str) -> Figure:
        return cls(None, reason)


@dataclass(frozen=True)
class Table:
    """Judgements coded as integers: one entry per judgement, sorted by (unit, annotator)."""

    unit: np.ndarray  # int64 code of each judgement's unit
    annotator: np.ndarray  # int64 code into `annotators`
    label: np.ndarray  # int64 code into `labels`
    units: Sequence  # unit keys, by code (an array for integer keys)
    annotators: list  # annotator keys, by code
    labels: list[str]  # label set, by code

    @property
    def n_units(self) -> int:
        return len(self.units)

    def value_counts(self) -> np.ndarray:
        """Return the units × labels matrix of how many annotators gave each label."""
        n_labels = len(self.labels)
        flat = np.bincount(self.unit * n_labels + self.label, minlength=self.n_units * n_labels)
        return flat.reshape(self.n_units, n_labels)

    def reliability_data(self) -> np.ndarray:
        """Return the annotators × units matrix of label codes (NaN where missing)."""
        data = np.full((len(self.annotators), self.n_units), np.nan)
        data[self.annotator, self.unit] = self.label
        return data


def _encode(values) -> tuple[np.ndarray, list]:
    """Code a column as integers 0..k-1 in sorted key order; return (codes, keys)."""
    if isinstance(values, np.ndarray):
        array = values
    elif len(values) and isinstance(values[0], tuple):
        array = None
    else:
        array = np.asarray(values) if len(values) else np.zeros(0, dtype=np.int64)
    if array is not None and array.ndim == 1 and array.dtype.kind in "iu":
        if len(array) > 1 and (array[1:] >= array[:-1]).all():
            # Already sorted (rows ordered by unit): number the runs, no sort.
            starts = np.concatenate(([True], array[1:] != array[:-1]))
            return np.cumsum(starts) - 1, array[starts]
        if len(array) and array.min() >= 0 and array.max() < 4 * len(array) + 1024:
            # Small non-negative ids (database keys): a lookup table, no sort.
            present = np.zeros(int(array.max()) + 1, dtype=bool)
            present[array] = True
            keys = np.flatnonzero(present)
            remap = np.cumsum(present) - 1
            return remap[array].astype(np.int64, copy=False), keys.tolist()
        keys, codes = np.unique(array, return_inverse=True)
        return codes.astype(np.int64, copy=False), keys.tolist()
    if array is not None and array.ndim == 1 and array.dtype.kind == "U":
        keys, codes = np.unique(array, return_inverse=True)
        return codes.astype(np.int64, copy=False), keys.tolist()
    # Tuples or mixed keys: a dict keeps it linear.
    index: dict = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), np.int64, len(values))
    keys = list(index)
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    remap = np.empty(len(keys), dtype=np.int64)
    remap[order] = np.arange(len(keys))
    return remap[codes], [keys[i] for i in order]


def table(
    units: Sequence[Hashable], annotators: Sequence[Hashable], labels: Sequence[str],
    label_set: Sequence[str] | None = None,
) -> Table:
    """Build a Table from three parallel columns (one entry per judgement).

    Units and annotators may be any sortable keys; integer ids are fastest, and rows
    already sorted by (unit, annotator) skip the sort. `label_set` fixes the order
    of the labels (a project's stance order); labels outside it are refused.
    Without it the labels seen are used, sorted.
    """
    if not (len(units) == len(annotators) == len(labels)):
        raise ValueError("units, annotators and labels must be columns of the same length.")
    unit_codes, unit_keys = _encode(units)
    annotator_codes, annotator_keys = _encode(annotators)
    if label_set is None:
        label_codes, label_keys = _encode(list(labels))
    else:
        label_keys = list(label_set)
        position = {label: i for i, label in enumerate(label_keys)}
        try:
            label_codes = np.fromiter(map(position.__getitem__, labels), np.int64, len(labels))
        except KeyError as exc:
            raise ValueError(f"{exc.args[0]!r} is not in the label set {label_keys}.") from None
    if len(unit_codes):
        key = unit_codes * max(len(annotator_keys), 1) + annotator_codes
        step = np.diff(key)
        if (step < 0).any():
            order = np.argsort(key)
            unit_codes, annotator_codes, label_codes = (
                unit_codes[order], annotator_codes[order], label_codes[order]
            )
            step = np.diff(key[order])
        if (step == 0).any():
            raise ValueError("An annotator judged the same unit twice.")
    return Table(unit_codes, annotator_codes, label_codes, unit_keys, annotator_keys, label_keys)


def table_from_judgements(judgements, label_set: Sequence[str] | None = None) -> Table:
    """Build a Table from (unit, annotator, label) triples."""
    rows = list(judgements)
    if not rows:
        return table([], [], [], label_set)
    units, annotators, labels = zip(*rows, strict=True)
    return table(list(units), list(annotators), list(labels), label_set)


# --- Whole-table coefficients ----------------------------------------------------------


def _alpha_from_counts(counts: np.ndarray, pairable: np.ndarray | None = None) -> Figure:
    """Krippendorff's α (nominal) from a units × values matrix of counts."""
    if pairable is None:
        pairable = counts[counts.sum(axis=1) >= 2]
    if len(pairable) == 0:
        return Figure.undefined("no unit was labelled by two annotators")
    used = pairable.sum(axis=0)
    if np.count_nonzero(used) < 2:
        return Figure.undefined("every paired judgement has the same label, so there is no variation")
    value = krippendorff.alpha(value_counts=_fold_unanimous(pairable), level_of_measurement="nominal")
    return Figure(float(value))


def _fold_unanimous(pairable: np.ndarray) -> np.ndarray:
    """Fold all unanimous units of each label into one unit: α stays exactly the same.

    A unit whose m values are all c adds m(m−1)/(m−1) = m to the coincidence o_cc and
    nothing else, which is linear in m: one unit holding all those values adds the same.
    Real projects agree on most units, so the package has far fewer rows to build.
    """
    # Column by column: the matrix is tall and narrow, where axis=1 reductions are slow.
    row_max, row_sum = pairable[:, 0].copy(), pairable[:, 0].copy()
    for j in range(1, pairable.shape[1]):
        np.maximum(row_max, pairable[:, j], out=row_max)
        row_sum += pairable[:, j]
    unanimous = row_max == row_sum
    if unanimous.sum() < 2:
        return pairable
    folded = pairable[unanimous].sum(axis=0)
    merged = np.diag(folded)[folded > 1]  # a label with a single value left would not pair
    return np.concatenate([pairable[~unanimous], merged]) if len(merged) else pairable[~unanimous]


def krippendorff_alpha(tab: Table) -> Figure:
    """Krippendorff's α, nominal, over every unit labelled by at least two annotators."""
    if len(tab.unit) == 0:
        return Figure.undefined("no judgements")
    return _alpha_from_counts(tab.value_counts())


def observed_agreement(tab: Table) -> Figure:
    """Observed agreement 1 − D_o of α: agreeing pairs within units, each unit weighing 1/(m−1)."""
    coincidence = coincidences(tab.value_counts())
    n = float(coincidence.sum())
    if n == 0:
        return Figure.undefined("no unit was labelled by two annotators")
    return Figure(float(np.trace(coincidence)) / n)


def fleiss_kappa(tab: Table, raters: int | None = None, counts: np.ndarray | None = None,
                 per_unit: np.ndarray | None = None) -> tuple[Figure, int, int]:
    """Fleiss' κ over the units with exactly `raters` labels (default: the most any unit has).

    Returns (κ, raters, number of units used).
    """
    if counts is None:
        counts = tab.value_counts()
    if per_unit is None:
        per_unit = counts.sum(axis=1)
    if raters is None:
        raters = int(per_unit.max()) if len(per_unit) else 0
    full = counts[per_unit == raters]
    if raters < 2:
        return Figure.undefined("no unit was labelled by two annotators"), raters, 0
    if len(full) == 0:
        return Figure.undefined(f"no unit has exactly {raters} labels"), raters, 0
    n_units = len(full)
    # P̄ = mean over units of (Σ_j n_ij² − n) / (n(n−1)), summed column by column.
    squares = sum(float(np.dot(full[:, j], full[:, j])) for j in range(full.shape[1]))
    p_bar = (squares / n_units - raters) / (raters * (raters - 1))
    shares = full.sum(axis=0) / (n_units * raters)
    p_e = float((shares * shares).sum())
    if p_e >= 1 - _EPS:
        return Figure.undefined("every counted judgement has the same label"), raters, n_units
    return Figure((p_bar - p_e) / (1 - p_e)), raters, n_units


# --- Pairs of annotators -----------------------------------------------------------------


def judgement_pairs(tab: Table) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of judgements on one unit by two annotators a < b.

    Returns the columns (annotator a, annotator b, label of a, label of b).
    The table is sorted by (unit, annotator), so a pair sits `offset` rows apart.
    """
    unit, annotator, label = tab.unit, tab.annotator, tab.label
    parts_a, parts_b, parts_la, parts_lb = [], [], [], []
    offset = 1
    while offset < len(unit):
        same = unit[:-offset] == unit[offset:]
        if not same.any():
            break
        first = np.flatnonzero(same)
        second = first + offset
        parts_a.append(annotator[first])
        parts_b.append(annotator[second])
        parts_la.append(label[first])
        parts_lb.append(label[second])
        offset += 1
    if not parts_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    return (np.concatenate(parts_a), np.concatenate(parts_b),
            np.concatenate(parts_la), np.concatenate(parts_lb))


def pair_confusions(tab: Table) -> dict[tuple[int, int], np.ndarray]:
    """Confusion matrix (rows: a's label, columns: b's) of each annotator pair sharing a unit."""
    a, b, la, lb = judgement_pairs(tab)
    n_labels, n_annotators = len(tab.labels), len(tab.annotators)
    if len(a) == 0:
        return {}
    pair = a * n_annotators + b
    cell = la * n_labels + lb
    square = n_labels * n_labels
    if n_annotators * n_annotators * square <= 4_000_000:
        # Few annotators: count every possible pair directly, keep those that share a unit.
        flat = np.bincount(pair * square + cell, minlength=n_annotators * n_annotators * square)
        all_matrices = flat.reshape(n_annotators * n_annotators, n_labels, n_labels)
        pair_keys = np.flatnonzero(all_matrices.reshape(len(all_matrices), -1).any(axis=1))
        matrices = all_matrices[pair_keys]
    else:
        pair_keys, pair_codes = np.unique(pair, return_inverse=True)
        flat = np.bincount(pair_codes * square + cell, minlength=len(pair_keys) * square)
        matrices = flat.reshape(len(pair_keys), n_labels, n_labels)
    return {
        (int(k // n_annotators), int(k % n_annotators)): matrices[i]
        for i, k in enumerate(pair_keys)
    }


def cohen_kappa_from_confusion(matrix: np.ndarray) -> Figure:
    """Cohen's κ from a two-annotator confusion matrix."""
    n = float(matrix.sum())
    if n == 0:
        return Figure.undefined("the two annotators share no unit")
    p_o = float(np.trace(matrix)) / n
    p_e = float((matrix.sum(axis=1) * matrix.sum(axis=0)).sum()) / (n * n)
    if p_e >= 1 - _EPS:
        return Figure.undefined("both annotators gave the same single label to every shared unit")
    return Figure((p_o - p_e) / (1 - p_e))


def cohen_kappas(tab: Table) -> list[dict]:
    """Cohen's κ for every pair of annotators, over the units both labelled."""
    confusions = pair_confusions(tab)
    rows = []
    for i in range(len(tab.annotators)):
        for j in range(i + 1, len(tab.annotators)):
            matrix = confusions.get((i, j))
            if matrix is None:
                matrix = np.zeros((len(tab.labels), len(tab.labels)), dtype=np.int64)
            figure = cohen_kappa_from_confusion(matrix)
            rows.append({
                "a": tab.annotators[i], "b": tab.annotators[j], "kappa": figure.value,
                "reason": figure.reason, "units": int(matrix.sum()),
                "observed_agreement": (float(np.trace(matrix)) / float(matrix.sum())
                                       if matrix.sum() else None),
                "confusion": matrix.tolist(),
            })
    return rows


# --- Per label ---------------------------------------------------------------------------


def coincidences(counts: np.ndarray, pairable: np.ndarray | None = None) -> np.ndarray:
    """Krippendorff's coincidence matrix: pairs of values within a unit, each unit weighing 1/(m−1)."""
    if pairable is None:
        pairable = counts[counts.sum(axis=1) >= 2]
    if len(pairable) == 0:
        return np.zeros((counts.shape[1], counts.shape[1]))
    pairable = pairable.astype(np.float64)
    weighted = pairable / (pairable.sum(axis=1) - 1)[:, np.newaxis]
    return weighted.T @ pairable - np.diag(weighted.sum(axis=0))


def per_label(tab: Table, counts: np.ndarray | None = None,
              coincidence: np.ndarray | None = None) -> list[dict]:
    """For each label: how often it was given, α of "this label or not", specific agreement.

    The binary α of a label follows from the coincidence matrix of all labels:
    1 − (n−1)(n_l − o_ll) / (n_l (n − n_l)). Specific agreement is the chance that,
    given one judgement of a pair on a unit is this label, the other one is too.
    """
    if counts is None:
        counts = tab.value_counts()
    if coincidence is None:
        coincidence = coincidences(counts)
    n = float(coincidence.sum())
    n_by_label = coincidence.sum(axis=0)
    total = int(counts.sum())
    rows = []
    for index, label in enumerate(tab.labels):
        given = int(counts[:, index].sum())
        n_l, o_ll = float(n_by_label[index]), float(coincidence[index, index])
        if n == 0:
            alpha = specific = Figure.undefined("no unit was labelled by two annotators")
        elif n_l < _EPS:
            alpha = specific = Figure.undefined("no paired judgement has this label")
        elif n - n_l < _EPS:
            alpha = Figure.undefined("every paired judgement has this label, so there is no variation")
            specific = Figure(o_ll / n_l)
        else:
            alpha = Figure(1 - (n - 1) * (n_l - o_ll) / (n_l * (n - n_l)))
            specific = Figure(o_ll / n_l)
        rows.append({
            "label": label,
            "judgements": given,
            "share": given / total if total else None,
            "alpha": alpha.value, "alpha_reason": alpha.reason,
            "specific_agreement": specific.value, "specific_agreement_reason": specific.reason,
        })
    return rows


# --- Everything at once ----------------------------------------------------------------------


def report(tab: Table, *, fleiss_raters: int | None = None) -> dict:
    """Every figure of a table as a JSON-ready dict; undefined figures are None, reasons apart."""
    counts = tab.value_counts()
    per_unit = np.bincount(tab.unit, minlength=tab.n_units)
    pairable = counts[per_unit >= 2]
    alpha = (_alpha_from_counts(counts, pairable) if len(tab.unit)
             else Figure.undefined("no judgements"))
    coincidence = coincidences(counts, pairable)
    n_pairable = float(coincidence.sum())
    observed = (Figure(float(np.trace(coincidence)) / n_pairable) if n_pairable
                else Figure.undefined("no unit was labelled by two annotators"))
    fleiss, raters, fleiss_units = fleiss_kappa(tab, fleiss_raters, counts, per_unit)
    pairs = cohen_kappas(tab)
    pooled = np.zeros((len(tab.labels), len(tab.labels)), dtype=np.int64)
    for row in pairs:
        pooled += np.asarray(row["confusion"], dtype=np.int64)
    not_defined = {
        name: figure.reason
        for name, figure in (("krippendorff_alpha", alpha), ("fleiss_kappa", fleiss),
                             ("observed_agreement", observed))
        if figure.value is None
    }
    return {
        "krippendorff_alpha": alpha.value,
        "fleiss_kappa": fleiss.value,
        "fleiss_raters": raters,
        "fleiss_units": fleiss_units,
        "observed_agreement": observed.value,
        "cohen_kappa": pairs,
        "units": tab.n_units,
        "pairable_units": len(pairable),
        "judgements": int(len(tab.unit)),
        "annotators": list(tab.annotators),
        "labels": list(tab.labels),
        "per_label": per_label(tab, counts, coincidence),
        "confusion": {"labels": list(tab.labels), "matrix": pooled.tolist()},
        "not_defined": not_defined,
    }


# --- Agreement on the structure: which units exist, not only their labels -------------------

ABSENT = "(absent)"  # the category of an annotator of the article who has no matching unit
REJECTED = "rejected"  # the reserved judgement "no such statement here"


@dataclass(frozen=True)
class StructureItem:
    """One annotator's unit: a source with a stance on a claim span of an article."""

    article: Hashable
    annotator: Hashable
    source: Hashable
    start: int
    end: int
    label: str


def match_units(items: Sequence[StructureItem]) -> list[list[StructureItem]]:
    """Group the annotators' units into matched units, at most one item per annotator each.

    Two items match when they name the same source in the same article and their claim
    spans overlap: annotators who select a claim a few characters apart still agree that
    it exists. Items are taken in reading order; each joins the first group of its
    (article, source) whose span it overlaps and that has no item of its annotator yet.
    """
    by_place: dict[tuple, list[StructureItem]] = {}
    for item in items:
        by_place.setdefault((item.article, item.source), []).append(item)
    groups: list[list[StructureItem]] = []
    for place in sorted(by_place, key=repr):
        open_groups: list[tuple[int, int, set, list[StructureItem]]] = []
        for item in sorted(by_place[place], key=lambda i: (i.start, i.end, repr(i.annotator))):
            for k, (lo, hi, who, members) in enumerate(open_groups):
                if item.start < hi and lo < item.end and item.annotator not in who:
                    who.add(item.annotator)
                    members.append(item)
                    open_groups[k] = (min(lo, item.start), max(hi, item.end), who, members)
                    break
            else:
                open_groups.append((item.start, item.end, {item.annotator}, [item]))
        groups.extend(members for *_, members in open_groups)
    return groups


def _f1(agreeing: int, size: int) -> float | None:
    return 2 * agreeing / size if size else None


def structure_agreement(
    items: Sequence[StructureItem], annotators_of: dict[Hashable, set],
) -> dict:
    """Pairwise F1 on units and on (unit, stance), and α with absent units as a category.

    `annotators_of` gives each article's annotators: one of them without a matching item
    says the unit is not there. A `rejected` item says so too for the F1 figures (the
    annotator saw the suggestion and said there is no such statement), and stays a
    category of its own in α. F1 between two annotators counts the matched units of the
    articles they both annotated (micro-averaged); the overall F1 pools every pair.
    """
    groups = match_units(items)
    pair_counts: dict[tuple, list[int]] = {}  # (a, b) → [units of a, units of b, both, same label]
    units, raters, values = [], [], []
    for code, members in enumerate(groups):
        article = members[0].article
        label_of = {m.annotator: m.label for m in members}
        annotators = sorted(set(annotators_of.get(article, ())) | set(label_of), key=repr)
        for who in annotators:
            units.append(code)
            raters.append(who)
            values.append(label_of.get(who, ABSENT))
        for i, a in enumerate(annotators):
            for b in annotators[i + 1:]:
                la, lb = label_of.get(a, REJECTED), label_of.get(b, REJECTED)
                has_a, has_b = la != REJECTED, lb != REJECTED
                if not (has_a or has_b):
                    continue
                counts = pair_counts.setdefault((a, b), [0, 0, 0, 0])
                counts[0] += has_a
                counts[1] += has_b
                counts[2] += has_a and has_b
                counts[3] += has_a and has_b and la == lb
    pairs = []
    pooled = [0, 0, 0, 0]
    for (a, b), counts in sorted(pair_counts.items(), key=repr):
        pooled = [x + y for x, y in zip(pooled, counts, strict=True)]
        pairs.append({
            "a": a, "b": b, "units_a": counts[0], "units_b": counts[1], "matched": counts[2],
            "unit_f1": _f1(counts[2], counts[0] + counts[1]),
            "unit_stance_f1": _f1(counts[3], counts[0] + counts[1]),
        })
    alpha = krippendorff_alpha(table(units, raters, values)) if units else Figure.undefined(
        "no judgements")
    return {
        "matched_units": len(groups),
        "unit_f1": _f1(pooled[2], pooled[0] + pooled[1]),
        "unit_stance_f1": _f1(pooled[3], pooled[0] + pooled[1]),
        "alpha": alpha.value,
        "alpha_reason": alpha.reason,
        "pairs": pairs,
    }
