"""The extraction pipeline: text -> sentences and quotes -> attributed statements.

Per unit (a sentence, or several when a quotation runs across them) the
engine looks for an attribution anchor outside quotations: a prepositional
cue (volgens, aldus, according to), a no-comment phrase, or a reporting verb.
The source is the noun phrase before the anchor, or after it in inverted
order ("…", zegt X; Dat meldt X; said X). Pronouns and definite descriptions
("hij", "het bedrijf", "the spokeswoman") resolve to the last fitting source.
Units that are only a quotation, or carry a reportative "zou", continue the
previous statement's source. Everything is bounded per unit, so the whole
run is linear in the length of the text.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from operator import attrgetter

import simplemma

from . import lexicon as L
from .grouping import _CLAIM_NOUNS, content_stems, group_statements, judges_what_came_before
from .sources import (
    _AGENT_ROLES,
    _DETERMINERS_POSSESSIVES,
    _GENITIVE,
    _MEDIA_NAMES,
    _PLATFORMS,
    _QUANT,
    _RANK_PREFIXES,
    _SHARES,
    ANONYMOUS,
    ANONYMOUS_SRC,
    ANOTHER_BUSINESS,
    CAP_IN_NAMES,
    PLAYER_POSITIONS,
    SUBJECT_OF,
    Src,
    _age_follows,
    _given_named,
    _head,
    _looks_person,
    _modifier,
    _org_kind_words,
    _orgish,
    _proper_media,
    _since_adverb,
    build,
    clause_start_np,
    is_adj_cap,
    is_cap,
    is_ly_adverb,
    noun_class,
    np_after,
    np_before,
    share_qualifier,
    share_word_at,
    skippable,
)
from .stance import REJECTING, classify, has_claim_context, match_phrase, no_comment_at, offer_refused
from .statement import Statement
from .text import Token, find_quotes, split_sentences, tokenize

_MAX_UNIT_SENTENCES = 8
_SCARE_QUOTE_WORDS = 5
_CLAIM_CHARS = 300
_HORIZON = 1500
# The signature line under an embedded post: "— Name (@handle) February 10, 2015".
_POST_SIGNATURE = re.compile(
    r"^[—–-][ \t]*(?P<name>[^\n(@]{2,60}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4})",
    re.M,
)  # characters to look back for a pronoun's antecedent


# simplemma gets a few frequent irregular forms wrong ("wijst" -> "wijs").
_LEMMA_FIX = {
    "nl": {"wijst": "wijzen", "wees": "wijzen", "wezen": "wijzen", "laat": "laten", "liet": "laten",
           "lieten": "laten", "sprak": "spreken", "spreekt": "spreken", "hield": "houden", "hielden": "houden",
           "gaf": "geven", "gaven": "geven", "geeft": "geven", "riep": "roepen", "riepen": "roepen",
           "weersprak": "weerspreken", "twittert": "twitteren", "tweette": "tweeten",
           "zetten": "zetten", "trekken": "trekken",  # simplemma gives the nouns "zet" and "trek"
           "licht": "lichten", "lichtte": "lichten", "stipt": "stippen", "stipte": "stippen"},  # ("licht … toe")
    "en": {"thought": "think", "felt": "feel", "shot": "shoot", "writing": "write", "lambasting": "lambast"},
}


_CUE_CACHE: dict = {"nl": {}, "en": {}}
# Per language, the cached words that are no cue and no special anchor either, and "" (a word inside a
# quotation in `_anchors`): the words `_anchors` passes over, in one set.
_NO_ANCHOR: dict = {"nl": {""}, "en": {""}}


def _cue_class(low: str, lang: str) -> str:
    """'speech', 'weak', 'particle' or '' for a lower-case word; cached per language."""
    cache = _CUE_CACHE[lang]
    got = cache.get(low)
    if got is None:
        if low in L.STOP and low not in ("zegt", "zei", "said", "says"):
            got = ""
        else:
            lem = _lemma(low, lang)
            got = ("speech" if lem in L.SPEECH[lang] else "weak" if lem in L.WEAK[lang]
                   else "particle" if lem in L.PARTICLE_VERBS[lang] or lem in L.PREPOSITION_VERBS[lang] else "")
        if len(cache) < 200_000:
            cache[low] = got
            if not got and low not in _SPECIAL_ANCHORS[lang] and not (lang == "nl" and (low in L.SPEECH[lang]
                                                                                      or low == "bericht")):
                # (a Dutch infinitive is also the plural verb, and "bericht" the verb "berichten": see
                # `_plural_speech`, `_reports_tag`)
                _NO_ANCHOR[lang].add(low)
    return got


@lru_cache(maxsize=100_000)
def _lemma(word: str, lang: str) -> str:
    fixed = _LEMMA_FIX[lang].get(word)
    if fixed:
        return fixed
    try:
        # simplemma writes Dutch separable verbs with an underscore ("toegevoegd" -> "toe_voegen",
        # "merkte" -> "op_merken"); the lexicons list them whole ("toevoegen", "opmerken").
        return simplemma.lemmatize(word, lang=lang).replace("_", "")
    except (ValueError, KeyError):
        return word


@dataclass
class _Unit:
    start: int
    end: int
    para: int
    toks: list


@dataclass
class _Record:
    src: Src
    stance: str
    start: int
    end: int
    claim: str
    score: float
    unit: int


def extract_statements(text: str, lang: str) -> list[Statement]:
    return _Doc(text, lang).run()


class _Doc:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.claim_context = has_claim_context(text[:200_000].lower(), lang)
        self.records: list[_Record] = []
        self._record_names: tuple[int, set] = (0, set())  # see _another_speaker
        self.speakers: list[tuple[int, int, Src]] = []  # (unit index, offset, source)
        self.persons: dict[str, Src] = {}  # surname or first name -> full person source
        self.trades: dict[str, Src] = {}  # "singer" -> the person introduced as "pop singer Mia Lane"
        self.mentions: list[tuple[int, int, Src]] = []
        self.orgs: dict[str, Src] = {}  # a word of a named organisation -> that organisation
        self.org_names: dict[str, Src] = {}  # the full name of an organisation that spoke -> that organisation
        self.org_mentions: list[tuple[int, int, Src]] = []  # named organisations seen outside statements
        self._org_names: dict[str, list[Src]] = {}  # a capitalised run -> the organisations it names (`_note_org`)
        self.claim_units: list[bool] = []
        self._stems_of: dict[int, frozenset] = {}
        self._lows_of: dict[int, set] = {}
        self._caps_seen: set | None = None
        self._ellipses: set | None = None  # units holding "neither did", "evenmin" (`_neither`)
        self._sentence_speakers: list[tuple[int, Src]] = []  # (offset, source) found so far in the unit
        self._tokens: list = []
        self._capitalised: list[int] = []  # indices of the capitalised tokens (`units`)
        self.unit_start = self.prev2_start = 0

    # ---- preparation -------------------------------------------------------------
    def units(self) -> list[_Unit]:
        text = self.text
        sentences = split_sentences(text)
        nested: list = []
        quotes = find_quotes(text, nested)
        tokens = tokenize(text)
        # The tokens' offsets, in text order: a bisection finds the tokens of a span.
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        self._mark_quotes(tokens, quotes, starts, ends)
        self._reported_inside(tokens, nested, starts)
        # Tokens per sentence.
        k = 0
        for s in sentences:
            k = bisect_right(ends, s.start, k)  # the first token ending after the sentence's start
            j = bisect_left(starts, s.end, k)  # the first token starting at or after its end
            s.tokens = tokens[k:j]
            if s.tokens:
                head = s.tokens[0]
                head.first = True
                # "New York …", "Al Jazeera …" at a sentence's start: a function word opening a name
                # when a capitalised word follows ("New evidence …" is no name).
                head.opens_name = head.low in CAP_IN_NAMES and len(s.tokens) > 1 and is_cap(s.tokens[1])
            k = j
        foreign = L.FOREIGN_STOP[self.lang]
        stop = L.STOP
        # The capitalised tokens, found in one pass (tokens are never empty); `caps_seen` reads them too.
        self._capitalised = [n for n, t in enumerate(tokens) if t.text[0].isupper()]
        for n in [n for n in self._capitalised if tokens[n].low in stop]:
            t = tokens[n]
            if not t.first and t.low in foreign:
                t.name_word = True
            elif len(t.text) > 1 and t.text.isupper() and not _shouted(tokens, n):
                t.name_word = True  # an acronym that spells a function word: "the WHO says", "IS militants"
            elif t.low in _WEEKDAYS and 0 < n < len(tokens) - 1 and tokens[n - 1].low == "the" \
                    and tokens[n + 1].text[:1].isupper() and tokens[n + 1].low not in stop:
                t.name_word = True  # a title opening with a weekday: "the Sunday Times", "the Sunday Telegraph"
        # A capitalised word seen only at sentence starts and known to the dictionary is no name.
        self._tokens = tokens  # caps_seen is built from them on first use
        # Merge sentences that a direct quotation runs across.
        units: list[_Unit] = []
        q = 0
        i = 0
        n = len(sentences)
        while i < n:
            s = sentences[i]
            end, toks, j = s.end, list(s.tokens), i + 1
            while q < len(quotes) and quotes[q][1] <= s.start:
                q += 1
            qq = q
            reach = end
            while qq < len(quotes) and quotes[qq][0] < end:
                reach = max(reach, quotes[qq][1])
                qq += 1
            while j < n and j - i < _MAX_UNIT_SENTENCES and sentences[j].start < reach \
                    and sentences[j].para == s.para:
                end = sentences[j].end
                toks.extend(sentences[j].tokens)
                while qq < len(quotes) and quotes[qq][0] < end:
                    reach = max(reach, quotes[qq][1])
                    qq += 1
                j += 1
            if toks:
                units.append(_Unit(s.start, end, s.para, toks))
            i = j
        return units

    def written_lower(self, word: str, pos: int) -> bool:
        """Whether the text writes `word` (lower case) in lower case within a few thousand characters of pos
        (the story around it; bounded, so that the look-up costs the same in a text of any length)."""
        text, n = self.text, len(word)
        at = text.find(word, max(0, pos - _LOWER_WINDOW), pos + _LOWER_WINDOW)
        while at >= 0:
            if not (at > 0 and text[at - 1].isalnum()) and not text[at + n:at + n + 1].isalnum():
                return True
            at = text.find(word, at + n, pos + _LOWER_WINDOW)
        return False

    def caps_seen(self) -> set:
        """Words seen capitalised other than at a sentence start; built once, when first needed."""
        if self._caps_seen is None:
            tokens = self._tokens
            self._caps_seen = {tokens[n].low for n in self._capitalised if not tokens[n].first}
        return self._caps_seen

    @staticmethod
    def _mark_quotes(tokens: list[Token], quotes: list, starts: list[int], ends: list[int]) -> None:
        k = 0
        for qs, qe in quotes:
            k = bisect_right(ends, qs, k)
            j = bisect_left(starts, qe, k)
            inside = tokens[k:j]
            before = tokens[k - 1] if k > 0 else None
            # A short quotation inside a clause ("is er niet 'ingeluisd'") is a scare quote:
            # its words belong to the sentence and can carry cues (counted only after a word).
            scare = before is not None and before.text[:1].isalnum() \
                and sum(1 for t in inside if t.text[:1].isalnum()) <= _SCARE_QUOTE_WORDS
            if not scare:
                for t in inside:
                    t.inq = True
            k = j

    def _reported_inside(self, tokens: list[Token], nested: list, starts: list[int]) -> None:
        """Speech reported inside a quotation, with its own quotation marks, is the innermost speaker's
        (GUIDELINES §5): in ',,De politie zei: 'wij kunnen niets doen'.''' the clause that reports it is
        read as narrative, so its speaker is found. Not when the quoted speaker reports it ("we said
        'no'") or the one spoken to ("you said")."""
        if not nested:
            return
        for qs, _qe in nested:
            o = bisect_left(starts, qs)
            v = o - 1
            if v > 0 and tokens[v].text in (":", ","):
                v -= 1
            if v > 0 and tokens[v].low in _OBJECT_PRONOUNS:
                v -= 1  # "told us '…'", "vertelde ons: '…'"
            if v < 1 or not tokens[v].inq or _cue_class(tokens[v].low, self.lang) != "speech":
                continue
            c = v
            while c > 0 and tokens[c - 1].inq and tokens[c - 1].text[:1].isalnum():
                c -= 1
            if c == v or tokens[c].low in _SPEAKER_PRONOUNS:
                continue  # "we said 'no'", "you said": the quoted speaker, or the one spoken to
            for t in tokens[c:o]:
                t.inq = False

    # ---- main loop ---------------------------------------------------------------
    def run(self) -> list[Statement]:
        units = self.units()
        self._all_units = units
        self._unit_starts = [unit.start for unit in units]
        claim_re = _CLAIM_RE[self.lang]
        # One pass of the claim-word pattern over the text, each match marking the unit it falls in.
        self.claim_units = [False] * len(units)
        starts = [unit.start for unit in units]
        for m in claim_re.finditer(self.text):
            u = bisect_right(starts, m.start()) - 1
            if u >= 0 and m.end() <= units[u].end:
                self.claim_units[u] = True
        for u, unit in enumerate(units):
            self.unit_start = unit.start
            self.prev2_start = units[max(0, u - 2)].start
            self._note_mentions(u, unit)
            made = self._attributed(u, unit, units)
            if not made and not self._feeling_then_quotation(u, unit):
                self._continuation(u, unit)
            self._neither(u, unit)
        self._forward_references(units)
        for r in self.records:
            if r.src.described:  # "her lawyer", not named later: "Mia Lane's lawyer" (`_resolve`)
                r.src = Src(r.src.described, "", "person", r.src.role)
        persons = {r.src.name for r in self.records if r.src.kind == "person" and " " not in r.src.name}
        for r in self.records:
            if r.src.name in persons and _bare_name(r.src):
                r.src = Src(r.src.name, "", "person", "")  # a bare name "he" or "she" took up, throughout
        if self.lang == "en":
            self._embedded_posts(units)
        out = []
        seen = set()
        for r in sorted(self.records, key=lambda r: (r.start, r.end)):
            key = (r.src.name, r.src.org, r.stance, r.start, r.end)
            if key in seen or r.end <= r.start:
                continue
            seen.add(key)
            out.append(Statement(
                source=r.src.name,
                source_org=r.src.org if r.src.org != r.src.name or r.src.kind != "person" else "",
                source_kind=r.src.kind,
                role=r.src.role,
                stance=r.stance,
                start=r.start,
                end=r.end,
                claim=r.claim,
                score=round(max(0.05, min(0.99, r.score)), 2),
                claim_group=0,
            ))
        return group_statements(out, self.text, self.lang)

    def _embedded_posts(self, units: list) -> None:
        """An embedded social-media post: its text, then a line "— Name (@handle) Month D, YYYY".

        The post is its author's statement; statements the engine found inside it are replaced.
        """
        text = self.text
        if "(@" not in text:
            return
        posts = []
        for m in _POST_SIGNATURE.finditer(text):
            body_end = m.start()
            while body_end > 0 and text[body_end - 1].isspace():
                body_end -= 1
            start = text.rfind("\n\n", 0, body_end)
            start = 0 if start < 0 else start + 2
            while start < body_end and text[start].isspace():
                start += 1
            if start < body_end:
                posts.append((start, m.end("date"), body_end, m.group("name").strip()))
        if not posts:
            return
        starts = [p[0] for p in posts]
        ends = [p[1] for p in posts]
        kept = []
        for r in self.records:
            i = bisect_right(starts, r.end - 1) - 1  # the last post starting before the record ends
            if i < 0 or ends[i] <= r.start:
                kept.append(r)
        unit_ends = [unit.end for unit in units]
        for start, end, body_end, name in posts:
            u = min(bisect_right(unit_ends, start), len(units) - 1)
            kept.append(_Record(Src(name, "", "person", ""), "alleges", start, end,
                                self._clip(text[start:body_end]), 0.6, u))
        self.records = kept

    def _forward_references(self, units: list) -> None:
        """Name the lede's indefinite speaker after the statement that introduces it.

        A news lede often hides its speaker behind "a regional airline", "a former
        employee" or "his agent" and names it a few sentences on. Such a record takes
        the source of the first later record in the next units with the same stance
        whose source is named; a descriptive organisation ("airline") takes that
        record's organisation.
        """
        if not self.records or not units:
            return
        records = sorted(self.records, key=lambda r: r.start)
        lede_end = units[min(len(units), _LEDE_UNITS) - 1].end
        for r in records:
            if r.start >= lede_end:
                break
            if not self._indefinite(r):
                continue
            head = r.src.name.rsplit(" ", 1)[-1].lower()  # what the description calls its speaker
            trade = _head(head) if r.src.kind == "person" and _head(head) not in _PLAIN_PEOPLE else ""
            for later in records:
                if later.unit - r.unit > _FORWARD_UNITS:
                    break
                if later.start < r.end:
                    continue
                if later.stance != r.stance or not _named(later.src.name) or self._indefinite(later):
                    continue
                if (r.src.described or r.src.kind == "person") and later.src.kind != "person":
                    continue  # a person ("a man who says", "his management") is named by a person, not the police
                if trade and later.src.role and _head(later.src.role.rsplit(" ", 1)[-1]) != trade:
                    continue  # someone of another trade: "Een bekende influencer" is not the oncologist named later
                keys = {later.src.name, later.src.org} - {""}
                if any(m.stance != r.stance and ({m.src.name, m.src.org} & keys) for m in records
                       if r.end <= m.start < later.start):
                    # "A tech blog claimed …. Orbis Motors has denied the claim. …": who answered it, not its teller
                    break
                if noun_class(head) == "org":
                    if not later.src.org:
                        break
                    org = later.src.org
                    if r.src.kind == "media" and _org_kind_of(org) != "media":
                        break  # an outlet is named by an outlet, not by the company its story is about
                    r.src = Src(org, org, _org_kind_of(org), "")
                else:
                    r.src = later.src
                break

    def _denied_before(self, srcs: list, u: int) -> bool:
        """True when one of srcs (by name, or by organisation) denied something in the last units, or, for a lawyer or
        an agent, a person did."""
        keys = {s.name for s in srcs} | {s.org for s in srcs if s.org}
        # A lawyer or an agent answers for the person they act for: "De verdachte ontkent … Zijn advocaat: ,,Er is geen
        # enkel bewijs dat mijn cliënt …''"
        agent = any(s.role in _AGENT_ROLES for s in srcs)
        for r in reversed(self.records):  # records come in unit order: stop at the horizon
            if r.unit < u - _ANSWER_UNITS:
                return False
            if r.stance == "denies" and (r.src.name in keys or (r.src.org and r.src.org in keys) or (
                    agent and r.src.kind == "person" and r.src.role not in _AGENT_ROLES)):
                return True
        return False

    def _indefinite(self, r: "_Record") -> bool:
        """True when the record's source is a lower-case description after "a", "an" or a possessive."""
        name = r.src.name
        # (a description may end in a place's name: "a woman in Ohio")
        if not name or name[:1].isupper() or r.src.kind not in ("person", *_ORG_KINDS):
            return False
        at = self.text.find(name, max(0, r.start - 200), r.end + 200)
        if at < 0:
            return False
        before = self.text[max(0, at - 8):at].split()
        return bool(before) and before[-1].lower() in _INDEFINITE

    # ---- anchors -----------------------------------------------------------------
    def _anchors(self, toks: list) -> list[tuple[int, str, int]]:
        """(token index, kind, index after the cue) for cues outside quotations, in order."""
        lang = self.lang
        lows = [t.low if not t.inq else "" for t in toks]
        out = []
        nc = no_comment_at(lows, lang)
        if nc >= 0 and lows[nc] in _ANSWER_NOUNS_NL and any(L.is_negation(w) for w in lows[nc + 1:nc + 10]):
            nc = -1  # "De reactie van de fans bleef niet uit": it came
        if nc >= 0:
            out.append((nc, "nocomment", nc + 1))
        n = len(toks)
        skip = -1
        cues = _CUE_CACHE[lang]
        # The common case, a known word that is no cue nor a special anchor, and the words inside quotations
        # (no low here) are left out in one comprehension, with one set look-up per word.
        no_anchor = _NO_ANCHOR[lang]
        for k in [k for k, low in enumerate(lows) if low not in no_anchor]:
            t = toks[k]
            low = t.low
            if not t.text[:1].isalpha() or k == skip:
                continue
            if low == "quoted" and lang == "en" and (k == 0 or toks[k - 1].low not in _PASSIVE):
                # "X quoted Y as saying …": the quoted person is the speaker.
                for q in range(k + 2, min(n - 1, k + 18)):
                    if toks[q].low == "as" and toks[q + 1].low in ("saying", "having"):
                        out.append((k, "quoted", k + 1))
                        skip = q + 1
                        break
                    if toks[q].text in (".", ";", ":"):
                        break
                continue
            if low == "quoted" and lang == "en" and k + 2 < n and toks[k + 1].low == "as" \
                    and toks[k + 2].low in ("saying", "having"):
                out.append((k, "verb", k + 3))  # "X was quoted as saying …": the subject speaks
                skip = k + 2
                continue
            if low == "zeggen" and k >= 2 and toks[k - 1].low == "eigen" and toks[k - 2].low == "naar":
                out.append((k, "self", k + 1))  # "X heeft naar eigen zeggen …": X's own account
                continue
            if low in ("volgens", "aldus") and lang == "nl":
                out.append((k, "prep", k + 1))
                continue
            if low in ("klinkt", "klonk") and lang == "nl":
                if k + 2 < n and toks[k + 1].low == "het" and toks[k + 2].low in ("bij", "vanuit", "uit") \
                        and not toks[k + 2].inq:
                    out.append((k, "prep", k + 3))  # ",,Dit is de genadeklap'', klinkt het bij LTO Noord"
                continue
            be = next((q for q in range(k - 1, max(-1, k - 4), -1)
                       if toks[q].low in _PASSIVE or toks[q].low in _BE_NL), -1) if low in _CONVINCED else -1
            if be > 0 and k + 1 < n and toks[k + 1].low in ("that", "dat") and not toks[k + 1].inq \
                    and toks[be - 1].low not in ("it", "het", "er"):  # (not "It is certain that …")
                out.append((k, "verb", k + 1))  # "The coach was adamant that …", "De club is ervan overtuigd dat …"
                continue
            if low in ("waarin", "waarop") and lang == "nl" and k + 2 < n and toks[k + 1].low in ("staat", "stond") \
                    and toks[k + 2].low == "dat":
                out.append((k, "self", k + 1))  # "heeft een verklaring uitgegeven waarin staat dat …": its author's
                continue
            if low == "ogen" and lang == "nl" and 2 <= k < n - 2 and toks[k - 2].low == "in" \
                    and toks[k - 1].low == "de" and toks[k + 1].low == "van":
                out.append((k, "prep", k + 2))  # "in de ogen van X"
                continue
            if low in ("blijkt", "bleek", "blijken", "bleken") and lang == "nl":
                # "Uit een rapport van X blijkt dat …", "…, blijkt uit onderzoek van X".
                if k + 1 < n and toks[k + 1].low == "uit":
                    out.append((k, "prep", k + 2))
                    continue
                for q in range(k - 1, max(-1, k - 15), -1):
                    if toks[q].low == "uit" and not toks[q].inq:
                        out.append((k, "source_before", q + 1))
                        break
                    if toks[q].text in (",", ";", ":") or toks[q].first:
                        break
                continue
            if low == "navraag" and lang == "nl":
                if k + 2 < n and toks[k + 1].low == "bij" \
                        and any(toks[q].low in _INQUIRY_SHOWS for q in range(k + 3, min(n, k + 10))):
                    out.append((k, "prep", k + 2))  # "Navraag bij de politie leert dat …": what the police told
                continue
            if low in _SHOWS and lang == "en":
                lo = next((q + (not toks[q].first) for q in range(k - 1, max(-1, k - 9), -1)
                           if toks[q].text in (",", ";", ":") or toks[q].inq or toks[q].first), max(0, k - 8))
                if any(noun_class(toks[q].low) == "doc" for q in range(lo, k)) \
                        and (_complement_follows(toks, k) or _bare_clause_follows(toks, k)):
                    out.append((k, "verb", k + 1))  # "A study by Harvard researchers shows that …": its authors'
                continue
            if low in _STANDS_IN and lang == "nl":
                if k + 2 < n and toks[k + 1].low == "in" and (low != "lezen" or toks[k - 1].low == "te") \
                        and any(noun_class(toks[q].low) == "doc" and q + 1 < n and toks[q + 1].low in _DOC_OWNER_NL
                                for q in range(k + 2, min(n - 1, k + 6))):
                    out.append((k, "prep", k + 2))  # "Dat staat in een rapport van de inspectie", "is te lezen in
                    #                                  een brief van de minister": the document's author's
                elif low != "lezen" and k + 1 < n and toks[k + 1].low == "dat":
                    # "In een persbericht van de gemeente staat dat …": the document opens the sentence
                    for q in range(k - 1, max(-1, k - 15), -1):
                        if toks[q].low == "in" and not toks[q].inq:
                            if any(noun_class(toks[d].low) == "doc" and toks[d + 1].low in _DOC_OWNER_NL
                                   for d in range(q + 1, min(k - 1, q + 5))):
                                out.append((k, "source_before", q + 1))
                            break
                        if toks[q].text in (",", ";", ":") or toks[q].first:
                            break
                continue
            if low in _BE_FEELING:  # (Dutch only: only the Dutch special words hold these)
                if _quoted_feeling(toks, k, lang) or _feeling_that(toks, k):
                    out.append((k, "verb", k + 1))  # "De school is 'enorm geschrokken'" (GUIDELINES §2), "De
                    #                                 trainer is tevreden dat …" (a state of mind with content)
                continue
            if low in _CALL_ONLY:
                if _called_false(toks, k):
                    out.append((k, "verb", k + 1))  # "branded the report fake news"
                continue
            if low in _CALL_FINITE and (what := _what_called(toks, k)) >= 0:
                out.append((k, "agent", what + 1))  # "in what one analyst calls …": the phrase after "what"
                continue
            if low in _CALL_FINITE and lang == "en" and _named_as(toks, k):
                out.append((k, "verb", k + 1))  # "calls it the first great accessory", "called Smith a liar"
                continue
            if low in _CONFESSED and lang == "nl":
                if _confessed(toks, k):
                    out.append((k, "verb", k + 1))  # "De man bekende de feiten", "heeft bekend dat hij …"
                continue
            if low in _ACHTEN and lang == "nl":
                if any(toks[q].low in _ACHTEN_WHAT for q in range(k + 1, min(n, k + 4))):
                    out.append((k, "verb", k + 1))  # "Het hof acht niet bewezen dat …" (a court's finding)
                continue
            if low in ("apology", "apologies") and lang == "en":
                at = k - 1
                while at > 0 and k - at < 4 and toks[at].low in _APOLOGY_WORDS:
                    at -= 1
                if at >= 0 and toks[at].low in _OFFERED and not toks[at].inq:
                    out.append((at, "verb", k + 1))  # "The airline later issued an apology", "offered his apologies"
                continue
            if low in _DISAGREEING_VERBS and _disagreement_at(toks, k, lang):
                out.append((k, "verb", k + 1))  # "De gemeente ziet dat anders", "The council sees it differently"
                continue
            if low in ("eens", "oneens") and lang == "nl" and k >= 2:
                be = _agreement_verb(toks, k)
                if be >= 0:
                    out.append((be, "verb", be + 1))  # "Natuurorganisaties zijn het daar niet mee eens"
                continue
            if low == "voor" and lang == "nl":
                if toks[k].first and _in_the_view_of(toks, k):
                    out.append((k, "prep", k + 1))  # "Voor justitie staat vast dat …": in the prosecution's view
                continue
            if low == "according" and k + 1 < n and toks[k + 1].low == "to":
                out.append((k, "prep", k + 2))
                continue
            if low == "per" and lang == "en":
                name = k + 2 if k + 2 < n and toks[k + 1].low == "the" else k + 1
                if name < n and is_cap(toks[name]) and not toks[name].inq \
                        and (toks[k].first or (k > 0 and toks[k - 1].text == ",")):
                    out.append((k, "prep", k + 1))  # "Per TMZ, the couple …", "…, per the Associated Press"
                continue  # (not "5 per cent", "$10 per Person", "as per the rules")
            if low in _RESPONSE_NOUNS and lang == "en" and k > 0 and toks[k - 1].low.endswith(_GENITIVE) \
                    and toks[k - 1].text[:1].isupper() and not toks[k - 1].inq \
                    and any(toks[q].inq for q in range(k + 1, min(n, k + 25))):
                out.append((k, "genitive", k))  # "Morin's response was: '…'": the quotation is Morin's
                continue
            cue = cues.get(low)
            if cue is None:
                cue = _cue_class(low, lang)
            if not cue and lang == "nl" and (_plural_speech(toks, k) or _reports_tag(toks, k)):
                cue = "speech"
            if not cue:
                continue
            prev = toks[k - 1].low if k > 0 else ""
            if lang == "en" and k + 2 < n and toks[k + 1].low == "to" and toks[k + 2].low in _TO_BE \
                    and (low == "said" or (low.endswith("ed") and (prev in _PASSIVE or not prev[:1].isalnum()))):
                # hearsay in the passive, no agent: "The man, said to be in his forties,", "is believed to have"
                # (GUIDELINES §2); not the active past after its subject: "The man claimed to be a police officer"
                continue
            if lang == "nl" and low in _REACTS and _bare_reaction(toks, k):
                continue  # how someone reacted, no content: "De directeur reageert verbaasd." (a feeling, §2)
            if lang == "en" and low.startswith("claim") and _claimed_a_prize(toks, k):
                continue  # "claimed the title", "claimed the lives of 12 people": taken, not said
            if prev == "to" and lang == "en" and _object_told_to(toks, k):
                continue
            if prev in ("te", "to") and k >= 2 and toks[k - 2].low in _REFUSALS:
                continue  # what a refusal leaves unsaid: "weigert te zeggen hoeveel …", "refused to say who …"
            if lang == "en" and k >= 2 and toks[k - 2].low in ("a", "an", "the") and _adjective_en(toks[k - 1]) \
                    and low in _NOUN_TOO_EN:
                continue  # a noun after an article and an adjective: "a cryptic post", "a recent report"
            if (prev in L.DETERMINERS or prev in L.POSSESSIVES or prev in ("deze", "die", "this", "these", "no", "geen")
                    ) and not (
                    prev in ("haar", "her") and k >= 2 and toks[k - 2].low in L.PREPOSITIONS | {"van", "of"}) \
                    and not (lang == "nl" and prev in ("die", "deze") and (
                        (_finite_dutch(low) and (toks[k - 1].first or (k >= 2 and toks[k - 2].text == ",")))
                        or (_complement_follows(toks, k) and not low.endswith(("ing", "ingen"))))):
                continue  # a noun: "de verklaring", "the claims", "his report" (not "vrienden van haar zeggen",
                #           "Die verklaarden dat …", "X, die constateert dat …")
            if t.text[:1].isupper() and k > 0 and not t.first and (
                    toks[k - 1].text[:1].isupper() or prev in L.DETERMINERS):
                continue  # part of a name: "the New York Post"
            if lang == "en" and (low in L.CLAIM_NOUNS["en"] or _lemma(low, lang) == low) and not low.endswith("s") \
                    and k > 1 and is_cap(toks[k - 1]) and not toks[k - 1].first:
                # (a singular noun: "the New York Times reports that" is the verb; a bare verb after a singular
                # name is a noun too: "in a Facebook post")
                q = _cap_run_start(toks, k - 1)
                if q > 0 and toks[q - 1].low in ("a", "an", "the"):
                    continue  # a noun after a name: "a New York Times report that …" (the verb would be "reports")
            if (prev in L.PREPOSITIONS or prev in ("of", "van")) \
                    and prev not in ("to", "te", "naar", "after", "na", "by", "door") \
                    and k > 0 and not toks[k - 1].inq and toks[k - 1].text.islower() \
                    and not (prev == "since" and _since_adverb(toks, k - 1)):  # ("The club has since denied …")
                continue  # a noun after a preposition: "in charge of", "on claims", "met beschuldigingen"
            if k + 1 < n and toks[k + 1].low in ("which", "whom") and low.endswith("s"):
                continue  # a plural noun before a relative clause: "newspaper reports which suggested"
            if lang == "en" and low.endswith("ing") and (prev in _EVIDENCE_NOUNS or noun_class(prev) == "doc"):
                if noun_class(prev) == "doc" and any(toks[q].low in _PUT_OUT for q in range(max(0, k - 4), k - 1)):
                    out.append((k, "self", k + 1))  # "The police released a statement saying …": its author's
                continue  # a participle after what it describes: "no information suggesting", "a letter saying"
            if lang == "en" and low.endswith("ing") and _modifier_ing(toks, k):
                continue  # a word describing the noun after it: "the national reporting centre", "a warning notice"
            if lang == "en" and low in _ACCUSED and k + 1 < n and toks[k + 1].low == "of":
                continue  # the accused, not the accuser: "Hospital accused of hiding an outbreak"
            if lang == "en" and low.endswith("s") and k + 1 < n and toks[k + 1].low.endswith("ed") \
                    and _cue_class(toks[k + 1].low, lang) in ("speech", "weak"):
                continue  # a noun before the verb: "Newspaper reports suggested …"
            if low == "state" and k + 1 < n and (noun_class(toks[k + 1].low) or is_cap(toks[k + 1])):
                continue  # the noun: "state media", "state prosecutors", "the State Department"
            if lang == "en" and prev.endswith(_GENITIVE) and k > 0 and (
                    toks[k - 1].text[:1].isupper() or (k >= 2 and toks[k - 2].low in L.DETERMINERS)):
                continue  # a noun after a genitive: "Hunter's claim", "Smith's report", "the agency's report"
            if k > 0 and not toks[k - 1].inq and toks[k - 1].text[:1].islower() \
                    and _cue_class(prev, lang) == "speech" and prev not in _SAY_FORMS and low not in _FINITE_SAY \
                    and not (k >= 2 and (toks[k - 2].low in _DETERMINERS_POSSESSIVES
                                         or toks[k - 2].low.endswith(_GENITIVE))):
                continue  # the object of a speech verb: "denied claims", "disputed reports" (not "the report said",
                #           "The report claims that …", "the agency's report found": after an article or a
                #           genitive the word before is a noun)
            if lang == "en" and low.endswith("s") and k + 1 < n and toks[k + 1].low in _FINITE_SAY \
                    and not toks[k + 1].inq and low not in _SAY_FORMS:
                continue  # a plural noun, the subject of the verb after it: "…, reports said", "Reports say …"
            if lang == "en" and low.endswith("s") and prev.endswith("ing") and len(prev) > 4 \
                    and not _cue_class(prev, lang):
                continue  # the object of another verb: "Police are investigating reports that …"
            if lang == "en" and k + 1 < n and toks[k + 1].low == "by" and prev != "quoted" and low != "quoted" \
                    and (prev in _PASSIVE or low.endswith("ed") or low in ("made", "told")):
                out.append((k, "agent", k + 2))  # a passive with its agent: "disputed by the administration"
                continue
            if lang == "en" and prev in _PASSIVE and k + 3 < n and toks[k + 1].low == "as":
                by = next((q for q in range(k + 2, min(n - 1, k + 10))
                           if not toks[q].inq and (toks[q].low == "by" or toks[q].text in (".", ";", ","))), -1)
                if by > 0 and toks[by].low == "by":
                    out.append((k, "agent", by + 1))  # "was dismissed as 'fake news' by the White House"
                    continue
            if lang == "en" and k + 2 < n and toks[k + 2].low == "by" and _passive_before(toks, k) \
                    and toks[k + 1].low in L.PARTICLE_VERBS["en"].get(_lemma(low, lang), ()) \
                    and (_lemma(low, lang) not in L.CLAIM_OBJECT_VERBS["en"]
                         or not _CLAIM_OBJECT_NOUNS.isdisjoint(t.low for t in toks[max(0, k - 6):k])):
                # a particle verb's passive: "The rumour was quickly shot down by the band's manager" (not "The
                # plane was shot down by a missile", "claimed that the plane had been shot down by a jet": a
                # pronoun or "that" before it names no claim)
                out.append((k, "agent", k + 3))
                continue
            if lang == "nl" and low.endswith("en") and k >= 2 and (prev in _DUTCH_MODALS or (
                    prev in ("hebben", "had", "hadden") and toks[k - 2].low in _DUTCH_MODALS)):
                continue  # what someone should or could say is no statement: "had moeten waarschuwen"
            if lang == "nl" and cue == "speech" and (low.endswith(("d", "t")) or (
                    low.endswith("en") and (low.startswith(("ge", "weer", "be", "ver", "ont")) or "ge" in low[2:-3]))):
                # (a strong participle too: "tegengesproken", "weersproken", "gewezen", "bestreden", "verworpen")
                agent = _dutch_agent(toks, k)
                if agent >= 0:
                    out.append((k, "agent", agent + 1))  # "is door de commissie ongegrond verklaard"
                    continue
            # "TMZ is reporting that", "Users are saying parts of Texas …" (a form of "be" before -ing is no passive)
            progressive = low.endswith("ing") and (_complement_follows(toks, k) or (
                cue == "speech" and k + 1 < n and toks[k + 1].text[:1].isalpha()
                and toks[k + 1].low not in L.PREPOSITIONS) or (
                k + 1 < n and toks[k + 1].low in L.PREPOSITION_VERBS[lang].get(_lemma(low, lang), ())))
            # ("Campaigners are calling for a ban": a verb with its preposition)
            if (prev in _PASSIVE and lang == "en" and low != "quoted" and not progressive) or (
                    lang == "nl" and (prev in _WORDEN_NL
                                      or (prev in _BE_NL and low.endswith(("d", "t")) and low != prev))):
                continue  # "were reported missing", "werd gemeld", "is veroordeeld" (a verb of speech has "hebben")
            if lang == "nl" and (low.startswith("ge") or low.endswith("d")) and _passive_clause_nl(toks, k):
                continue  # the subject between: "In 2019 was het ministerie al gewaarschuwd"
            if lang == "en" and prev in ("who", "that", "which") and _lemma(low, lang) in _AUTHOR_VERBS \
                    and not _complement_follows(toks, k):
                continue  # a relative clause naming a text: "the firm that wrote the warnings"
            if lang == "nl" and cue == "speech" and low.endswith("en") and noun_class(low) in ("group", "person") \
                    and not _complement_follows(toks, k) and not (prev in _SUBJECT_PRONOUNS or prev == ","):
                continue  # a plural noun, not the verb: "De politie is op zoek naar getuigen"
            if lang == "nl" and _wished_for(toks, k):
                continue  # "De Kamer wil dat de minister uitlegt …": what is asked of someone, not yet said
            if cue == "speech":
                if _offer_refused(toks, k):
                    continue  # a decision, no statement: "Chelsea have rejected a £40m bid"
                out.append((k, "verb", k + 1))
                continue
            if low in _CALL and (_called_false(toks, k)
                                 or (lang == "en" and _quoted_after_object(toks, k, _CALL_STOPS))):
                out.append((k, "verb", k + 1))  # "called the claims false", "noemt het onzin"
                continue
            lem = _lemma(low, lang)
            if cue == "weak":
                inverted_pronoun = lang == "nl" and k + 1 < n and toks[k + 1].low in _SUBJECT_PRONOUNS and k > 0
                gerund = lang == "en" and low.endswith("ing")  # ("“seriously considering” charging passengers")
                if _complement_follows(toks, k) or (prev in _QUOTE_CLOSERS and not gerund) \
                        or (_after_quote(toks, k) and not gerund) or inverted_pronoun \
                        or (lang == "en" and not gerund and _bare_clause_follows(toks, k)) \
                        or (lem == "vinden"
                            and (_quoted_after_object(toks, k, _VINDEN_STOPS) or _too_verdict(toks, k))) \
                        or (lem == "find" and (_verdict_after(toks, k) or _found_nothing(toks, k))) \
                        or (lem in _DOUBT_VERBS and _whether_follows(toks, k)) \
                        or (lem in _TAG_VERBS[lang] and _tag_after_clause(toks, k, lang)):
                    out.append((k, "verb", k + 1))
                    continue
                if lem not in L.PREPOSITION_VERBS[lang] and lem not in L.PARTICLE_VERBS[lang]:
                    continue  # (a weak verb with its preposition or particle is one: "agreed with the critics",
                    #           "laughed the rumours off")
            near = L.PREPOSITION_VERBS[lang].get(lem)
            prep = next((q for q in range(k + 1, min(n, k + 3)) if toks[q].low in near and not toks[q].inq
                         and (q == k + 1 or toks[k + 1].low in L.SKIP or toks[k + 1].low == "zelfs"
                              or is_ly_adverb(toks[k + 1]))),
                        -1) if near else -1  # (an adverb between: "spreekt zelfs van", not "called Globex on")
            if prep < 0 and lem == "spreken" and lang == "nl" and k + 1 < n and toks[k + 1].low in L.PREPOSITIONS \
                    and toks[k + 1].low != "met":
                # a prepositional phrase between and a quotation after "van": "De officier sprak tijdens de zitting
                # van 'een ernstige schending van het vertrouwen'" (not "sprak met de minister van Financiën")
                prep = next((q for q in range(k + 2, min(n - 1, k + 9))
                             if toks[q].low == "van" and not toks[q].inq
                             and (toks[q + 1].inq or toks[q + 1].text in _OPENING_QUOTES)), -1)
            if prep >= 0:
                out.append((k, "verb", prep + 1))  # "De vakbond spreekt (zelfs) van een schandaal"
                continue
            parts = L.PARTICLE_VERBS[lang].get(lem)
            if parts:
                seen = False  # the particle was found after the verb
                for q in range(k + 1, min(n, k + 18)):
                    if q >= k + 12 and toks[q].low in _PARTICLE_CLAUSE_STOPS:
                        break  # (a long object, within its clause: "wijst de berichten over een vertrek van de
                        #         trainer in de krant af")
                    if (toks[q].low in parts or _pronominal_particle(toks[q].low) in parts) and not toks[q].inq:
                        if lem == "brengen" and (q + 1 >= n or toks[q + 1].low != "buiten"):
                            continue  # only "naar buiten brengen" makes public: not "terug te brengen naar de winkel"
                        if _offer_refused(toks, k):
                            break  # a decision, no statement: "Ajax wijst het bod af"
                        seen = True
                        if toks[q].low in _PARTICLE_NEEDS_CLAUSE.get(lem, ()) and not _complement_follows(toks, q):
                            break  # a worry without content is a feeling: "maakt zich zorgen over de kosten"
                        tags = lem in _QUOTE_TAG_PARTICLE_VERBS or (lem, toks[q].low) in _QUOTE_TAG_PARTICLES
                        quoted = tags and (prev in _QUOTE_CLOSERS or _after_quote(toks, k)
                                           or _complement_follows(toks, q) or (q + 1 < n and toks[q + 1].text == ":"))
                        if lem in _QUOTE_TAG_PARTICLE_VERBS and not quoted:
                            break  # looking back says something only with its words: ",,…'', blikt hij terug"
                        if lem in L.CLAIM_OBJECT_VERBS[lang] and not quoted and L.CLAIM_OBJECTS.isdisjoint(
                                t.low for t in toks[k + 1:min(n, q + 4)]):
                            break  # "shot down a military jet", "walked back to the car": no claim, no statement
                            #        (but '"That's a lie," the senator shot back': a retort with its words)
                        out.append((k, "verb", k + 1))  # "geeft … toe", "wijst erop dat", "voegde eraan toe"
                        break
                    if toks[q].text == ";" or (toks[q].text == "." and not (
                            toks[q - 1].low in L.TITLES or len(toks[q - 1].text) == 1)):
                        break  # (a title's or an initial's period ends no clause: "legt dr. Anna Verhoef uit")
                if not seen and lang == "nl":
                    q = _noun_particle_before(toks, k, parts)
                    if q >= 0 and not (lem in L.CLAIM_OBJECT_VERBS[lang] and L.CLAIM_OBJECTS.isdisjoint(
                            t.low for t in toks[q + 1:min(n, k + 5)])):
                        out.append((k, "verb", k + 1))  # a verb at its clause's end: "heeft excuses aangeboden",
                        #                                 "die vraagtekens zet bij het onderzoek"
        # (one search of the unit's text spares the walk over its tokens in the many units without a colon)
        colon = _colon_before_quote(toks) if self.text.find(":", toks[0].start, toks[-1].end) >= 0 else -1
        if colon >= 0 and not any(a[0] < colon for a in out):
            out.append((colon, "colon", colon))
        out.sort(key=lambda a: a[0])
        return out

    def _source_for(self, toks: list, k: int, kind: str, after_k: int, u: int):
        """Return (sources, noun phrase span) for the anchor at toks[k], or ([], None)."""
        n = len(toks)
        cands = []
        a = b = appos = raw_appos = None
        if kind in ("prep", "quoted", "agent"):
            c = np_after(toks, after_k, n)
            if c is None and after_k < n and toks[after_k].low == "zowel":
                # "volgens zowel de politie als het OM": both phrases
                first = np_after(toks, after_k + 1, n)
                second = np_after(toks, first[1] + 1, n) if first and first[1] < n and toks[first[1]].low == "als" \
                    else None
                c = (after_k, second[1]) if second else None
            cands.append(c)
        elif kind == "self":
            first = _sentence_first(toks, k) or 0
            cands.append(np_after(toks, first, k))
        elif kind == "colon":
            b = np_before(toks, k, 0) if k <= _COLON_NP else None
            if b is None and 1 < k <= _COLON_NP and toks[k - 1].low in L.FEELINGS[self.lang]:
                b = np_before(toks, k - 1, 0)  # a headline's "Huurders boos: '…'", "Fans furious: '…'"
            if b is not None and (b[0] == 0 or toks[b[0]].first):
                cands.append(b)
            elif k > 2:
                # "X, lijsttrekker, is teleurgesteld: ,,…": the subject opening the sentence speaks.
                a = np_after(toks, 0, k)
                if a is not None and (a[0] == 0 or (a[0] == 1 and toks[0].low in ("ook", "also", "zelfs"))) \
                        and any(is_cap(t) or noun_class(t.low) for t in toks[a[0]:a[1]]):  # ("Ook de bond is …:")
                    cands.append(a)
                    close = next((q for q in range(a[1] + 1, k) if toks[q].text == ","), -1) \
                        if a[1] < k and toks[a[1]].text == "," else -1
                    if close > a[1] + 1:
                        # "The mayor, John Smith, was blunt: “…”": the apposition names or describes the subject,
                        # as before a verb of speech
                        b, raw_appos = a, (a[1] + 1, close)
                        appos = np_after(toks, a[1] + 1, close) or (a[1], a[1])
        elif kind == "genitive":
            cands.append((k - 1, k))
        elif kind == "source_before":
            cands.append(np_after(toks, after_k, k))
        else:
            j = k
            while j > 0 and (skippable(toks[j - 1]) or L.is_negation(toks[j - 1].low)
                             or is_ly_adverb(toks[j - 1])):
                j -= 1
            prev = toks[j - 1] if j > 0 else None
            if self.lang == "nl" and prev is not None and prev.first and prev.low in ("die", "deze") and u > 0:
                # "De politie sprak met twee broers. Die verklaarden dat …": the demonstrative opening the
                # sentence is the phrase the sentence before ended with.
                ref = self._last_phrase(self._all_units[u - 1].toks)
                if ref is not None:
                    return [ref], (j - 1, j)
            member = self._one_of_them(toks, j, k, u) if (j >= 3 and toks[j - 3].low in _ONE) or (
                k + 1 < n and toks[k + 1].low in _ONE) or (j >= 1 and toks[j - 1].low == "one") else None
            if member is not None:
                return [member[0]], member[1]  # "…, zegt een van hen", "One of them said"
            b = np_before(toks, k, 0)
            if self.lang == "nl" and k >= 4 and [t.low for t in toks[k - 3:k]] == ["van", "de", "hand"]:
                b = np_before(toks, k - 3, 0)  # "dat de omroep van de hand wijst": the subject before the idiom
            if b is not None and self.lang == "en" and b[0] >= 4 and toks[b[0] - 1].low == "be" \
                    and toks[b[0] - 2].low == "to" and toks[b[0] - 3].low.endswith("ing"):
                # "A man claiming to be a former Google engineer says …": what he claims to be is no subject
                b = np_before(toks, b[0] - 3, 0) or b
            if b is not None and b[0] >= 3 and toks[b[0] - 1].low == "als":
                # "Zowel de gemeente als de provincie wil niet reageren": both phrases are the subject
                both = next((q for q in range(b[0] - 3, max(-1, b[0] - 9), -1) if toks[q].low == "zowel"), -1)
                if both >= 0:
                    b = (both, b[1])
            inverted_subject = False
            opening = self._coordinated_past_apposition(toks, b, k) if b is not None else None
            if opening is not None:
                both = [self._resolve(s, toks[c[0]].start) for c in (opening, b)
                        for s in build(toks, c, self.lang, self.text)]
                if len(both) == 2 and None not in both:
                    return [self._org_taken_up(x, toks[opening[0]].start) for x in both], (opening[0], b[1])
            relative = False
            if self.lang == "nl" and b is None:
                # A verb of speech closing a subordinate clause has that clause's subject, right after its
                # "dat": "De wethouder zei dat de directeur hem had verzekerd dat …" is the director's.
                d = next((q for q in range(k - 1, max(-1, k - 10), -1)
                          if toks[q].low == "dat" or toks[q].text in (",", ";", ":") or toks[q].inq), -1)
                if d > 0 and toks[d].low == "dat" and not toks[d].inq:
                    sub = np_after(toks, d + 1, k)
                    if sub is not None and sub[0] == d + 1 and sub[1] < k:
                        cands.append(sub)
            if b is None and prev is not None and prev.low in ("who", "which", "die") and j >= 2 and not prev.first:
                # A relative clause: "a source who claims", "getuigen die zeggen", "a satirical website,
                # which claimed"; its pronoun is the subject, wherever its antecedent stands.
                end = j - 2 if toks[j - 2].text == "," else j - 1
                lo = 0
                if self.lang == "nl":  # "Naast hem staat burgemeester X, die …": the phrase after the verb
                    lo = next((q + 1 for q in range(end - 1, -1, -1) if toks[q].text[:1].islower()
                               and _finite_dutch(toks[q].low) and not noun_class(toks[q].low)), 0)
                b = np_before(toks, end, lo)
                relative = b is not None
            elif b is not None and self.lang == "en":
                b = self._head_of_relative(toks, b)
            if b is not None and b[0] >= 2 and toks[b[0] - 1].low in ("van", "of") and toks[b[0] - 2].low in _SHARES:
                # "De helft van de ondervraagden zegt": a share of the group, whose subject position counts
                b = (_share_start(toks, b[0] - 2), b[1])
            held_by = b is not None and self.lang == "en" and b[0] >= 3 and toks[b[0] - 1].low == "by" \
                and toks[b[0] - 2].low.endswith(("ed", "en", "held")) \
                and noun_class(toks[b[0] - 3].low) == "doc"
            # ("Documents obtained by the Guardian show that …": what the outlet holding them reports)
            if b is not None and not relative and not held_by and b[0] > 0 and toks[b[0] - 1].low in L.PREPOSITIONS \
                    and not (toks[b[0] - 1].low in _CLAUSE_OPENERS and b[1] == j):
                # (a conjunction opening a clause whose subject the phrase is: "after a Swedish newspaper reported
                # that …", "since the police said")
                # The object of a preposition is no subject; after "of"/"from" it may be the
                # organisation of a named person: "Jon Roe of the Central Command did not return …".
                pp, b = b, self._person_of(toks, b)
                if b is not None:
                    if toks[pp[0] - 1].low not in ("uit", "from") or _orgish(toks[pp[0]:pp[1]]):
                        appos = pp  # (the town someone comes from is no organisation of theirs; "from Acme Corp" is)
                elif self.lang == "nl":
                    b = _subject_after_finite(toks, pp[0])
                    inverted_subject = b is not None
            if b is not None and self.lang == "nl" and not relative and not inverted_subject \
                    and not self._subject_position(toks, b[0]) \
                    and not (b[1] == j and toks[b[0] - 1].first and toks[b[0] - 1].low == "van"
                             and share_word_at(toks, after_k, after_k + 4, in_quotes=False) >= 0):
                # ("Van de ondervraagden zegt 45 procent dat …": a share of the fronted group speaks for the group)
                b = None  # V2: a fronted phrase, then verb, then subject ("Tot frustratie van X meldde Y")
            if b is not None and self.lang == "nl" and not relative:
                b = self._dutch_subject_first(toks, b)
            if b is not None and self.lang == "nl" and not relative and b[0] >= 2 and toks[b[0] - 1].low == "die" \
                    and toks[b[0] - 1].text[:1].islower() and toks[b[0] - 2].text[:1].isalnum():
                # "een motie die het kabinet oproept …": the phrase after the relative pronoun is its object;
                # the pronoun's antecedent is the subject.
                b = np_before(toks, b[0] - 1, 0)
                relative = b is not None
            closing = j >= 2 and (toks[j - 2].inq
                                  or (toks[j - 2].text in _QUOTE_END and not _complement_follows(toks, k)))
            if b is None and prev is not None and prev.text == "," and not closing:
                # (A quotation mark before the comma closes a title, not somebody's words, when a content
                # clause follows: "X, bedenker van de naam 'De Glimlach', zegt dat …".)
                b = self._before_apposition(toks, j - 1)
                if b is not None:
                    comma = b[1]
                    if toks[comma].low in ("that", "who", "which", "die", "dat") or (  # past the relative clause
                            toks[comma].low.endswith("ing") and toks[comma].text[:1].islower()):
                        comma = next((q for q in range(comma, j - 1) if toks[q].text == ","), comma)
                    if toks[comma].low in _POSTMODIFIERS and comma + 1 < j and toks[comma + 1].text == ",":
                        comma += 1  # "The shipping company involved, Norland Tankers, …": past "involved"
                    raw_appos = (comma + 1, j - 1) if toks[comma].text == "," else None
                    appos = np_after(toks, comma + 1, j - 1) if comma < j - 2 else None
                    appos = appos or (comma, comma)
                    if toks[comma].text != "," and toks[comma].low not in ("that", "who", "which", "die", "dat") \
                            and not toks[comma].low.endswith("ing"):
                        # the subject's own verb phrase, no apposition: "The actor confirmed the news on Instagram,
                        # writing: …" (the participle's subject is the clause's)
                        appos = (comma, comma)
            a = np_after(toks, after_k, n)
            if a is not None and a[0] > after_k + 3:
                a = None
            quote_before = prev is not None and (prev.inq or prev.text in _QUOTE_END or (
                prev.text == "," and j >= 2 and (toks[j - 2].inq or toks[j - 2].text in _QUOTE_END)))
            inverted = prev is None or quote_before or prev.text in (":", ";") or (
                self.lang == "nl" and (prev.text == "," or prev.low in ("dat", "dit", "daarvan", "daarover", "zo",
                                                                         "wat")))
            if self.lang == "en" and (appos is not None or (b is not None and not quote_before
                                                            and prev is not None and prev.text == ",")):
                inverted = False  # "X, the spokesman, said": an apposition, not an inversion
            if self.lang == "en" and not inverted and prev is not None and prev.text == "," \
                    and _inverted_after_words(toks, k, a, after_k, raw_appos is not None):
                inverted = True  # "The bridge will cost nothing, said Mark Olsen": unquoted words too
            if self.lang == "en" and not inverted:
                a = None  # English keeps subject-verb order outside inversions
            cands += [a, b] if inverted else [b, a]
            if b is None and prev is not None and prev.low in _COORDINATORS and not prev.inq:
                # "X welcomed the plan but said …", "X is blij met het plan, maar zegt …": a verb coordinated
                # with the sentence's own has no subject of its own; the one opening the sentence is its
                first = _sentence_first(toks, k) or 0
                opening = np_after(toks, first, k)
                if opening is not None and opening[0] == first:
                    own = [sp for p, sp in self._sentence_speakers if p >= toks[first].start]
                    if len(own) == 1:
                        return own, opening  # the source the sentence's first verb found: "Pilots' union SPF said
                        #                      …, but warned …" (the opening phrase alone is "Pilots'")
                    cands.append(opening)
            cands.append(clause_start_np(toks, k, 0))
            if kind == "nocomment":
                asked = self._asked_party(toks, k)
                if asked == ():
                    return [], None
                if asked is not None:
                    cands.insert(0, asked)  # "X contacted the company but received no response": the company's
            if kind == "nocomment" and toks[k].low in ("nor", "noch"):
                # "Neither the ministry nor the mayor responded", "Noch de club noch de zaakwaarnemer wilde
                # reageren": both refuse.
                for q in range(k - 1, max(-1, k - 12), -1):
                    if toks[q].low in ("neither", "noch"):
                        tail = np_after(toks, k + 1, n)
                        if tail is not None and q + 1 < k:
                            cands.insert(0, (q + 1, tail[1]))
                        break
            if kind == "nocomment" and toks[k].low in _NO_ANSWER_HEADS:
                # "No comment from the mayor", "geen reactie van de gemeente", "Een reactie van de minister bleef
                # uit", "Requests for comment to the ministry went unanswered" (not the "van" inside a verb's
                # object: "wil niet op de vragen van de bewoners ingaan")
                nobody = toks[k].low in ("nobody", "niemand") or (k + 1 < n and toks[k + 1].low == "one")
                asked = toks[k].low in _ASKED_HEADS
                for q in range(after_k, min(n - 1, after_k + 5)):
                    if (toks[q].low in ("by", "from", "van", "door") or (nobody and toks[q].low in ("at", "bij"))
                            or (asked and toks[q].low in ("to", "with", "naar", "aan"))) \
                            and not toks[q].inq:  # ("No one at the ministry", not "no response at the time")
                        cands.insert(0, np_after(toks, q + 1, n))
                        break
                else:
                    if self.lang == "nl" and toks[0].low in ("van", "bij") and toks[0].first and k > 2:
                        # the party fronted: "Van de gemeente was geen reactie te krijgen", "Bij de club was niemand
                        # bereikbaar voor een reactie"
                        cands.insert(0, np_after(toks, 1, k))
            elif kind == "nocomment" and self.lang == "nl" and toks[k].low in _BE_NOTHING and k >= 2 \
                    and toks[0].low == "bij" and toks[0].first:
                fronted = np_after(toks, 1, k)
                if fronted is not None and (noun_class(toks[fronted[1] - 1].low) in ("org", "role", "group")
                                            or is_cap(toks[fronted[1] - 1])):
                    cands.insert(0, fronted)  # "Bij de gemeente is niets bekend over de plannen": the gemeente's
        for c in cands:
            if c is None:
                continue
            c = _authored_by(toks, c) or c
            out = []
            for s in build(toks, c, self.lang, self.text):
                if s.kind == "person" and s.name.rsplit(" ", 1)[-1].lower() in _UNNAMED_PEOPLE:
                    s = self._unnamed_people(toks, c)
                    if s is None:
                        continue
                if not s.anaphor and self._common_word(toks, c, s):
                    continue
                s = self._field_of_officials(toks, c, s)
                r = self._resolve(s, toks[c[0]].start)
                if r is not None:
                    out.append(r)
                    if s.anaphor in _PLURAL_PRONOUNS and c[1] < len(toks) and _plural_verb(toks, c[1], self.lang):
                        out += self._coordinated_with(r, toks[c[0]].start)
            if out and all(x.name == ANONYMOUS for x in out):
                citer = self._citer(toks, c)
                if citer is not None:
                    out = [citer]  # "according to people familiar with the matter cited by X": X (GUIDELINES §5)
            alias = None
            if raw_appos is not None and c is b and len(out) == 1:
                alias = self._known_as(toks, raw_appos, out[0]) or self._named_in_apposition(toks, c, appos, out[0])
            elif len(out) == 1 and (c is a or kind == "prep") and c[1] + 2 < n and toks[c[1]].text == "," \
                    and is_cap(toks[c[1] + 1]):
                # '"…," said its travel editor, Rory Boland.': the apposition after the inverted subject names it (and
                # after "according to": "according to the city's mayor, Jide Idris.")
                named = np_after(toks, c[1] + 1, n)
                if named is not None and (named[1] >= n or toks[named[1]].text in (",", ".")):
                    alias = self._named_in_apposition(toks, c, named, out[0])
            elif len(out) == 1 and c[0] >= 3 and (start := _known_as_start(toks, c[0])) < c[0]:
                # "A hacker known as Guccifer said": the phrase runs from the description on.
                described = np_before(toks, start, 0)
                alias = self._known_as(toks, (start, c[1]), self._described(toks, described))
                if alias is not None:
                    c = ((described or (start, start))[0], c[1])
            if alias is None and len(out) == 1 and c is a and c[1] + 2 < n and toks[c[1]].text == "," \
                    and out[0].kind == "person" and not out[0].org and not is_cap(toks[c[1] + 1]) \
                    and (toks[c[1] + 1].low in _APPOSITION_OPENERS or noun_class(toks[c[1] + 1].low) == "role"):
                # '"…," said Tom Hill, a spokesman for the council.': the apposition after the inverted subject
                # describes it, as one before the verb does
                end = next((q for q in range(c[1] + 1, n) if toks[q].text in (",", ".", ";") or toks[q].inq), n)
                if end > c[1] + 1 and (end >= n or toks[end].text in (".", ";")):
                    out = [self._with_apposition(out[0], toks, (c[1] + 1, end))]
            if alias is not None:
                out = [alias]
            elif out and appos is not None and appos[0] < appos[1] and c is b and len(out) == 1 \
                    and ((out[0].kind == "person" and not out[0].org) or self._person_by_apposition(toks, c, out[0])):
                out = [self._with_apposition(out[0], toks, appos)]
            if out:
                return [self._org_taken_up(x, toks[c[0]].start) for x in out], c
        return [], None

    def _one_of_them(self, toks: list, j: int, k: int, u: int) -> tuple[Src, tuple[int, int]] | None:
        """A member of the group that spoke last, right before the verb at toks[k] (and the adverbs before it, from
        toks[j]) or right after it: "One of them (later) said", ",,…'', zegt een van hen". The group speaks (its
        member is not named)."""
        n = len(toks)
        for a in (j - 3, k + 1):
            if a < 0 or a + 2 >= n or toks[a].low not in _ONE or toks[a].inq:
                continue
            if toks[a + 1].low in ("of", "van") \
                    and toks[a + 2].low in ("them", "those", "hen", "hun"):
                group = self._group_before(toks, a, u)
                if group is not None:
                    return group, (a, a + 3)
        if self.lang == "en":
            # a bare "one": '"…," one said', "…, said one." (not "one resident said", "said one of the …")
            a = j - 1 if j >= 1 and toks[j - 1].low == "one" else k + 1
            if a < n and toks[a].low == "one" and not toks[a].inq and (
                    (a == j - 1 and (a == 0 or toks[a - 1].first or toks[a - 1].text in _QUOTE_CLOSERS
                                     or toks[a - 1].inq or toks[a].first))
                    or (a == k + 1 and (a + 1 == n or toks[a + 1].text in (".", ",", ";")))):
                group = self._group_before(toks, a, u)
                if group is not None:
                    return group, (a, a + 1)
        return None

    def _group_before(self, toks: list, a: int, u: int) -> Src | None:
        """The group whose member toks[a] ("one", "one of them") is: the last group that spoke, else a group the
        sentence before named ("Neighbours were less impressed. '…,' one said")."""
        group = next((sp for _, sp in self._tail(self.speakers, toks[a].start) if sp.kind == "group"), None)
        if group is not None:
            return group
        if u <= 0:
            return None
        before = self._all_units[u - 1].toks
        for q in range(len(before) - 1, -1, -1):
            t = before[q]
            if not t.inq and noun_class(t.low) == "group":
                phrase = np_before(before, q + 1, 0)
                found = build(before, phrase, self.lang, self.text) if phrase is not None else []
                if len(found) == 1 and found[0].kind == "group":
                    return found[0]
                return None
        return None

    def _citer(self, toks: list, c: tuple[int, int]) -> Src | None:
        """The named reporter citing the unnamed sources of toks[c]: "sources cited by Bloomberg", "people
        familiar with the matter quoted by the Post"."""
        for q in range(c[1], min(len(toks) - 2, c[1] + 8)):
            t = toks[q]
            if t.inq or t.text in (",", ";", ":", "."):
                return None
            if t.low in ("cited", "quoted") and toks[q + 1].low in ("by", "in"):
                np = np_after(toks, q + 2, len(toks))
                built = build(toks, np, self.lang, self.text) if np is not None else []
                if len(built) == 1 and built[0].kind != "unknown" and not built[0].anaphor:
                    return self._resolve(built[0], toks[np[0]].start)
                return None
        return None

    def _asked_party(self, toks: list, k: int) -> tuple | None:
        """The party asked, when the refusal at toks[k] is what the asker received: "Reporter X contacted the
        company for comment but received no response", "The BBC reached out to Acme but did not hear back",
        "De krant heeft de gemeente om een reactie gevraagd, maar kreeg geen antwoord" are the company's,
        Acme's and the gemeente's refusals, not the reporter's. () when the party asked is a pronoun: it
        refers to somebody else than the asker, and the refusal is nobody's the plain rules would find."""
        if _RECEIVE.isdisjoint(t.low for t in toks[max(0, k - 3):k + 3]):
            return None
        first = _sentence_first(toks, k) or 0
        q = next((q for q in range(first, k) if toks[q].low in _CONTACT and not toks[q].inq), -1)
        if q < 0:
            return None
        start = q + 1
        if start + 1 < k and toks[start].low == "out" and toks[start + 1].low == "to":
            start += 2  # "reached out to"
        end = k
        if self.lang == "nl" and toks[q].low in _CONTACT_PARTICIPLES:
            # a participle closing the clause: the object stands after the auxiliary ("heeft de gemeente om een
            # reactie gevraagd")
            aux = next((a for a in range(q - 1, first - 1, -1) if toks[a].low in _HAVE_NL), -1)
            if aux < 0:
                return None
            start, end = aux + 1, q
        obj = np_after(toks, start, end)
        if obj is not None and obj[1] - obj[0] == 1 and toks[obj[0]].low in _ASKED_PRONOUNS:
            return ()  # somebody the asker refers to, never the asker: no statement rather than the asker's
        return obj if obj is not None and obj[0] <= start + 1 else None

    def _coordinated_past_apposition(self, toks: list, b: tuple[int, int], k: int) -> tuple[int, int] | None:
        """The phrase opening the sentence when `b`, right before the verb, is the second of two
        coordinated subjects and the first has an apposition of its own: "Het ministerie, verantwoordelijk
        voor de renovatie, en de woordvoerder van X willen niet reageren", "The ministry, which runs the
        scheme, and the council declined to comment" are both subjects' statements."""
        i = b[0]
        if i < 5 or toks[i - 1].low not in ("en", "and") or toks[i - 2].text != ",":
            return None
        if self.lang == "nl" and not (b[1] < len(toks) and toks[b[1]].low.endswith("en")):
            return None  # two subjects take a plural verb: "…, en de provincie zeggen"
        first = _sentence_first(toks, k) or 0
        a = np_after(toks, first, i - 2)
        if a is None or a[0] != first or toks[a[1]].text != ",":
            return None
        between = toks[a[1] + 1:i - 2]
        if not between or len(between) > 15 or any(t.inq or t.text in ",;:()" for t in between):
            return None
        return a

    def _org_taken_up(self, s: Src, pos: int) -> Src:
        """"A company spokesman", "The company's spokesman, Ryan Cho", "een woordvoerder van het bedrijf": the
        organisation a common noun names is the one the story named before, as "the company" alone is."""
        words = s.org.split()
        if not words or s.org != s.org.lower() or s.anaphor or _head(words[-1]) not in L.ORG_ANAPHORA \
                or any(w in ANOTHER_BUSINESS for w in words):
            return s  # ("the rival company", "the parent company": another one)
        head = _head(words[-1])
        named = self._resolve(Src(s.org, s.org, _org_kind_of(s.org), "", anaphor="org:" + head), pos)
        if named is None or named.name == s.org or named.name == named.name.lower() or named.kind not in _ORG_KINDS:
            return s
        if s.kind == "person":
            return Src(s.name, named.name, "person", s.role, s.gender)
        return Src(named.name, named.name, named.kind, s.role) if s.name == s.org else s

    @staticmethod
    def _head_of_relative(toks: list, b: tuple[int, int]) -> tuple[int, int]:
        """The subject before a relative clause, not the clause's object: "The lawyer who represents
        the minister said" is the lawyer speaking. `b` is the phrase just before the verb of speech;
        when "who"/"which" comes a few words before it, with no comma between, and the phrase before
        that opens the sentence, that phrase is the subject."""
        for w in range(b[0] - 2, max(0, b[0] - 13), -1):  # ("A woman who said her sister was one of the victims")
            t = toks[w]
            if t.inq or t.text in ",;:()\"":
                return b
            if t.low in ("who", "which") and not t.first:
                named = next((q for q in range(b[0], b[1]) if toks[q].low not in _NAME_NOUNS), b[1])
                if named < b[1] and _names_itself(toks[w + 1:named]):
                    return named, b[1]  # "A man who goes by the name Captain Truth posted": the name the clause gives
                head = np_before(toks, w, 0)
                if head is not None and (head[0] == 0 or toks[head[0]].first or (
                        toks[head[0] - 1].first and (toks[head[0] - 1].low in _QUANT
                                                     or toks[head[0] - 1].text.isdigit()))):
                    return head  # (after a number opening the sentence: "One mother who shared the post told …")
                return b
        return b

    @staticmethod
    def _contrast_after(toks: list, k: int) -> bool:
        """Whether a contrasting conjunction after a comma follows toks[k] in its sentence, before the next verb
        of speech's clause: "…, according to a monitoring group, but the Iraqi army says …"."""
        for q in range(k + 1, len(toks) - 1):
            if toks[q].text in (".", ";", ":") or toks[q].inq:
                return False
            if toks[q].text == "," and toks[q + 1].low in _CONTRASTS:
                return True
        return False

    def _subject_before(self, pos: int, person_only: bool) -> Src | None:
        """For a pronoun opening its sentence, the subject opening the sentence before when that sentence
        made no statement and names no one else: "Milieuorganisatie Greenpeace is juist blij met de plannen.
        Zij pleit al jaren …" is Greenpeace's, not the Kamerlid's quoted before it. A Dutch "zij"/"ze" agrees
        in number with its verb: "Zij vrezen" takes up a group, "Zij pleit" no group."""
        u = bisect_right(self._unit_starts, pos) - 1
        if u < 1 or (self.records and self.records[-1].unit >= u - 1):
            return None
        if pos != self._all_units[u].start:
            # or the subject after an opening phrase: "In a statement released through their lawyer, they said"
            at = bisect_right([t.start for t in self._all_units[u].toks], pos) - 1
            before = self._all_units[u].toks[:at]
            # or the subject after a quotation and its verb: ",,Woorden zijn goedkoop'', zegt hij."
            # or right after a quotation, before its verb: '"I'm not going anywhere," he said.'
            quoted = len(before) >= 2 and (before[0].inq or not before[0].text[:1].isalnum()) and (
                (not before[-1].inq and before[-1].text[:1].isalpha()
                 and all(t.inq or not t.text[:1].isalnum() for t in before[:-1]))
                or all(t.inq or not t.text[:1].isalnum() for t in before))
            # or the subject after a fronted adverb and its verb: "Zelf zegt hij …", "Inmiddels laat ze weten …"
            fronted = self.lang == "nl" and len(before) == 2 and before[0].low in L.SKIP \
                and before[1].text[:1].islower() and not before[0].inq
            # or the pronoun a sentence opens with "volgens" or "according to": "Volgens haar zijn de beelden …"
            fronted = fronted or [t.low for t in before] in (["volgens"], ["according", "to"])
            if not quoted and not fronted and (not before or before[-1].text != ","
                               or any(t.text in (",", ";", ":") or t.inq for t in before[:-1])):
                return None
        opening = self._opening(u - 1)
        if opening is None:
            return None
        toks, phrase, found = opening
        if len(found) != 1 or found[0].kind == "unknown" or (person_only and found[0].kind != "person"):
            return None
        e = phrase[1]
        close = next((q for q in range(e + 2, min(len(toks), e + 9)) if toks[q].text == ","), -1) \
            if e < len(toks) and toks[e].text == "," else -1
        if close > 0:
            # "Zijn advocaat, mr. Joost Verhagen, vroeg om vrijspraak. ,,…'', zei hij.": the apposition names the
            # subject
            named = self._named_in_apposition(toks, phrase, (e + 1, close), found[0])
            if named is not None:
                return named
        if any(mu == u - 1 and p >= toks[phrase[1] - 1].end for mu, p, _ in self.mentions[-8:]):
            return None  # someone else named after the subject: "Breitbart Texas spoke with Dr. Taher El-badawi."
        unit_toks = self._all_units[u].toks
        if self.lang == "nl" and len(unit_toks) > 1 and unit_toks[0].low in ("zij", "ze"):
            plural = unit_toks[1].low.endswith("en") and unit_toks[1].text.isalpha()
            if plural != (found[0].kind == "group"):
                return None
        return self._resolve(found[0], toks[0].start)

    def _singular_verb_after(self, pos: int) -> bool:
        """The Dutch pronoun at pos is followed by a singular finite verb ("Zij had", "Ze ontkent"; not "Zij
        hadden", "Ze ontkennen")."""
        u = bisect_right(self._unit_starts, pos) - 1
        toks = self._all_units[u].toks if u >= 0 else []
        at = next((q for q, t in enumerate(toks) if t.start == pos), -1)
        if at < 0 or at + 1 >= len(toks):
            return False
        nxt = toks[at + 1]
        return nxt.text.isalpha() and nxt.text.islower() and not nxt.low.endswith("en") and not nxt.inq

    def _reported_subject(self, pos: int, kind: str = "person", charges_only: bool = False) -> Src | None:
        """The person (or the group: `kind`) a hearsay in the sentence before is about, for "he"/"she" when nobody
        was named: "It is alleged that the councillor accepted gifts. He denies …", "The report says the councillor
        …"; with `charges_only`, the one a verdict or a charge names ("Police charged two officers …")."""
        u = bisect_right(self._unit_starts, pos) - 1
        if u < 1:
            return None
        toks = self._all_units[u - 1].toks
        verbs = _CHARGE_VERBS if charges_only else _HEARSAY_VERBS
        q = next((q for q, t in enumerate(toks[:8]) if not t.inq and (
            (t.low in ("that", "dat") and not charges_only) or (q > 0 and t.low in verbs))), -1)
        if 0 <= q < len(toks) - 1 and toks[q + 1].low in ("that", "dat"):
            q += 1  # "It is alleged that …"
        phrase = np_after(toks, q + 1, len(toks)) if q >= 0 else None
        if phrase is None or phrase[0] != q + 1:
            return None
        found = build(toks, phrase, self.lang, self.text)
        if len(found) != 1 or found[0].kind != kind:
            return None
        return self._resolve(found[0], toks[phrase[0]].start)

    def _platform_before(self, pos: int) -> Src | None:
        """The social-media platform named last in the sentences up to pos ("removed from YouTube"), or None."""
        u = bisect_right(self._unit_starts, pos) - 1
        for v in range(u, max(-1, u - 4), -1):
            for t in reversed(self._all_units[v].toks):
                if t.start < pos and t.low in _PLATFORMS and t.low not in ("x", "threads") and t.text[:1].isupper():
                    return Src(t.text, t.text, "organisation", "")
        return None

    def _previous_subject(self, pos: int) -> Src | None:
        """The group that opens the sentence before the one at `pos` ("De ouders zijn woedend."), or None."""
        u = bisect_right(self._unit_starts, pos) - 1
        if u < 1:
            return None
        toks = self._all_units[u - 1].toks
        phrase = np_after(toks, 0, len(toks))
        if phrase is None or phrase[0] > 1:
            return None
        found = build(toks, phrase, self.lang, self.text)
        return found[0] if len(found) == 1 and found[0].kind == "group" and not found[0].anaphor else None

    def _last_phrase(self, toks: list) -> Src | None:
        """The source a sentence ends with ("… sprak met twee broers."), resolved, or None."""
        end = len(toks)
        while end > 0 and not toks[end - 1].text[:1].isalnum():
            end -= 1
        if end == 0 or toks[end - 1].inq:
            return None
        phrase = np_before(toks, end, 0)
        if phrase is None and self.lang == "nl":
            # a sentence closing with its verb: the last person it named ("Hendriks heeft een advocaat in de arm
            # genomen. Die stelt dat …")
            q = next((q for q in range(end - 1, 0, -1) if noun_class(toks[q].low) in ("role", "person", "group")
                      and toks[q - 1].low in ("een", "de", "het") and not toks[q].inq), -1)
            phrase = (q - 1, q + 1) if q > 0 else None
        if phrase is None:
            return None
        found = build(toks, phrase, self.lang, self.text)
        if len(found) != 1 or found[0].kind == "unknown":
            return None
        return self._resolve(found[0], toks[phrase[0]].start)

    def _known_as(self, toks: list, span: tuple[int, int], described: Src | None) -> Src | None:
        """"the author, known only as Lena,", "a hacker known as Guccifer": a person named by the
        words after "known/identified (only) as", in the role the description gives."""
        i, j = span
        if i < j and toks[i].low == "who":
            i += 1  # "the man, who identified himself only as Alex,"
        if j - i >= 4 and toks[i].low in _NAMED_ONESELF and toks[i + 1].low in _REFLEXIVES:
            q = i + 2
        elif j - i >= 3 and toks[i].low in _KNOWN_AS:
            q = i + 1
        else:
            return None
        while q < j and toks[q].low in ("only", "simply", "just"):
            q += 1
        if q >= j - 1 or toks[q].low != "as" or not is_cap(toks[q + 1]):
            return None
        e = q + 1
        while e < j and is_cap(toks[e]):
            e += 1  # (the name, not the punctuation or quotation mark closing it: '"Alex,"')
        name = self.text[toks[q + 1].start:toks[e - 1].end]
        role = described.role if described is not None and described.kind == "person" else ""
        return Src(name, "", "person", role)

    def _described(self, toks: list, span: tuple[int, int] | None) -> Src | None:
        """The one source a description names ("A hacker" before "known as …"), if any."""
        found = build(toks, span, self.lang, self.text) if span is not None else []
        return found[0] if len(found) == 1 else None

    def _unnamed_people(self, toks: list, c: tuple[int, int]) -> Src | None:
        """"A person who attended", "people familiar with …", "the people said": anonymous sources.

        Plain "people" or "a person" speak for nobody in particular (rumour, vox pop) and are no
        source; described ones (who attended, close to, familiar with) are the reporter's unnamed
        sources, and "the people" / "the person" refer back to them once the article has cited some.
        """
        after = toks[c[1]].low if c[1] < len(toks) else ""
        if after in _UNNAMED_TIES:
            return ANONYMOUS_SRC
        if toks[c[0]].low in ("the", "those", "these") and any(
                r.src.name == ANONYMOUS for r in self.records):
            return ANONYMOUS_SRC
        return None

    def _person_of(self, toks: list, pp: tuple[int, int]):
        """The named person right before "of/from/van/bij" + the noun phrase pp, or None."""
        b = _np_before_word(toks, pp[0] - 1, _OF_ORG_OR_TOWN)
        if b is None:
            return None
        built = build(toks, b, self.lang, self.text)
        if len(built) == 1 and built[0].kind == "person" and _named(built[0].name) and not built[0].anaphor:
            return b
        return None

    def _common_word(self, toks: list, span: tuple[int, int], s: Src) -> bool:
        """True for "Berichten zouden …": a sentence-initial common noun taken for a name (not a role noun on its
        own, which is the role's holder: "Burgemeester: '…'")."""
        if s.kind == "person" and s.role and s.name.lower() == s.role:
            return False
        words = s.name.split()
        if self.lang == "en" and len(words) == 2 and s.kind == "person" and s.role:
            if s.role.endswith("s") and s.role != words[0].lower():
                return False  # "Health officials", "Border officials": a body of officials described by its field
            words = words[:1]  # "Leading researcher": a capitalised modifier opening the sentence
        elif " " in s.name or (self.lang == "en" and not s.name.endswith("s") and not s.name.endswith("ly")):
            return False  # English: plural common nouns ("Rumours spread …") and adverbs; "Acme said" stays
        elif self.lang == "en" and s.name.endswith("s") and _lemma(s.name.lower(), "en") == s.name.lower():
            return False  # no plural the dictionary knows: "Snopes said", "Reuters said"
        elif self.lang == "nl" and span[1] - span[0] == 1 and span[1] < len(toks) \
                and toks[span[1]].low in _PERSONAL_SPEECH_NL:
            return False  # a bare word before "zegt" is a name, whatever else it means: "Wilders zegt" (a common
            #               noun takes an article there; one without says no "zegt": "Onderzoek wijst uit")
        return self._common_first_word(toks, span, words[0])

    def _neither(self, u: int, unit: _Unit) -> None:
        """"…, and neither did the police.", "Neither did the council.", "…, en de politie evenmin.":
        the ellipsis repeats the refusal or denial just made, for another source (same stance and
        claim; the evidence is its own sentence when it stands alone)."""
        if self._ellipses is None:  # the units holding one, found by one search of the whole text
            self._ellipses = {bisect_right(self._unit_starts, m.start()) - 1
                              for m in _ELLIPSIS_RE[self.lang].finditer(self.text)}
        if u not in self._ellipses:
            return
        toks = unit.toks
        n = len(toks)
        lows = [t.low if not t.inq else "" for t in toks]
        if self.lang == "en":
            at = next((k for k in range(n - 2) if lows[k] in ("neither", "nor") and lows[k + 1] in _ELLIPSIS_AUX), -1)
            if at < 0:
                return
            span = np_after(toks, at + 2, n)
        else:
            at = next((k for k in range(2, n) if lows[k] == "evenmin" and lows[k - 1] != "en"), -1)
            if at < 0:
                return
            lo = at - 1
            while lo > 0 and lows[lo - 1] not in ("en", "") and toks[lo - 1].text not in (",", ";"):
                lo -= 1
            if lo == 0 or lows[lo - 1] != "en":
                return
            span = (lo, at)
        if span is None:
            return
        before = [r for r in self.records if r.unit in (u, u - 1) and r.stance in _ANSWER_STANCES
                  and r.start < toks[at].start]
        if not before:
            return
        last = before[-1]
        found = build(toks, span, self.lang, self.text)
        if len(found) != 1 or found[0].kind == "unknown":
            return
        src = self._resolve(found[0], toks[span[0]].start)
        if src is None or (src.name, src.org) == (last.src.name, last.src.org):
            return
        start = last.start if last.unit == u else unit.start
        self.records.append(_Record(src, last.stance, start, unit.end, last.claim, last.score, u))
        self._remember(u, src, toks[span[0]].start)

    def _field_of_officials(self, toks: list, span: tuple[int, int], s: Src) -> Src:
        """"Health officials said", "Music journalist Tom Baker said": the field that describes officials or a
        named person, capitalised only as the sentence's first word, is no organisation of theirs (it was the
        organisation "Health")."""
        words = s.name.split()
        if s.kind == "person" and s.org and " " not in s.org and s.org not in words and s.role \
                and self.written_lower(s.org.lower(), toks[span[0]].start) \
                and self._common_first_word(toks, span, s.org):
            # "Music journalist Tom Baker", in a story that speaks of music: a field, no organisation "Music"
            return replace(s, org="")
        if self.lang != "en" or len(words) < 2 or words[1].lower() != s.role or s.kind != "person" \
                or not s.role.endswith("s") or s.org != words[0] or not self._common_first_word(toks, span, words[0]):
            # ("Health officials", "Election officials in Georgia": the field, then the officials)
            return s
        return replace(s, name=s.name[0].lower() + s.name[1:], org="")

    def _common_first_word(self, toks: list, span: tuple[int, int], word: str) -> bool:
        """True when `word`, the first of the sentence within `span`, is a common word of the language
        that the text never capitalises elsewhere: no name."""
        first = [t for t in toks[span[0]:span[1]] if t.first and t.text == word]
        if not first or is_adj_cap(first[0]):
            return False  # "Iraqi officials said": a nationality is no common word taken for a name
        if len(word) >= 2 and word.isupper():
            at = toks.index(first[0])
            if not (at + 1 < len(toks) and toks[at + 1].text.isupper()):
                return False  # an acronym, in a sentence that is not shouted: "OM eist twee jaar cel" (not "om")
        low = first[0].low
        if low in self.caps_seen() or low in self.persons or (self.lang == "en" and noun_class(low)) \
                or low in _MEDIA_NAMES:
            return False  # "Trouw schrijft": a newspaper's name, though "trouw" is a Dutch word too
        if _lemma(low, self.lang)[:1].isupper():
            return False  # the dictionary knows it as a name: "Brussels said", "Athens denied"
        try:
            return simplemma.is_known(low, lang=self.lang)
        except (ValueError, KeyError):
            return False

    def _named_in_apposition(self, toks: list, c: tuple[int, int], span, resolved: Src) -> Src | None:
        """"The paper's editor, Jan Brooks, said": the apposition names the unnamed role holder.

        The description is not anaphoric then ("The mayor, Tom Hale, said" introduces a new
        speaker); only an organisation it names by reference ("the paper's") is resolved.
        """
        if span is None or span[0] >= span[1]:
            return None
        described = build(toks, c, self.lang, self.text)
        d = described[0] if len(described) == 1 else None
        if d is not None and not d.role and d.kind in _ORG_KINDS and (
                not d.name[:1].isupper() or any(t.low.endswith(_GENITIVE) for t in toks[c[0]:c[1] - 1])):
            # (an owner's organisation is a description too: "Vance's record label, Northlight Records,")
            return self._organisation_named_in_apposition(toks, span)
        # A person described without a role names them too: "The man who filmed it, John Smith, said"; so does one of
        # a group: "One of the victims, Samira Idrissi, said", "Een van de buren, Piet Jansen, zegt".
        member = (c[1] - c[0] >= 3 and toks[c[0]].low in _ONE_OF and toks[c[0] + 1].low in ("of", "van")) or (
            c[0] >= 2 and toks[c[0] - 2].low in _ONE_OF and toks[c[0] - 1].low in ("of", "van"))
        described_person = d is not None and ((d.kind == "person" and not d.role and not d.name[:1].isupper())
                                              or (member and d.kind == "group"))
        if not described_person and (
                d is None or not d.role or (d.kind == "person"
                                            and not set(d.role.split()) <= set(d.name.lower().split()))):
            return None  # no role, or a named person already ("spokesman Jan Smit"; a role of two words, "chief
            #              executive", is one role)
        named = build(toks, span, self.lang, self.text)
        caps = [t for t in toks[span[0]:span[1]] if is_cap(t)]
        surnamed = len(named) == 1 and named[0].kind == "media" and not described_person and len(caps) == 2 \
            and noun_class(caps[0].low) == "" and not _proper_media(caps[0])
        if surnamed:
            # "Its editor, Jenna Fox, insisted": a role holder named by a first name and a surname that is
            # also a broadcaster's ("Fox") is a person
            named = [Src(named[0].name, "", "person", "")]
        # a rank or a trade before the name: "A police spokesman, Officer Mark Diaz, said", "Zijn raadsman,
        # advocaat Peter Plasman, stelt"
        ranked = len(named) == 1 and named[0].role and named[0].name[:1].isupper() \
            and noun_class(toks[span[0]].low) == "role"
        name_caps = caps[1:] if ranked and is_cap(toks[span[0]]) else caps
        if len(named) != 1 or named[0].kind != "person" or (named[0].role and not ranked) or named[0].anaphor \
                or not (surnamed or _looks_person(name_caps) or _given_named(name_caps)):
            return None
        if described_person:
            return Src(named[0].name, "", "person", "")
        org = d.org if d.kind == "person" else (resolved.name if resolved.kind in _ORG_KINDS else d.name)
        if d.role in _AGENT_ROLES:
            org = ""  # a private person's lawyer or agent speaks for no organisation
        return Src(named[0].name, org, "person", d.role)

    def _organisation_named_in_apposition(self, toks: list, span) -> Src | None:
        """"The shipping company involved, Norland Tankers, declined to comment": an organisation
        described in common words and named in the apposition is the named one."""
        named = build(toks, span, self.lang, self.text)
        if len(named) != 1 or named[0].anaphor or not named[0].name[:1].isupper():
            return None
        caps = [t for t in toks[span[0]:span[1]] if is_cap(t)]
        if named[0].kind == "person" and _looks_person(caps) and named[0].role:
            return None  # a person in a role after an organisation's description: not its name
        return Src(named[0].name, named[0].name, named[0].kind if named[0].kind in _ORG_KINDS else "organisation", "")

    @staticmethod
    def _person_by_apposition(toks: list, c: tuple[int, int], s: Src) -> bool:
        """A given name and a surname that is also a word of organisations ("Amy Park", "Jenna Fox") read as the
        organisation they look like; an apposition with a person's role ("…, a spokeswoman for the airline",
        "…, woordvoerder van de provincie") says a person is named (`_with_apposition` then takes the role)."""
        if s.kind not in _ORG_KINDS or s.name != s.org or s.role or c[1] - c[0] not in (2, 3):
            return False
        if noun_class(toks[c[0]].low) == "org" or toks[c[1] - 1].low in _CORPORATE:
            return False  # what the organisation is, or its legal form: "Woningcorporatie Alwel", "Acme Corp"
        return all(is_cap(t) and t.text[1:].islower() for t in toks[c[0]:c[1]])

    @staticmethod
    def _apposition_head(toks: list, span: tuple[int, int]) -> str:
        """The head noun of an apposition: its last word before a preposition ("centre" of "the national reporting
        centre for fraud")."""
        words = toks[span[0]:span[1]]
        end = next((n for n, t in enumerate(words) if n > 0 and t.low in L.PREPOSITIONS), len(words))
        return words[end - 1].low if end > 0 else ""

    def _organisation_by_apposition(self, person: Src, toks: list, span: tuple[int, int]) -> bool:
        """Whether a name read as a person's is an organisation's by its apposition: a definite description whose
        head is a body and which names no office ("Action Fraud, the UK's national reporting centre for fraud,";
        not "Mark Olsen, of the council," nor "Jan Smit, de eigenaar van de zaak,")."""
        if span[1] - span[0] < 2 or toks[span[0]].low not in ("the", "de", "het") or not person.name[:1].isupper() \
                or span[0] < 1 or toks[span[0] - 1].text != "," or person.name.split()[0].lower() in L.GIVEN_NAMES:
            return False  # (a name, its apposition right after its comma)
        # (to the comma that closes it: the phrase found may end at a genitive, "the UK's")
        end = next((q for q in range(span[0], min(len(toks), span[0] + 12)) if toks[q].text == ","), span[1])
        head = self._apposition_head(toks, (span[0], max(end, span[1])))
        return noun_class(head) == "org" and not any(noun_class(t.low) == "role" for t in toks[span[0]:end])

    def _with_apposition(self, person: Src, toks: list, span: tuple[int, int]) -> Src:
        """Take role and organisation from an apposition: "X, de burgemeester van Chicago, zei"."""
        described = build(toks, span, self.lang, self.text)
        if len(described) != 1:
            return person
        d = described[0]
        if person.kind != "person" and not d.role:
            return person  # a name read as an organisation is a person's only by a role in the apposition
        if d.kind in _ORG_KINDS and not d.role and not d.anaphor and d.name[:1].isupper() and (
                person.name == person.name.lower() or (
                    span[0] >= 2 and toks[span[0] - 2].text.islower()
                    and noun_class(toks[span[0] - 2].low) in ("role", "org"))):
            # a firm named after what it is to the story: "The auditor, Keller & Moss, declined to comment", "Het
            # platenlabel van de zangeres, Northlight Records," (also when another person's office took up the
            # role described before the apposition)
            return d
        if person.kind == "person" and not person.role and self._organisation_by_apposition(person, toks, span):
            # "Action Fraud, the UK's national reporting centre for fraud, urged …": what the name is, a body
            return Src(person.name, person.name, _org_kind_of(person.name + " " + self._apposition_head(toks, span)),
                       "")
        if d.role and any(t.low.endswith(_GENITIVE) and t.low[:-2] == d.role for t in toks[span[0]:span[1]]):
            # the office of whose relative or aide the person is: "Mary Hale, the mayor's wife," holds no office
            return Src(person.name, person.org, "person", person.role, person.gender)
        org = d.org if d.org != d.name or d.kind != "person" else ""
        if d.anaphor.startswith("org:"):
            # the organisation the description takes up, else its own noun ("a spokesman for the council")
            org = "" if d.kind == "person" else d.org
            for sp in self._recent(toks[span[0]].start):
                if sp.kind in _ORG_KINDS:
                    org = sp.name
                    break
                if sp.org:
                    org = sp.org
                    break
        return Src(person.name, org, "person", person.role or d.role, person.gender)

    @staticmethod
    def _dutch_subject_first(toks: list, b: tuple[int, int]) -> tuple[int, int]:
        """"De club heeft de supporters beloofd dat …": the phrase after the finite verb is its object.

        In a Dutch main clause that opens with its subject, the finite verb follows it and the
        noun phrase between that verb and a final participle is an object; the subject is the
        phrase that opens the clause. ("Dat heeft X gezegd", "Gisteren heeft X …": X is the subject.)
        """
        subj = _np_before_word(toks, b[0] - 1, _DUTCH_FINITE)
        if subj is None:
            return b
        if subj[0] == 0 or toks[subj[0]].first or toks[subj[0] - 1].text in (",", ";", ":", "(", "''", '"'):
            return subj
        return b

    @staticmethod
    def _subject_position(toks: list, i: int) -> bool:
        """True when a Dutch noun phrase starting at toks[i] can be the subject before its verb."""
        if i == 0 or toks[i].first:
            return True
        p = toks[i - 1]
        if p.low in L.DUTCH_QUANTIFIERS:
            # "Sommige bewoners zeggen", "Een andere buurman zegt": a quantifier opens the phrase
            q = i - 2 if i >= 2 and toks[i - 2].low in ("een", "de", "het") else i - 1
            return _Doc._subject_position(toks, q)
        if p.inq or p.text in (",", ";", ":", "(", "''", '"', "”", "'", "’", "-", "–"):
            return True
        if p.low == "en":
            # "en" that joins two main clauses ("De bouw is klaar en de bewoners vinden …"); after a comma it
            # closes a subject with an apposition instead ("De burgemeester, die …, en de wethouder")
            return i >= 2 and toks[i - 2].text != ","
        if p.low in ("maar", "want", "dus", "toch", "ook", "dat", "die", "omdat", "terwijl", "nadat",
                     "toen", "als", "hoewel", "waarin", "zodat", "of", "name", "vooral", "zelfs", "juist"):
            return True
        if i >= 4 and toks[0].first and toks[0].low in L.PREPOSITIONS and _finite_dutch(p.low):
            # a fronted prepositional phrase, the finite verb, then the subject: "Over de oorzaak doet de politie
            # geen uitspraken"
            if i <= 9 and all(t.text[:1].isalnum() and not t.inq
                              and (t.low in L.DETERMINERS or not _finite_dutch(t.low)) for t in toks[1:i - 1]):
                return True
        return p.low in L.SKIP  # verb-final after the finite verb: "Dat heeft X gezegd"

    def _before_apposition(self, toks: list, comma: int):
        """The noun phrase before an apposition or relative clause: "X, de burgemeester van Y, zei"."""
        q = comma - 1
        city = _city_before_region(toks, comma)
        if city > 0:
            q = city  # "Jane Roe, a teacher in Austin, Texas, said": the region closes the apposition
        pairs = 0
        while q > 0 and comma - q < 30:
            t = toks[q]
            if t.inq:
                # A short quoted title inside the apposition ("bedenker van de naam 'De Glimlach van
                # Breda',") is part of it; a longer quotation is somebody's words.
                r = q
                while r > 0 and toks[r - 1].inq:
                    r -= 1
                if q - r > 6 or r == 0:
                    return None
                q = r - 1
                continue
            if t.text == "." and toks[q - 1].end == t.start and (
                    toks[q - 1].low in L.TITLES or len(toks[q - 1].text) == 1 or "." in toks[q - 1].text):
                q -= 1  # a title's, an initial's or an abbreviation's period: "Brig. Gen. Saad Maan,", "U.S."
                continue
            if t.text == "," and (city := _city_before_region(toks, q)) > 0:
                q = city  # "in Tampa, Fla., who …": a city and its state are no apposition
                continue
            if t.text in (".", ";", ":"):
                return None
            if t.text == ",":
                b = np_before(toks, q, 0)
                if b is None and toks[q - 1].low in _POSTMODIFIERS:
                    b = np_before(toks, q - 1, 0)  # "the company involved,": the noun before the modifier
                if b is not None and not (b[0] > 0 and toks[b[0] - 1].low in L.PREPOSITIONS):
                    return self._relative_head(toks, b)
                if b is None and pairs == 0:
                    named = _name_after_description(toks, q, comma)
                    if named is not None:
                        return named  # "The homeowner, Greg Towers, said": a description the lexicon lacks
                pairs += 1
                if pairs > 1:
                    return None
            q -= 1
        if q == 0 or (q >= 0 and toks[q].first):
            return np_after(toks, q, comma)
        return None

    @staticmethod
    def _relative_head(toks: list, b: tuple[int, int]) -> tuple[int, int]:
        """The phrase a relative clause hangs on, when `b` ends that clause: in "The agency that
        distributed it, Getty Images, said", the phrase before the apposition is "The agency", not "it"."""
        for w in range(b[0] - 1, max(-1, b[0] - 6), -1):
            t = toks[w]
            if t.inq or t.text in ",;:()\"":
                return b
            if t.low in ("that", "who", "which", "die") and w > 0 and w <= b[0] - 2:
                return np_before(toks, w, 0) or b
            if t.low.endswith("ing") and t.text[:1].islower() and w > 0 and _cue_class(t.low, "en") == "":
                # a reduced relative clause: "The union representing the nurses, Unison, said"
                return np_before(toks, w, 0) or b
        return b

    # ---- statements --------------------------------------------------------------
    def _attributed(self, u: int, unit: _Unit, units: list) -> bool:
        toks = unit.toks
        found = []
        for k, kind, after_k in self._anchors(toks)[:6]:
            srcs, span = self._source_for(toks, k, kind, after_k, u)
            if srcs:
                found.append((k, kind, srcs, span))
                # The sentence's own speaker is the nearest antecedent of a pronoun after it: "Acme said it
                # would not comment" (not the last sentence's speaker); `_resolve` reads them.
                self._sentence_speakers += [(toks[span[0]].start, s2) for s2 in srcs]
        self._sentence_speakers = []
        if not found:
            # without a statement only "Reports that … came from X" makes one: a claim noun opening the sentence
            # and a claim its author puts forward that the sentence only names: "Smith's warning that … was
            # ignored", "De bewering van de minister dat …, werd bestreden"
            opening = toks[:2]
            return (not _AUTHORED_CLAIM_NOUNS.isdisjoint(map(_LOW, opening)) and self._came_from_claim(u, unit)) \
                or self._authored_claims(u, unit, set())
        if len(found) > 1:
            # A word inside another anchor's speaker is part of that speaker, no verb: "Worried parents said …"
            found = [f for f in found if not any(g is not f and g[3][0] <= f[0] < g[3][1] for g in found)] or found
            # "The parents said the school had not warned them": a warning reported with no content of its own is
            # what the parents say, no statement of the school's
            found = [f for f in found if f[1] != "verb" or not _addressed_only(toks, f[0], self.lang)] or found
        if len(found) > 1 and _closing_relay(toks, found[-1]):
            found = found[:-1]
        if any(f[1] != "prep" for f in found):
            # "According to X, officials said …": the verb's source speaks; not across a contrast ("…, according
            # to a monitoring group, but the army says …": two statements)
            verb_srcs = {s.name for f in found if f[1] != "prep" for s in f[2]}
            found = [f for f in found if f[1] != "prep" or all(s.name in verb_srcs for s in f[2])
                     or self._contrast_after(toks, f[0])]
        kept = self._drop_nested(toks, found)
        for f in found:
            if f not in kept:  # an outer speaker stays known for later references ("de advocaat")
                for s2 in f[2]:
                    self._remember(u, s2, toks[f[3][0]].start)
        found = self._merge_same(toks, kept)
        claim_ctx = self.claim_context and self._claim_near(u)
        made = False
        for n, (k, _kind, srcs, span) in enumerate(found):
            lo = 0 if n == 0 else min(k, span[0])
            hi = len(toks) if n + 1 == len(found) else min(found[n + 1][0], found[n + 1][3][0])
            # One source of two verbs ("The company, which denies the allegations, said …", "Smith said … but
            # declined …") is no boundary: each statement runs from after the other's verb.
            if n + 1 < len(found) and found[n + 1][3] == span and span[1] <= k:
                hi = found[n + 1][0]
            if n > 0 and found[n - 1][3] == span and span[1] <= found[n - 1][0]:
                lo = found[n - 1][0] + 1
            lo, hi = min(lo, hi), max(lo, hi)
            start, end = unit.start, unit.end
            claim = self._claim(unit, k, span, hi)
            if self._only_refers(claim):
                claim = ""  # "The claims were denied by …": the claim is the one made before (grouping)
            first = _sentence_first(toks, k)
            if n == 0 and u > 0 and not (self.records and self.records[-1].unit == u - 1) \
                    and units[u - 1].para == unit.para:
                if first is not None and toks[first].low in ("dat", "dit", "that", "this") and k - first < 12:
                    start = units[u - 1].start
                    claim = self._clip(self.text[units[u - 1].start:units[u - 1].end])
                elif judges_what_came_before(claim):
                    # "Volgens het RIVM klopt daar niets van", "Experts say there is no evidence for
                    # this": a verdict on the sentence before, whose content is the claim.
                    start = units[u - 1].start
                    claim = self._claim(units[u - 1], 0)
            lows = [t.low for q, t in enumerate(toks[lo:hi], lo) if not (span[0] <= q < span[1])]
            if start < unit.start:
                lows = [t.low for t in units[u - 1].toks] + lows
            if n + 1 == len(found) and lo > 0:
                lows += [t.low for t in toks[:lo] if t.inq]
            # An accusing verb puts its content forward even when it is negative:
            # "X beweert dat de selectie de trainer niet meer steunt" alleges.
            # A court's finding is its own assertion: "de rechtbank acht niet bewezen dat …".
            accusing = _lemma(toks[k].low, self.lang) in _ALLEGE_VERBS or not _COURT.isdisjoint(
                map(_LOW, toks[span[0]:span[1]])) or any(s2.role in _COURT for s2 in srcs)
            # A retraction ("I want to make a full retraction", "we have withdrawn the article")
            # takes back the source's own claim: its negations deny nothing of anyone else's.
            # A source that has already denied in this article keeps answering the same claim:
            # its negated content denies even far from the word "claim".
            answering = (claim_ctx and self._accused(srcs, u, units)) or (
                self.claim_context and self._denied_before(srcs, u))
            negated = answering and not accusing and self._negated_content(toks, k, span, lo, hi) \
                and not _retracting(units, u)
            # Where a verb of denial is the statement's own: the attribution, quotations, and the
            # verb's own clause up to a content clause ("wijst de beschuldiging van de hand").
            own = k + _PREDICATE_WORDS
            bare = self.lang == "en" and _bare_clause_follows(toks, k)
            if bare:
                own = k + 1  # "said the dispute over pay had been resolved": the content clause opens at once
            for q in range(k + 1, min(hi, own)):
                if (toks[q].low in ("dat", "that", ":") and not (q + 1 < hi and toks[q + 1].low in L.CLAIM_OBJECTS)
                        and not _pointing_that(toks, q, hi)) or toks[q].inq:
                    own = q  # (a content clause; "that rumor" is the object, "spreekt dat tegen" points back)
                    break
            else:
                if self.lang == "nl" and toks[k].low in L.DENY_SEPARABLE["nl"]:
                    # a Dutch verb whose particle closes its clause, however long the object: "wees de kritiek
                    # van de oppositie van de hand"
                    own = next((q for q in range(own, hi) if toks[q].inq or toks[q].low in _PARTICLE_CLAUSE_STOPS), hi)
            if own + 1 < hi and ((toks[own].low in ("dat", "that") and toks[own + 1].low in _SELF_PRONOUNS)
                                 or (bare and toks[own].low in _SELF_PRONOUNS)):
                # "Het bedrijf zegt dat het de beschuldigingen ontkent", "said that he denied …": the content
                # clause's subject is the source itself, so its verb of denial is the source's own too.
                own = next((q for q in range(own + 2, hi)
                            if toks[q].low in ("dat", "that") or toks[q].text in (",", ";")), hi)
            predicate = [t.low for q, t in enumerate(toks[lo:hi], lo)
                         if not (span[0] <= q < span[1]) and (q < own or t.inq)]
            if start < unit.start:
                predicate = [t.low for t in units[u - 1].toks] + predicate
            stance, conf = classify(lows, self.lang, negated, predicate=predicate)
            if stance == "alleges" and not _NO_WORDS.isdisjoint(lows) and _bare_no(toks[lo:hi]):
                stance, conf = "denies", 0.8  # 'Asked whether he would resign, Johnson said: "No."'
            if start < unit.start and answering and any(L.is_negation(t.low) for t in units[u - 1].toks) \
                    and not _retracting(units, u):
                stance, conf = classify(lows, self.lang, True)
            if self.lang == "nl" and stance == "denies" and _ruling(toks, k):
                stance = "alleges"  # "De klacht is door de commissie ongegrond verklaard": a body's ruling (§7)
            elif toks[k].low in _CALL and any(t.low in L.DENY_ADJ for t in toks[k:hi]):
                stance, conf = "denies", 0.75
            elif toks[k].low in _CALL and self.lang == "en" and _quoted_after_object(toks, k, _CALL_STOPS):
                stance = "alleges"  # calling X “Y” asserts Y of X: "call themselves “judges” not “arbitrators”"
            elif _kind == "nocomment" and toks[k].low in ("nor", "noch"):
                stance, conf = "no_comment", 0.9  # "Neither X nor Y responded": the cue sits inside the sources
            srcs = [self._spokesperson_of_last(self._anonymous(toks, lo, hi, s2), u) for s2 in srcs]
            score = conf * (0.9 if srcs[0].kind != "unknown" else 0.7)
            parts = [(start, end, stance, claim)]
            if len(found) == 1 and start == unit.start and stance != "alleges":
                parts = self._split_by_stance(unit, stance, claim, span) or parts
            last = self.records[-1] if self.records else None
            if n == 0 and len(srcs) == 1 and len(parts) == 1 and last is not None and last.unit == u - 1 \
                    and srcs[0].kind == "person" and not srcs[0].org and (not srcs[0].role or srcs[0].role in _SPOKES) \
                    and last.src.role in _SPOKES \
                    and last.src.kind in _ORG_KINDS and last.stance == stance \
                    and self.text.find(srcs[0].name.rsplit(" ", 1)[-1], 0, unit.start) < 0:
                # "A spokeswoman for X disputed the claim. '…,' said Jane Roe.": Jane Roe is that spokeswoman
                # (someone the story named before is somebody else: "Een woordvoerder bevestigt … Kaya laat weten").
                named = Src(srcs[0].name, last.src.org or last.src.name, "person", last.src.role)
                self.records[-1] = _Record(named, stance, last.start, end, last.claim, last.score, u)
                self._remember(u, named, toks[span[0]].start)
                made = True
                continue
            for s in srcs:
                for p_start, p_end, p_stance, p_claim in parts:
                    self.records.append(_Record(s, p_stance, p_start, p_end, p_claim, score, u))
                self._remember(u, s, toks[span[0]].start)
            made = True
        if made:
            self._authored_claims(u, unit, {s.name for f in found for s in f[2]})
        return made

    def _authored_claims(self, u: int, unit: _Unit, speakers: set) -> bool:
        """The author a statement names of the claim it takes up: "dismissed claims made by local media
        outlets that …", "denied reports in The Sun that …", "ontkent berichten van De Telegraaf dat …",
        "dismissed Smith's claim that …". The author alleges the claim (GUIDELINES §8: "claims made by local
        media that …" is its evidence), beside the statement that answers it."""
        if _AUTHORED_CLAIM_NOUNS.isdisjoint(map(_LOW, unit.toks)):
            return False  # (most units name no claim: one pass in C)
        toks = unit.toks
        n = len(toks)
        made = False
        for q, t in enumerate(toks):
            if t.inq or t.low not in _AUTHORED_CLAIM_NOUNS:
                continue
            if q == 0:
                continue  # (no author named before it; "Reports that … came from X": `_came_from_claim`)
            author = None
            r = q + 1
            if r < n and toks[r].low in _MADE and toks[r].text[:1].islower():
                r += 1  # "claims made by", "a report published in"
            if r + 1 < n and toks[r].low in _AUTHOR_PREPOSITIONS:
                author = np_after(toks, r + 1, n)
                if author is not None and author[0] > r + 2:
                    author = None
                end = author[1] if author is not None else r
            elif is_cap(toks[q - 1]) and (not toks[q - 1].first or toks[q - 1].low.endswith(_GENITIVE)):
                a = _cap_run_start(toks, q - 1)
                if not (toks[q - 1].low.endswith(_GENITIVE) or (a > 0 and toks[a - 1].low in L.DETERMINERS)):
                    continue
                author, end = (a, q), q + 1  # "Jan Smith's claim that", "a New York Times report that"
            elif q >= 2 and toks[q - 1].low.endswith(_GENITIVE) and toks[q - 2].low in L.DETERMINERS \
                    and noun_class(_head(toks[q - 1].low)) in _AUTHOR_CLASSES:
                author, end = (q - 2, q), q + 1  # "the minister's claim that", "the company's suggestion that"
            else:
                continue
            if author is not None and end + 1 < n and self.lang == "nl" and toks[end].low in ("tegen", "af"):
                end += 1  # a separable verb's particle: "spreekt beweringen van de oppositie tegen dat …"
            if author is None or end >= n or toks[end].low not in ("that", "dat") or toks[end].inq:
                continue
            src = self._author(toks, author)
            if src is None or src.name in speakers:
                continue
            start = toks[author[0]].start if author[1] <= q else t.start
            claim = self._clip(self.text[toks[end + 1].start:unit.end]) if end + 1 < n else ""
            self._alleged_by(u, src, start, unit.end, claim, toks[author[0]].start)
            made = True
        return made

    def _author(self, toks: list, span: tuple[int, int] | None) -> Src | None:
        """The one source, named or described by a noun, that the phrase toks[span] gives a claim's author."""
        built = build(toks, span, self.lang, self.text) if span is not None else []
        if len(built) != 1 or built[0].kind == "unknown" or not _described_or_named(built[0]):
            return None
        got = built[0]
        if got.name.endswith(_GENITIVE):
            got = replace(got, name=got.name[:-2])  # "the minister's claim": the minister
        return self._resolve(got, toks[span[0]].start)

    def _alleged_by(self, u: int, src: Src, start: int, end: int, claim: str, pos: int) -> None:
        """A claim's author's record, beside the statement that names it (a lower score: found second hand)."""
        self.records.append(_Record(src, "alleges", start, end, claim, _AUTHOR_SCORE, u))
        self._remember(u, src, pos)

    def _came_from_claim(self, u: int, unit: _Unit) -> bool:
        """A claim opening the sentence that came from somebody, who alleges it: "Reports that … came from the
        Foundation", "Het bericht dat … kwam van de bond". Its content is the clause between "that" and the verb."""
        toks = unit.toks
        q = 0 if toks[0].low in _AUTHORED_CLAIM_NOUNS else 1
        for r in range(q + 1, min(len(toks) - 2, q + 40)):
            t = toks[r]
            if t.inq or t.text in (";", ":"):
                return False
            if t.low in _CAME and toks[r + 1].low in ("from", "with", "van", "uit"):
                came = np_after(toks, r + 2, len(toks))
                src = self._author(toks, came)
                if src is None:
                    return False
                that = q + 1 if toks[q + 1].low in ("that", "dat") else q
                end = r - 1 if toks[r - 1].text == "," else r
                claim = self._clip(self.text[toks[that + 1].start:toks[end - 1].end]) if end > that + 1 else ""
                self._alleged_by(u, src, unit.start, unit.end, claim, toks[came[0]].start)
                return True
        return False

    def _spokesperson_of_last(self, s: Src, u: int) -> Src:
        """"De politie wil niet reageren. Een woordvoerster: …": a spokesperson without an organisation
        speaks for the organisation of the statement just before (in this or the previous unit)."""
        if s.kind != "person" or s.org or s.role not in _SPOKES or s.described:
            return s  # (a person's spokesperson, "her spokesman" after "pop singer Mia Lane", speaks for no body)
        last = self.records[-1] if self.records else None
        # "Rijkswaterstaat heeft geen meldingen binnengekregen, laat een woordvoerder weten": the organisation
        # opening this sentence; else the one of the statement just before; else, when the sentence before made no
        # statement, the organisation opening it ("De NVWA onderzoekt de zaak. Een woordvoerder wil niet …")
        org = self._opening_organisation(u)
        if org is None and last is not None and last.unit >= u - 1:
            if last.src.kind not in _ORG_KINDS:
                return s
            org = last.src
        if org is None and (last is None or last.unit < u - 1):
            org = self._opening_organisation(u - 1)
        if org is None and last is not None and last.unit == u - 2 and last.src.kind in _ORG_KINDS:
            org = last.src  # "Stadsdeel Zuid laat weten … Er worden metingen gedaan. …, aldus een woordvoerder"
        if org is None:
            return s
        if _named(s.name):
            # "Dat klopt niet, meldt Brabant Water. ,,…'', zegt woordvoerder Kees van Rijn": its spokesman
            return Src(s.name, org.name, "person", s.role, s.gender)
        return Src(org.name, org.name, org.kind, s.role)

    def _opening(self, v: int) -> tuple[list, tuple[int, int], list[Src]] | None:
        """The noun phrase opening unit v, outside quotations: (its tokens, the phrase, what it describes)."""
        if v < 0:
            return None
        toks = self._all_units[v].toks
        phrase = np_after(toks, 0, len(toks))
        if phrase is None or phrase[0] > 0 or toks[0].inq:
            return None
        return toks, phrase, build(toks, phrase, self.lang, self.text)

    def _opening_organisation(self, v: int) -> Src | None:
        """The named organisation opening unit v, resolved, or None."""
        opening = self._opening(v)
        if opening is None:
            return None
        toks, phrase, found = opening
        if len(found) != 1 or found[0].kind not in _ORG_KINDS:
            return None
        if found[0].name == toks[0].text and _participle_opening(toks, self.lang):
            return None  # "Asked about the plant, a spokesman said …": no organisation named "Asked"
        org = self._resolve(found[0], toks[0].start)
        # (a body named by its common noun speaks too: "De brandweer kreeg de brand onder controle, aldus een
        # woordvoerder", "The airline has cancelled all flights, a spokeswoman said")
        return org if org is not None and org.kind in _ORG_KINDS else None

    def _split_by_stance(self, unit: _Unit, stance: str, claim: str, span: tuple) -> list | None:
        """Split a denial or refusal spread over several sentences where the stance changes.

        ',,Dat klopt niet. Afgesproken is om het uit te zoeken", zegt de gemeente' is a denial
        followed by a statement of the gemeente's own: two records. Sentences without a cue of
        their own count as statements (alleges); a negation continues a denial.
        """
        toks = unit.toks
        # sentences, and content clauses coordinated after the first: "said it could not confirm the video
        # but that “our thoughts are with the family”", "zei dat …, maar dat …"
        asked = next((q for q, t in enumerate(toks) if t.low in _CONTACT), len(toks))
        cuts = [q for q in range(1, len(toks)) if toks[q].first or (
            q + 1 < len(toks) and toks[q].low in ("but", "maar") and not toks[q].inq and (
                (toks[q + 1].low in ("that", "dat")
                 and not (q + 2 < len(toks) and toks[q + 2].low in _FINITE_AFTER_THAT))
                or (toks[q - 1].text == "," and q <= asked)))]
        # ("but that did not stop the rumours": a pronoun, then its verb; ", maar wilde verder niet ingaan": a
        # verb coordinated after a comma, unless it tells what an asker received: "benaderde Acme, maar kreeg
        # geen reactie" is one refusal)
        if not cuts:
            return None
        bounds = [0] + cuts + [len(toks)]
        segs = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            lows = [t.low for q, t in enumerate(toks[a:b], a) if not (span[0] <= q < span[1])]
            # (a negation continues a denial, claim word or not: '"Not true. Never happened."')
            seg_stance, _ = classify(lows, self.lang, stance == "denies")
            segs.append([toks[a].start, toks[b - 1].end, seg_stance])
        if stance not in {sg[2] for sg in segs}:
            return None  # the cue spans sentences: keep one record
        merged: list = []
        for sg in segs:
            if merged and merged[-1][2] == sg[2]:
                merged[-1][1] = sg[1]
            else:
                merged.append(sg)
        if len(merged) == 1:
            return None
        return [(a, b, st, claim if st == stance else self._clip(self.text[a:b])) for a, b, st in merged]

    def _drop_nested(self, toks: list, found: list) -> list:
        """Keep the innermost speaker: "X zegt dat getuigen verklaarden dat …" goes to the witnesses."""
        out = []
        for n, f in enumerate(found):
            if n + 1 < len(found):
                g = found[n + 1]
                inner_start = min(g[0], g[3][0])
                between = [t.low for t in toks[f[0] + 1:inner_start]]
                # (English may leave "that" out: "The alderman said the director had assured him that …".)
                nested = (any(w in ("dat", "that") for w in between) or (
                    self.lang == "en" and f[1] == "verb" and g[1] in ("verb", "nocomment") and f[0] < g[3][0]
                    and (inner_start == f[0] + 1 or (
                        # "told The Verge the company had nothing to announce": past the one told
                        toks[f[0]].low in _TOLD and np_after(toks, f[0] + 1, inner_start) == (f[0] + 1, inner_start)
                    )))) and not any(
                    w in (",", ";", "maar", "but", "although", "hoewel", "en", "and", "while", "terwijl")
                    for w in between)
                if nested and g[1] == "verb" and _says_nothing_after(toks, g[0]) \
                        and not any(s.anaphor.startswith("org:") for s in g[2]):
                    nested = False  # the inner verb has no content of its own: "Zij concluderen dat De Graaf wel iets
                    #                 in die richting heeft gezegd." is the fact-checkers' conclusion
                if nested and f[1] != "nocomment" and {s.name for s in g[2]} != {s.name for s in f[2]}:
                    outer = [s.org for s in f[2] if s.org and (s.kind in _ORG_KINDS or s.role in _SPOKES)]
                    if outer and all(s.anaphor.startswith("org:") and (
                            _org_kind_words([s.anaphor[4:]]) != "government"
                            or _org_kind_of(outer[0]) == "government") for s in g[2]):
                        # (a public body is no business's: "Jones told CNN the police had refused to comment")
                        # "a spokeswoman for Apple said the company had not …": the company is Apple, in
                        # every anchor of that clause.
                        named = [Src(outer[0], outer[0], _org_kind_of(outer[0]), "")]
                        for m in range(n + 1, len(found)):
                            if found[m][3] == g[3]:
                                found[m] = (found[m][0], found[m][1], named, found[m][3])
                    continue
            if out and {s.name for s in out[-1][2]} == {s.name for s in f[2]} and f[1] == "prep" \
                    and out[-1][1] == "prep":
                continue
            out.append(f)
        return out

    @staticmethod
    def _negated_content(toks: list, k: int, span: tuple[int, int], lo: int, hi: int) -> bool:
        """True when the reported content itself is negated ("laat weten dat het bedrijf niet meewerkt").

        Looks at quotations, at the content clause after the cue up to a relative or causal
        clause, and at content placed before a sentence-final attribution.
        """
        # In a quotation only its first clause counts: a denial comes first, later clauses explain.
        opening = True
        for m in range(lo, hi):
            t = toks[m]
            if not t.inq:
                opening = True
                continue
            if t.text in (";", ".", "–", "—", "!", "?"):
                opening = False
            elif opening and L.is_negation(t.low) and not _expectation(toks, m, hi):
                return True
        q = k + 1
        while q < hi and q < k + 4 and toks[q].low not in ("dat", "that", ":"):
            q += 1
        q = q + 1 if q < hi and toks[q].low in ("dat", "that", ":") else k + 1
        for m in range(q, min(hi, q + 12)):
            t = toks[m]
            if t.low in _RELATIVE or t.text in (",", ";"):
                # "…, not by any decision to …": a contrastive correction rejects the alternative.
                return t.text == "," and m + 1 < hi and toks[m + 1].low in ("not", "niet")
            if L.is_negation(t.low) and not _expectation(toks, m, hi):
                return True
        start = min(k, span[0])
        if start > 0 and toks[start - 1].text == "," and start >= len(toks) - 10:
            return any(L.is_negation(t.low) for t in toks[lo:start] if not t.inq)
        return False

    @staticmethod
    def _anonymous(toks: list, lo: int, hi: int, s: Src) -> Src:
        if s.role in _SPOKES and s.org:
            return s  # an unnamed spokesperson, even one who asked not to be named, speaks for the organisation
        if s.kind == "media" and not s.anaphor:
            return s  # a named outlet citing unnamed sources keeps the record (GUIDELINES §6): "…, Bloomberg
            #           reported, citing people familiar with the matter"
        if _ANON_WORDS.isdisjoint(map(_LOW, toks[lo:hi])):
            return s  # (most statements: one pass in C spares the list, the names and the phrase searches)
        if s.kind == "person" and s.name.rsplit(" ", 1)[-1].lower() in _RELATIVES:
            return s  # a relative who keeps their name out is still described: ",,…'', zegt de moeder, die anoniem
            #           wil blijven" (GUIDELINES §3, an unnamed but described speaker)
        words = [t.low for t in toks[lo:hi]]
        if _named(s.name) and not s.anaphor:
            # "Dagens Industri, citing three people with knowledge of the matter, said …": whom a named source
            # cites does not make it anonymous (GUIDELINES §5)
            cite = next((q for q in range(1, len(words)) if words[q] in _CITING and words[q - 1] == ","), -1)
            if cite > 0:
                close = next((q for q in range(cite + 1, len(words)) if words[q] == ","), len(words))
                words = words[:cite] + words[close:]
        if _ANON_WORDS.isdisjoint(words):
            return s  # (they were in whom it cites)
        joined = " " + " ".join(words) + " "
        if any(p in joined for p in _ANON_STRINGS):
            return ANONYMOUS_SRC
        return s

    @staticmethod
    def _merge_same(toks: list, found: list) -> list:
        """One record per clause and source: "wil niet reageren", "zegt en benadrukt"."""
        out: list = []
        for f in found:
            if out and _same_speakers(out[-1], f):
                lo = out[-1][0]
                between = [t.low for t in toks[lo + 1:f[0]]]
                if (not any(w in _CLAUSE_BREAK for w in between) or f[0] - lo <= 3) \
                        and not ("," in between and _in_relative_clause(toks, lo)):
                    continue  # (but "The company, which has denied wrongdoing, said it would appeal": two)
                if toks[f[0]].low in _ELABORATING and toks[f[0] - 1].text == "," and out[-1][1] != "nocomment":
                    continue  # "X denied the claims, saying …": the participle elaborates the same statement
            out.append(f)
        return out

    def _accused(self, srcs: list, u: int, units: list) -> bool:
        """True when a claim, accusation or rumour in the lede or the last units names one of srcs.

        Negated content denies only when it answers a claim about the source itself; otherwise
        "volgens X zijn de patiënten niet meegeteld" is X's own allegation.
        """
        if any(self.claim_units[v] for v in range(max(0, u - 1), u + 1)):
            return True  # a negation right after a claim answers it
        keys = set()
        for s2 in srcs:
            for name in (s2.name, s2.org):
                keys.update(w.lower() for w in name.replace("-", " ").split() if len(w) > 2 and w[:1].isupper())
        # ... or names the entity the negated content is about ("Woods is not suspended", says his agent).
        keys.update(t.low for t in units[u].toks if t.text[:1].isupper() and t.low not in L.STOP and len(t.low) > 2)
        lede = min(_LEDE_UNITS, len(units))
        # The lede's units, then the near ones past it: each unit once, in order. (The units' stems, cached per
        # unit, are worked out only when the names do not decide.)
        for v in chain(range(lede), range(max(lede, u - _ANSWER_UNITS), min(len(units), u + _ANSWER_UNITS))):
            if not self.claim_units[v] or v == u:
                continue
            if not keys.isdisjoint(self._unit_lows(v, units)) \
                    or len(self._unit_stems(u, units) & self._unit_stems(v, units)) >= 2:
                return True  # the claim names the source or the entity, or shares the content's words
        # The lede states what the article's later claims and rumours are about.
        return u < _LEDE_UNITS and any(self.claim_units[_LEDE_UNITS:u + _ANSWER_UNITS])

    def _unit_lows(self, v: int, units: list) -> set:
        got = self._lows_of.get(v)
        if got is None:
            got = self._lows_of[v] = {t.low for t in units[v].toks}
        return got

    def _unit_stems(self, v: int, units: list) -> frozenset:
        got = self._stems_of.get(v)
        if got is None:
            got = self._stems_of[v] = content_stems(self.text[units[v].start:units[v].end], self.lang)
        return got

    def _other_mentioned(self, last: "_Record", u: int) -> bool:
        """True when a person other than last's source is named between last's unit and unit u."""
        for mu, _, sp in reversed(self.mentions):
            if mu >= u:
                continue
            if mu <= last.unit:
                break
            if sp.name != last.src.name:
                return True
        return last.unit < u - 1 and self._described_before(last, u)

    def _described_before(self, last: "_Record", u: int) -> bool:
        """True when the sentence before unit u opens with another person or group, described: "De buurman, die
        anoniem wil blijven, is opgelucht. ,,Eindelijk …''" is not the lawyer quoted two sentences back."""
        toks = self._all_units[u - 1].toks
        k = 1 if len(toks) > 1 and toks[0].low in L.DETERMINERS else 0
        return k < len(toks) and not toks[k].inq and noun_class(toks[k].low) in ("person", "group") \
            and toks[k].low not in last.src.name.lower().split()

    def _sole_speakers_words(self, u: int, unit: _Unit, last: "_Record") -> bool:
        """A quotation in the first person, standing alone, in a story where one person alone has
        spoken so far, is that person's, however much narration came between (an interview or a
        portrait: ",,Ik weet wat het niveau is …''"), unless the sentence before names somebody else.
        Dutch only, as the shorter resumption (`_QUOTE_GAP`): English measured worse on folds 0–2."""
        if self.lang != "nl" or last.src.kind != "person":
            return False
        head = unit.toks[0]
        if head.text[:1].isalnum() and not head.inq:
            return False  # (narration: a word outside quotations, found without a walk over the unit)
        words = [t for t in unit.toks if t.text[:1].isalnum()]
        if not words or any(not t.inq for t in words) or not any(t.low in _FIRST_PERSON for t in words):
            return False
        if self._another_speaker(last.src.name):
            return False
        for mu, _, sp in reversed(self.mentions):
            if mu < u - 1:
                break
            if mu == u - 1 and sp.name != last.src.name:
                return False
        return last.unit >= u - 1 or not self._described_before(last, u)

    def _another_speaker(self, name: str) -> bool:
        """True when a record so far has a source other than `name`. The records before the last are
        read once each, as they come (only the last record is ever replaced): a long text must not
        rescan them all at every unit."""
        seen, names = self._record_names
        upto = len(self.records) - 1
        for r in self.records[seen:upto]:
            names.add(r.src.name)
        self._record_names = (max(seen, upto), names)
        return bool(names - {name}) or (bool(self.records) and self.records[-1].src.name != name)

    def _claim_near(self, u: int) -> bool:
        lo = max(0, u - 3)
        hi = min(len(self.claim_units), u + 4)
        return any(self.claim_units[lo:hi])

    def _feeling_then_quotation(self, u: int, unit: _Unit) -> bool:
        """A bare quotation right after a short sentence telling how a person feels or reacted is that person's:
        "Premier Mark Rutte is niet verrast door het verlies. ,,Dat betekent veel koffiedrinken.''",
        "The mayor was furious. “This should never have happened.”" (the sentence and the quotation are
        one statement). The feeling alone, without the quotation, is no statement (GUIDELINES §2)."""
        if u == 0 or not unit.toks[0].inq or (self.records and self.records[-1].unit >= u - 1):
            return False  # (a bare quotation opens with its mark)
        prev = self._all_units[u - 1]
        toks = prev.toks
        if prev.para != unit.para or len(toks) > _FEELING_WORDS or any(t.inq for t in toks):
            return False
        words = [t for t in unit.toks if t.text[:1].isalnum()]
        if not words or any(not t.inq for t in words):
            return False
        be = next((q for q, t in enumerate(toks) if t.low in _BE_FORMS), -1)
        if be < 1 or not any(t.low in L.FEELINGS[self.lang] for t in toks[be + 1:be + 6]):
            # or how the person reacted: "De wethouder reageert verbaasd op de kritiek. 'Ik begrijp er niets van.'"
            be = next((q for q, t in enumerate(toks) if t.low in _REACTED and not t.inq), -1)
            if be < 1:
                return False
        srcs, span = self._source_for(toks, be, "verb", be + 1, u - 1)
        if len(srcs) != 1 or srcs[0].kind != "person":
            return False
        lows = [t.low for t in toks[span[1]:]] + [t.low for t in unit.toks]
        stance, conf = classify(lows, self.lang, False)
        self.records.append(_Record(srcs[0], stance, prev.start, unit.end, self._claim(unit, 0), conf * 0.8, u))
        self._remember(u, srcs[0], toks[span[0]].start)
        return True

    def _continuation(self, u: int, unit: _Unit) -> None:
        """A bare quotation or a reportative 'zou' continues the previous statement's source."""
        if not self.records:
            return
        last = self.records[-1]
        sole = self._sole_speakers_words(u, unit, last)
        if last.unit < u - (_QUOTE_GAP if self.lang == "nl" else 2) and not sole:
            return
        toks = unit.toks
        if last.unit != u - 1 and toks[0].text[:1].isalnum() and not toks[0].inq:
            # (A unit opening with a word outside quotations is no bare quotation: it continues only a statement
            # in the unit right before, as "We …" or "zou" below.)
            return
        words = [t for t in toks if t.text[:1].isalnum()]
        if not words:
            return
        outside = [t for t in words if not t.inq]
        if not outside and last.stance == "no_comment" and _NO_ANSWER_RE.search(self.text, last.start, last.end):
            return  # who did not answer said nothing to quote: "De gemeente reageerde niet op vragen. ,,…''"
        if not outside and (last.unit >= u - 1 or sole
                            or (self.lang == "nl" and not self._other_mentioned(last, u))):
            # A bare quotation denies by negation only when it continues a denial or answers a claim
            # in the quotation itself; otherwise it elaborates the speaker's own account.
            neg_ok = last.stance == "denies" or self.claim_units[u]
            stance, conf = classify([t.low for t in toks], self.lang,
                                    neg_ok and self.claim_context and self._claim_near(u))
            if stance == last.stance and last.unit == u - 1:
                self.records[-1] = _Record(last.src, last.stance, last.start, unit.end, last.claim,
                                           last.score, u)
            else:
                self.records.append(_Record(last.src, stance, unit.start, unit.end,
                                            self._claim(unit, 0), conf * 0.8, u))
            return
        if last.unit == u - 1 and last.src.kind in _ORG_KINDS and not _WE.isdisjoint(map(_LOW, outside)):
            # An unquoted statement in the first person plural right after an organisation's
            # statement continues it: "We have received one complaint and …".
            stance, conf = classify([t.low for t in toks], self.lang, self.claim_context and self._claim_near(u))
            self.records.append(_Record(last.src, stance, unit.start, unit.end,
                                        self._clip(self.text[unit.start:unit.end]), conf * 0.7, u))
            return
        if last.unit == u - 1 and not L.REPORTATIVE[self.lang].isdisjoint(map(_LOW, outside)):
            if self.lang == "nl" and not any(t.low in _INFINITIVE_AUX or t.low.endswith("en") for t in outside):
                return
            if last.score == _ZOU_SCORE:
                self.records[-1] = _Record(last.src, last.stance, last.start, unit.end, last.claim, last.score, u)
                return
            self.records.append(_Record(last.src, "alleges", unit.start, unit.end,
                                        self._clip(self.text[unit.start:unit.end]), _ZOU_SCORE, u))

    # ---- coreference -------------------------------------------------------------
    def _remember(self, u: int, s: Src, pos: int) -> None:
        self.speakers.append((u, pos, s))
        if s.kind in _ORG_KINDS and " " in s.name and not s.anaphor:
            self.org_names[s.name] = s
            for w in s.name.lower().split():
                if w not in L.STOP and len(w) > 2:
                    self.orgs[w] = s
        if s.kind == "person" and " " in s.name and not (s.role.endswith("s") and s.name.endswith(" " + s.role)) \
                and s.name[:1].isupper() and s.name.rsplit(" ", 1)[-1][:1].isupper():
            # ("Apple officials" describes people and names none of them; nor do "former Google engineer" and
            # "Mia Lane's spokesman", whose capitals name an organisation or somebody else)
            words = [w for w in s.name.replace(".", " ").split() if w[:1].isupper()]
            if words:
                self.persons[words[-1].lower()] = s
                self.persons.setdefault(words[0].lower(), s)

    def _note_mentions(self, u: int, unit: _Unit) -> None:
        """Remember person names seen anywhere, for later surname and pronoun look-ups."""
        toks = unit.toks
        n = len(toks)
        done = 0
        # Only capitalised words outside quotations can open a name: find them in one comprehension.
        for i in [i for i, t in enumerate(toks) if t.text[0].isupper() and not t.inq]:  # (tokens are never empty)
            if i < done or not is_cap(toks[i]):
                continue
            if "-" in toks[i].text:
                self._note_compound_employer(u, toks[i])
            j = i
            employer = ""
            while j < n and not toks[j].inq and (is_cap(toks[j]) or (
                    toks[j].low in L.NAME_PARTICLES and j + 1 < n and (is_cap(toks[j + 1]) or (
                        toks[j + 1].low in L.NAME_PARTICLES and j + 2 < n and is_cap(toks[j + 2]))))
                    or (toks[j].text == "." and toks[j - 1].low in L.TITLES)):
                if toks[j].low in ("van", "of") and j + 1 < n and is_cap(toks[j + 1]) and sum(
                        1 for t in toks[i:j] if is_cap(t) and not noun_class(t.low) and t.low.rstrip(".")
                        not in L.TITLES) >= (1 if toks[j].text == "van" and j == i + 2 and noun_class(toks[i].low)
                                             == "role" and toks[j + 1].low in _PORTFOLIOS else 2):
                    # (first name and surname: "Wethouder Marco van Dijk" is one name; after an office a surname
                    # alone and the field the office is of: "Minister Karremans van Volksgezondheid")
                    e = j + 1
                    while e < n and not toks[e].inq and is_cap(toks[e]):
                        e += 1
                    if e - j > 2 or _orgish(toks[j + 1:e]) or noun_class(toks[i].low) in ("role", "person") \
                            or toks[i].low.rstrip(".") in L.TITLES or (
                                i > 0 and not toks[i - 1].inq and noun_class(toks[i - 1].low) == "role"):
                        # "Trainer Erik ten Berg van FC Twente", "Burgemeester Femke Halsema van Amsterdam",
                        # "burgemeester Ahmed Aboutaleb van Rotterdam": the organisation follows the name (but "Jan
                        # Peter van Dam" is one name)
                        employer = self.text[toks[j + 1].start:toks[e - 1].end]
                        break
                j += 1
            if j == i + 1:
                # (most runs: one word, which names no new person; a title alone names nobody either)
                low = toks[i].low
                if low in self.persons and low.rstrip(".") not in L.TITLES:
                    self.mentions.append((u, toks[i].start, self.persons[low]))
                else:
                    self._note_org(u, toks, i, j, n)
                done = j
                continue
            titled = any(t.low.rstrip(".") in L.TITLES for t in toks[i:j])
            run = [t for t in toks[i:j] if t.text != "." and t.low.rstrip(".") not in L.TITLES]
            owner = [n for n, t in enumerate(run[:-1]) if t.low.endswith(_GENITIVE)]
            if owner:
                run = run[owner[-1] + 1:]  # "Daring Fireball's John Gruber": the person after the owner
            office = trade = ""
            if len(run) >= 2 and run[0].first and noun_class(run[0].low) == "group" and is_cap(run[1]):
                # "Oppositiepartijen GroenLinks-PvdA en D66": a plural common noun opening the sentence says what
                # the names after it are, none of them a person's (each is looked at on its own)
                continue
            while len(run) >= 2 and noun_class(run[0].low) in ("role", "person") and (is_cap(run[1]) or (
                    len(run) >= 3 and run[1].low in L.NAME_PARTICLES and run[1].text[:1].isupper())):
                # "Burgemeester Halsema", "Mayor Tom Hale", "Minister De Vries", "Zanger Jan Smit": the office
                # or trade is no part of the name (a trade is no office either)
                office = _head(run[0].low) if noun_class(run[0].low) == "role" else office
                trade = _head(run[0].low)
                run = run[1:]
            # (a surname with its particles: "Staatssecretaris Van den Berg", "Minister De Jong")
            particled = len(run) >= 2 and all(t.low in L.NAME_PARTICLES for t in run[:-1]) and is_cap(run[-1])
            if (len(run) == 1 or particled) and (titled or office) and run[-1].low not in self.persons:
                title = next((t.low.rstrip(".") for t in toks[i:j] if t.low.rstrip(".") in L.TITLES), "")
                role = office or (title if noun_class(title) == "role" else "")
                # "Premier Rutte", "Burgemeester Halsema": the surname names the person, in that role.
                self.persons[run[-1].low] = Src(self.text[run[0].start:run[-1].end], "", "person", role)
            if 2 <= len(run) <= 4 and _looks_person(run) and not any(is_adj_cap(t) for t in run[:1]) \
                    and not (i > 0 and not toks[i - 1].inq and noun_class(toks[i - 1].low) == "org"):
                # (an organisation's noun before the name: "supermarktketen Albert Heijn" is no person)
                name = self.text[run[0].start:run[-1].end]
                # "Wethouder Peter Jansen (VVD)": the office, and the party in brackets after the name.
                party = toks[j + 1].text if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" \
                    and toks[j + 1].text[:1].isupper() and not toks[j + 1].text[-1:].isdigit() else ""
                s = Src(name, party or employer, "person", office)
                if run[-1].low not in self.persons:
                    self.persons[run[-1].low] = s
                if not trade and i > 0 and run[0] is toks[i] and noun_class(toks[i - 1].low) in ("role", "person"):
                    trade = _head(toks[i - 1].low)
                if trade:  # "pop singer Mia Lane": "the singer" and "the singer's publicist" may take her up
                    self.trades.setdefault(trade, s)
                described = (j < n and (toks[j].text == "," or toks[j].low in _INTRODUCING)
                             and _introduced_as(toks, j)) or (i > 1 and toks[i - 1].text == ","
                                                               and _introduced_before(toks, i))
                if described:  # "Paul Clark, a researcher at the museum", "Piet Hendriks is directeur": likewise
                    self.trades.setdefault(described, s)
                self.mentions.append((u, toks[i].start, s))
            elif (len(run) == 1 or particled) and run[-1].low in self.persons:
                self.mentions.append((u, toks[i].start, self.persons[run[-1].low]))
            else:
                self._note_org(u, toks, i, j, n)
            done = max(j, i + 1)

    def _note_compound_employer(self, u: int, tok) -> None:
        """The organisation a compound's role names ("Feyenoord-trainer", "Amazon-topman"), mentioned for a later
        definite description to take up: "De club wil het nieuws niet bevestigen"."""
        pre, _, post = tok.text.rpartition("-")
        if pre[:1].isupper() and pre.lower() not in _RANK_PREFIXES and noun_class(post.lower()) == "role":
            self.org_mentions.append((u, tok.start, Src(pre, pre, _org_kind_of(pre), "")))

    def _body_of_field(self, toks: list, i: int, j: int, n: int) -> tuple[int, Src] | None:
        """A body named by its noun and its field around the capitalised run toks[i:j] of the n tokens ("het
        ministerie van Volksgezondheid", "The Department of Health"): where it starts and the body, or None."""
        if i > 1 and toks[i - 1].low in _OF_FIELD and toks[i - 2].text.isalpha() and toks[i - 2].text.islower() \
                and not toks[i - 2].inq and noun_class(toks[i - 2].low) == "org":
            start, end = i - 2, j
        elif j == i + 1 and j + 1 < n and toks[j].low in _OF_FIELD and is_cap(toks[j + 1]) \
                and noun_class(toks[i].low) == "org":
            start, end = i, j + 1
            while end < n and not toks[end].inq and is_cap(toks[end]):
                end += 1
        else:
            return None
        name = self.text[toks[start].start:toks[end - 1].end]
        return start, Src(name, name, _org_kind_words([_head(toks[start].low)]), "")

    def _note_org(self, u: int, toks: list, i: int, j: int, n: int) -> None:
        """A named organisation mentioned before it speaks ("Acme Corp makes batteries", "De gemeente Utrecht
        wil …"), for a later definite description to take up: "The company said", "Volgens de gemeente"."""
        field = self._body_of_field(toks, i, j, n) if (i > 1 and toks[i - 1].low in _OF_FIELD) or (
            j < n and toks[j].low in _OF_FIELD) else None
        if field is not None:
            self.org_mentions.append((u, toks[field[0]].start, field[1]))
            return
        if i > 0 and not toks[i - 1].inq and noun_class(toks[i - 1].low) == "org":
            # "het bedrijf Vérian" is Vérian; a public body keeps its noun: "de gemeente Utrecht"
            noun, name = toks[i - 1], self.text[toks[i].start:toks[j - 1].end]
            kind = _org_kind_words([noun.low])
            if kind == "government":
                name = f"{noun.text} {name}"
            self.org_mentions.append((u, noun.start, Src(name, name, kind, "")))
            return
        key = self.text[toks[i].start:toks[j - 1].end]
        named = self._org_names.get(key)
        if named is None:  # (worked out once per name: a story names its organisations again and again)
            acronym = j == i + 1 and 2 <= len(toks[i].text) <= 6 and toks[i].text.isalpha() \
                and toks[i].text.isupper() and toks[i].low not in _COUNTRY_ACRONYMS
            named = self._org_names[key] = [] if (
                not _orgish(toks[i:j]) and not (j == i + 1 and noun_class(toks[i].low) == "org") and not acronym
                # a capitalised word alone (unless its head says so: "Belastingdienst", or it is an acronym: "de NS")
                # mostly opens a sentence (after an article it may be a place as well as a business: "de Veluwe")
            ) else [s for s in build(toks, (i, j), self.lang, self.text)
                    if s.kind in _ORG_KINDS and not s.anaphor and s.name[:1].isupper()]
        if named:  # (most capitalised words name none)
            self.org_mentions += [(u, toks[i].start, s) for s in named]

    @staticmethod
    def _tail(items: list, pos: int) -> list:
        """(offset, source) of the items before pos and within the look-back horizon, newest first.

        Items are appended in text order, so only the tail is scanned: O(1) amortised per call.
        """
        out = []
        for n in range(len(items) - 1, max(-1, len(items) - 40), -1):
            _, p, s = items[n]
            if p >= pos:
                continue
            if p < pos - _HORIZON:
                break
            out.append((p, s))
        return out

    def _issuer(self, name: str, pos: int) -> Src | None:
        """Who issued the document a definite "the statement" speaks for, told in the sentences before pos:
        "Acme issued a statement on Monday. '…,' the statement said" is Acme's; so is a statement told
        of a speaker's record ("In a statement, Acme said …" before "The statement added …")."""
        head = name.rsplit(" ", 1)[-1].lower()
        if head not in _ISSUED_DOCS:
            return None
        u = bisect_right(self._unit_starts, pos) - 1
        for v in range(u - 1, max(-1, u - 4), -1):
            toks = self._all_units[v].toks
            for q in range(len(toks) - 1, 0, -1):
                if toks[q].low != head or toks[q - 1].low not in ("a", "an", "its", "his", "her", "their", "een"):
                    continue
                said = next((r for r in reversed(self.records) if r.unit == v), None)
                if said is not None:
                    return said.src  # ("According to a statement from the ministry, …": the ministry's)
                if q + 1 < len(toks) and toks[q + 1].low in ("from", "by", "van", "door"):
                    return None  # "a letter from a reader": its writer, not who published it
                verb = next((d for d in range(q - 2, max(-1, q - 4), -1) if toks[d].low in _ISSUE_VERBS), -1)
                subject = np_before(toks, verb, 0) if verb > 0 else None
                if subject is None:
                    return None
                found = build(toks, subject, self.lang, self.text)
                if len(found) != 1 or found[0].kind in ("unknown", "anon") or found[0].anaphor.startswith("doc:"):
                    return None  # (a document issuing a document names nobody)
                return self._resolve(found[0], toks[subject[0]].start) if found[0].anaphor else found[0]
        return None

    def _recent(self, pos: int) -> list[Src]:
        """Speakers and person mentions before pos, most recent first."""
        return [s for _, s in self._recent_at(pos)]

    def _recent_at(self, pos: int) -> list[tuple[int, Src]]:
        """(offset, source) of the speakers and person mentions before pos, most recent first."""
        cands = self._tail(self.speakers, pos) + self._tail(self.mentions, pos)
        cands.sort(key=lambda c: -c[0])
        return cands[:12]

    def _resolve(self, s: Src, pos: int) -> Src | None:
        a = s.anaphor
        owned = self._owner_of_agent(s)
        if owned is not None:
            return owned
        if not a:
            if s.kind == "person" and not s.role and s.name in self.org_names:
                return self.org_names[s.name]  # "Volgens Privé Nieuws" after "roddelsite Privé Nieuws": the site
            if s.kind == "person" and not s.role and " " in s.name:
                # the first words of an organisation's name that spoke: "Blue Harbor" after "Blue Harbor Research"
                full = next((o for name, o in self.org_names.items() if name.startswith(s.name + " ")), None)
                if full is not None:
                    return full
            words = s.name.split()
            while len(words) > 1 and words[0].lower() in L.NAME_PARTICLES:
                words = words[1:]  # "Van den Boon" is the surname of "Ton van den Boon"
            if len(words) == 1 and words[0].lower() in self.persons and len(s.name.split()) > 1:
                return self.persons[words[0].lower()]
            if len(words) >= 3 and words[1] in ("of", "van") and words[0].lower() in self.persons \
                    and words[2].lower() not in L.NAME_PARTICLES:  # "Jan van den Berg" is one name
                # "Mr. Murren of MGM" after "James J. Murren": that person, speaking for MGM.
                full = self.persons[words[0].lower()]
                return Src(full.name, " ".join(words[2:]), "person", full.role)
            if s.kind == "person" and len(words) <= 2:
                key = words[-1].lower() if words else ""
                full = self.persons.get(key) if (len(words) == 1 or words[0].lower() in L.NAME_PARTICLES
                                                 or words[0].lower() in ("van", "de")) else None
                if full is not None:
                    return Src(full.name, s.org or full.org, "person", s.role or full.role)
            elif len(words) == 1:
                full = self.persons.get(s.name.lower())
                if full is not None and s.role and (s.role in _SPOKES or s.role in _AGENT_ROLES) \
                        and full.kind == "person" and s.role != full.role:
                    # A person's spokesperson or lawyer is described, for no organisation (GUIDELINES §3, §4):
                    # "de woordvoerder van Smit" after "Jan Smit" is "woordvoerder van Jan Smit".
                    desc = self._agent_of(s.role, full.name)
                    return Src(desc, "", "person", s.role)
                if full is not None:
                    return full
            if s.kind == "person" and not s.org and words:
                # "Wethouder Marco van Dijk (GroenLinks) betreurt …": the party in brackets the mention saw.
                full = self.persons.get(words[-1].lower())
                if full is not None and full.name == s.name and full.org:
                    return Src(s.name, full.org, "person", s.role or full.role)
            return s
        recent = self._recent(pos)
        speakers = [sp for _, sp in self._tail(self.speakers, pos)]
        own = [(p, sp) for p, sp in self._sentence_speakers if p < pos]
        if a in ("hij", "he", "she", "ze", "zij", "they"):
            person_only = a in ("hij", "he", "she")
            if a in ("zij", "ze", "they"):
                # "De rechtbank veroordeelde de oud-verpleegkundige. Zij had alle beschuldigingen ontkend", "Het OM
                # verdenkt twee agenten. Zij ontkennen dat": "zij" takes up the person or the group a verdict or a
                # charge names before any body, by its verb's number
                singular = a != "they" and self._singular_verb_after(pos)
                accused = self._reported_subject(pos, "person" if singular else "group", charges_only=True)
                if accused is not None:
                    return accused
            subject = self._subject_before(pos, person_only)
            if subject is not None and self._agrees(a, subject):
                return subject
            # (not a name in the same clause before the pronoun: in "Over een vertrek van Kenneth Taylor wilde hij
            # weinig kwijt" he is not Taylor, who would have been named as the subject)
            fits = [(p, sp) for p, sp in self._tail(self.mentions, pos)
                    if p >= self.unit_start and not self._same_clause(p, pos)]
            fits += [(p, sp) for p, sp in self._tail(self.speakers, pos) if p >= self.prev2_start] + own
            fits.sort(key=lambda c: -c[0])
            for _, sp in fits:
                # (an organisation speaking through its spokeswoman is "she": "A spokeswoman for the clinic said
                # she could neither confirm nor deny")
                if (sp.kind == "person" or not person_only or (sp.role in _SPOKES and _gender(sp) != "x")
                        or (sp.role and sp.role not in _SPOKES and sp.kind in _ORG_KINDS)) \
                        and self._agrees(a, sp):
                    # (through a "spokesperson" an organisation is neither "he" nor "she"; its owner or director,
                    # who spoke for it unnamed, is: "De eigenaar van het café wil niets kwijt. Hij laat weten …")
                    return sp
            if person_only and self.lang == "en":
                # "Olsen said the plant would close. He added …": a bare name the lexicon cannot tell is a
                # person's once "he" or "she" takes it up (not in Dutch, where a sentence may open with a
                # bare common noun: "Navraag wijst uit dat …")
                for _, sp in fits:
                    if _bare_name(sp):
                        return Src(sp.name, "", "person", "")
            if person_only and not any(sp.kind == "person" for _, sp in fits):
                # (nobody named, or only a body: "The jury found the former nurse guilty. She had denied …")
                accused = self._reported_subject(pos)
                if accused is not None and self._agrees(a, accused):
                    return accused
                # "De politie sprak met een getuige. Hij zei …", "a complaint from a prisoner. He said …": the
                # person the sentence before ended with, described, nobody named
                u = bisect_right(self._unit_starts, pos) - 1
                last = self._last_phrase(self._all_units[u - 1].toks) if u >= 1 else None
                if last is not None and last.kind == "person" and not last.anaphor and self._agrees(a, last):
                    return last
            if not person_only and not fits:
                # "De ouders zijn woedend. Zij eisen opheldering": a plural pronoun opening a sentence takes
                # up the group that opened the one before, when no speaker is nearer.
                group = self._previous_subject(pos)
                if group is not None:
                    return group
            return next((sp for p, sp in self._recent_at(pos) if (sp.kind == "person" or not person_only)
                         and self._agrees(a, sp) and not (p >= self.unit_start and self._same_clause(p, pos))), None)
        if a in ("it", "het"):
            # The organisation that spoke, else the one the story named last: "Acme Corp published a report.
            # It claimed …"
            mentioned = [sp for _, sp in self._tail(self.org_mentions, pos)]
            return next((sp for sp in [sp for _, sp in reversed(own)] + speakers + mentioned
                         if sp.kind in _ORG_KINDS), None)
        if a.startswith("org:"):
            head = a[4:]
            for sp in speakers:
                if head and (_names_head(sp.name, head) or _names_head(sp.org, head)):
                    return sp if sp.kind != "person" else Src(sp.org, sp.org, _org_kind_of(sp.org), "")
            if head and self.lang == "nl":
                described = self._described_as(head, pos)
                if described is not None:
                    return described  # "belooft de supermarkt" after "Supermarktketen Plus", another body spoke between
            if head in _MEDIA_ANAPHORA:
                # "Volgens de krant" after "De Telegraaf meldt", "The website said" after "TMZ reported": the outlet
                # that reported last; a website may be one the lexicon does not know as media
                for sp in speakers + [sp for _, sp in self._tail(self.org_mentions, pos)]:
                    if sp.kind == "media" or (head in _ONLINE and sp.kind == "organisation" and sp.name[:1].isupper()):
                        return sp
            if not head or head in _GENERIC_HEADS:
                business = head in _BUSINESS_HEADS  # "the company", "the airline": no ministry or council
                for sp in speakers:
                    if sp.kind == "media":
                        continue  # the paper that reported is not "the club" or "the company" of the story
                    if sp.name == sp.name.lower() and sp.org == sp.name and head \
                            and _head(sp.name.split()[-1]) != head:
                        continue  # a body named by another common noun: "the union" is not "the company"
                    if sp.kind in _ORG_KINDS and not (business and sp.kind == "government"):
                        return sp
                    if sp.org and sp.role in _OBSERVER_ROLES:
                        continue  # an analyst's firm is not the story's company ("Neil Mawston, an analyst at …")
                    if sp.org and not (business and (_org_kind_of(sp.org) == "government"
                                                     or sp.role in L.POLITICAL_ROLES or _party(sp.org))):
                        return Src(sp.org, sp.org, _org_kind_of(sp.org), "")
            if head == "platform":
                platform = self._platform_before(pos)
                if platform is not None:
                    return platform  # "The video was removed from YouTube. A spokeswoman for the platform said"
            named = self.orgs.get(head) if head else None
            if named is not None:
                return named  # "de gemeente" far after "gemeente Eindhoven"
            # None has spoken yet: the organisation the story named last ("Acme Corp makes batteries. The
            # company said …"), one of the head's kind when it says ("De gemeente Utrecht … volgens de gemeente").
            mentioned = [sp for _, sp in self._tail(self.org_mentions, pos)]
            for sp in mentioned:
                if head and _names_head(sp.name, head):
                    return sp
            if not head or head in _GENERIC_HEADS:
                business = head in _BUSINESS_HEADS
                for sp in mentioned:
                    if sp.kind != "media" and not (business and (sp.kind == "government" or _party(sp.name)
                                                                 or _no_business(sp.name))):
                        return sp
                if business:
                    named = self._subject_name_before(pos)
                    if named is not None:
                        return named
            return s
        if a.startswith("other:"):
            head = a[6:]
            for sp in speakers:
                if sp.role == head and sp.org:
                    return Src(s.name, sp.org, "person", head)
            return Src(s.name, "", "person", head)
        if a.startswith("aged:"):
            # the person named last ("Veerman … zei de 25-jarige international"), unless another of the office spoke
            head = a[5:]
            for sp in speakers:
                if sp.kind == "person" and sp.role == head:
                    return sp
            return next((sp for sp in recent if sp.kind == "person" and _named(sp.name)),
                        Src(s.name, "", "person", s.role))
        if a == "nationality:":
            # "the Dutchman said", "aldus de Braziliaan": the person who spoke in the two sentences before (a writer
            # names the speaker again by where they come from), else the person the story named last
            return next((sp for sp in self._near_speakers(pos) + recent if sp.kind == "person" and _named(sp.name)),
                        None)
        if a.startswith("player:"):
            # "aldus de middenvelder": the player who spoke in the two sentences before, else the person named last
            # who holds no other office (not the coach the player spoke with)
            other = {sp.name for trade, sp in self.trades.items() if trade not in PLAYER_POSITIONS}
            return next((sp for sp in self._near_speakers(pos) + recent if sp.kind == "person" and _named(sp.name)
                         and (not sp.role or sp.role in PLAYER_POSITIONS) and sp.name not in other),
                        Src(s.name, "", "person", ""))
        if a == "doc:":
            media = next((sp for sp in speakers if sp.kind == "media"), None)
            return media if media is not None else self._issuer(s.name, pos)
        if a.startswith("poss:"):
            # "her lawyer", "zijn woordvoerder": a person's agent is described with the person's name, a
            # spokesperson of an organisation speaks for it (GUIDELINES §3, §4)
            owner = self._resolve(Src(a[5:], "", "unknown", "", anaphor=SUBJECT_OF[a[5:]]), pos)
            if owner is None:
                return Src(s.name.lower(), "", "person", s.role)
            if owner.kind != "person":
                return owner if s.role in _SPOKES else Src(s.name.lower(), "", "person", s.role)
            near = {sp.name for p, sp in self._tail(self.mentions, pos) + self._tail(self.speakers, pos)
                    if p >= self.prev2_start and sp.kind == "person"}
            if " " not in owner.name or owner.anaphor or near != {owner.name}:
                return Src(s.name.lower(), "", "person", s.role)  # no named owner, or more than one person near
            role = s.name.lower()
            # Described once the lede's speakers are named (`_forward_references`: "his agent … His agent,
            # Mark Steinberg, said" is Mark Steinberg); until then the bare role, as before.
            return Src(role, "", "person", s.role, described=self._agent_of(role, owner.name))
        if a.startswith("role:"):
            head = a[5:]
            for sp in speakers:
                if sp.role == head:
                    return sp
            if head in _SPOKES:
                # "Dat zegt een woordvoerder van de gemeente. … ,,…'', aldus de woordvoerder": the spokesperson
                # speaks for the organisation that spoke last (GUIDELINES §4)
                for sp in speakers:
                    if sp.kind in _ORG_KINDS:
                        return sp
            if head in self.trades and head not in _SPOKES and head not in _AGENT_ROLES:
                held = self.trades[head]  # "pop singer Mia Lane … The singer denied it"
                if held.role or noun_class(head) != "role":
                    return held
                # an office the name was introduced with is the person's role: "the state's health commissioner, Jide
                # Idris" (a trade is no office: "the singer" has none)
                return Src(held.name, held.org, held.kind, head, held.gender)
            if "'s " in s.name or "’s " in s.name:
                return s  # whose it is the phrase says: "the suspect's lawyer" is nobody named before in another office
            people = noun_class(head) != "role"  # "de buurman", "the woman": no office another holds
            for sp in recent:
                agent = sp.role in _SPOKES or sp.role in _AGENT_ROLES
                if (head in _POLITICAL_OFFICES and _head(sp.role) in _EXECUTIVE_OFFICES) or (
                        head in _EXECUTIVE_OFFICES and _head(sp.role) in _POLITICAL_OFFICES):
                    continue  # a politician's office is not an official's: "de staatssecretaris" is no director-general
                if head in _NAMED_OFFICES and _head(sp.role) in _NAMED_OFFICES and _head(sp.role) != head:
                    continue  # one office is not another: "de burgemeester" is not the alderman quoted before
                if sp.kind == "person" and ((sp.role and not people and not (agent and head not in _SPOKES
                                                                              and head not in _AGENT_ROLES))
                                            or head in ("official", "officier")
                                            or (head in sp.name.lower().split() and not agent)):
                    # ("the singer" is not "a spokesperson for the singer", "the player" not the player's agent)
                    return sp
            return s
        return s

    def _near_speakers(self, pos: int) -> list[Src]:
        """The speakers of the two sentences before pos and of its own, newest first."""
        return [sp for p, sp in self._tail(self.speakers, pos) if p >= self.prev2_start]

    def _same_clause(self, p: int, pos: int) -> bool:
        """Whether the text from p to pos (in one sentence) crosses no clause boundary: no punctuation, no
        subordinating or coordinating word."""
        u = bisect_right(self._unit_starts, pos) - 1
        if u < 0:
            return False
        toks = self._all_units[u].toks
        lo = bisect_right(toks, p, key=_START)
        for t in toks[lo:]:
            if t.start >= pos:
                return True
            if t.inq or t.low in _CLAUSE_BOUNDARIES:
                return False
        return True

    def _subject_name_before(self, pos: int) -> Src | None:
        """The business a sentence before (or this one, before pos) is about, named by one capitalised word as its
        subject, for "the company" or "the Cupertino company" when no organisation was named otherwise: "Apple is
        reportedly working on …", "… reported that Amazon plans …". A word the lexicon knows, a person's name and
        a day are none."""
        u = bisect_right(self._unit_starts, pos) - 1
        for v in range(u, max(-1, u - 3), -1):
            toks = self._all_units[v].toks
            for q in range(len(toks) - 2, -1, -1):
                t = toks[q]
                if t.start >= pos or t.inq or not t.text[:1].isupper() or not t.text.isalpha() or t.text.isupper():
                    continue
                if (q > 0 and toks[q - 1].low not in ("that", "dat")) or (q == 0 and not t.first):
                    continue  # the subject opens the sentence or its reported clause
                if q == 0 and t.low not in self.caps_seen():
                    continue  # capitalised only where a sentence opens: maybe any word ("Reports", "Desgevraagd")
                nxt = toks[q + 1]
                if not (nxt.text.isalpha() and nxt.text.islower()) or nxt.inq \
                        or (nxt.low in L.STOP and nxt.low not in _SUBJECT_VERBS) or noun_class(nxt.low):
                    continue  # a verb follows: "Apple is", "Amazon plans", "Philips ontslaat"
                low = t.low
                if low in L.STOP or noun_class(low) or low in self.persons or low in L.GIVEN_NAMES \
                        or low in _WEEKDAYS or low in _MONTHS or is_adj_cap(t):
                    continue
                return Src(t.text, t.text, "organisation", "")
        return None

    def _described_as(self, head: str, pos: int) -> Src | None:
        """The organisation the story introduced by a Dutch compound of the head's noun, when no speaker's name holds
        the head: "Supermarktketen Plus …" is "de supermarkt", "pluimveebedrijf De Gouden Hoen" is "het bedrijf"."""
        for p, sp in self._tail(self.org_mentions, pos):
            end = self.text.find(" ", p, p + 40)
            word = self.text[p:end].lower() if end > p else ""
            if len(word) > len(head) + 2 and (word.startswith(head) or word.endswith(head)) \
                    and not sp.name.lower().startswith(word):
                return sp
        return None

    def _coordinated_with(self, sp: Src, pos: int) -> list[Src]:
        """The speakers named in one phrase with `sp` in the last statement before pos ("De gemeente en de
        school zijn het oneens …": the school's partner is the gemeente), for a plural pronoun that takes up
        one of them ("Zij zeggen …"); [] when `sp` spoke alone."""
        tail = self._tail(self.speakers, pos)
        at = next((p for p, other in tail if other is sp), None)  # (the resolved speaker is mostly the one kept)
        if at is None:
            at = next((p for p, other in tail if other == sp), None)
        if at is None:
            return []
        partners = [other for p, other in tail if p == at and other is not sp and other != sp]
        return list(dict.fromkeys(partners))

    def _agrees(self, pronoun: str, sp: Src) -> bool:
        """Whether a personal pronoun can take up `sp`: "she" (and Dutch "zij", "ze") no man, "he" no woman.
        A person's gender is told by a noun ("the spokeswoman", "de buurman")."""
        if sp.kind != "person" or pronoun not in _GENDERED_PRONOUNS:
            return True
        return _gender(sp) != _GENDERED_PRONOUNS[pronoun]

    def _agent_of(self, role: str, name: str) -> str:
        """A person's agent or spokesperson described (GUIDELINES §3): "Mia Lane's lawyer", "advocaat van Jan Smit"."""
        return f"{role} van {name}" if self.lang == "nl" else f"{name}'s {role}"

    def _owner_of_agent(self, s: Src) -> Src | None:
        """A person's publicist, lawyer, agent or spokesperson named by the person's genitive is
        described with the person's full name (GUIDELINES §3): "the singer's publicist" after "pop
        singer Mia Lane", and "Lane's publicist", are "Mia Lane's publicist". None when the owner is
        no person of the text."""
        if self.lang != "en" or s.kind != "person" or (s.role not in _AGENT_ROLES and s.role not in _SPOKES):
            return None
        owner, _, agent = s.name.replace("’", "'").rpartition("'s ")
        if owner.lower().startswith("the "):
            owner = owner[4:]
        words = owner.split()
        if not words or (agent not in _AGENT_ROLES and agent not in _SPOKES):
            return None
        full = self.persons.get(words[-1].lower()) if owner[:1].isupper() else None
        if full is None and len(words) == 1 and owner.islower():
            full = self.trades.get(_head(owner))
        if full is None or full.kind != "person" or " " not in full.name:
            return None
        return Src(self._agent_of(agent, full.name), "", "person", s.role)

    # ---- claim text --------------------------------------------------------------
    def _claim(self, unit: _Unit, k: int, span: tuple[int, int] | None = None, hi: int | None = None) -> str:
        """The proposition: the quotation, the content clause, or the unit without its attribution.

        `hi` is where the next statement of the unit begins: a content clause ends before it and
        before the words that join the two ("X said A, but Y denied B": A)."""
        toks = unit.toks
        quoted = [t for t in toks if t.inq and t.text[:1].isalnum()]
        if quoted:
            return self._clip(self.text[quoted[0].start:quoted[-1].end])
        hi = len(toks) if hi is None else hi
        end = unit.end
        if hi < len(toks):
            last = hi
            while last > k + 1 and (toks[last - 1].low in _JOINING or not toks[last - 1].text[:1].isalnum()):
                last -= 1
            end = toks[last - 1].end
        for q in range(k, min(hi, k + 20)):
            if toks[q].low in ("dat", "that", ":") and q + 1 < hi and toks[q + 1].start < end:
                return self._clip(self.text[toks[q + 1].start:end])
        if span is not None and 0 <= k < len(toks) and _lemma(toks[k].low, self.lang) not in _ACCUSE_VERBS:
            # Cut the attribution (source phrase and cue) off the start or the end of the unit:
            # "Volgens X, …", "X zegt …", "…, aldus X." keep only the content.
            a, b = min(k, span[0]), max(k + 1, span[1])
            owner = a
            while owner > 0 and toks[owner - 1].low in L.DETERMINERS:
                owner -= 1
            if owner >= 2 and toks[owner - 1].low in ("by", "from", "of", "van") \
                    and noun_class(toks[owner - 2].low) == "doc":
                # "A report by the UN said …": the text that speaks for its author is part of the attribution
                a = owner - 2
                while a > 0 and (toks[a - 1].low in L.DETERMINERS or _modifier(toks[a - 1])):
                    a -= 1
            # (An apposition or relative clause closed by a comma may stand between the subject and
            # the verb: "A spokeswoman for the airline, who asked not to be named, said …".)
            if b - a <= 12 or (b - a <= 22 and span[1] <= k and toks[k - 1].text == ","):
                if a == 0 or toks[a].first or toks[a - 1].low in _JOINING or toks[a - 1].text == ";" \
                        or toks[k - 1].low in ("who", "which") \
                        or (toks[a - 1].text == "," and a <= 6 and b < len(toks) - 3):
                    # "…, a website which claimed X": X; "In a statement, the White House said X": X
                    rest = toks[b:hi] if end == unit.end else [t for t in toks[b:hi] if t.start < end]
                    if toks[k].low in _TOLD and rest:
                        # "told the court his client was innocent", "told reporters the …": whom it was told
                        told = (b, b + 1) if rest[0].low in _ADDRESSEES else np_after(toks, b, hi)
                        if told is not None and told[0] == b:
                            rest = rest[told[1] - b:]
                    while rest and (rest[0].text in (",", ":") or rest[0].low in _CONTENT_SKIP or (
                            rest[0].text == "(" and len(rest) > 3 and rest[2].text == ")")):
                        rest = rest[3:] if rest[0].text == "(" else rest[1:]  # "Volgens de X (NVWA) is …"
                    if len(rest) >= 3:
                        return self._clip(self.text[rest[0].start:end])
                elif b >= len(toks) - 1 or (toks[k].low in _TOLD and len(toks) - b <= 5 and a > 3 and not any(
                        t.low in ("that", "dat") or t.inq for t in toks[b:])) or (  # "…, his manager told CNN."
                        a > 3 and any(toks[q].text == "," and toks[q + 1].low in _CITING
                                      for q in range(b, min(len(toks) - 1, b + 4)))):  # "…, X reported, citing …"
                    head = toks[:a]
                    while head and (head[-1].text in (",", ";", "–", "—") or head[-1].low in ("as", "zoals")):
                        head = head[:-1]  # "…, as reported by TMZ", "…, zoals de krant meldt"
                    if len(head) >= 3:
                        return self._clip(self.text[unit.start:head[-1].end])
        return self._clip(self.text[unit.start:unit.end])

    @staticmethod
    def _only_refers(claim: str) -> bool:
        """"The claims were", "het bericht": words that only point at a claim made elsewhere."""
        if len(claim) > 48:
            return False  # a few words at most; most contents are longer
        words = [w for w in re.findall(r"[^\W\d_]+", claim.lower())
                 if w not in _POINTING_WORDS and w not in _REFUSING_WORDS]
        return bool(words) and all(w.startswith(_POINTED_NOUNS) for w in words)

    @staticmethod
    def _clip(s: str) -> str:
        s = " ".join(s.split()).strip(" .,;:'„‘’")
        # Double quotation marks at the ends go when they have no partner inside: '"the bridge is safe"
        # and would stay open' and 'the story is "completely false."' keep theirs.
        if s.count('"') % 2:
            s = s[1:] if s.startswith('"') else s[:-1] if s.endswith('"') else s
        if s.startswith("“") and "”" not in s:
            s = s[1:]
        if s.endswith("”") and "“" not in s:
            s = s[:-1]
        s = s.strip(" .,;:'„‘’")
        if s[-2:-1] in (".", ",") and s[-1:] in ('"', "”"):
            s = s[:-2] + s[-1]  # 'is "completely false."': a claim ends without a period, as the others
        if len(s) > _CLAIM_CHARS:
            s = s[:_CLAIM_CHARS].rsplit(" ", 1)[0] + " …"
        return s


# (The look-ahead on the words' first letters rejects most word starts before the alternation is tried.)
_CLAIM_RE = {
    lang: re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in words})) + "])(?:"
                     + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
    for lang, words in L.CLAIM_WORDS.items()
}
_ZOU_SCORE = 0.45
_ALLEGE_VERBS = frozenset(
    "beweren claimen beschuldigen verdenken aantijgen claim allege accuse suspect charge".split()
    # appeals, demands and warnings put forward what they ask or warn of, negative or not: "roept het
    # stadsbestuur op Hengelo niet meer te vergelijken met Enschede", "urged drivers not to travel"
    + "roepen eisen aandringen waarschuwen pleiten bepleiten adviseren aanraden urge demand warn advise".split()
)
# Determiners and auxiliaries around a noun that points at a claim made elsewhere ("the claims were").
_POINTING_WORDS = frozenset(
    "the these those this that such de het deze die dat dit were was is are been be has have had werd worden"
    " wordt is zijn was waren also later earlier since today yesterday monday tuesday wednesday thursday"
    " friday saturday sunday ook later eerder inmiddels vandaag gisteren maandag dinsdag woensdag donderdag"
    " vrijdag zaterdag zondag".split()
)
_POINTED_NOUNS = _CLAIM_NOUNS + ("news", "verhal", "information", "informatie")  # grouping's nouns for "the claims"
# The words of a refusal around what it refuses: "could not immediately confirm the information".
_REFUSING_WORDS = frozenset("not immediately confirm comment on respond to niet bevestigen reageren op".split())
# Verbs of making a text: in a relative clause without a content clause they only describe its author.
_AUTHOR_VERBS = frozenset("write publish issue draft sign compile post share tweet upload".split())
# Accusing verbs whose object is part of what they put forward ("X accuses Y of Z"): the content
# keeps the whole sentence; after "claims", "alleges", "beweert" the clause alone is the content.
_ACCUSE_VERBS = frozenset("beschuldigen verdenken aantijgen accuse suspect charge".split())
_COURT = frozenset("rechtbank rechter hof court judge jury tribunal".split())
# Roles of people who comment on a story from outside it: their employer is not "the company" it is about.
_OBSERVER_ROLES = frozenset("analyst analist researcher onderzoeker expert deskundige professor hoogleraar economist"
                            " econoom scientist wetenschapper consultant adviser advisor adviseur".split())
