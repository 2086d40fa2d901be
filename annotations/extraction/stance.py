"""Decide the stance of a statement from cue phrases: no_comment, then denies, then alleges."""

from . import lexicon as L

_GAP = 2  # tokens allowed between two parts of a phrase ("wil (nog) niet reageren")
_PHRASE_GAP = 8  # after L.PHRASE: a noun phrase with a prepositional phrase of its own
# What ends the noun phrase a PHRASE part skips: punctuation, and words that open or join clauses.
_CLAUSE_BREAKS = frozenset(
    ", . ; : ! ? ( ) dat die omdat maar en of want als toen wie wat waar zodat terwijl nor noch".split())

# Quotation marks as tokens: a refusal's parts are never on both sides of one ('"Absolutely not," he replied' is
# an answer; a verdict may open one: 'described the reports as "fake news"').
_QUOTE_MARKS = frozenset(('"', "“", "”", "‘", "’", ",,", "''", "«", "»", "„"))


def _part_matches(part: frozenset, low: str) -> bool:
    if "NOT" in part and L.is_negation(low):
        return True
    return low in part


_INDEX: dict = {}
_UNSEEN: list = []


def _has_nt(words: list) -> bool:
    """True when a word ends in n't ("doesn't"); one join and two substring scans in C."""
    joined = " ".join(words)
    return "n't" in joined or "n’t" in joined


def _index(patterns: tuple) -> tuple[dict, tuple, frozenset, frozenset | None]:
    """First-word index of a phrase list: (word -> patterns, patterns starting with NOT, their first words,
    the words of one required part of each, or None: see `_required_words`)."""
    key = id(patterns)
    got = _INDEX.get(key)
    if got is None:
        by_word: dict = {}
        neg = []
        for pat in patterns:
            for w in pat[0]:
                if w == "NOT":
                    neg.append(pat)
                else:
                    by_word.setdefault(w, []).append(pat)
        if neg:
            for w in set(L.NEG_WORDS) | {w for w in by_word if w.endswith(L.NT_SUFFIXES)}:
                by_word[w] = by_word.get(w, []) + neg  # (a phrase of its own on "don't" keeps the negated ones)
        got = _INDEX[key] = (by_word, tuple(neg), frozenset(by_word), _required_words(patterns))
    return got


def _required_words(patterns: tuple) -> frozenset | None:
    """Words of which a text must hold one for any of the phrases to match: per phrase, the words of one of
    its parts without NOT, the least common one (fewest function words, then fewest words). None when a
    phrase has only negated parts."""
    words: set = set()
    for pat in patterns:
        parts = [part for part in pat if "NOT" not in part and part is not L.PHRASE]
        if not parts:
            return None
        words |= min(parts, key=lambda part: (len(part & L.STOP), len(part)))
    return frozenset(words)


def match_phrase(lows: list[str], patterns: tuple, lo: int = 0, hi: int | None = None,
                 marks: frozenset = frozenset()) -> int:
    """Index of the first token of the first phrase found in lows[lo:hi], or -1; no part of a phrase is
    looked for past one of `marks`.

    One pass over the tokens with a first-word index; each candidate is checked
    over a bounded window, so the cost is linear in the number of tokens.
    """
    hi = len(lows) if hi is None else hi
    by_word, neg, first, required = _index(patterns)
    window = lows if lo == 0 and hi == len(lows) else lows[lo:hi]
    # (The test of the required words comes first: it is one set test, and it spares most windows the join
    # of `_has_nt`.)
    if required is not None and required.isdisjoint(window):
        return -1  # no phrase can be complete here
    if first.isdisjoint(window) and not (neg and _has_nt(window)):
        return -1  # no phrase can start here: one set test in C instead of a Python loop
    for s in range(lo, hi):
        w = lows[s]
        cands = by_word.get(w, _UNSEEN)
        if cands is _UNSEEN:
            # First sight of this word for these patterns: remember whether a phrase can start here.
            cands = list(neg) if neg and w.endswith(L.NT_SUFFIXES) else None
            if len(by_word) < 50_000:
                by_word[w] = cands
        if not cands:
            continue
        for pat in cands:
            pos = s
            ok = True
            gap = _GAP
            for part in pat[1:]:
                if part is L.PHRASE:
                    gap = _PHRASE_GAP
                    continue
                nxt = -1
                for q in range(pos + 1, min(hi, pos + 2 + gap)):
                    if _part_matches(part, lows[q]):
                        nxt = q
                        break
                    if (gap > _GAP and lows[q] in _CLAUSE_BREAKS) or lows[q] in marks:
                        break
                if nxt < 0:
                    ok = False
                    break
                pos, gap = nxt, _GAP
            if ok:
                return s
    return -1


_DENY_PARTS = {lang: (L.DENY_VERBS[lang], L.DENY_EVALS[lang]) for lang in L.DENY_VERBS}


