"""Group the statements of one article by the proposition they take a stance on.

A denial joins the claim it rejects, a no-comment joins the claim it withholds
comment on, and sources that allege the same thing join each other. Groups are
numbered per article in order of first appearance; every statement of a group
carries the group's claim text: the proposition as alleged (the first
allegation's content, or a lone denial's content without its negation).

Propositions are compared as sets of word stems (lemma, cut to a short prefix so
that "spionage", "spioneren" and "spioneert" meet). Each statement looks only
at a bounded number of neighbours, so the work is linear in the article length.
"""

import re
from dataclasses import replace

import simplemma

from . import lexicon as L
from .statement import Statement

_BACK = 25  # earlier statements a denial, refusal or allegation may join
_AHEAD = 6  # later statements a denial or refusal may answer ("X denied it. Earlier, Y had claimed …")
_STEM = 5
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Words too common in reports to tie two propositions together.
_WEAK_WORDS = frozenset(
    """
    zegt zeggen zei gezegd aldus volgens laat laten weten vertelt vertellen meldt melden verklaart
    verklaren stelt stellen vindt vinden denkt denken reageert reageren reactie commentaar vragen
    vraag gaat gaan komt komen maakt maken krijgt krijgen staat staan heel echt alleen want
    jaar jaren week dag dagen keer mensen iemand iets niets nooit altijd zeer erg veel weinig
    said says say told tell tells according reported report statement comment comments asked
    would could should will also just very really much many time times year years week people
    made make makes going goes came come being been have does didn said added
    """.split()
)
# Words of accusation: a denial prefers the claim that accuses.
_ACCUSE = frozenset(
    """
    beschuldig verdenk verdacht bewer claim aantijg verwijt zou zouden gerucht
    accus alleg suspect claim rumo report reportedly allegedly
    """.split()
)
_NEGATION = re.compile(
    r"\s*\b(?:niet|nooit|not|never|n't)\b|n't\b",
    re.IGNORECASE,
)


def _stems(text: str, lang: str) -> frozenset:
    out = set()
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if len(w) < 4 or w in L.STOP or w in _WEAK_WORDS:
            continue
        try:
            lem = simplemma.lemmatize(w, lang=lang)
        except (ValueError, KeyError):
            lem = w
        lem = lem.lower()
        if lem in L.STOP or lem in _WEAK_WORDS:
            continue
        out.add(lem[:_STEM])
    return frozenset(out)


def _name_stems(st: Statement) -> frozenset:
    words = f"{st.source} {st.source_org}".replace("-", " ").split()
    return frozenset(w.lower()[:_STEM] for w in words if len(w) > 2 and w[:1].isupper())


def _accusing(stems: frozenset) -> bool:
    return any(s.startswith(a[:_STEM]) for s in stems for a in _ACCUSE)


def _affirmed(claim: str) -> str:
    """A denial's content stated as alleged: its negation dropped ("niet meewerkt" -> "meewerkt")."""
    out = _NEGATION.sub("", claim)
    out = re.sub(r"\bgeen\b", "een", out)
    out = re.sub(r"\bGeen\b", "Een", out)
    return " ".join(out.split())


def group_statements(statements: list[Statement], text: str, lang: str) -> list[Statement]:
    """Return the statements (in the same order) with `claim_group` and the group's `claim` set."""
    n = len(statements)
    if not n:
        return []
    stems = [_stems(st.claim or text[st.start:st.end], lang) for st in statements]
    names = [_name_stems(st) for st in statements]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for i, st in enumerate(statements):
        best, best_score = -1, 0.0
        lo, hi = max(0, i - _BACK), min(n, i + 1 + (_AHEAD if st.stance != "alleges" else 0))
        for j in range(lo, hi):
            other = statements[j]
            if j == i or other.stance != "alleges" or other.source == st.source:
                continue
            shared = len(stems[i] & stems[j])
            if st.stance == "alleges":
                # Agreeing sources: most of the shorter proposition recurs in the other.
                small = min(len(stems[i]), len(stems[j]))
                if j > i or small < 2 or shared < 2 or shared / small < 0.6:
                    continue
                score = shared / small
            else:
                # A denial or refusal answers the claim it shares words with, best one that
                # accuses the source itself, and the nearest among equals.
                about_me = bool(names[i] & stems[j])
                score = shared + (1.0 if about_me else 0.0) + (0.5 if _accusing(stems[j]) else 0.0)
                if shared == 0 or (shared < 2 and not about_me):
                    continue
                score -= abs(i - j) * 0.01
            if score > best_score:
                best, best_score = j, score
        if best >= 0:
            join(i, best)

    # Number the groups in order of first appearance and give each its claim text.
    roots: dict[int, int] = {}
    claims: dict[int, str] = {}
    for i, st in enumerate(statements):
        r = find(i)
        if r not in roots:
            roots[r] = len(roots) + 1
        if st.stance == "alleges" and r not in claims:
            claims[r] = st.claim
    for i, st in enumerate(statements):
        r = find(i)
        if r not in claims:
            claims[r] = _affirmed(st.claim) if st.stance == "denies" else st.claim
    return [replace(st, claim_group=roots[find(i)], claim=claims[find(i)]) for i, st in enumerate(statements)]