_SPOKES = frozenset("spokesman spokeswoman spokesperson woordvoerder woordvoerster zegsman zegsvrouw persvoorlichter"
                    " voorlichter".split())
_ANON_STRINGS = tuple(" " + " ".join(p) + " " for p in L.ANON_PHRASES)
# One word of each of those phrases (the longest that is no function word): a text without any of them holds none.
_ANON_WORDS = frozenset(min(p, key=lambda w: (w in L.STOP, -len(w))) for p in L.ANON_PHRASES)
_RESPONSE_NOUNS = frozenset(("response", "reply", "answer", "statement", "reaction"))
_BE_FEELING = frozenset(("is", "zijn", "was", "waren"))
_ANSWER_NOUNS_NL = frozenset(("reactie", "commentaar", "antwoord"))
# The words a refusal opens with that may name the party after them: "no comment from", "geen reactie van".
# What was sent for an answer that did not come: "Requests for comment to the ministry went unanswered", "Calls
# to the mayor's office went unanswered", "Mails naar de gemeente bleven onbeantwoord" (the party after "to").
_ASKED_HEADS = frozenset("request requests calls emails e-mails messages inquiries enquiries"
                         " telefoontjes mails berichten verzoeken".split())
_NO_ANSWER_HEADS = frozenset(("no", "geen", "nobody", "niemand")) | _ASKED_HEADS | _ANSWER_NOUNS_NL
_BE_NOTHING = frozenset(("is", "zijn", "werd", "wordt"))  # "Bij de politie is nog niets bekend": the party fronted
# Words that open an apposition describing the person before it: "…, said Tom Hill, a spokesman for the council".
_APPOSITION_OPENERS = frozenset(("a", "an", "the", "een", "de", "het"))
# What a document shows, in English: "A study by Harvard researchers shows that …" (its authors' finding).
_SHOWS = frozenset(("shows", "show", "showed", "shown"))
# What a reporter's inquiry with someone shows: "Navraag bij de gemeente leert / wijst uit dat …".
_INQUIRY_SHOWS = frozenset(("leert", "leerde", "wijst", "wees", "toont", "toonde", "blijkt", "bleek"))
# Particles that make a statement only with a content clause: "maakt zich zorgen dat …".
_PARTICLE_NEEDS_CLAUSE = {"maken": ("zorgen",), "houden": ("rekening",)}  # ("houdt rekening met de kosten")
_CLAIM_OBJECT_NOUNS = L.CLAIM_OBJECTS - {"it", "that", "this", "them"}
# The nouns of Dutch verb phrases ("afstand nemen", "vraagtekens zetten", "in twijfel trekken", "excuses
# aanbieden"): in a clause that ends in its verb (a perfect, a subordinate clause) they stand before it.
_NOUN_PARTICLES_NL = frozenset(("afstand", "vraagtekens", "twijfel", "excuses", "excuus", "fabels", "hand"))
# Where a Dutch verb's clause ends, for its particle or its noun (`_noun_particle_before`, `_anchors`, `_attributed`).
_PARTICLE_CLAUSE_STOPS = frozenset((",", ";", ":", ".", "dat", "die", "en", "maar", "omdat"))
_ELABORATING = frozenset(("saying", "joking", "quipping", "laughing"))
# Particle verbs that tag a quotation or introduce one but say nothing alone: ",,…'', blikt de trainer terug",
# "vult zijn collega aan: …" (not "blikt terug op een mooi jaar", "vult het formulier aan").
_QUOTE_TAG_PARTICLE_VERBS = frozenset(("blikken", "vullen", "fire"))
# A verb whose other particle speaks of a claim only (CLAIM_OBJECT_VERBS) retorts with this one: "“…,” he shot back".
_QUOTE_TAG_PARTICLES = frozenset((("shoot", "back"), ("hit", "back")))
_QUOTE_CLOSERS = frozenset((",", "''", '"', "”", "'", "’"))
# Where a Dutch text says what a document holds: "staat in een rapport van X", "is te lezen in een brief van X".
_STANDS_IN = frozenset(("staat", "stond", "staan", "stonden", "lezen"))
_DOC_OWNER_NL = frozenset(("van", "door"))
_SPECIAL = frozenset(
    ("quoted", "volgens", "aldus", "ogen", "blijkt", "bleek", "blijken", "bleken", "according", "eens", "oneens",
     "waarin", "waarop")
) | _RESPONSE_NOUNS
# Dutch "achten" (deem) as a verb, not the number "acht": "acht (niet) bewezen / aannemelijk dat …".
_ACHTEN = frozenset(("acht", "achtte", "achtten", "achten"))
_ACHTEN_WHAT = frozenset("bewezen aannemelijk waarschijnlijk onwaarschijnlijk onvoldoende noodzakelijk".split())
# Forms of "bekennen" (confess) the dictionary reads as the adjective "bekend" (known).
_CONFESSED = frozenset(("bekende", "bekenden", "bekend"))


