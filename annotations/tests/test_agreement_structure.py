"""Agreement on the structure: which units exist, matched by overlapping claim spans.

Hand-made cases whose answers are worked out in the comments; α is also checked against
the krippendorff package on the matrix written out by hand.
"""

import krippendorff
import numpy as np
import pytest

from annotations.agreement import StructureItem, match_units, structure_agreement


def item(annotator, source, start, end, label="alleges", article=1):
    return StructureItem(article, annotator, source, start, end, label)


BOTH = {1: {"ann1", "ann2"}}  # article 1 and its annotators


def test_identical_sets_agree_fully():
    items = [item("ann1", 7, 0, 10, "alleges"), item("ann1", 8, 20, 30, "denies"),
             item("ann2", 7, 0, 10, "alleges"), item("ann2", 8, 20, 30, "denies")]
    result = structure_agreement(items, BOTH)
    assert result["matched_units"] == 2
    assert result["unit_f1"] == 1.0 and result["unit_stance_f1"] == 1.0
    assert result["alpha"] == pytest.approx(1.0)


def test_disjoint_sets_share_no_unit():
    # ann1 heard source 7, ann2 heard source 8: two units, each absent for the other.
    items = [item("ann1", 7, 0, 10, "alleges"), item("ann2", 8, 0, 10, "denies")]
    result = structure_agreement(items, BOTH)
    assert result["matched_units"] == 2
    assert result["unit_f1"] == 0.0 and result["unit_stance_f1"] == 0.0
    # Coincidences: (alleges, absent) ×2, (denies, absent) ×2; n = 4, n_alleges = n_denies = 1,
    # n_absent = 2. D_o = 1, D_e = (2·1·2 + 2·1·1 + 2·2·1) / (4·3) = 10/12, α = 1 − 12/10.
    assert result["alpha"] == pytest.approx(-0.2)
    matrix = np.array([[0, 2], [2, 1]])  # 2 = absent
    assert result["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def test_a_boundary_shift_still_matches_but_touching_spans_do_not():
    shifted = [item("ann1", 7, 0, 10), item("ann2", 7, 3, 14)]
    assert structure_agreement(shifted, BOTH)["unit_f1"] == 1.0
    touching = [item("ann1", 7, 0, 10), item("ann2", 7, 10, 20)]
    result = structure_agreement(touching, BOTH)
    assert result["matched_units"] == 2 and result["unit_f1"] == 0.0


def test_same_span_other_source_is_another_unit():
    result = structure_agreement([item("ann1", 7, 0, 10), item("ann2", 9, 0, 10)], BOTH)
    assert result["matched_units"] == 2 and result["unit_f1"] == 0.0


def test_a_rejected_suggestion_counts_as_absent_for_f1_and_as_a_category_for_alpha():
    # Unit A: both allege. Unit B: ann1 rejects it, ann2 alleges. Unit C: both deny.
    items = [item("ann1", 1, 0, 5), item("ann2", 1, 0, 5),
             item("ann1", 2, 10, 15, "rejected"), item("ann2", 2, 10, 15, "alleges"),
             item("ann1", 3, 20, 25, "denies"), item("ann2", 3, 20, 25, "denies")]
    result = structure_agreement(items, BOTH)
    # ann1 has 2 units, ann2 has 3, they share 2: F1 = 2·2 / 5.
    assert result["unit_f1"] == pytest.approx(0.8)
    assert result["unit_stance_f1"] == pytest.approx(0.8)
    codes = {"alleges": 0, "denies": 1, "rejected": 2}
    matrix = np.array([[codes[x] for x in row] for row in
                       [("alleges", "rejected", "denies"), ("alleges", "alleges", "denies")]])
    assert result["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def test_an_annotator_without_units_says_every_unit_is_absent():
    items = [item("ann1", 1, 0, 5, "alleges"), item("ann1", 2, 10, 15, "denies")]
    result = structure_agreement(items, BOTH)
    (pair,) = result["pairs"]
    assert (pair["units_a"], pair["units_b"], pair["matched"]) == (2, 0, 0)
    assert pair["unit_f1"] == 0.0


def test_different_labels_on_matched_units_lower_only_the_stance_f1():
    items = [item("ann1", 1, 0, 5, "alleges"), item("ann2", 1, 0, 5, "denies")]
    result = structure_agreement(items, BOTH)
    assert result["unit_f1"] == 1.0 and result["unit_stance_f1"] == 0.0


def test_articles_are_matched_apart_and_one_item_per_annotator_per_unit():
    items = [item("ann1", 1, 0, 5, article=1), item("ann2", 1, 0, 5, article=2),
             item("ann1", 1, 2, 8, article=1)]
    groups = match_units(items)
    assert sorted(len(g) for g in groups) == [1, 1, 1]
    result = structure_agreement(items, {1: {"ann1", "ann2"}, 2: {"ann1", "ann2"}})
    assert result["unit_f1"] == 0.0
