"""Claim groups: statements on one proposition share `claim_group` and the claim text (own sentences)."""

from annotations.extraction import extract


def _by_source(statements):
    return {s.source: s for s in statements}


def test_a_denial_joins_the_accusation_it_rejects():
    text = ("Omwonenden beschuldigen Chemco van het lozen van afval in de Maas. "
            "Een woordvoerder van Chemco ontkent dat het bedrijf afval loost.")
    got = _by_source(extract(text, "nl"))
    assert got["omwonenden"].stance == "alleges" and got["Chemco"].stance == "denies"
    assert got["omwonenden"].claim_group == got["Chemco"].claim_group
    assert got["Chemco"].claim == got["omwonenden"].claim


def test_an_english_denial_joins_the_claim_and_unrelated_statements_stay_apart():
    text = ("Residents claim the plant dumped waste in the river. "
            "The mayor said the new bridge will open in May. "
            "A spokesman for Chemco denied that the plant dumped any waste.")
    got = _by_source(extract(text, "en"))
    assert got["residents"].claim_group == got["Chemco"].claim_group
    assert got["mayor"].claim_group != got["Chemco"].claim_group


def test_a_lone_denial_states_its_claim_without_the_negation():
    text = "Een woordvoerder van Chemco ontkent dat het bedrijf betrokken is bij de fraude."
    (st,) = extract(text, "nl")
    assert st.stance == "denies"
    assert st.claim == "het bedrijf betrokken is bij de fraude"


def test_groups_are_numbered_from_one_in_order_of_appearance():
    text = ("Residents claim the plant dumped waste in the river. "
            "The mayor said the new bridge will open in May. "
            "A spokesman for Chemco denied that the plant dumped any waste.")
    assert [s.claim_group for s in extract(text, "en")] == [1, 2, 1]


def test_answers_that_speak_of_the_claims_join_the_lede():
    text = ("Acme will close its plant in Delft, the Daily Courier reported on Monday.\n\n"
            "The weather was fine. Shares fell two percent.\n\n"
            '"These reports are false," said Acme spokeswoman Dana Ortiz.')
    got = _by_source(extract(text, "en"))
    assert got["Daily Courier"].stance == "alleges" and got["Dana Ortiz"].stance == "denies"
    assert got["Daily Courier"].claim_group == got["Dana Ortiz"].claim_group