def _confessed(toks: list, k: int) -> bool:
    """toks[k] confesses: the past right after its subject ("De man bekende de feiten", "Hij bekende dat …"; not
    "de bekende zanger"), or the participle with a form of "hebben" before it in its clause ("heeft de feiten
    bekend", "heeft bekend dat …"; not "is bekend", "bekend gemaakt")."""
    if k == 0 or toks[k].inq or toks[k].text[:1].isupper():
        return False
    prev = toks[k - 1]
    if toks[k].low != "bekend":
        return prev.low in ("hij", "zij", "ze", "die") or (
            prev.text[:1].isalpha() and prev.low not in L.DETERMINERS and not prev.low.endswith("e")
            and (noun_class(prev.low) in ("person", "group", "role") or is_cap(prev)))
    if k + 1 < len(toks) and toks[k + 1].low.startswith("gema"):
        return False  # "bekend gemaakt": made known
    for q in range(k - 1, max(-1, k - 9), -1):
        if toks[q].text in (",", ";", ":") or toks[q].inq:
            return False
        if toks[q].low in _HAVE_NL:
            return True
    return False


# Verbs that report only as a verdict: "branded the report fake news", "dubbed it a hoax", "rated it false".
_CALL_ONLY = frozenset(("branded", "dubbed", "labelled", "labeled", "rated", "rates"))
# The refusal an asker received, and the verbs by which they asked: "contacted X but received no response".
_RECEIVE = frozenset("received receive receives got get gets hear heard kreeg kregen krijgt krijgen ontving ontvingen"
                     " ontvangen gekregen".split())
