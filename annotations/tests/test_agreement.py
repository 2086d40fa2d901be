"""Agreement figures against independent references: NLTK, scikit-learn, the krippendorff
package and textbook formulas written out here, on random data and hand-computed tables."""

import itertools
import math
from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

from annotations import agreement

LABELS = ["alleges", "denies", "no_comment"]
TOL = 1e-9


@st.composite
def judgements(draw, max_annotators=5, max_units=14):
    """Random (unit, annotator, label) triples; units are (claim, source) pairs, some unlabelled."""
    n_annotators = draw(st.integers(1, max_annotators))
    n_units = draw(st.integers(1, max_units))
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=3, unique=True))
    rows = []
    for unit in range(n_units):
        for annotator in range(n_annotators):
            label = draw(st.one_of(st.none(), st.sampled_from(labels)))
            if label is not None:
                rows.append(((unit // 3 + 1, unit % 3 + 10), f"ann{annotator}", label))
    return rows


def by_unit(rows):
    units = {}
    for unit, annotator, label in rows:
        units.setdefault(unit, {})[annotator] = label
    return units


def nltk_alpha(rows):
    """NLTK's α, or None where the figure is not defined (NLTK answers 1 or raises there)."""
    pairable = [u for u in by_unit(rows).values() if len(u) >= 2]
    if not pairable or len({label for u in pairable for label in u.values()}) < 2:
        return None
    task = AnnotationTask(data=[(a, str(u), label) for u, a, label in rows])
    return task.alpha()


def textbook_fleiss(rows, raters):
    """Fleiss (1971), written out with loops."""
    units = [u for u in by_unit(rows).values() if len(u) == raters]
    categories = sorted({label for u in units for label in u.values()})
    if raters < 2 or not units:
        return None
    n_units = len(units)
    counts = [[list(u.values()).count(c) for c in categories] for u in units]
    p_i = [(sum(x * x for x in row) - raters) / (raters * (raters - 1)) for row in counts]
    p_bar = sum(p_i) / n_units
    p_j = [sum(row[j] for row in counts) / (n_units * raters) for j in range(len(categories))]
    p_e = sum(p * p for p in p_j)
    if math.isclose(p_e, 1.0):
        return None
    return (p_bar - p_e) / (1 - p_e)


def textbook_observed(rows):
    """Pairs of judgements within a unit that agree, each unit weighing 1/(m−1) (Krippendorff)."""
    agree = total = 0.0
    for unit in by_unit(rows).values():
        values = list(unit.values())
        m = len(values)
        if m < 2:
            continue
        total += m
        for i, j in itertools.permutations(range(m), 2):
            agree += (values[i] == values[j]) / (m - 1)
    return agree / total if total else None


def assert_close(value, reference):
    if reference is None:
        assert value is None
    else:
        assert value is not None
        assert abs(value - reference) <= TOL, (value, reference)


# --- Random data against the references -------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(judgements())
def test_alpha_equals_nltk_and_the_krippendorff_package(rows):
    tab = agreement.table_from_judgements(rows, LABELS)
    figure = agreement.krippendorff_alpha(tab)
    reference = nltk_alpha(rows)
    assert_close(figure.value, reference)
    if reference is None:
        assert figure.reason
    else:
        package = krippendorff.alpha(
            reliability_data=tab.reliability_data(), level_of_measurement="nominal",
            value_domain=list(range(len(LABELS))),
        )
        assert abs(figure.value - package) <= TOL


@settings(max_examples=150, deadline=None)
@given(judgements())
def test_cohen_kappa_of_each_pair_equals_scikit_learn_and_nltk(rows):
    tab = agreement.table_from_judgements(rows, LABELS)
    units = by_unit(rows)
    annotators = sorted({a for _, a, _ in rows})
    pairs = agreement.cohen_kappas(tab)
    assert [(p["a"], p["b"]) for p in pairs] == list(itertools.combinations(annotators, 2))
    for pair in pairs:
        shared = [u for u in units.values() if pair["a"] in u and pair["b"] in u]
        first = [u[pair["a"]] for u in shared]
        second = [u[pair["b"]] for u in shared]
        assert pair["units"] == len(shared)
        if not shared or (len(set(first)) == 1 and set(first) == set(second)):
            assert pair["kappa"] is None and pair["reason"]
            continue
        with np.errstate(all="ignore"):
            sk = cohen_kappa_score(first, second)
        task = AnnotationTask(data=[("a", i, x) for i, x in enumerate(first)]
                              + [("b", i, x) for i, x in enumerate(second)])
        assert_close(pair["kappa"], float(sk))
        assert_close(pair["kappa"], task.kappa_pairwise("a", "b"))
        expected = Counter(zip(first, second, strict=True))
        assert pair["confusion"] == [[expected[(x, y)] for y in LABELS] for x in LABELS]


@settings(max_examples=150, deadline=None)
@given(judgements(), st.integers(1, 5))
def test_fleiss_kappa_equals_the_textbook_formula(rows, raters):
    tab = agreement.table_from_judgements(rows, LABELS)
    figure, used_raters, used_units = agreement.fleiss_kappa(tab, raters)
    assert used_raters == raters
    assert used_units == (sum(1 for u in by_unit(rows).values() if len(u) == raters) if raters >= 2 else 0)
    assert_close(figure.value, textbook_fleiss(rows, raters))


@settings(max_examples=100, deadline=None)
@given(judgements())
def test_fleiss_kappa_equals_nltk_multi_coder_pi_on_complete_data(rows):
    """On units every annotator labelled, Fleiss' κ is the multi-coder π of NLTK."""
    units = by_unit(rows)
    annotators = sorted({a for _, a, _ in rows})
    complete = [(u, labels) for u, labels in units.items() if len(labels) == len(annotators)]
    if len(annotators) < 2 or not complete:
        return
    subset = [(u, a, labels[a]) for u, labels in complete for a in annotators]
    if len({x for _, _, x in subset}) < 2:
        return
    tab = agreement.table_from_judgements(subset, LABELS)
    figure, _, _ = agreement.fleiss_kappa(tab, len(annotators))
    task = AnnotationTask(data=[(a, str(u), x) for u, a, x in subset])
    assert_close(figure.value, task.pi())


@settings(max_examples=150, deadline=None)
@given(judgements())
def test_observed_agreement_equals_one_minus_nltk_observed_disagreement(rows):
    tab = agreement.table_from_judgements(rows, LABELS)
    figure = agreement.observed_agreement(tab)
    assert_close(figure.value, textbook_observed(rows))
    report = agreement.report(tab)
    assert_close(report["observed_agreement"], textbook_observed(rows))


@settings(max_examples=100, deadline=None)
@given(judgements())
def test_per_label_alpha_equals_nltk_on_the_label_against_the_rest(rows):
    tab = agreement.table_from_judgements(rows, LABELS)
    rows_by_label = {row["label"]: row for row in agreement.per_label(tab)}
    for label in LABELS:
        recoded = [(u, a, "yes" if x == label else "no") for u, a, x in rows]
        assert_close(rows_by_label[label]["alpha"], nltk_alpha(recoded))
        assert rows_by_label[label]["judgements"] == sum(1 for *_, x in rows if x == label)
        # Specific agreement: of the pairs where one side is this label, the share where both are.
        both = one = 0.0
        for unit in by_unit(rows).values():
            values = list(unit.values())
            m = len(values)
            for i, j in itertools.permutations(range(m), 2):
                if values[i] == label:
                    one += 1 / (m - 1)
                    both += (values[j] == label) / (m - 1)
        assert_close(rows_by_label[label]["specific_agreement"], both / one if one else None)


@settings(max_examples=80, deadline=None)
@given(judgements())
def test_report_pools_the_pair_confusions_and_counts_units(rows):
    tab = agreement.table_from_judgements(rows, LABELS)
    report = agreement.report(tab)
    pooled = np.zeros((3, 3), dtype=int)
    for pair in report["cohen_kappa"]:
        pooled += np.array(pair["confusion"])
    assert report["confusion"]["matrix"] == pooled.tolist()
    units = by_unit(rows)
    assert report["units"] == len(units)
    assert report["pairable_units"] == sum(1 for u in units.values() if len(u) >= 2)
    assert report["judgements"] == len(rows)
    assert_close(report["krippendorff_alpha"], nltk_alpha(rows))


# --- Hand-computed tables -------------------------------------------------------------------

# Two annotators, four units:   A: a a b b    B: a b b b
HAND = [(1, "A", "a"), (2, "A", "a"), (3, "A", "b"), (4, "A", "b"),
        (1, "B", "a"), (2, "B", "b"), (3, "B", "b"), (4, "B", "b")]


def test_hand_computed_table():
    report = agreement.report(agreement.table_from_judgements(HAND, ["a", "b"]))
    # α = 1 − (n−1)·Σo_off / Σ_{c≠k} n_c·n_k = 1 − 7·2 / (2·3·5)
    assert report["krippendorff_alpha"] == pytest.approx(16 / 30, abs=TOL)
    # κ = (3/4 − 1/2) / (1 − 1/2)
    assert report["cohen_kappa"][0]["kappa"] == pytest.approx(0.5, abs=TOL)
    assert report["cohen_kappa"][0]["confusion"] == [[1, 1], [0, 2]]
    # Fleiss: P̄ = 3/4, P_e = (3/8)² + (5/8)² = 34/64
    assert report["fleiss_kappa"] == pytest.approx((0.75 - 34 / 64) / (1 - 34 / 64), abs=TOL)
    assert report["observed_agreement"] == pytest.approx(0.75, abs=TOL)
    assert report["units"] == 4 and report["pairable_units"] == 4
    per_label = {row["label"]: row for row in report["per_label"]}
    # Binary "a or not" is the same split as the whole table here.
    assert per_label["a"]["alpha"] == pytest.approx(16 / 30, abs=TOL)
    assert per_label["a"]["specific_agreement"] == pytest.approx(2 / 3, abs=TOL)
    assert per_label["b"]["specific_agreement"] == pytest.approx(4 / 5, abs=TOL)


def test_units_not_every_annotator_labelled():
    # Krippendorff (2011)'s nominal example: 3 coders, 15 units with gaps; α ≈ 0.691.
    data = [[np.nan, np.nan, np.nan, np.nan, np.nan, 3, 4, 1, 2, 1, 1, 3, 3, np.nan, 3],
            [1, np.nan, 2, 1, 3, 3, 4, 3, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan],
            [np.nan, np.nan, 2, 1, 3, 4, 4, np.nan, 2, 1, 1, 3, 3, np.nan, 4]]
    rows = [(u, c, str(int(v))) for c, coder in enumerate(data) for u, v in enumerate(coder)
            if not np.isnan(v)]
    figure = agreement.krippendorff_alpha(agreement.table_from_judgements(rows))
    assert round(figure.value, 3) == 0.691


# --- Not defined, never a crash --------------------------------------------------------------


def test_one_label_only_is_not_defined():
    rows = [(u, a, "alleges") for u in range(5) for a in ("x", "y", "z")]
    report = agreement.report(agreement.table_from_judgements(rows, LABELS))
    assert report["krippendorff_alpha"] is None
    assert "same label" in report["not_defined"]["krippendorff_alpha"]
    assert report["fleiss_kappa"] is None and "same label" in report["not_defined"]["fleiss_kappa"]
    assert all(p["kappa"] is None and p["reason"] for p in report["cohen_kappa"])
    assert report["observed_agreement"] == 1.0
    alleges = report["per_label"][0]
    assert alleges["alpha"] is None and "no variation" in alleges["alpha_reason"]
    assert report["per_label"][1]["alpha"] is None


def test_a_single_annotator_is_not_defined():
    rows = [(u, "solo", LABELS[u % 3]) for u in range(6)]
    report = agreement.report(agreement.table_from_judgements(rows, LABELS))
    assert report["krippendorff_alpha"] is None
    assert report["not_defined"]["krippendorff_alpha"] == "no unit was labelled by two annotators"
    assert report["fleiss_kappa"] is None and report["observed_agreement"] is None
    assert report["cohen_kappa"] == []
    assert report["units"] == 6 and report["pairable_units"] == 0


def test_annotators_without_a_shared_unit_are_not_defined():
    rows = [(1, "a", "alleges"), (2, "a", "denies"), (3, "b", "denies"), (4, "b", "alleges")]
    report = agreement.report(agreement.table_from_judgements(rows, LABELS))
    assert report["cohen_kappa"][0]["kappa"] is None
    assert report["cohen_kappa"][0]["reason"] == "the two annotators share no unit"
    assert report["cohen_kappa"][0]["units"] == 0
    assert report["krippendorff_alpha"] is None


def test_no_judgements_at_all():
    report = agreement.report(agreement.table_from_judgements([], LABELS))
    assert report["krippendorff_alpha"] is None and report["not_defined"]["krippendorff_alpha"]
    assert report["units"] == 0 and report["cohen_kappa"] == []
    assert [row["share"] for row in report["per_label"]] == [None, None, None]


def test_labels_outside_the_set_and_double_judgements_are_refused():
    with pytest.raises(ValueError, match="not in the label set"):
        agreement.table_from_judgements([(1, "a", "maybe")], LABELS)
    with pytest.raises(ValueError, match="twice"):
        agreement.table_from_judgements([(1, "a", "denies"), (1, "a", "alleges")], LABELS)


def test_integer_ids_in_any_order_give_the_same_figures_as_sorted_ones():
    rng = np.random.default_rng(3)
    units = rng.integers(0, 50, 400) * 1_000_003  # large ids take the sorting path
    annotators = rng.integers(0, 6, 400)
    pairs = {(int(u), int(a)) for u, a in zip(units, annotators, strict=True)}
    rows = [(u, a, LABELS[(u + a) % 2 if a % 3 else 2]) for u, a in pairs]
    shuffled = agreement.report(agreement.table_from_judgements(rows, LABELS))
    ordered = agreement.report(agreement.table_from_judgements(sorted(rows), LABELS))
    assert shuffled == ordered
    assert_close(shuffled["krippendorff_alpha"], nltk_alpha(rows))
