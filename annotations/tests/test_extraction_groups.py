"""Claim groups: statements on one proposition share `claim_group` and the claim text (own sentences)."""

import pytest

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


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # An English denial joins the claim it rejects.
        ("Residents claim the plant dumped waste in the river. "
         "The mayor said the new bridge will open in May. "
         "A spokesman for Chemco denied that the plant dumped any waste.", "residents", "Chemco"),
        # Agreeing sources join, in other words.
        ("The union said three hundred jobs will be cut at the Acme plant in Springfield. "
         "The mayor said the new pool will open in June. "
         "Workers at the plant said they expect the jobs to be cut before the summer.", "union",
         "workers at the plant"),
    ],
)
def test_statements_on_one_claim_join_and_unrelated_ones_stay_apart(text, first, second):
    got = _by_source(extract(text, "en"))
    assert got[first].claim_group == got[second].claim_group
    assert got[second].claim == got[first].claim
    assert got["mayor"].claim_group != got[first].claim_group


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


def test_sources_asked_in_turn_answer_the_same_claim():
    text = ("Volgens omwonenden lekt de fabriek van Chemco al maanden gif in de sloot. "
            "Chemco wil niet reageren. Ook de provincie wil geen commentaar geven. "
            "De wethouder zegt dat het nieuwe zwembad in juni opengaat.")
    got = _by_source(extract(text, "nl"))
    assert got["Chemco"].stance == got["provincie"].stance == "no_comment"
    assert got["omwonenden"].claim_group == got["Chemco"].claim_group == got["provincie"].claim_group
    assert got["provincie"].claim == got["omwonenden"].claim
    assert got["wethouder"].claim_group != got["omwonenden"].claim_group


def test_a_refusal_answers_the_accusation_not_the_sources_own_next_statement():
    text = ("Omwonenden zeggen dat de fabriek van Chemco afval in de rivier loost. "
            "Chemco wil niet reageren op vragen over het afval en de nieuwe vergunning. "
            "Volgens Chemco is de nieuwe vergunning voor de uitbreiding al in maart aangevraagd.")
    got = extract(text, "nl")
    accusers, refusal, own = got
    assert (refusal.source, refusal.stance, own.source, own.stance) == ("Chemco", "no_comment", "Chemco", "alleges")
    assert refusal.claim_group == accusers.claim_group
    assert own.claim_group != refusal.claim_group


def test_statements_that_only_name_the_same_entities_stay_apart():
    text = ("The Daily Planet reports that Acme Corp installed a backdoor in the Telco Group network. "
            "Analysts say Acme Corp spies on Telco Group customers for a foreign government.")
    planet, analysts = extract(text, "en")
    assert (planet.source, analysts.source) == ("Daily Planet", "analysts")
    assert planet.claim_group != analysts.claim_group


def test_answers_that_speak_of_the_claims_join_the_lede():
    text = ("Acme will close its plant in Delft, the Daily Courier reported on Monday.\n\n"
            "The weather was fine. Shares fell two percent.\n\n"
            '"These reports are false," said Acme spokeswoman Dana Ortiz.')
    got = _by_source(extract(text, "en"))
    assert got["Daily Courier"].stance == "alleges" and got["Dana Ortiz"].stance == "denies"
    assert got["Daily Courier"].claim_group == got["Dana Ortiz"].claim_group


def test_a_sources_later_denial_joins_its_first_one():
    text = ("Omwonenden zeggen dat de fabriek afval in de Maas loost. "
            "Directeur Jan de Vries ontkent dat. "
            "De gemeente zegt dat de nieuwe tramlijn in juni opengaat. "
            "De Vries ontkende ook dat het bedrijf vorig jaar een boete kreeg.")
    _, first, council, later = extract(text, "nl")
    assert (first.source, first.stance, later.source, later.stance) == (
        "Jan de Vries", "denies", "Jan de Vries", "denies")
    assert first.claim_group == later.claim_group
    assert council.claim_group != first.claim_group


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A speaker's next sentence on another subject is a claim of its own.
        ("De wethouder zegt dat het zwembad in juni opengaat. "
         "Het stadhuis wordt in juni geschilderd, zegt de wethouder.", "nl"),
        ("The mayor said the swimming pool will reopen in June. "
         "The town hall will be painted in June, the mayor said.", "en"),
        # Shared prepositions and modal verbs make no restatement.
        ("The union said the strike against the pension plan will go on. "
         "Residents said they would protest against the new parking plan.", "en"),
        ("Volgens de vakbond moeten de lonen in de zorg snel omhoog. "
         "Volgens de gemeente moeten de huren in de stad snel dalen.", "nl"),
    ],
)
def test_two_statements_on_different_propositions_stay_apart(text, lang):
    first, second = extract(text, lang)
    assert first.claim_group != second.claim_group


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Het museum gaat in mei weer open, zegt directeur Piet Jansen. "
         "De provincie betaalt de verbouwing. "
         "Jansen ontkent dat het museum vorig jaar geld heeft verloren.", "nl"),
        ("The museum will reopen in May, director Peter Johnson said. "
         "The province pays for the works. "
         "Johnson denied that the museum lost money last year.", "en"),
    ],
)
def test_a_denial_never_falls_back_on_its_own_sources_lede(text, lang):
    lede, denial = extract(text, lang)
    assert (lede.source, lede.stance, denial.source, denial.stance) == (
        denial.source, "alleges", lede.source, "denies")
    assert lede.claim_group != denial.claim_group


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The town council said the new bridge opens in May. "
         "Acme declined to comment. "
         "The mayor said the swimming pool will reopen in June. "
         "Analysts said Acme will close its Delft plant and cut 300 jobs next year.", "en"),
        ("Volgens de gemeenteraad gaat de nieuwe brug in mei open. "
         "Acme wil niet reageren. "
         "De burgemeester zegt dat het zwembad in juni weer opengaat. "
         "Analisten zeggen dat Acme volgend jaar de fabriek in Delft sluit en 300 banen schrapt.", "nl"),
    ],
)
def test_an_answer_after_a_claim_does_not_answer_a_claim_told_later(text, lang):
    _, answer, _, later = extract(text, lang)
    assert (answer.source, answer.stance, later.stance) == ("Acme", "no_comment", "alleges")
    assert answer.claim_group != later.claim_group


def test_an_answer_that_opens_the_story_answers_the_claim_told_after_it():
    text = ("Acme denied the report on Monday. The mayor said the swimming pool will reopen in June. "
            "The Daily Courier wrote that Acme will close its Delft plant.")
    denial, _, report = extract(text, "en")
    assert (denial.stance, report.source) == ("denies", "Daily Courier")
    assert denial.claim_group == report.claim_group