_CONTACT = frozenset("contacted reached asked approached emailed e-mailed messaged phoned benaderde benaderden"
                     " benaderd vroeg vroegen gevraagd belde belden gebeld mailde mailden gemaild".split())
_CONTACT_PARTICIPLES = frozenset(("benaderd", "gevraagd", "gebeld", "gemaild"))  # the object before them
_HAVE_NL = frozenset(("heeft", "hebben", "had", "hadden"))
_ASKED_PRONOUNS = frozenset("him her them it hem haar hen hun het ze".split())  # the party asked, a pronoun
_LOWER_WINDOW = 4000  # characters either side in which a capitalised word is looked for in lower case
_CALL_FINITE = frozenset(("call", "calls", "called", "termed", "noemt", "noemde", "noemden"))
# Adjectives of conviction that, after a form of "be", take a content clause: the subject's statement.
_CONVINCED = frozenset("adamant confident convinced certain sure insistent overtuigd zeker stellig"
                       " afraid worried concerned hopeful optimistic bang bezorgd ongerust optimistisch".split())
# The verbs of idioms of disagreement, doubt and disbelief (`L.DISAGREEMENTS`): "ziet dat anders", "denkt er anders
# over", "herkent zich niet in", "deelt die mening niet", "Dat betwijfelt X", "sees it differently", "takes a different
# view", "does not share that view", "does not believe a word of it".
_DISAGREEING_VERBS = frozenset(
    "ziet zag zien zagen denkt dacht denken dachten herkent herkende herkennen herkenden deelt deelde delen deelden"
    " betwijfelt betwijfelde betwijfelen betwijfelden gelooft geloofde geloven geloofden sees saw see takes took take"
    " share shares shared recognise recognises recognised recognize recognizes recognized doubts doubted believe"
    .split())
