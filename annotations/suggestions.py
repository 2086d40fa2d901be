"""How good the machine's suggestions turn out to be in a project, as the team judged them.

Pure computation over plain values (`UnitFacts`, read by `selectors.suggestion_facts`):
no query here. Two kinds of figures, each overall, per language, per label and per
engine version:

* What the annotators did with a suggestion, one count per judgement of a unit the
  engine found: *kept* its stance, *changed* it to another stance, *rejected* the unit
  (the reserved judgement `rejected`), *replaced* its source or *moved* it to another
  claim (`services.unit_correct`: a rejection plus a unit the same annotator added by
  hand on the same claim with another source, or with the same source on another claim
  of the article); and *added*, one count per hand-made unit that is no such correction:
  a statement the engine missed.
* The engine judged by the settled results (a unit's status by `units.unit_status`, its
  final label by `units.settled_label`): *precision*, the share of settled suggestions
  whose final label is the suggested one; *recall*, the share of settled statements
  (final label other than `rejected`) that the engine found with their final label.
  `unit_precision` and `unit_recall` ask only whether the unit exists: a suggestion not
  settled as rejected, a settled statement the engine found whatever its label.

Per label, what annotators did and precision count under the *suggested* label, recall
and the statements under the *final* label, and an added unit under its adder's label.
Per confidence band (`BANDS`) only the suggestions count, so the band has no recall.
A hand-made unit counts under the engine version that read its article (the version of
the article's newest suggestion; none when the engine found nothing there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from annotations.models import REJECTED
from annotations.units import settled_label, unit_status

KEPT, CHANGED, REJECTED_ACTION, REPLACED, MOVED = "kept", "changed", "rejected", "replaced", "moved"
ACTIONS = (KEPT, CHANGED, REJECTED_ACTION, REPLACED, MOVED)
# Confidence bands of a suggestion (lower bound, name), highest first: is the engine's score calibrated?
BANDS = ((0.9, "0.9-1"), (0.7, "0.7-0.9"), (0.5, "0.5-0.7"), (float("-inf"), "0-0.5"))


@dataclass(frozen=True)
class UnitFacts:
    """What the figures need to know of one unit (claim, source)."""

    claim_id: int
    source_id: int
    article_id: int
    language: str
    extracted: bool  # found by the engine (Unit.origin extracted)
    suggested_label: str = ""
    score: float | None = None
    engine_version: str = ""
    added_by: int | None = None  # who added a hand-made unit
    judgements: tuple[tuple[int, str], ...] = ()  # (annotator id, label)
    annotators: int = 0  # the article's annotators (units.article_annotators)
    resolution_status: str | None = None
    resolution_label: str | None = None
    unit_id: int = 0  # the Unit row's id: later rows are newer (0: a judged pair without its row)

    @property
    def key(self) -> tuple[int, int]:
        return self.claim_id, self.source_id


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    suggestions: int = 0  # units the engine found
    judgements: int = 0  # judgements of those units
    kept: int = 0
    changed: int = 0
    rejected: int = 0
    replaced: int = 0
    moved: int = 0
    added: int = 0  # hand-made units that are no correction
    settled_suggestions: int = 0  # found units that are settled
    correct: int = 0  # of those, settled with the suggested label
    found: int = 0  # of those, not settled as rejected
    settled_statements: int = 0  # settled units whose final label is a stance (not rejected)
    found_statements: int = 0  # of those, found by the engine
    score_total: float = 0.0
    scored: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.settled_suggestions)

    @property
    def recall(self) -> float | None:
        return _ratio(self.correct, self.settled_statements)

    @property
    def unit_precision(self) -> float | None:
        return _ratio(self.found, self.settled_suggestions)

    @property
    def unit_recall(self) -> float | None:
        return _ratio(self.found_statements, self.settled_statements)

    @property
    def kept_rate(self) -> float | None:
        return _ratio(self.kept, self.judgements)

    @property
    def mean_score(self) -> float | None:
        return self.score_total / self.scored if self.scored else None

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["score_total"], data["scored"]
        for name in ("precision", "recall", "unit_precision", "unit_recall", "kept_rate", "mean_score"):
            data[name] = getattr(self, name)
        return data


@dataclass
class SuggestionReport:
    overall: Figures = field(default_factory=Figures)
    by_language: dict[str, Figures] = field(default_factory=dict)
    by_label: dict[str, Figures] = field(default_factory=dict)
    by_engine_version: dict[str, Figures] = field(default_factory=dict)
    by_confidence: dict[str, Figures] = field(default_factory=dict)  # suggestions only: no recall

    def as_dict(self) -> dict:
        def rows(groups: dict[str, Figures], name: str) -> list[dict]:
            return [{name: key, **figures.as_dict()} for key, figures in groups.items()]

        return {
            "overall": self.overall.as_dict(),
            "by_language": rows(self.by_language, "language"),
            "by_label": rows(self.by_label, "label"),
            "by_engine_version": rows(self.by_engine_version, "engine_version"),
            "by_confidence": rows(self.by_confidence, "confidence"),
        }


def corrections(units: list[UnitFacts]) -> tuple[dict[tuple[tuple[int, int], int], str], set[tuple[int, int]]]:
    """Which rejections of found units were corrections, and the hand-made units they added.

    Returns {(unit key, annotator id): REPLACED or MOVED} and the keys of the added units.
    Each added unit answers one rejection; a replaced source is preferred to a move.
    """
    added: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for unit in units:
        if not unit.extracted and unit.added_by is not None:
            added.setdefault((unit.article_id, unit.added_by), []).append(unit.key)
    kinds: dict[tuple[tuple[int, int], int], str] = {}
    targets: set[tuple[int, int]] = set()
    for unit in units:
        if not unit.extracted:
            continue
        for annotator, label in unit.judgements:
            if label != REJECTED:
                continue
            mine = [key for key in added.get((unit.article_id, annotator), ()) if key not in targets]
            target = next((key for key in mine if key[0] == unit.claim_id), None)
            kind = REPLACED
            if target is None:
                target = next((key for key in mine if key[1] == unit.source_id), None)
                kind = MOVED
            if target is not None:
                kinds[(unit.key, annotator)] = kind
                targets.add(target)
    return kinds, targets


def article_engines(units: Iterable[UnitFacts]) -> dict[int, str]:
    """The engine version that read each article last: its newest suggestion's."""
    newest: dict[int, UnitFacts] = {}
    for unit in units:
        if unit.extracted and unit.unit_id >= getattr(newest.get(unit.article_id), "unit_id", 0):
            newest[unit.article_id] = unit
    return {article_id: unit.engine_version for article_id, unit in newest.items()}


