"""Tokens, sentences and quotations, each found in one linear pass over the text.

Every regular expression here is a plain alternation or a loop whose iterations
must start with a separator that the loop body cannot match, so backtracking is
bounded and the running time is linear in the input.

Sentences: pysbd was measured at about 15 KB/s on this kind of text, far below
the 1 MB/s budget, so this module splits with a small rule set of its own:
terminal punctuation (plus closing quotes) followed by space and a capital,
digit or opening quote, except after a known abbreviation or an initial; and
every line break.
"""

import itertools
import re
from dataclasses import dataclass, field

# A word with inner hyphens, apostrophes, dots or ampersands ("VodafoneZiggo-woordvoerder",
# "Hudson's", "NU.nl", "V&D"), the Dutch quote marks ,, and '', or one other character.
# Format characters (zero-width spaces, direction marks, BOM) are not tokens at all.
_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|,,|''|[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

_ABBREV = frozenset(
    """
    dhr mevr mw mr mrs ms dr drs ir ing prof st jr sr sen rep gov gen lt col maj capt cpt
    sgt cmdr adm rev fr sr jhr mgr ds ir bc brig cpl pvt supt insp det atty pres amb gen burg
    jan feb mrt apr jun jul aug sep sept okt oct nov dec jl aanst
    mln mld mrd bln ca resp bijv bv enz etc vs nr blz pag afb fig vgl zgn red evt incl excl
    excl art lid min max inc corp co ltd bros mt ft no nos vol ed eds approx dept univ
    """.split()
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“„‘«(["


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    inq: bool = False  # inside a quotation
    first: bool = False  # first token of its sentence
    opens_name: bool = False  # a sentence's first word that opens a name: "New York", "El Salvador"
    name_word: bool = False  # a function word of the other language, capitalised inside a sentence: "Dan Evans"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    para: int
    tokens: list = field(default_factory=list)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into tokens with absolute offsets."""
    end = len(text) if end is None else end
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): lower each token instead
        return [Token(m.start(), m.end(), g, g.lower()) for m in _TOKEN.finditer(text, start, end)
                for g in (m.group(),)]
    # Slicing the text lower-cased once is cheaper than lower-casing every token.
    return [Token(s, e, text[s:e], low[s:e]) for s, e in map(_SPAN, _TOKEN.finditer(text, start, end))]


_SPAN = re.Match.span


# A run of terminal punctuation, or a line break. Written as one character class first ("[.!?…]+|\n" is the
# same match), so that the scan jumps from candidate to candidate instead of trying both branches everywhere.
_SENT_CAND = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*)")
_MAX_SENTENCE = 1500


def _is_abbrev(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation or an initial."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
        if dot - i > 12:
            return False
    word = text[i:dot]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Linda H.", "Elijah J. Magnier"
    if "." in word and all(len(part) == 1 for part in word.split(".")):
        return True  # "U.S.", "a.s.", "p.m." (but not "NU.nl")
    if len(word) >= 3 and word.isupper():
        return False  # an acronym, which news writes in capitals, not an abbreviation: "tegen de NOS."
    return word.lower() in _ABBREV


# A dateline opening a paragraph ends there: "WASHINGTON (Reuters) - The Pentagon said", "DEN HAAG (ANP) - Het
# kabinet", "LONDON — British police": the place in capitals, an agency in brackets, a dash.
_DATELINE = re.compile(
    r"[ \t]*(?P<line>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3}(?:,[ \t]+[A-Za-z0-9. ]{1,25})?"
    r"(?:[ \t]*\([A-Za-z][A-Za-z./& -]{0,30}\))?[ \t]+[-\u2013\u2014]+)[ \t]+(?=\S)")


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of text with offsets and paragraph numbers (one per line block)."""
    n = len(text)
    bounds = []  # (end of sentence, next start, is_newline)
    for m in _SENT_CAND.finditer(text):
        if m.group() == "\n":
            bounds.append((m.start(), m.end(), True))
            continue
        e = m.end()
        if m.group() == "." and _is_abbrev(text, m.start()):
            continue
        if m.group() == "!" and m.start() >= 1 and text[m.start() - 1].isupper() and (
                m.start() == 1 or not text[m.start() - 2].isalnum()):
            continue  # a one-letter brand: "E! News", "told E! that"
        while e < n and text[e] in _CLOSERS:
            e += 1
        j = e
        while j < n and text[j] in " \t\u00a0":
            j += 1
        if j == e and j < n:
            continue  # no space after the punctuation: "NU.nl", "3.5"
        if j >= n:
            continue
        c = text[j]
        if c == "\n" or c.isupper() or c.isdigit() or c in _OPENERS or text.startswith(",,", j):
            bounds.append((e, j, False))
    # (tried at the paragraphs' starts only: a search of the whole text cost 0.4% of the extraction)
    dated = [(m.end("line"), m.end(), False)
             for m in map(_DATELINE.match, itertools.repeat(text), [0] + [nxt for _, nxt, nl in bounds if nl]) if m]
    if dated:
        bounds = sorted(bounds + dated)
    sentences = []
    para = 0
    pos = 0
    for end, nxt, newline in bounds:
        if end > pos:
            _add_sentence(text, pos, end, para, sentences)
        if newline:
            para += 1
        pos = max(pos, nxt)
    if pos < n:
        _add_sentence(text, pos, n, para, sentences)
    return sentences


def _add_sentence(text: str, start: int, end: int, para: int, out: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    # Cap pathological run-on "sentences" so that later windows stay small.
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        out.append(Sentence(start, cut, para))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, para))


_QUOTE_CAND = re.compile(r",,|''|[\"“”„«»‘’'\n\u2033]")
_DUTCH_CLITIC = frozenset(("s", "t", "n", "k", "m"))
_MAX_UNCLOSED = 400


def _word(c: str) -> bool:
    return c.isalnum()


def find_quotes(text: str, nested: list | None = None) -> list[tuple[int, int]]:
    """Return the spans of quotations (marks included), in text order.

    Double quotes of any style close each other (",,…\"" occurs in Dutch papers); a
    line break ends every open quotation; an unclosed single quote is taken for an
    apostrophe and dropped. A single quotation inside a double one is part of it, so the
    spans never nest; `nested`, when given, receives those inner spans (",,Ze riepen
    'weg hier'.''").
    """
    n = len(text)
    spans = []
    dq = -1  # start of the open double quotation
    dq_mark = ""
    sq = -1  # start of the open single quotation
    for m in _QUOTE_CAND.finditer(text):
        p, q = m.start(), m.group()
        prev = text[p - 1] if p > 0 else " "
        nxt = text[m.end()] if m.end() < n else " "
        if q == "\n":
            if dq >= 0:
                spans.append(_unclosed(text, dq, p))
            dq = sq = -1
            continue
        if q in ("'", "‘", "’"):
            if _word(prev) and _word(nxt):
                continue  # apostrophe inside a word
            if sq >= 0:
                if q != "‘" and not prev.isspace() and not _word(nxt):
                    if dq < 0:
                        spans.append((sq, m.end()))
                    elif nested is not None:
                        nested.append((sq, m.end()))
                    sq = -1
                continue
            if q == "’":
                continue
            if (prev.isspace() or prev in "([—–-\"“„" or p == 0) and (_word(nxt) or nxt in "…."):
                if q == "'" and nxt.lower() in _DUTCH_CLITIC:
                    after = text[m.end() + 1] if m.end() + 1 < n else " "
                    if not _word(after):
                        continue  # 's avonds, 't, zo'n
                sq = p
            continue
        if q == "''":
            if dq >= 0:
                spans.append((dq, m.end()))
                dq = -1
                sq = -1
            continue
        if q == "\u2033" and dq < 0:
            continue  # a double prime ("10″") closes a quotation but never opens one
        if dq < 0:
            if q in (",,", "„", "“", "«") or (q == '"' and not nxt.isspace()):
                dq, dq_mark = p, q
                sq = -1
            continue
        # A double quotation is open.
        if q in ('"', "”", "»", "\u2033") or (q == "“" and dq_mark in (",,", "„")):
            spans.append((dq, m.end()))
            dq = -1
            sq = -1
    if dq >= 0:
        spans.append(_unclosed(text, dq, n))
    return spans


def _unclosed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a double quotation left open until `end`, shortened when implausibly long."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    if end - start > _MAX_UNCLOSED:
        cut = -1
        for mark in (". ", "? ", "! "):
            k = text.find(mark, start, end)
            if k >= 0 and (cut < 0 or k < cut):
                cut = k
        end = cut + 1 if cut >= 0 else start + _MAX_UNCLOSED
    return (start, end)