# "One of the victims, Samira Idrissi, said", "Een van de buren, Piet Jansen, zegt": one of a group, named.
_ONE_OF = frozenset(("one", "een", "één"))
# A politician's offices and an official's or an executive's, which never take up each other's holder: "de
# staatssecretaris" is not the director-general named before (but "the premier" is the prime minister).
_POLITICAL_OFFICES = L.POLITICAL_ROLES | frozenset(
    "minister staatssecretaris premier burgemeester president gouverneur mayor governor chancellor".split())
_EXECUTIVE_OFFICES = frozenset("directeur generaal rector ceo topman bestuurder".split())
# Offices a story names by their own word, each held by somebody else ("the bewindsman", "the official" and "the
# premier", a prime minister, may take up any of them).
_NAMED_OFFICES = frozenset(
    "burgemeester wethouder minister staatssecretaris president gouverneur commissaris mayor governor"
    " chancellor senator councillor alderman".split())
# "issued an apology", "offered his apologies", "made a public apology": an apology is a statement.
_OFFERED = frozenset("offered offers offer made makes gave gives tendered extended issued issues released published"
                     " posted".split())
_APOLOGY_WORDS = frozenset("a an its his her their our public formal full unreserved sincere".split())
_SPECIAL_ANCHORS = {"nl": _SPECIAL | _BE_FEELING | _ACHTEN | _CALL_FINITE | _CONVINCED | _STANDS_IN | _CONFESSED
                          | _DISAGREEING_VERBS | {"navraag", "voor", "klinkt", "klonk"},
                    "en": _SPECIAL | _CALL_ONLY | _CALL_FINITE | _CONVINCED | _SHOWS | _DISAGREEING_VERBS
                          | {"per", "apology", "apologies"}}
