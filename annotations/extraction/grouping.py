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
_AGREE_MIN = 2  # stems two allegations must share to be one proposition
_AGREE_SHARE = 0.5  # … and the share of the shorter one's stems
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
    w[:_STEM]
    for w in """
    beschuldig verdenk verdacht bewer claim aantijg verwijt zou zouden gerucht
    accus alleg suspect claim rumo report reportedly allegedly
    """.split()
)
# Nouns by which an answer refers to the claim it answers.
_CLAIM_NOUNS = (
    "claim", "report", "rumo", "allegation", "speculation", "story", "stories", "accusation", "suggestion",
    "gerucht", "bericht", "beschuldiging", "aantijging", "verhaal", "speculatie", "bewering", "nieuws",
)
_NEXT_CHARS = 60  # at most this far after its previous statement a source's next one continues it
_NEGATION = re.compile(
    r"\s*\b(?:niet|nooit|not|never|n't)\b|n't\b",
    re.IGNORECASE,
)


_STEM_CACHE: dict[tuple[str, str], str] = {}


def _stem(word: str, lang: str) -> str:
    """The comparison stem of a lower-case word, or "" for a word too common to tie propositions."""
    key = (word, lang)
    got = _STEM_CACHE.get(key)
    if got is None:
        got = ""
        if len(word) >= 4 and word not in L.STOP and word not in _WEAK_WORDS:
            try:
                lem = simplemma.lemmatize(word, lang=lang).lower()
            except (ValueError, KeyError):
                lem = word
            if lem not in L.STOP and lem not in _WEAK_WORDS:
                got = lem[:_STEM]
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[key] = got
    return got


def content_stems(text: str, lang: str) -> frozenset:
    """Stems of the content words of text: what two propositions must share to be one."""
    cache = _STEM_CACHE
    out = set()
    for w in _WORD.findall(text.lower()):
        got = cache.get((w, lang))
        out.add(got if got is not None else _stem(w, lang))
    out.discard("")
    return frozenset(out)


def _name_stems(st: Statement) -> frozenset:
    words = f"{st.source} {st.source_org}".replace("-", " ").split()
    return frozenset(w.lower()[:_STEM] for w in words if len(w) > 2 and w[:1].isupper())


def _accusing(stems: frozenset) -> bool:
    return any(s[:n] in _ACCUSE for s in stems for n in (3, 4, 5))


def _continues(prev: Statement, st: Statement) -> bool:
    """The same source goes on with the same stance right after its previous statement."""
    return prev.source == st.source and prev.stance == st.stance and 0 <= st.start - prev.end <= _NEXT_CHARS


def _common_words(a: frozenset, b: frozenset, names: frozenset) -> bool:
    """Two statements share a word that is no name of a source in the article ("spionage", not "Huawei")."""
    return bool((a & b) - names)


def _refers_to_claim(st: Statement, text: str) -> bool:
    """The statement answers "the claims", "the report", "het gerucht" rather than a proposition of its own."""
    low = text[st.start:st.end].lower()
    return any(w in low for w in _CLAIM_NOUNS)


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
    stems = [content_stems(text[st.start:st.end], lang) for st in statements]
    names = [_name_stems(st) for st in statements]
    all_names = frozenset().union(*names)
    accusing = [_accusing(x) for x in stems]
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

    # The article's main claim: its first statement (the lede), which later answers often refer
    # to as "the claims", "the report", "de geruchten".
    main = 0
    for i, st in enumerate(statements):
        best, best_score = -1, 0.0
        lo, hi = max(0, i - _BACK), min(n, i + 1 + (_AHEAD if st.stance != "alleges" else 0))
        for j in range(lo, hi):
            if j == i:
                continue
            other = statements[j]
            shared = len(stems[i] & stems[j])
            if not shared:
                continue
            if st.stance == "alleges" or other.stance != "alleges":
                # The same thing said twice (by one source or by agreeing sources), or two answers
                # to one claim: most of the shorter proposition recurs in the other.
                small = min(len(stems[i]), len(stems[j]))
                if j > i or shared < _AGREE_MIN or shared / small < _AGREE_SHARE:
                    continue
                score = shared / small
            else:
                # A denial or refusal answers the claim it shares words with, best one that
                # accuses the source itself, and the nearest among equals.
                about_me = bool(names[i] & stems[j]) and other.source != st.source
                score = shared + (1.0 if about_me else 0.0) + (0.5 if accusing[j] else 0.0)
                if shared < 2 and not about_me:
                    continue
                score -= abs(i - j) * 0.01
            if score > best_score:
                best, best_score = j, score
        if best < 0 and i > 0 and _continues(statements[i - 1], st) \
                and _common_words(stems[i], stems[i - 1], all_names):
            best = i - 1
        if best < 0 and main != i:
            if st.stance != "alleges":
                if _refers_to_claim(st, text) or stems[i] & stems[main]:
                    best = main
            elif _refers_to_claim(st, text) and st.source != statements[main].source \
                    and _common_words(stems[i], stems[main], all_names):
                best = main  # another source repeating "the report" of the main claim
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
