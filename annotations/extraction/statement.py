"""The result type of the extraction engine."""

from dataclasses import dataclass

STANCES = ("alleges", "denies", "no_comment")
SOURCE_KINDS = ("person", "organisation", "government", "media", "group", "unknown")


@dataclass(frozen=True)
class Statement:
    """One statement attributed to a source, with its evidence span in the input text."""

    source: str
    source_org: str
    source_kind: str
    role: str
    stance: str
    start: int
    end: int
    claim: str
    score: float
    # Statements on one proposition in the article share claim_group (1, 2, … in order of first
    # appearance) and the same claim text: the proposition as alleged, without attribution and
    # without a denial's negation.
    claim_group: int