_OPENING_MARKS = frozenset(("'", '"', "‘", "“", ",,", "„", "«"))
_POINTERS = frozenset(("het", "it", "dit", "dat", "this", "that", "er", "there"))
_BE_NL = frozenset(("is", "zijn", "was", "waren", "ben", "bent"))


_DECLARE_FORMS = frozenset("verklaart verklaarde verklaarden verklaard verklaren".split())
_RULED = frozenset("ongegrond gegrond ontvankelijk niet-ontvankelijk nietig".split())


def _ruling(toks: list, k: int) -> bool:
    """A Dutch ruling: a body declaring a complaint or appeal (un)founded, "verklaart het beroep ongegrond", "is
    door de commissie ongegrond verklaard" (a finding, GUIDELINES §7, not a denial)."""
    if toks[k].low not in _DECLARE_FORMS:
        return False
    if k > 0 and toks[k - 1].low in _RULED:
        return True  # "ongegrond verklaard"
    for t in toks[k + 1:k + 9]:
        if t.low in _RULED:
            return True  # "verklaarde het beroep ongegrond"
        if t.low in ("dat", "that") or t.inq or t.text in (",", ";", ":"):
            return False  # (not a content clause: "verklaarde dat de berichten ongegrond zijn" denies them)
    return False


_SETTLED_VERBS = frozenset("is staat blijft was stond bleef".split())
_SETTLED = frozenset("duidelijk vast zeker overeind evident".split())


def _in_the_view_of(toks: list, k: int) -> bool:
    """A sentence opening with "Voor X staat vast dat …", "Voor de politie is duidelijk dat …", "Voor justitie blijft
    overeind dat …": X's view (as "volgens X"); not "Voor de wedstrijd is duidelijk dat …" (no speaker: `prep`
    anchors find none there)."""
    phrase = np_after(toks, k + 1, len(toks))
    if phrase is None or phrase[0] != k + 1:
        return False
    q = phrase[1]
    return q + 2 < len(toks) and toks[q].low in _SETTLED_VERBS and toks[q + 1].low in _SETTLED \
        and "dat" in (toks[q + 2].low, toks[q + 3].low if q + 3 < len(toks) else "")


_FEELING_ADVERBS = frozenset("vooral erg zeer heel bijzonder enorm ook wel niet".split())
_OPINION_NOUNS = frozenset(("mening", "oordeel", "opvatting"))


def _feeling_that(toks: list, k: int) -> bool:
    """A Dutch subject said to feel something about a content clause: "De trainer is tevreden dat zijn ploeg
    won", "Zelf is Veltman vooral blij dat …" (a state of mind with content, GUIDELINES §1; not "De fractie is
    bezorgd", a feeling without content, §2)."""
    q = k + 1
    while q < len(toks) and q <= k + 4 and (toks[q].low in _FEELING_ADVERBS or is_cap(toks[q])
                                           or toks[q].low in L.DETERMINERS or noun_class(toks[q].low)):
        q += 1  # adverbs, and the subject after the verb: "Zelf is Veltman vooral blij"
    if q + 2 < len(toks) and toks[q].low == "van" and toks[q + 1].low in _OPINION_NOUNS and toks[q + 2].low == "dat":
        return True  # "De minister is van mening dat …", "is van oordeel dat …": an opinion with its content
    return q + 1 < len(toks) and toks[q].low in L.FEELINGS["nl"] and toks[q + 1].low == "dat" \
        and not toks[q].inq


def _quoted_feeling(toks: list, k: int, lang: str) -> bool:
    """A Dutch subject said to be in a short quoted state: "De school is 'enorm geschrokken'" (GUIDELINES
    §2: a quoted feeling is kept): the quotation marks make it the subject's own words. Not after a
    pronoun ("Het is 'een mooie dag', zegt Jan" is Jan's) nor a quotation that runs on."""
    if lang != "nl" or k == 0 or k + 3 >= len(toks) or toks[k + 1].text not in _OPENING_MARKS:
        return False  # (English scare quotes measured worse on the unread folds: fold 3 en 0.704 → 0.691)
    before = toks[k - 1]
    if before.inq or not before.text[:1].isalnum() or before.low in L.PRONOUNS[lang] or before.low in _POINTERS:
        return False
    return _short_quotation(toks, k + 1)


def _short_quotation(toks: list, q: int) -> bool:
    """toks[q] opens a quotation of one to six words that ends there, with no comma after it (a quotation that
    runs on, or is followed by ", zegt X", is somebody's words, not a verdict)."""
    if q + 2 >= len(toks) or toks[q].text not in _OPENING_MARKS:
        return False
    r = q + 1
    while r < len(toks) and r - (q + 1) <= 5 and toks[r].text[:1].isalnum():
        r += 1
    if q + 1 < r < len(toks) - 1 and toks[r].text in (".", "!", "?") and toks[r + 1].text in _QUOTE_END:
        r += 1  # the sentence's period inside the marks, as American papers write: called the plan "reckless."
    return q + 1 < r < len(toks) and toks[r].text in _QUOTE_END and (r + 1 >= len(toks) or toks[r + 1].text != ",")