def confidence_band(score: float | None) -> str | None:
    """The band (`BANDS`) of a suggestion's confidence; None without a score."""
    if score is None:
        return None
    return next(name for floor, name in BANDS if score >= floor)


def action(suggested: str, label: str, correction: str | None) -> str:
    """What one judgement did with a suggestion."""
    if label == REJECTED:
        return correction or REJECTED_ACTION
    return KEPT if label == suggested else CHANGED


def suggestion_quality(units: Iterable[UnitFacts], *, labels: Iterable[str] = ()) -> SuggestionReport:
    """The figures of `units` (a project's). `labels` orders the label rows (the project's
    stance labels first; other labels met follow in name order)."""
    units = sorted(units, key=lambda u: u.key)
    kinds, targets = corrections(units)
    engines = article_engines(units)
    report = SuggestionReport()

    def groups(unit: UnitFacts, label: str | None, band: str | None = None) -> list[Figures]:
        engine = unit.engine_version if unit.extracted else engines.get(unit.article_id, "")
        found = [report.overall, report.by_language.setdefault(unit.language, Figures()),
                 report.by_engine_version.setdefault(engine, Figures())]
        if label:
            found.append(report.by_label.setdefault(label, Figures()))
        if band:
            found.append(report.by_confidence.setdefault(band, Figures()))
        return found

    for unit in units:
        labels_given = [label for _annotator, label in unit.judgements]
        status = unit_status(labels_given, unit.annotators, unit.resolution_status)
        final = settled_label(status, unit.resolution_label)
        if unit.extracted:
            done = [action(unit.suggested_label, label, kinds.get((unit.key, annotator)))
                    for annotator, label in unit.judgements]
            for figures in groups(unit, unit.suggested_label, confidence_band(unit.score)):
                figures.suggestions += 1
                figures.judgements += len(done)
                for name in done:
                    setattr(figures, name, getattr(figures, name) + 1)
                if unit.score is not None:
                    figures.score_total += unit.score
                    figures.scored += 1
                if final is not None:
                    figures.settled_suggestions += 1
                    figures.correct += final == unit.suggested_label
                    figures.found += final != REJECTED
        elif unit.key not in targets:
            adder = dict(unit.judgements).get(unit.added_by) or (labels_given[0] if labels_given else "")
            for figures in groups(unit, adder if adder != REJECTED else None):
                figures.added += 1
        if final is not None and final != REJECTED:
            for figures in groups(unit, final):
                figures.settled_statements += 1
                figures.found_statements += unit.extracted
    order = {label: i for i, label in enumerate(labels)}
    report.by_label = dict(sorted(report.by_label.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    report.by_language = dict(sorted(report.by_language.items()))
    report.by_engine_version = dict(sorted(report.by_engine_version.items()))
    bands = [name for _floor, name in reversed(BANDS)]
    report.by_confidence = dict(sorted(report.by_confidence.items(), key=lambda kv: bands.index(kv[0])))
    return report
