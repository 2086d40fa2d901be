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