def _quoted_after_object(toks: list, k: int, stops: frozenset) -> bool:
    """A short quoted verdict on the object of the verb at toks[k], closing the clause (`_short_quotation`):
    "has called the plan “short-sighted”", "X vond het festival ,,veel te luid''" (the quotation marks make
    the verdict the subject's own words). `stops` are words after which the verb is another one, or a clause
    follows: "called for", "vindt dat"."""
    for q in range(k + 1, min(len(toks) - 2, k + 7)):
        if toks[q].text in _OPENING_MARKS:
            return q > k + 1 and _short_quotation(toks, q)
        if toks[q].inq or toks[q].text in (",", ";", ":", ".") or toks[q].low in stops:
            return False
    return False


_CALL_STOPS = frozenset(("for", "on", "that", "up", "off"))  # "called for", "called on", "called off"
_VINDEN_STOPS = frozenset(("dat", "of"))


def _too_verdict(toks: list, k: int) -> bool:
    """Dutch "vinden" with an object and "te" + adjective closing the clause: "De VVD vindt de kosten te hoog"
    (an opinion; "De politie vond het lichaam in de sloot" finds a thing), or a graded adjective of a Dutch
    form: "vond zijn verklaring niet geloofwaardig"."""
    for q in range(k + 2, min(len(toks) - 1, k + 10)):
        t = toks[q]
        if t.inq or t.text in (",", ";", ":") or t.low in ("dat", "of"):
            return False
        if t.low == "te" and toks[q + 1].text.isalpha() and toks[q + 1].text.islower() \
                and (q + 2 >= len(toks) or not toks[q + 2].text[:1].isalnum()):
            return True
        if q > k + 2 and _dutch_adjective(t.low) and (q + 1 >= len(toks) or not toks[q + 1].text[:1].isalnum()):
            return True  # "De rechtbank vond zijn verklaring niet geloofwaardig", "vindt het plan erg onverstandig"
        if q > k + 2 and t.low == "een" and q + 1 < len(toks) and toks[q + 1].low not in _NL_TIME_WORDS:
            end = next((e for e in range(q + 1, min(len(toks), q + 5)) if not toks[e].text[:1].isalnum()), -1)
            if end > q + 1 and not toks[end - 1].inq:
                return True  # "vindt het plan een slecht idee" (not "vond het lichaam een week later")
    return False


# Endings of Dutch adjectives: "geloofwaardig", "onverstandig", "onbegrijpelijk", "onhaalbaar", "zinloos".
_NL_ADJ_ENDINGS = ("ig", "lijk", "baar", "isch", "loos", "zaam", "waardig", "vol", "ief", "eel", "aal", "abel", "ibel",
                   "ant", "ent")


def _dutch_adjective(low: str) -> bool:
    if low in _NL_VERDICT_WORDS:
        return True
    if len(low) <= 4 or not low.isalpha():
        return False
    if low.endswith(_NL_ADJ_ENDINGS):
        return True
    # a negated adjective: "onverantwoord", "onterecht" (not the state a thing was found in: "onbeschadigd",
    # "ongedeerd")
    return len(low) > 6 and low.startswith("on") and not (low.startswith(("onbe", "onge")) and low.endswith(("d", "t")))


_NL_VERDICT_WORDS = frozenset("goed slecht fout terecht prima raar vreemd zwak sterk duur goedkoop overdreven"
                              " ongepast voorbarig acceptabel redelijk normaal".split())
_NL_TIME_WORDS = frozenset("week dag maand jaar paar uur keer minuut moment tijd tijdje half".split())


# English words of speech that are nouns too, and the adjectives that mark the noun after an article.
_NOUN_TOO_EN = frozenset("post posts report reports claim claims tweet tweets statement comment comments warning"
                         " announcement reply response".split())
_ADJECTIVES_EN = frozenset("new recent latest viral cryptic official brief short long joint separate earlier later"
                           " first second third previous similar detailed lengthy angry furious emotional public"
                           " private written formal".split())


def _adjective_en(tok) -> bool:
    """An English adjective before a noun: "cryptic", "recent", "emotional" (not a noun: "the police said")."""
    low = tok.low
    return not tok.inq and tok.text.islower() and (low in _ADJECTIVES_EN or (
        len(low) > 5 and low.endswith(("ic", "ical", "ous", "ive", "ful", "less")) and not noun_class(low)))


def _disagreement_at(toks: list, k: int, lang: str) -> bool:
    """Whether the verb at k opens an idiom of disagreement ("De gemeente ziet dat anders", "Daar denkt de directie
    anders over", "The council does not share that view"), its words outside quotations and in its clause."""
    lo, hi = max(0, k - 1), min(len(toks), k + 9)
    lows = []
    for t in toks[lo:hi]:
        if t.inq or t.text in (".", ";", "?", "!"):
            break
        lows.append(t.low)
    at = match_phrase(lows, L.DISAGREEMENTS[lang])
    return 0 <= at <= k - lo  # (from the word before the verb: "daar denkt", "not share")


def _agreement_verb(toks: list, k: int) -> int:
    """The finite "zijn" of Dutch "het (on)eens zijn (met)": "X is het (niet) eens met Y", "X zijn het daar
    niet mee eens", "Daar is X het mee oneens". -1 when toks[k] ("eens") is not that idiom: "nog niet eens"
    is "not even", "eens per week" "once"."""
    if toks[k].low == "eens" and not (
            toks[k - 1].low in ("mee", "daarmee", "ermee", "hiermee")
            or (k + 1 < len(toks) and toks[k + 1].low == "met")
            or any(toks[q].low == "met" for q in range(max(0, k - 4), k))):  # ("is het met haar eens")
        return -1
    het = next((q for q in range(k - 1, max(-1, k - 6), -1) if toks[q].low == "het" and not toks[q].inq), -1)
    if het < 1:
        return -1
    return next((q for q in range(het - 1, max(-1, het - 5), -1)
                 if toks[q].low in _BE_NL and not toks[q].inq), -1)


_WE = frozenset(("we", "wij", "our", "onze"))
# Roles a named person holds apart from any organisation's spokesperson before them: "Presentator X".
_DUTCH_MODALS = frozenset("moeten moet moest moesten kunnen kan kon konden zullen zal zou zouden mogen mag mocht"
                          " mochten".split())
_CITING = frozenset(("citing", "quoting", "referring"))
_ACCUSED = frozenset(("accused", "suspected", "charged", "convicted", "cleared", "acquitted"))
_EVIDENCE_NOUNS = frozenset(
    "information evidence data indication indications sign signs nothing anything messages emails posts tweets"
    " story stories article articles video videos rumour rumours rumor rumors hoax message post tweet headline"
    " headlines image images photo photos picture pictures".split()
)
_FIRST_PERSON = frozenset("ik mij me mijn wij we ons onze i my mine us our".split())
_SPEAKER_PRONOUNS = frozenset("ik wij we jij je u jullie i you".split())  # the quoted speaker, or the one spoken to
_OBJECT_PRONOUNS = frozenset("me mij ons hem haar hen hun jou je u us him her them you".split())
_UNNAMED_PEOPLE = frozenset(("person", "persons", "people"))
# Words after "person/people" that make them the reporter's unnamed sources.
_UNNAMED_TIES = frozenset(
    "who familiar close with briefed involved knowledgeable aware inside within at directly".split()
)
# Heads that name a business, which a public body is not: "the company" never refers back to a ministry.
_BUSINESS_HEADS = L.BUSINESS_NOUNS
# Heads that may take up any organisation but a newspaper: the businesses and a few generic bodies.
_GENERIC_HEADS = _BUSINESS_HEADS | frozenset(
    "organisatie instelling school club bond organisation organization charity liefdadigheidsinstelling group groep"
    " instituut institute".split())
_CALL = _CALL_FINITE | {"calling", "noemen", "noemend"} | _CALL_ONLY


def _named_as(toks: list, k: int) -> bool:
    """The English verb of calling at toks[k] names its object as something: a pronoun or a name, then a
    new noun phrase ("calls it the first great accessory ever", "has called CNN an embarrassment"). Not
    "called the police", "called him on Monday"."""
    n = len(toks)
    if k + 2 >= n or toks[k + 1].inq:
        return False
    obj = toks[k + 1]
    q = k + 2
    if obj.low in _OBJECT_DETERMINERS:
        # a common noun's phrase: "called the plan reckless", "called the decision a mistake" (not "called the
        # police", "called the police officer", "called the hotel a few times")
        if not (toks[q].text.isalpha() and toks[q].text.islower()) or toks[q].low in ("a", "an"):
            return False
        q += 1  # the object's noun, whatever its ending ("the ruling", "the meeting"), and up to two more
        while q < n and q < k + 5 and toks[q].text.isalpha() and toks[q].text.islower() \
                and toks[q].low not in ("a", "an") and not toks[q].low.endswith(_EVALUATIVE_ENDINGS) \
                and toks[q].low not in _EVALUATIVE_WORDS and not toks[q].low.endswith("ly"):
            q += 1
        if q + 1 < n and toks[q].low.endswith("ly") and len(toks[q].low) > 4 and toks[q + 1].text.isalpha() \
                and toks[q + 1].text.islower():
            q += 1  # the adverb of the verdict after it: "completely unrealistic", "politically motivated"
        if q >= n:
            return False
        t = toks[q]
        if (t.low.endswith(_EVALUATIVE_ENDINGS) or t.low in _EVALUATIVE_WORDS) and t.text.islower() and not t.inq \
                and (q + 1 == n or toks[q + 1].text in (".", ",", ";", "!") or toks[q + 1].low in ("and", "but")):
            return True  # an adjective closing the clause: "reckless", "unacceptable", "disappointing"
        if q > k + 2 and toks[q - 1].low.endswith("ly") and t.low.endswith("ed") and t.text.islower() and not t.inq \
                and (q + 1 == n or toks[q + 1].text in (".", ",", ";", "!") or toks[q + 1].low in ("and", "but")):
            return True
    elif obj.low not in ("it", "them", "him", "her", "this", "that"):
        if not is_cap(obj):
            return False
        while q < n and is_cap(toks[q]) and q < k + 5:
            q += 1  # a name of several words: "called Fox News a …"
    nxt = toks[q] if q < n else None
    return nxt is not None and nxt.low in ("a", "an", "the") and q + 1 < n and toks[q + 1].text[:1].isalpha() \
        and toks[q + 1].low not in _TIME_WORDS


_OBJECT_DETERMINERS = frozenset(("the", "his", "her", "its", "their", "our", "these", "those"))
# Adjectives of judgement after "called the plan": by their endings ("reckless", "dangerous", "unacceptable",
# "irresponsible", "disappointing"), and the short common ones no ending tells ("wrong", "unfair", "absurd").
_EVALUATIVE_ENDINGS = ("less", "ous", "able", "ible", "ful", "ive", "ing", "ic", "ical", "ent", "ant", "ist")
_EVALUATIVE_WORDS = frozenset("wrong unfair unjust absurd bad good fair premature naive racist sexist unwise"
                              " inaccurate inappropriate inadequate unacceptable".split())


_TIME_WORDS = frozenset("day week month year second third few couple number moment while time".split())


def _what_called(toks: list, k: int) -> int:
    """The index right before the subject of the "what"-clause that the verb of calling at toks[k] closes (the
    "what", or a quantifier after it), or -1: "in what one analyst calls the biggest jump ever", "in wat de
    burgemeester een historisch moment noemde" are the analyst's and the mayor's words. In English the verb
    follows the subject, in Dutch the clause ends with it."""
    dutch = toks[k].low.startswith("noem")
    if not dutch and not (k + 1 < len(toks) and (toks[k + 1].low in L.DETERMINERS or toks[k + 1].inq
                                                 or toks[k + 1].text in _OPENING_MARKS)):
        return -1  # what is called has to follow: "what the police called in" calls somebody
    for q in range(k - 1, max(-1, k - (12 if dutch else 7)), -1):
        t = toks[q]
        if t.low in ("what", "wat") and not t.first:
            s = q + 2 if toks[q + 1].low in ("one", "some", "many", "een", "sommige", "veel") else q + 1
            subject = np_after(toks, s, k)
            if subject is None or (dutch and subject[1] == k):
                return -1  # (Dutch: what it is called stands between the subject and the verb)
            return s - 1
        if t.inq or t.text in (",", ";", ":", ".", "(", ")"):
            return -1
    return -1


def _called_false(toks: list, k: int) -> bool:
    """A verdict of denial within a few words after the verb of calling at toks[k]: "called the claims
    false", "noemt het onzin", "branded the report fake news"."""
    return any(toks[q].low in L.DENY_ADJ for q in range(k + 1, min(len(toks), k + 7)))
_RELATIVE = frozenset(("die", "waar", "waarin", "which", "who", "whom", "where", "omdat", "because"))
_QUOTE_END = frozenset(("''", '"', "”", "’", "'", "»"))
_INFINITIVE_AUX = frozenset(("hebben", "zijn", "worden"))
# "…, and neither did the police": the auxiliary of an elliptical refusal
_ELLIPSIS_AUX = frozenset("did does do has have had was were is are could would will".split())
_ANSWER_STANCES = ("no_comment", "denies")
# Each opens with a literal letter, so that the scan jumps from one to the next; the look-behind after it is the
# word boundary before it (a leading \b would make the pattern try every position of the text).
_ELLIPSIS_RE = {"en": re.compile(r"[Nn](?<!\w[Nn])(?:either|or)\s+(?:" + "|".join(sorted(_ELLIPSIS_AUX)) + r")\b"),
                "nl": re.compile(r"e(?<!\we)venmin\b")}
_SAY_FORMS = frozenset(("say", "says", "said", "zegt", "zei", "zeggen", "tell", "told", "vertelt", "vertelde"))
# Forms of "say" that are never nouns: after "report" or "claim" they are the verb ("the report said").
_FINITE_SAY = frozenset(("says", "said", "told", "zegt", "zei", "vertelt", "vertelde"))
_PASSIVE = frozenset(("was", "were", "been", "being", "is", "are", "be"))
_ORG_KINDS = ("organisation", "government", "media")
_COORDINATORS = frozenset(("but", "and", "yet", "maar", "en"))
_SELF_PRONOUNS = frozenset(("it", "he", "she", "het", "hij", "zij", "ze"))  # a content clause about its source
# Dutch verbs of speech in the singular that a person or a body says, not a finding or a document.
_PERSONAL_SPEECH_NL = frozenset("""zegt zei vertelt vertelde verklaart verklaarde benadrukt benadrukte antwoordt
    antwoordde reageert reageerde ontkent ontkende erkent erkende beweert beweerde twittert twitterde""".split())
# English verbs of speech that go before their subject after the words they report, quoted or not:
# "…, said the minister", "…, added Olsen", "…, writes the newspaper".
_INVERTING = frozenset("""said says added adds explained explains wrote writes insisted insists claimed claims argued
    argues stated states noted notes warned warns continued recalled admitted acknowledged conceded replied
    replies responded countered maintained maintains""".split())
# Common nouns for an outlet, taken up by the outlet that reported: "the newspaper", "de krant", "the website".
# (not "site": the crash site, the site of the attack)
_ONLINE = frozenset(("website", "blog", "outlet", "publication"))
_MEDIA_ANAPHORA = L.ORG_ANAPHORA & L.MEDIA_HEADS
_OF_ORG = frozenset(("of", "from", "van", "bij"))
_OF_FIELD = frozenset(("of", "van"))
_OF_ORG_OR_TOWN = _OF_ORG | {"uit"}  # (Dutch "uit": "Jan Smit (58) uit Staphorst")
# "known (only) as X", "identified only as X": the words that introduce a name.
_KNOWN_AS = frozenset(("known", "identified"))
_NAMED_ONESELF = frozenset(("identified", "introduced", "described", "calls", "called", "named"))
_REFLEXIVES = frozenset(("himself", "herself", "themselves"))


# What follows a participle opening a sentence with the question put ("Asked whether …", "Gevraagd naar …"),
# and not a name opening it ("Boeing to cut jobs", "Boeing on Monday said").
_ASKED_ABOUT = frozenset("about whether if why how what when by over naar door of".split())


def _participle_opening(toks: list, lang: str) -> bool:
    """The sentence opens with a participle and what it was asked about: "Asked about the plant, …",
    "Questioned whether …", "Gevraagd naar de fabriek …"."""
    if len(toks) < 2 or toks[1].low not in _ASKED_ABOUT:
        return False
    low = toks[0].low
    if lang == "en":
        return low.endswith(("ed", "ing"))
    return low.startswith("ge") and low.endswith(("d", "t"))


def _names_head(name: str, head: str) -> bool:
    """Whether a word of `name` is, or ends in, the noun `head` ("Acme Company", "gemeente Utrecht", "Rabobank"
    for "bank"), not merely holds it ("opposition councillors" is no "council")."""
    return head in name.lower() and any(w.endswith(head) for w in name.lower().replace("-", " ").split())


def _plural_speech(toks: list, k: int) -> bool:
    """A Dutch verb of speech in the plural, which is its infinitive, where the dictionary takes the word for a
    noun's plural ("verwijten" -> "verwijt"): the finite verb right after its plural subject inside the sentence
    ("Critici verwijten de omroep partijdigheid"; not "De verwijten van de oppositie", "Berichten tussen …
    zouden")."""
    t = toks[k]
    if t.low not in L.SPEECH["nl"] or t.first or k == 0 or t.inq:
        return False
    prev = toks[k - 1]
    return prev.text.isalpha() and prev.low.endswith(("en", "ers", "ici", "s")) and prev.low not in L.DETERMINERS \
        and noun_class(prev.low) in ("group", "person", "role", "org")


def _reports_tag(toks: list, k: int) -> bool:
    """Dutch "bericht" as the verb "berichten" (reports) tagging the clause before it, the dictionary reading the
    noun: "De brand is onder controle, bericht de Volkskrant." (not "Het bericht is onjuist")."""
    return toks[k].low == "bericht" and k > 1 and toks[k - 1].text == "," and k + 1 < len(toks) \
        and not toks[k].inq and (toks[k + 1].low in L.DETERMINERS or is_cap(toks[k + 1]))


# Words that name a body no business noun takes up: "the company" or "the manufacturer" is not "Leiden University".
_NO_BUSINESS_WORDS = frozenset(
    "university universiteit hogeschool college school hospital ziekenhuis institute instituut museum police"
    " politie council court rechtbank church kerk foundation stichting charity".split())


def _no_business(name: str) -> bool:
    return any(w in _NO_BUSINESS_WORDS for w in name.lower().split())


def _party(name: str) -> bool:
    """A political party's name: "Green Party", "Partij voor de Dieren", "Labour Party"."""
    words = name.lower().split()
    return bool(words) and (words[-1] in L.PARTY_WORDS or words[0] in L.PARTY_WORDS
                            or (len(words) == 1 and words[0] in L.PARTY_NAMES))


def _bare_name(sp: Src) -> bool:
    """A single capitalised word taken for an organisation only because nothing says it is a person's
    ("Olsen", "Wilders"): no role, no acronym, no word the lexicon knows."""
    return sp.kind == "organisation" and sp.name == sp.org and not sp.role and " " not in sp.name \
        and sp.name[:1].isupper() and sp.name[1:].isalpha() and sp.name[1:].islower() \
        and not noun_class(sp.name.lower())


def _inverted_after_words(toks: list, k: int, a, after_k: int, apposition: bool) -> bool:
    """Whether the phrase right after an English verb of speech that follows a comma is the verb's
    subject: nothing verbal follows it ("…, said Olsen, who …", "…, said the minister on Monday"), or,
    after a subject with an apposition, the sentence ends with it ("X, the spokesman, said the company
    would appeal" is the spokesman's)."""
    if a is None or a[0] != after_k or toks[k].low not in _INVERTING or k + 1 >= len(toks) \
            or toks[k + 1].low in ("to", "that", "it"):
        return False  # ("The man, said to be …")
    e = a[1]
    if e >= len(toks) or toks[e].text in (".", "!", "?"):
        return True
    return not apposition and (toks[e].text in (",", ";", ")") or toks[e].low in L.PREPOSITIONS)


def _names_itself(words: list) -> bool:
    """Whether the words of a relative clause before a name give the name its antecedent goes by: "goes by
    (the name)", "calls himself", "called itself"."""
    lows = [t.low for t in words]
    if len(lows) < 2 or lows[0] not in _NAMING_VERBS or lows[1] not in _NAMING_TIES:
        return False
    return all(w in _NAME_NOUNS for w in lows[2:])


_NAMING_VERBS = frozenset("go goes went going call calls called calling".split())
_NAMING_TIES = frozenset("by himself herself themselves itself".split())
_NAME_NOUNS = frozenset("the name handle moniker pseudonym username nickname alias".split())


def _known_as_start(toks: list, name_at: int) -> int:
    """Where "known (only) as" begins before the name at toks[name_at], or name_at when it does not."""
    q = name_at - 1
    if q < 1 or toks[q].low != "as":
        return name_at
    q -= 1
    while q > 0 and toks[q].low in ("only", "simply", "just"):
        q -= 1
    return q if toks[q].low in _KNOWN_AS else name_at


# Words that follow the noun they modify: "the company involved", "the authorities concerned".
_POSTMODIFIERS = frozenset(("involved", "concerned", "affected", "responsible"))
# "told" and its kind, which may take a short object after the speaker: "…, his manager told CNN."
_TOLD = (_FINITE_SAY - {"says", "said"}) | {"tells", "tell"}
# Documents a definite mention speaks for their issuer with ("the statement said"), and the verbs of issuing.
_ISSUED_DOCS = frozenset("statement letter memo email e-mail verklaring brief persbericht".split())
_ISSUE_VERBS = frozenset("issued released published posted sent put wrote gave circulated shared "
                         "gaf geeft publiceerde publiceert verstuurde verstuurt stuurde stuurt plaatste schreef deelde"
                         .split())
# A verdict or a charge names its person: "The jury found the nurse guilty. She had denied …", "Het OM verdenkt twee
# agenten. Zij ontkennen dat".
_CHARGE_VERBS = frozenset("found convicted acquitted charged accused verdenkt verdacht beschuldigt beschuldigde"
                          " veroordeelt veroordeelde".split())
# Verbs after which a report's clause follows without "that": "The report says the councillor accepted gifts".
_HEARSAY_VERBS = frozenset("says said claims claimed alleges alleged suggests suggested reports reported"
                           " zegt zei meldt meldde beweert beweerde".split()) | _CHARGE_VERBS
# A court's verdict on its object: "found the nurse guilty", "found the firm liable".
_VERDICTS = frozenset("guilty liable innocent responsible".split())
_DOUBT_VERBS = frozenset(("twijfelen", "doubt"))
_WHETHER = frozenset(("of", "whether", "if"))


def _whether_follows(toks: list, k: int) -> bool:
    """A doubt's content, a clause of whether: "twijfelt (er sterk aan) of de cijfers kloppen", "doubts whether …"."""
    for q in range(k + 1, min(len(toks), k + 6)):
        t = toks[q]
        if t.low in _WHETHER and not t.inq:
            return True
        if not t.text[:1].isalpha() or t.inq or t.text[:1].isupper():
            return False
    return False


_NOTHING_FOUND = frozenset("evidence proof record records sign signs trace traces indication indications".split())


def _found_nothing(toks: list, k: int) -> bool:
    """"found no evidence", "found no record of …": a finding that something is not so (not "found no one")."""
    return k + 2 < len(toks) and toks[k + 1].low == "no" and toks[k + 2].low in _NOTHING_FOUND


def _verdict_after(toks: list, k: int) -> bool:
    """A verdict a few words after "found", in its clause: "The jury found the former nurse guilty" (a court's
    finding, GUIDELINES §7), not "found the body"."""
    for q in range(k + 1, min(len(toks), k + 8)):
        if toks[q].low in _VERDICTS:
            return True
        if toks[q].inq or toks[q].text in (",", ";", ":", ".") or toks[q].low in ("that", "and", "but"):
            return False
    return False


# The legal forms that close a firm's name: "Acme Corp", "Keller Ltd", "Bouwbedrijf Jansen BV".
_CORPORATE = frozenset("inc corp co ltd llc plc bv nv gmbh ag sa".split())
# Verbs telling that someone reacted, whose words a bare quotation right after gives (`_feeling_then_quotation`).
_REACTED = frozenset("reageert reageerde reageerden reageren reacted reacts responded responds"
                     # speech acts that a quotation right after spells out: "Wethouder Lahlah verdedigde het voorstel
                     # fel. ,,…''", "Viroloog Koopmans nuanceert dat beeld. ,,…''"
                     " verdedigt verdedigde verdedigden nuanceert nuanceerde nuanceerden relativeert relativeerde"
                     " defended defends".split())
# Words joining two statements of one sentence: "X said A, but Y denied B", "X zegt A, terwijl Y …".
_JOINING = frozenset("and but while whereas yet or en maar terwijl of doch".split())
# Whom something is told, as a bare plural: "told reporters the budget was balanced".
_ADDRESSEES = frozenset(
    "reporters journalists lawmakers legislators investigators officials parliament congress supporters"
    " listeners viewers readers delegates members staff employees workers residents students".split()
)
# Participles that name a text's author with "by"/"door": "a statement released by the ministry".
_AUTHORED = frozenset(
    "released published issued written prepared compiled produced sent posted signed"
    " gepubliceerd uitgebracht opgesteld geschreven verspreid uitgegeven ondertekend verstuurd".split()
)


_PUT_OUT = _AUTHORED | {"put", "puts"}  # "The police put out a statement saying …"
_MADE = _AUTHORED | {"made", "gedaan", "carried", "aired"}  # "claims made by", "a report carried by"
# Nouns of a claim whose author a statement may name: "claims by X that", "berichten van X dat".
# (and the nouns of a statement that gives a claim its content: "Smith's warning that", "de stelling van X dat")
_AUTHORED_CLAIM_NOUNS = L.CLAIM_NOUNS["en"] | L.CLAIM_NOUNS["nl"] | frozenset(
    "assertion warning insistence prediction promise admission contention"
    " stelling verwijt waarschuwing suggestie belofte voorspelling claim".split())
_AUTHOR_CLASSES = frozenset(("role", "org", "group", "person"))
_LOW = attrgetter("low")
_START = attrgetter("start")
_AUTHOR_SCORE = 0.6  # the score of a claim's author's record
_ONE = frozenset(("one", "een", "één"))


def _described_or_named(s: Src) -> bool:
    """A source named, or described by a noun ("the union"), not a pronoun."""
    return not s.anaphor or s.anaphor.startswith(("org:", "role:"))


_CAME = frozenset("came come comes originated originate stemmed stems kwam komt kwamen".split())
_AUTHOR_PREPOSITIONS = frozenset(("by", "from", "in", "of", "van", "door", "uit"))


def _authored_by(toks: list, c: tuple[int, int]) -> tuple[int, int] | None:
    """The author of the text the phrase toks[c] names, when a participle with its agent follows:
    "According to a statement released by the ministry", "The report, published by Amnesty
    International, accuses"; the text's author speaks. None otherwise."""
    q = c[1]
    if q >= len(toks) or noun_class(toks[q - 1].low) != "doc":
        return None
    if toks[q].text == ",":
        q += 1
    if q + 2 < len(toks) and toks[q].low in _AUTHORED and toks[q + 1].low in ("by", "door") \
            and not toks[q].inq:
        return np_after(toks, q + 2, len(toks))
    return None


# "Volgens X is/zijn …" stays readable; "X spreekt (zelfs) van een schandaal": a scandal.
# "X was quoted as saying …": what was said.
_CONTENT_SKIP = frozenset(("is", "zijn", "was", "waren", "heeft", "hebben", "zelfs", "van", "as", "saying"))
# Units of narration a bare quotation may follow its speaker's last statement by (Dutch papers
# resume a speaker's ,,quotes'' after a paragraph of narration; in English news measured worse).
_QUOTE_GAP = 3
_ANSWER_UNITS = 6  # how long a source's denial makes its later negations answers too
_LEDE_UNITS = 2  # the headline or lede: the first units of the text
_FORWARD_UNITS = 4  # how far a lede's indefinite speaker may be named
_INDEFINITE = frozenset("a an his her its their een zijn haar hun".split())


_EXPECT = frozenset(
    "expected expect hoped hope wanted want imagined planned intended anticipated"
    " verwacht verwachtten verwachtte gehoopt hoopten wilden gewild bedoeld gepland".split()
)
_RETRACT = frozenset(
    "retract retracts retracted retracting retraction apologise apologised apologize apologized"
    " apologizes apologises apology withdrew withdrawn herroept herroepen herroepe rectificatie"
    " excuses verontschuldigt verontschuldigde".split()
)
_WALK = frozenset(("walk", "walks", "walked", "walking", "take", "takes", "took", "taking"))
_DEMAND = frozenset(
    "demand demands demanded demanding ask asks asked call calls called calling urge urged"
    " eist eiste eisen vraagt vroeg roept riep".split()
)


def _expectation(toks: list, m: int, hi: int) -> bool:
    """'not what we expected': a negation before 'what' + an expectation verb evaluates, it denies nothing; nor
    does one of a feeling: 'he had "no regrets"', 'geen spijt', 'no doubt'."""
    if m + 1 >= hi:
        return False
    if toks[m + 1].low in _NEGATED_FEELINGS and toks[m].low in ("no", "geen"):
        return True
    if toks[m + 1].low not in ("what", "wat"):
        return False
    return any(t.low in _EXPECT for t in toks[m + 2:min(hi, m + 5)])


_NEGATED_FEELINGS = frozenset("regret regrets spijt doubt doubts twijfel twijfels".split())


def _retracting(units: list, u: int) -> bool:
    """A retraction cue in this unit or a neighbour, not one that is demanded of someone else."""
    for unit in units[max(0, u - 1):u + 2]:
        toks = unit.toks
        for i, t in enumerate(toks):
            low = t.low
            hit = low in _RETRACT or (low in _WALK and i + 1 < len(toks) and toks[i + 1].low == "back")
            if hit and not any(x.low in _DEMAND for x in toks[max(0, i - 6):i]):
                return True
    return False


def _dutch_agent(toks: list, k: int) -> int:
    """Index of "door" introducing the agent of the Dutch passive participle toks[k], or -1."""
    if k + 1 < len(toks) and toks[k + 1].low == "door" and not toks[k + 1].inq \
            and any(x.low in _DUTCH_PASSIVE_AUX for x in toks[max(0, k - 6):k]):
        return k + 1  # "Het bericht wordt ontkend door de gemeente": the agent after the participle
    for q in range(k - 1, max(-1, k - 12), -1):
        t = toks[q]
        if t.inq or t.text in (",", ";", ":", ".") or t.first and q < k - 1 and t.low != "door":
            return -1
        if t.low == "door":
            # The auxiliary before the agent, or, in a subordinate clause, after the participle: "die door de
            # politie ervan beschuldigd werd".
            passive = any(x.low in _DUTCH_PASSIVE_AUX for x in toks[max(0, q - 6):q]) or (
                k + 1 < len(toks) and toks[k + 1].low in _DUTCH_PASSIVE_AUX)
            return q if passive else -1
    return -1


def _subject_after_finite(toks: list, p: int) -> tuple[int, int] | None:
    """In a Dutch main clause whose verb of speech closes it after a prepositional phrase (which ends at
    toks[p]), the subject of an inverted clause right after its finite verb: "Dat heeft minister X woensdag in
    een brief aan de Kamer laten weten" is the minister's."""
    for q in range(p - 1, 0, -1):
        t = toks[q]
        if t.inq or t.text in (",", ";", ":") or t.first:
            return None
        if t.low in _DUTCH_FINITE:
            if not (toks[q - 1].first and toks[q - 1].low in _FRONTED_POINTERS):
                return None  # (only after a fronted "Dat", "Dit", "Zo": otherwise the subject opens the clause)
            s = np_after(toks, q + 1, p)
            return s if s is not None and s[0] == q + 1 else None
    return None