def _deny_parts(lang: str) -> tuple[tuple, tuple]:
    """(DENY_VERBS, DENY_EVALS) of a language; kept once, since match_phrase indexes patterns by identity."""
    return _DENY_PARTS[lang]


def _negated_verb(lows: list[str], at: int) -> bool:
    """A negation right before (or, verb-final, right after) the verb of denial at lows[at]."""
    before = lows[max(0, at - 2):at]
    return any(L.is_negation(w) for w in before) or (at + 1 < len(lows) and lows[at + 1] in ("niet", "nooit"))


def _separable_denial(lows: list[str], lang: str) -> int:
    """Index of a Dutch verb of denial whose particle follows later in its clause ("wijst … af"), or -1."""
    verbs = L.DENY_SEPARABLE[lang]
    if not verbs or verbs.keys().isdisjoint(lows):
        return -1
    for at, w in enumerate(lows):
        particles = verbs.get(w)
        if particles is None:
            continue
        for q in range(at + 1, min(len(lows), at + 18)):  # (as far as the verb's anchor looks: a long object)
            if lows[q] in particles and (lows[q] != "hand" or lows[q - 2:q] == ["van", "de"]):
                return at
            if lows[q] in (",", ".", ";", ":", "en", "maar"):
                break
    return -1


def _copula_verdict(lows: list[str], lang: str) -> bool:
    """A verdict after a form of "be": "it is almost certainly fake", "was completely made up", "the
    figure was wrong" (see `lexicon.COPULA_VERDICTS`)."""
    words, copula = L.COPULA_VERDICTS[lang]
    if words.isdisjoint(lows):
        return False
    for at, w in enumerate(lows):
        if w not in words:
            continue
        before = lows[max(0, at - 4):at]
        if w == "up":
            if at >= 2 and lows[at - 1] == "made" and lows[at - 2] in ("completely", "totally", "entirely", "all"):
                return True
        elif not copula.isdisjoint(before) and (
                w not in _OF_CLAIMS_ONLY or not L.COPULA_VERDICT_SUBJECTS.isdisjoint(lows[max(0, at - 8):at])):
            return True
    return False


# Verdicts that deny only of a claim, a report or a fear: "the figure was wrong", "the fears are overblown" (not "the
# reserves were overstated", which accuses whoever stated them).
_OF_CLAIMS_ONLY = frozenset(("wrong", "incorrect", "premature", "overstated", "exaggerated", "overblown"))


# Verbs of denial that are nouns of another sense too, and the words that mark the noun around them.
_NOUN_TOO = frozenset(("dispute", "disputes"))
_NOUN_BEFORE = frozenset("the a an this that these those its his her their our pay legal trade border".split())
_NOUN_AFTER = frozenset(("over", "between", "with", "about", "resolution", "settlement"))
_TAKEN_UP = frozenset("the this that these those his her its their".split())


def has_claim_context(doc_low: str, lang: str) -> bool:
    """True when the article mentions an accusation, claim or rumour that a denial can answer."""
    return any(w in doc_low for w in L.CLAIM_WORDS[lang])


# Why a source is anonymous, not a refusal: "because they were not authorized to discuss the matter".
_UNAUTHORISED = frozenset(("authorized", "authorised", "allowed", "permitted", "cleared", "entitled"))
_REASON_WORDS = frozenset(("because", "as", "since", "who", "which"))
_KNOW_FORMS = frozenset(("weten", "weet"))


_PASSIVE_BE = frozenset(("be", "been", "being"))
_UNCONFIRMED = frozenset(("confirmed", "verified"))


def _agentless(lows: list[str], at: int) -> bool:
    """A negated passive with no agent at lows[at]: "their authenticity could not be verified", "has not been
    confirmed" (the reporter's note, no party's refusal; "has not been confirmed by police" has one)."""
    for q in range(at + 1, min(len(lows) - 1, at + 3)):
        if lows[q] in _PASSIVE_BE:
            v = q + 2 if lows[q + 1].endswith("ly") and q + 2 < len(lows) else q + 1  # "be independently verified"
            if lows[v] in _UNCONFIRMED:
                return not (v + 1 < len(lows) and lows[v + 1] == "by")
    return False


_NAMING = frozenset(("name", "identify", "named", "identified"))
_SOURCES = frozenset(("source", "sources", "informant", "informants"))


def _unnamed_sources(lows: list[str], at: int) -> bool:
    """Not naming one's own sources at lows[at]: "The tabloid, which did not name its sources, said …" tells how
    a report was made, no refusal of a question."""
    for q in range(at + 1, min(len(lows), at + 3)):
        if lows[q] in _NAMING:
            return any(w in _SOURCES for w in lows[q + 1:q + 4])
    return False


# What is offered or asked, which a verb of rejection turns down as a decision: "rejected a £40m bid", "verwerpt
# het voorstel", "wijst het bod af" (not "rejected the claims").
_OFFER_NOUNS = frozenset(
    "bid bids offer offers proposal proposals approach application applications appeal request requests motion"
    " amendment bill nomination invitation"
    " bod aanbod voorstel voorstellen verzoek verzoeken aanvraag aanvragen motie amendement wetsvoorstel"
    " uitnodiging".split())