def _city_before_region(toks: list, q: int) -> int:
    """The index of the city when the comma at toks[q] closes its region: "in Tampa, Fla.," "from Austin,
    Texas,"; else -1."""
    if q < 4:
        return -1
    r = q - 1
    if toks[r].text == "." and r > 3:
        r -= 1
    if is_cap(toks[r]) and len(toks[r].text) <= 7 and toks[r - 1].text == "," and is_cap(toks[r - 2]) \
            and toks[r - 3].low in ("in", "from", "of", "near", "at", "outside"):
        return r - 2
    return -1


_VOLITION = frozenset(
    "wil wilde willen wilden eist eiste eisen eisten wenst wenste wensen hoopt hoopte hopen hoopten verlangt"
    " verlangde verlangen".split())


def _wished_for(toks: list, k: int) -> bool:
    """The Dutch verb at toks[k] closes a "dat"-clause that a verb of wanting governs: "Een meerderheid van de
    Kamer wil dat de minister uitlegt waar het geld is gebleven" (the minister has said nothing yet)."""
    for q in range(k - 1, max(0, k - 15), -1):
        t = toks[q]
        if t.inq or t.text in (",", ";", ":", "."):
            return False
        if t.low == "dat":
            return toks[q - 1].low in _VOLITION
    return False


def _share_start(toks: list, q: int) -> int:
    """Where the phrase of the share word at toks[q] starts: "Ruim een derde", "De helft", "45 procent"."""
    while q > 0 and share_qualifier(toks[q - 1]) and not toks[q - 1].inq:
        q -= 1
        if toks[q].first:
            break
    return q


def _cap_run_start(toks: list, q: int) -> int:
    """Where the run of capitalised words ending at toks[q] starts, within its sentence: "a [New York Times] report"."""
    while q > 0 and is_cap(toks[q - 1]) and not toks[q].first:
        q -= 1
    return q


def _np_before_word(toks: list, p: int, words: frozenset) -> tuple[int, int] | None:
    """The noun phrase ending right before toks[p] when toks[p] is one of words (outside quotations)."""
    if p < 1 or toks[p].low not in words or toks[p].inq:
        return None
    b = np_before(toks, p, 0)
    if b is not None and b[1] + 3 == p and _age_follows(toks, b[1]):
        return b  # "Gerrit Hendriks (58) uit Staphorst": an age between the name and the word
    return b if b is not None and b[1] == p else None


_DUTCH_FINITE = frozenset(
    "heeft hebben had hadden wil wilde willen wilden kan kon kunnen konden zal zullen zou zouden moet moest"
    " moesten laat liet lieten".split()
)
_DUTCH_PASSIVE_AUX = frozenset(("is", "werd", "wordt", "worden", "werden", "zijn", "was", "waren"))


# The gender a pronoun excludes: "she" takes up no man; Dutch "zij" and "ze" are also plural, never a man.
_GENDERED_PRONOUNS = {"he": "f", "hij": "f", "she": "m", "zij": "m", "ze": "m"}


@lru_cache(maxsize=4096)
def _gender(sp: Src) -> str:
    """A person's gender, "m" or "f", when the description or the role tells ("the spokeswoman",
    "de buurman"), else "x". (Given names were tried and dropped: see bench/README.md.)"""
    words = sp.name.lower().split()
    for w in (sp.role, *([] if sp.name[:1].isupper() else words[-1:])):  # (a surname is no noun: "Laura King")
        if w in L.FEMALE_NOUNS:
            return "f"
        if w in L.MALE_NOUNS:
            return "m"
    return "x"


def _shouted(tokens: list, n: int) -> bool:
    """Whether the word before or after tokens[n] is in capitals too ("BREAKING: LOCAL REPORTS SAY")."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(tokens) and len(tokens[m].text) > 1 and tokens[m].text.isupper():
            return True
    return False


def _pronominal_particle(low: str) -> str:
    """The particle of a Dutch pronominal adverb: "erop" → "op", "daarover" → "over", "hieraan" → "aan"."""
    for prefix in ("daar", "hier", "er"):
        if low.startswith(prefix) and len(low) > len(prefix) + 1:
            return low[len(prefix):]
    return ""


def _object_told_to(toks: list, k: int) -> bool:
    """True when the cue at toks[k], after "to", is done by the object of another verb: "asked him to
    comment", "enable the user to charge other devices" (no statement of his, or the user's)."""
    if k < 3:
        return False
    obj = toks[k - 2]
    if obj.low in _OBJECT_PRONOUNS:
        return True
    if k < 4 or not noun_class(obj.low) or toks[k - 3].low not in L.DETERMINERS:
        return False
    verb = toks[k - 4]
    return verb.text.isalpha() and verb.text.islower() and not verb.inq \
        and verb.low not in L.PREPOSITIONS and verb.low not in L.SKIP


def _colon_before_quote(toks: list) -> int:
    """Index of the colon in "Van Veen: ,,…\"" (a short phrase opening the sentence, then a quotation), or in a
    headline's "Police: no evidence of foul play" (a short phrase, no closing period), or -1."""
    for c in range(1, min(len(toks) - 1, _COLON_FAR + 1)):
        t = toks[c]
        if t.inq or t.first:
            return -1
        if t.text == ":":
            if not toks[0].text[:1].isupper():
                return -1
            if toks[c + 1].inq or _attitude_before(toks, c):
                return c
            headline = c <= 3 and toks[-1].text != "." and not all(x.low in _HEADLINE_LABELS for x in toks[:c])
            return c if headline else -1
    return -1


# What a party is before a colon that gives its view in its own words or the reporter's: "De vakbond is duidelijk: er
# komt geen akkoord", "Ook de ondernemers zijn kritisch: de tarieven zijn te hoog", "The mayor was blunt: …".
_ATTITUDES = frozenset(
    "kritisch duidelijk stellig resoluut helder positief negatief sceptisch optimistisch somber pessimistisch"
    " critical clear adamant blunt firm unequivocal emphatic optimistic pessimistic sceptical skeptical upbeat".split())
_VERY = frozenset("ook wel zeer erg heel uiterst niet minder weinig also very quite equally less".split())


def _attitude_before(toks: list, c: int) -> bool:
    """The colon at c follows "is kritisch", "zijn ook duidelijk", "was blunt": a view told after it."""
    q = c - 1
    if q < 2 or toks[q].low not in _ATTITUDES:
        return False
    q -= 1
    while q > 0 and toks[q].low in _VERY:
        q -= 1
    return q > 0 and toks[q].low in _BE_FORMS


# Labels a headline opens with that name no source: "Report: …", "Exclusive: …", "Video: …".
_HEADLINE_LABELS = frozenset(
    "report reports exclusive breaking update updated watch video videos analysis opinion live revealed photos"
    " pictures poll review interview column explainer podcast factcheck rumour rumor gerucht exclusief analyse"
    " opinie liveblog reconstructie recensie uitgelicht nieuws news more read also see related lees ook meer"
    " bekijk photo foto image beeld credit credits caption illustratie illustration afbeelding bron source".split())
# ("MORE: How to heal a broken heart": a link to another story; "Photo: Reuters", "Bron: ANP": a credit line;
# "Sources: Apple to buy Beats" is the anonymous sources')


_COLON_NP = 6
_FEELING_WORDS = 16  # at most this many tokens in a sentence telling how someone feels before a quotation
_BE_FORMS = _BE_FEELING | {"are", "were"}
_COLON_FAR = 30  # "Annemarie Jorritsma, lijsttrekker voor de senaat, is teleurgesteld: ,,…"
# Acronyms of countries, not of organisations: "in the UK", "de VS".
_COUNTRY_ACRONYMS = frozenset("uk us usa vs vk uae vae ussr drc".split())
_NO_WORDS = frozenset(("no", "nee", "neen", "nope"))


def _closing_relay(toks: list, f: tuple) -> bool:
    """The anchor `f` (index, kind, sources, span) is a verb of speech closing the sentence after a comma, its
    speaker only relaying the statement before it (GUIDELINES §5): "…, the Associated Press reports.",
    "De man ontkent alle betrokkenheid, zegt zijn advocaat.", "Volgens de politie is de man gevlucht, zegt de
    krant."."""
    k, kind, _srcs, (start, end) = f
    if kind != "verb" or start <= 0:
        return False
    if toks[start - 1].text == "," and k >= len(toks) - 5:
        return True  # the speaker, then the verb
    # the verb, then the speaker, and a Dutch verb's particle closing it: "…, laat een woordvoerder weten."
    return 0 < k < start and toks[k - 1].text == "," and (end >= len(toks) - 1 or (
        end == len(toks) - 2 and toks[end].low in _CLOSING_PARTICLES and not toks[-1].text[:1].isalnum()))


# A refusal that is no answer at all: a bare quotation after it is not the refuser's (`_continuation`).
_NO_ANSWER_RE = re.compile(
    r"\b(?:reageerde|reageert|reageerden) niet\b|\bniet bereikbaar\b|\bgeen reactie\b|\bnot (?:immediately )?"
    r"(?:respond|return|be reached|available)|\bdid not respond\b|\bcould not be reached\b|\bno response\b",
    re.IGNORECASE)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset("january february march april may june july august september october november december januari"
                    " februari maart mei juni juli augustus oktober".split())
# Function words that are a finite verb after a subject: "Apple is", "Google has", "Philips heeft".
_SUBJECT_VERBS = frozenset("is was has had will would could can may might does did wants plans"
                           " heeft wil gaat zal kan moet".split())
_CLOSING_PARTICLES = frozenset(("weten", "aan", "toe"))  # "laat … weten", "geeft … aan", "voegt … toe"


def _bare_no(toks: list) -> bool:
    """The statement's quotation is a bare "No." / ",,Nee.", or it opens with a bare "Nee," before its
    attribution ("Klopt dat? Nee, zegt het ministerie."): an answer that denies what was asked."""
    quoted = [t.low for t in toks if t.inq and t.text[:1].isalnum()]
    if not quoted:
        # (the verb right after the comma: "Nee, de minister zegt …" may be the writer's own answer)
        return len(toks) > 3 and toks[0].low in _NO_WORDS and toks[1].text == "," and toks[2].text[:1].islower() \
            and toks[2].low not in L.DETERMINERS and toks[2].low not in _SELF_PRONOUNS
    return len(quoted) == 1 and quoted[0] in _NO_WORDS


_INTRODUCING = frozenset(("is", "was", "becomes", "became", "werd"))
_INTRO_ARTICLES = frozenset(("a", "an", "the", "een", "de", "het"))


def _introduced_as(toks: list, j: int) -> str:
    """The role or trade a person named just before toks[j] is introduced with, by an apposition or "is":
    "Paul Clark, a leading researcher at the museum," -> "researcher", "Piet Hendriks is directeur van de
    school" -> "directeur"; "" when none."""
    n = len(toks)
    if j + 1 >= n or toks[j].inq:
        return ""
    if toks[j].text != "," and toks[j].low not in _INTRODUCING:
        return ""
    q = j + 1
    if q < n and toks[q].low in _INTRO_ARTICLES:
        q += 1
    for r in range(q, min(n, q + 3)):
        t = toks[r]
        if t.inq or not t.text[:1].isalpha():
            return ""
        cls = noun_class(t.low)
        if cls in ("role", "person"):
            return _trade(t.low)
        if t.text[:1].isupper() or r == q + 2:
            return ""  # (a name, or no noun of a role after an adjective or two)
    return ""


def _introduced_before(toks: list, i: int) -> str:
    """The role a person named at toks[i] is given by the apposition it closes: "The club's coach, Tom Berg,"
    -> "coach"; "" when none."""
    if i < 2 or toks[i - 1].text != "," or toks[i - 2].inq:
        return ""
    if noun_class(toks[i - 2].low) not in ("role", "person"):
        return ""
    return _trade(toks[i - 2].low)


def _trade(low: str) -> str:
    """The role or trade a noun gives a person, for "the researcher" to take them up later; "" for a
    spokesperson or an agent, who speak for someone else."""
    head = _head(low)
    return "" if head in _SPOKES or head in _AGENT_ROLES else head


def _same_speakers(before: tuple, f: tuple) -> bool:
    """True when anchor f speaks for the sources of the anchor before it: the same sources, or some of a
    refusal's own ("Neither the police nor the school would confirm": "confirm" finds the school alone
    inside the refusal's "the police nor the school")."""
    names, earlier = {s.name for s in f[2]}, {s.name for s in before[2]}
    if names == earlier:
        return True
    if len(f[2]) == len(before[2]) == 1 and f[3] and before[3] and f[3][0] < before[3][1] and before[3][0] < f[3][1]:
        return True  # one phrase read twice: "Some users insisted …, saying …" ("users", "some users")
    return before[1] == "nocomment" and names < earlier and before[3][0] <= f[3][0] and f[3][1] <= before[3][1]


def _in_relative_clause(toks: list, k: int) -> bool:
    """toks[k] is the verb of a relative clause opened by a comma just before: ", which has denied …", ", dat de
    beschuldigingen ontkent"."""
    return any(toks[q].low in ("which", "who", "die", "dat") and toks[q - 1].text == ","
               for q in range(max(1, k - 6), k))


_PLURAL_PRONOUNS = frozenset(("they", "zij", "ze"))


def _plural_verb(toks: list, k: int, lang: str) -> bool:
    """The finite verb right after a subject pronoun ending at toks[k] is plural: "Zij zeggen", "ze eisen" (not
    the singular "ze zegt"); English "they" takes any."""
    if lang == "en":
        return True
    low = toks[k].low
    return low.endswith("en") and len(low) > 3


# Verbs of refusing, before the infinitive of the verb of speech they refuse (the refusal is the statement).
_REFUSALS = frozenset("weigert weigerde weigerden weigeren geweigerd refused refuses refuse refusing declined"
                      " declines decline declining".split())
# Prepositions that also open a clause: the phrase right before the clause's verb is its subject. (Dutch "na" is
# no conjunction: that is "nadat".)
_CLAUSE_OPENERS = frozenset(("after", "before", "since", "until", "sinds", "tot"))
_CONTRASTS = frozenset(("but", "while", "whereas", "although", "maar", "terwijl", "hoewel", "echter"))
_SUBJECT_PRONOUNS = frozenset(("hij", "ze", "zij"))  # "Komend voorjaar verwacht ze …": V2, the subject follows


_WORDEN_NL = frozenset(("werd", "wordt", "worden", "werden"))
_HEBBEN_NL = frozenset(("heeft", "hebben", "had", "hadden", "heb", "hebt"))


def _passive_clause_nl(toks: list, k: int) -> bool:
    """Whether the Dutch participle at toks[k] is a passive's: its clause's auxiliary, a few words before with
    the subject between, is a form of "zijn" or "worden" and none of "hebben" ("was het ministerie al
    gewaarschuwd", not "heeft de inspectie het ministerie gewaarschuwd")."""
    aux = ""
    for q in range(k - 1, max(-1, k - 8), -1):
        t = toks[q]
        if t.inq or t.text in (",", ";", ":") or t.low in ("dat", "die", "en", "maar", "of"):
            break
        if t.low in _HEBBEN_NL:
            return False
        if t.low in _BE_NL or t.low in _WORDEN_NL:
            aux = t.low
    return bool(aux) and (toks[k].low.startswith("ge") or not _finite_dutch(toks[k].low))


def _finite_dutch(low: str) -> bool:
    """A finite verb form, not a noun: "zegt", "meldde", "verklaarden", "zei" (not "verklaring", "claim")."""
    return low in ("zei", "zeiden") or (not low.endswith("ing") and low.endswith(("t", "de", "den", "te", "ten")))


# Verbs of speech that take the person addressed as their object: with that person alone, and no content
# after them, they say nothing of their own ("had not warned them", "hen niet heeft gewaarschuwd").
_ADDRESS_VERBS = frozenset("warn tell inform notify assure promise remind advise waarschuwen vertellen inlichten"
                           " informeren verzekeren beloven herinneren".split())
_ADDRESS_FORMS = frozenset(("geïnformeerd",))  # (forms whose lemma simplemma leaves as they are)
_CONTENT_OPENERS = frozenset("that dat of whether if about over voor to te om :".split())


def _addressed_only(toks: list, k: int, lang: str) -> bool:
    """Whether the verb of speech at toks[k] has only the person addressed: a verb that takes that person
    as its object, followed by at most three words of its clause, none opening a content."""
    if _lemma(toks[k].low, lang) not in _ADDRESS_VERBS and toks[k].low not in _ADDRESS_FORMS:
        return False
    words = 0
    for t in toks[k + 1:]:
        if t.text in (".", ";", ",", "!", "?") and not t.inq:
            break
        if t.inq or t.low in _CONTENT_OPENERS:
            return False
        words += 1
    return words <= 3


def _complement_follows(toks: list, k: int) -> bool:
    """A content clause or quotation follows the verb within a few words: "denkt (daarnaast) dat", or
    after a prepositional phrase: "stelde in een eerste reactie dat", "believes, in a statement, that"."""
    gap = _COMPLEMENT_GAP
    if k + 1 < len(toks) and toks[k + 1].low in L.PREPOSITIONS:
        gap = _COMPLEMENT_GAP_PP
    for q in range(k + 1, min(len(toks), k + 1 + gap)):
        t = toks[q]
        if t.low in ("dat", "that", ":") or (t.inq and q == k + 1):
            return True
        if not t.text[:1].isalnum():
            return False
    return False


def _bare_reaction(toks: list, k: int) -> bool:
    """A Dutch "reageert" with one or two words of manner and the sentence's end: "reageert verbaasd.", "reageerde
    zeer geschrokken." (not "reageert niet.", a refusal, nor "reageert verbolgen: …"), and not the tag of a
    quotation or a clause before it, whose words follow: ",,Daar klopt niets van'', reageert de wethouder."."""
    n = len(toks)
    if k >= 2 and toks[k - 1].text == "," and toks[k - 2].text[:1].isalnum():
        return False  # the tag of the clause before it: "Dat is niet juist, reageert de directie."
    before = k - 2 if k >= 2 and toks[k - 1].text == "," else k - 1
    if before >= 0 and (toks[before].inq or toks[before].text in _QUOTE_END):
        return False
    q = k + 1
    while q < n and q <= k + 2 and toks[q].text[:1].isalpha() and not toks[q].inq and not L.is_negation(toks[q].low) \
            and toks[q].low not in ("nog", "op", "met", "dat", "zo"):
        q += 1
    if q > k + 1 and q < n and toks[q].low == "op":
        # what they react to, then the end: "Supporters reageren geschokt op het bericht."
        end = q + 1
        while end < n and end <= q + 6 and toks[end].text[:1].isalnum() and not toks[end].inq \
                and toks[end].low not in ("dat", "met"):
            end += 1
        q = end if end > q + 1 else q
    return q > k + 1 and (q >= n or toks[q].text in (".", "!"))


_REACTS = frozenset(("reageert", "reageerde", "reageerden", "reageren"))


def _claimed_a_prize(toks: list, k: int) -> bool:
    """toks[k] ("claimed") takes something instead of saying it: "claimed the title", "claimed a record third
    win", "claimed the lives of 12 people" (not "claimed responsibility", "claimed that …", "claimed the win was
    his")."""
    if _bare_clause_follows(toks, k):
        return False
    for q in range(k + 1, min(len(toks), k + 5)):
        t = toks[q]
        if t.low in _PRIZES:
            return True
        if t.inq or not t.text[:1].isalnum() or t.low in ("that", "responsibility", "credit"):
            return False
    return False


_PRIZES = frozenset("title titles victory win wins trophy crown lead seat seats prize gold silver bronze medal medals"
                    " championship lives life victims points spot place pole".split())
_TO_BE = frozenset(("be", "have", "been"))


def _pointing_that(toks: list, q: int, hi: int) -> bool:
    """toks[q] ("dat", "that") points back as the verb's object instead of opening a content clause: the clause
    ends right after it, or a particle of the verb follows ("maar de club spreekt dat tegen", "denied that.")."""
    if q + 1 >= hi:
        return True
    nxt = toks[q + 1]
    return nxt.text in (".", ",", ";", "!", "?") or nxt.low in _OBJECT_PARTICLES


_OBJECT_PARTICLES = frozenset(("tegen", "af", "toe", "uit", "aan", "down", "off"))


def _passive_before(toks: list, k: int) -> bool:
    """A form of "be" before toks[k], past adverbs: "was (quickly) shot down"."""
    q = k - 1
    while q >= 0 and is_ly_adverb(toks[q]):
        q -= 1
    return q >= 0 and toks[q].low in _PASSIVE


def _bare_clause_follows(toks: list, k: int) -> bool:
    """English leaves out the "that" of a content clause: "Police believe the man acted alone", "Officials fear
    the toll could rise". A subject opens right after the verb and a finite verb (an auxiliary, or a past form
    not in the noun phrase) follows within a few words, with no punctuation or relative word between; an object
    alone ("fear the worst", "believe in God") opens no clause."""
    n = len(toks)
    if k + 2 >= n:
        return False
    first = toks[k + 1]
    if first.inq or not first.text[:1].isalnum() or first.low in L.PREPOSITIONS or first.low in _NO_CLAUSE_SUBJECT \
            or is_ly_adverb(first):
        return False
    if first.low in _CLAUSE_PRONOUNS and toks[k + 2].text[:1].isalpha():
        return True  # a subject pronoun is no object: "said they also resolve disputes"
    for q in range(k + 2, min(n, k + 1 + _BARE_CLAUSE_GAP)):
        t = toks[q]
        if t.inq or not t.text[:1].isalnum() or t.low in _RELATIVE_WORDS:
            return False
        if t.low in _FINITE_AUXILIARIES:
            return True
        prev = toks[q - 1].low
        if t.low.endswith("ed") and len(t.low) > 4 and prev not in _DETERMINERS_POSSESSIVES \
                and not is_ly_adverb(toks[q - 1]) and prev not in L.PREPOSITIONS:
            # a past form after its subject: "the fire started in the kitchen" (not "the injured man")
            return q + 1 == n or not toks[q + 1].text[:1].isalpha() or toks[q + 1].low in L.PREPOSITIONS \
                or toks[q + 1].low in _DETERMINERS_POSSESSIVES or is_ly_adverb(toks[q + 1]) \
                or toks[q + 1].low in _AFTER_PAST
    return False


_BARE_CLAUSE_GAP = 7
_CLAUSE_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_FINITE_AUXILIARIES = frozenset(
    "is are was were has have had will would could can may might must should shall did does do won't wasn't isn't"
    " weren't aren't hasn't haven't hadn't didn't doesn't don't couldn't wouldn't can't cannot".split())
_RELATIVE_WORDS = frozenset(("who", "whom", "whose", "which", "that", "where", "when", "to"))
# Words that take no clause after a weak verb: "think so", "feel free", "fear for", "expect it"
_NO_CLAUSE_SUBJECT = frozenset(("so", "not", "to", "as", "than", "him", "them", "me", "us", "her", "himself", "herself",
                                "themselves", "itself", "free", "sorry", "otherwise", "about", "like"))
_AFTER_PAST = frozenset(("alone", "together", "deliberately", "first", "again", "too", "there", "here", "and", "but",
                         "out", "up", "down", "off", "away", "back", "home", "late", "early"))


_COMPLEMENT_GAP = 4
_COMPLEMENT_GAP_PP = 8  # when a prepositional phrase opens right after the verb
_PREDICATE_WORDS = 7  # words after the cue that still belong to its clause when no content clause opens


def _name_after_description(toks: list, q: int, comma: int):
    """The full name between the commas at toks[q] and toks[comma] when a short description opens the
    sentence before it ("The homeowner, Greg Towers,", "De imker, Jan de Vries,"), else None."""
    if comma - q < 3 or not all(is_cap(t) or t.low in L.NAME_PARTICLES for t in toks[q + 1:comma]) \
            or not is_cap(toks[comma - 1]) or any(t.inq for t in toks[q + 1:comma]):
        return None
    start = q - 1
    while start > 0 and q - start < 4 and toks[start].text.isalpha() and toks[start].text.islower():
        start -= 1
    if start == q - 1 or not toks[start].first or toks[start].low not in L.DETERMINERS:
        return None
    return np_after(toks, q + 1, comma)


def _noun_particle_before(toks: list, k: int, parts) -> int:
    """The index of the noun of toks[k]'s Dutch verb phrase a few words before it in its clause, else -1:
    "heeft afstand genomen", "die vraagtekens zet bij" (the order of a clause that ends in its verb)."""
    for q in range(k - 1, max(-1, k - 7), -1):
        t = toks[q]
        if t.inq or t.low in _PARTICLE_CLAUSE_STOPS:
            return -1
        if t.low in parts and t.low in _NOUN_PARTICLES_NL \
                and (t.low != "twijfel" or (q > 0 and toks[q - 1].low == "in")) \
                and (t.low != "hand" or (q > 1 and toks[q - 1].low == "de" and toks[q - 2].low == "van")):
            return q  # ("in twijfel getrokken", not "met twijfel trok hij de deur dicht"; "van de hand wijst")
    return -1


# Verbs of thought and of saying that tag the clause before them as someone's, with no quotation marks: "The fire
# was caused by a battery, investigators believe", "The building was evacuated, the spokesman added", "Dat denkt
# de wethouder" (not the verbs of manner, which tag only a quotation: "she laughed", "lacht hij").
_TAG_VERBS = {
    "nl": frozenset("vinden denken menen geloven vrezen hopen vermoeden verwachten schatten stellen ontdekken".split()),
    "en": frozenset("think believe fear find hope feel doubt suspect add respond expect estimate worry reckon"
                    " assume recall agree charge rule repeat indicate counter observe discover".split()),
}
_TAG_END = frozenset((".", ";", "!", "?"))


def _tag_after_clause(toks: list, k: int, lang: str) -> bool:
    """toks[k] tags the clause before it as its subject's: in English after the subject, which follows a comma
    that closes a clause of three words at least ("…, police believe."); in Dutch before the subject, after the
    "Dat" that opens the sentence ("Dat denkt de wethouder."). The verb (and an adverb) ends the sentence."""
    n = len(toks)
    q = k + 1
    if lang == "nl":
        if k != 1 or toks[0].low != "dat":
            return False
        while q < n and q - k <= 5 and toks[q].text[:1].isalpha() and not toks[q].inq:
            q += 1  # the subject after the verb: "de wethouder", "ook de buren"
        return q > k + 1 and (q == n or toks[q].text in _TAG_END)
    if q < n and (is_ly_adverb(toks[q]) or toks[q].low in ("too", "also")):
        q += 1
    if q < n and toks[q].text not in _TAG_END:
        return False
    c = k - 1
    while c >= 0 and k - c <= 5 and toks[c].text[:1].isalnum() and not toks[c].inq:
        c -= 1
    return c >= 3 and c < k - 1 and toks[c].text == "," and not toks[c - 1].inq


# The fields of Dutch ministries and aldermen: "minister Karremans van Volksgezondheid", "wethouder Dijkstra van
# Onderwijs" (first words of the longer ones: "Economische Zaken", "Infrastructuur en Waterstaat").
_PORTFOLIOS = frozenset(
    "volksgezondheid onderwijs financiën financien justitie defensie economische buitenlandse binnenlandse sociale"
    " infrastructuur landbouw klimaat asiel migratie cultuur wonen verkeer milieu sport jeugd zorg natuur"
    " volkshuisvesting economie armoedebeleid handel ontwikkelingssamenwerking werkgelegenheid".split())


def _offer_refused(toks: list, k: int) -> bool:
    """The verb at toks[k] turns down an offer or a request, not a claim: a decision (see `stance.offer_refused`)."""
    return toks[k].low in REJECTING and offer_refused([t.low if not t.inq else '"' for t in toks[k:k + 6]], 0)


# The members of a family, described by their relation to someone in the story.
_RELATIVES = frozenset(
    "mother father parent parents son daughter brother sister wife husband widow widower uncle aunt cousin"
    " grandmother grandfather grandson granddaughter nephew niece stepfather stepmother"
    " moeder vader ouder ouders zoon dochter broer zus echtgenoot echtgenote weduwe weduwnaar oom tante neef nicht"
    " oma opa grootmoeder grootvader kleinzoon kleindochter stiefvader stiefmoeder".split())
# People described by what anyone may be, no trade: the lede's "a woman" may be named later with an office.
_PLAIN_PEOPLE = frozenset(
    "man men woman women person people persoon mensen vrouw vrouwen girl boy meisje jongen child kind mother father"
    " moeder vader son daughter zoon dochter resident residents bewoner bewoners".split())
_OPENING_QUOTES = frozenset(("'", "‘", '"', "“", ",,", "„"))
_CLAUSE_BOUNDARIES = frozenset(
    ", ; : ( ) dat that die who which omdat because terwijl while en and maar but nadat after toen when als if"
    " want since zodat".split())


def _after_quote(toks: list, k: int) -> bool:
    """A quotation closes just before a short subject and toks[k]: '"…," he added', '"…," Roe feels'."""
    q = k - 1
    while q >= 0 and k - q <= 3 and not toks[q].inq and toks[q].text[:1].isalpha():
        q -= 1
    return q < k - 1 and q >= 0 and toks[q].inq and not toks[q].text[:1].isalnum()


def _named(name: str) -> bool:
    return any(w[:1].isupper() for w in name.split())
_CLAUSE_BREAK = frozenset(
    (",", ";", ":", "maar", "but", "although", "hoewel", "terwijl", "while", ".", "than", "except", "behalve")
)


def _says_nothing_after(toks: list, k: int) -> bool:
    """Whether the verb of speech at toks[k] closes its clause with no content of its own: at most two words ("so",
    "it") before the sentence or the clause ends, no quotation, no colon, no "dat"/"that"."""
    n = 0
    for t in toks[k + 1:]:
        if t.inq or t.low in ("dat", "that", ":"):
            return False
        if t.text in (".", ",", ";", "!", "?"):
            return True
        n += 1
        if n > 2:
            return False
    return True


def _opens_np(tok) -> bool:
    return tok.low in _DETERMINERS_POSSESSIVES or tok.low.endswith(_GENITIVE)


def _modifier_ing(toks: list, k: int) -> bool:
    """Whether the -ing form at toks[k] describes the noun of a body, an office or a text after it, inside a phrase
    an article or a genitive opens ("the reporting centre", "the UK's national reporting centre"; not "saying
    police were needed")."""
    if k < 1 or k + 1 >= len(toks) or not toks[k + 1].text.islower() or not noun_class(toks[k + 1].low):
        return False
    prev = toks[k - 1]
    return _opens_np(prev) or (k >= 2 and _opens_np(toks[k - 2]) and prev.text.isalpha() and prev.text.islower()
                               and not noun_class(prev.low))


def _org_kind_of(name: str) -> str:
    return _org_kind_words(name.lower().split())


def _sentence_first(toks: list, k: int) -> int | None:
    for i in range(k, -1, -1):
        if toks[i].first:
            return i
    return None


# Unions used on hot paths, built once.
_FINITE_AFTER_THAT = _ELLIPSIS_AUX | _DUTCH_FINITE | _BE_NL  # "but that did not …": a pronoun and its verb
_FRONTED_POINTERS = _POINTERS | {"zo", "daarover", "daarvan"}  # "Dat/Dit/Zo heeft X …"