REJECTING = frozenset(
    "reject rejects rejected rejecting wijst wees wezen wijzen afwijzen afgewezen verwerpt verwierp verwierpen"
    " verwerpen verworpen".split())


def offer_refused(lows: list[str], at: int) -> bool:
    """Whether the verb of rejection at lows[at] turns down an offer or a request (its object within a few words),
    not a claim."""
    if lows[at] not in REJECTING:
        return False
    for w in lows[at + 1:at + 6]:
        if w in L.CLAIM_OBJECTS or w in _OBJECT_STOPS:
            return False
        if w in _OFFER_NOUNS:
            return True
    return False


_OBJECT_STOPS = frozenset((",", ".", ";", ":", '"'))


def _means_not(lows: list[str], at: int) -> bool:
    """ "Dat wil niet zeggen (dat …)": it does not mean, nobody withholds anything."""
    return lows[at] == "wil" and at > 0 and lows[at - 1] in ("dat", "dit", "het") and lows[at + 1] == "niet"


def no_comment_at(lows: list[str], lang: str) -> int:
    """Index of the first phrase of withholding in lows, or -1 (not a lack of authority to speak)."""
    at = match_phrase(lows, L.NO_COMMENT[lang], marks=_QUOTE_MARKS)
    while 0 <= at < len(lows) - 1 and ((lows[at] in _KNOW_FORMS and lows[at + 1] == "dat") or _agentless(lows, at)
                                       or _unnamed_sources(lows, at) or _means_not(lows, at)):
        # "laat weten dat hij niet van plan is op te stappen" tells something: no "weet hij niet"; "could not be
        # verified" with no agent is the reporter's note, and "did not name its sources" how a report was made
        at = match_phrase(lows, L.NO_COMMENT[lang], at + 1, marks=_QUOTE_MARKS)
    if at >= 0 and not _UNAUTHORISED.isdisjoint(lows[at + 1:at + 3]) \
            and not _REASON_WORDS.isdisjoint(lows[max(0, at - 4):at]):
        return -1  # (a clause of reason or a relative one: "The company was not allowed to comment" withholds)
    return at


def classify(lows: list[str], lang: str, claim_context: bool, content_lo: int = 0,
             predicate: list[str] | None = None) -> tuple[str, float]:
    """Return (stance, confidence) for the tokens of one statement.

    `content_lo` marks where the reported content starts, so that a negation in the
    attribution itself ("did not say") is not read as a negated content. `predicate`, when
    given, holds the tokens where a verb of denial is the statement's own (the attribution
    and quotations); evaluations ("onzin", "not true") count anywhere.
    """
    if no_comment_at(lows, lang) >= 0:
        return "no_comment", 0.9
    verbs, evals = _deny_parts(lang)
    where = lows if predicate is None else predicate
    at = match_phrase(where, verbs)
    if at >= 0 and where[at] in _NOUN_TOO and (
            (at > 0 and where[at - 1] in _NOUN_BEFORE) or (at + 1 < len(where) and where[at + 1] in _NOUN_AFTER)):
        at = -1  # the noun: "the dispute over pay", "a pay dispute with the union"
    if at >= 0 and where[at] in ("denial", "denials") and at > 0 and (
            where[at - 1] in _TAKEN_UP or where[at - 1].endswith(("'s", "’s"))):
        at = -1  # someone's denial taken up, not the speaker's: "was not surprised by the denial"
    if at < 0:
        at = _separable_denial(where, lang)
    if at >= 0 and offer_refused(where, at):
        at = -1  # an offer turned down, a decision: "Chelsea have rejected a £40m bid, according to Sky Sports"
    if at >= 0 and _negated_verb(where, at):
        return "no_comment", 0.6  # "did not deny the report", "heeft het niet ontkend": it withholds
    if at >= 0 or match_phrase(lows, evals) >= 0 or _copula_verdict(lows, lang):
        return "denies", 0.8
    if claim_context and any(L.is_negation(w) and not _negated_feeling(lows, q)
                             for q, w in enumerate(lows[content_lo:], content_lo)):
        return "denies", 0.55
    return "alleges", 0.7


# Feelings a negation may deny without contradicting anything: "said he was not surprised by the denial", "is
# niet verrast door het nieuws".
_NEGATED_FEELINGS = frozenset(
    "surprised shocked worried concerned happy pleased upset stunned angry disappointed bothered"
    " verrast verbaasd geschrokken bezorgd ongerust blij boos teleurgesteld geschokt".split())


def _negated_feeling(lows: list[str], q: int) -> bool:
    """Whether the negation at lows[q] is of a feeling right after it (an adverb between)."""
    return any(w in _NEGATED_FEELINGS for w in lows[q + 1:q + 3])
