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

from dataclasses import dataclass
from functools import lru_cache

import simplemma

from . import lexicon as L
from .sources import Src, build, clause_start_np, is_cap, np_after, np_before, noun_class
from .stance import classify, has_claim_context, match_phrase
from .statement import Statement
from .text import Token, find_quotes, split_sentences, tokenize

_MAX_UNIT_SENTENCES = 8
_SCARE_QUOTE_WORDS = 5
_CLAIM_CHARS = 300
_COREF_UNITS = 6


@lru_cache(maxsize=100_000)
def _lemma(word: str, lang: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=lang)
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
        self.speakers: list[tuple[int, Src]] = []  # (unit index, source), in text order
        self.persons: dict[str, Src] = {}  # surname or first name -> full person source
        self.mentions: list[tuple[int, Src]] = []

    # ---- preparation -------------------------------------------------------------
    def units(self) -> list[_Unit]:
        text = self.text
        sentences = split_sentences(text)
        quotes = find_quotes(text)
        tokens = tokenize(text)
        self._mark_quotes(tokens, quotes)
        # Tokens per sentence (both lists are in text order).
        k = 0
        for s in sentences:
            while k < len(tokens) and tokens[k].end <= s.start:
                k += 1
            j = k
            while j < len(tokens) and tokens[j].start < s.end:
                j += 1
            s.tokens = tokens[k:j]
            if s.tokens:
                s.tokens[0].first = True
            k = j
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

    @staticmethod
    def _mark_quotes(tokens: list[Token], quotes: list) -> None:
        k = 0
        for qs, qe in quotes:
            while k < len(tokens) and tokens[k].end <= qs:
                k += 1
            j = k
            while j < len(tokens) and tokens[j].start < qe:
                j += 1
            inside = tokens[k:j]
            words = sum(1 for t in inside if t.text[:1].isalnum())
            before = tokens[k - 1] if k > 0 else None
            # A short quotation inside a clause ("is er niet 'ingeluisd'") is a scare quote:
            # its words belong to the sentence and can carry cues.
            scare = words <= _SCARE_QUOTE_WORDS and before is not None and before.text[:1].isalnum()
            if not scare:
                for t in inside:
                    t.inq = True
            k = j

    # ---- main loop ---------------------------------------------------------------
    def run(self) -> list[Statement]:
        units = self.units()
        for u, unit in enumerate(units):
            made = self._attributed(u, unit, units)
            if not made:
                self._continuation(u, unit)
            self._note_mentions(u, unit)
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
            ))
        return out

    # ---- anchors -----------------------------------------------------------------
    def _anchors(self, toks: list) -> list[tuple[int, str, int]]:
        """(token index, kind, index after the cue) for cues outside quotations, in order."""
        lang = self.lang
        lows = [t.low if not t.inq else "" for t in toks]
        out = []
        nc = match_phrase(lows, L.NO_COMMENT[lang])
        if nc >= 0:
            out.append((nc, "nocomment", nc + 1))
        n = len(toks)
        for k, t in enumerate(toks):
            if t.inq or not t.text[:1].isalpha():
                continue
            low = t.low
            if low in ("volgens", "aldus") and lang == "nl":
                out.append((k, "prep", k + 1))
                continue
            if low == "according" and k + 1 < n and toks[k + 1].low == "to":
                out.append((k, "prep", k + 2))
                continue
            if low in L.STOP and low not in ("zegt", "zei", "said", "says"):
                continue
            prev = toks[k - 1].low if k > 0 else ""
            if prev in L.DETERMINERS or prev in L.POSSESSIVES or prev in ("deze", "die", "this", "these"):
                continue  # a noun: "de verklaring", "the claims", "his report"
            lem = _lemma(low, lang)
            if lem in L.SPEECH[lang]:
                out.append((k, "verb", k + 1))
                continue
            if lem in L.WEAK[lang]:
                nxt = toks[k + 1].low if k + 1 < n else ""
                if nxt in ("dat", "that", ":") or prev in (",", "''", '"', "”", "'", "’"):
                    out.append((k, "verb", k + 1))
                continue
            parts = L.PARTICLE_VERBS[lang].get(lem)
            if parts:
                for q in range(k + 1, min(n, k + 12)):
                    if toks[q].low in parts and not toks[q].inq:
                        out.append((k, "verb", k + 1))
                        break
                    if toks[q].text in (".", ";"):
                        break
        out.sort(key=lambda a: a[0])
        return out

    def _source_for(self, toks: list, k: int, kind: str, after_k: int, u: int) -> list[Src]:
        n = len(toks)
        cands = []
        if kind == "prep":
            cands.append(np_after(toks, after_k, n))
        else:
            b = np_before(toks, k, 0)
            if b is not None and b[0] > 0 and toks[b[0] - 1].low in L.PREPOSITIONS:
                b = None  # the object of a preposition, not a subject
            a = np_after(toks, after_k, n)
            if a is not None and a[0] > after_k + 3:
                a = None
            j = k
            while j > 0 and (toks[j - 1].low in L.SKIP or L.is_negation(toks[j - 1].low)):
                j -= 1
            prev = toks[j - 1] if j > 0 else None
            inverted = prev is None or prev.inq or prev.text in (",", ":", ";", "''", '"', "”", "’", "'") \
                or (self.lang == "nl" and prev.low in ("dat", "dit", "daarvan", "daarover", "zo", "wat"))
            if self.lang == "en" and not inverted:
                a = None  # English keeps subject-verb order outside inversions
            if self.lang == "nl" and not inverted and b is not None and a is not None:
                # V2 order: a fronted phrase is followed by verb + subject ("Bij X zegt Y").
                pass
            if inverted:
                cands += [a, b]
            else:
                cands += [b, a]
            cands.append(clause_start_np(toks, k, 0))
        for c in cands:
            if c is None:
                continue
            srcs = build(toks, c, self.lang, self.text)
            out = []
            for s in srcs:
                r = self._resolve(s, u)
                if r is not None:
                    out.append(r)
            if out:
                return out
        return []

    # ---- statements --------------------------------------------------------------
    def _attributed(self, u: int, unit: _Unit, units: list) -> bool:
        toks = unit.toks
        anchors = self._anchors(toks)
        for k, kind, after_k in anchors[:4]:
            srcs = self._source_for(toks, k, kind, after_k, u)
            if not srcs:
                continue
            start, end = unit.start, unit.end
            claim = self._claim(unit, k)
            # "Dat meldt de Volkskrant.": the reported content is the sentence before.
            first = _sentence_first(toks, k)
            if first is not None and toks[first].low in ("dat", "dit", "that", "this") and u > 0 \
                    and k - first < 12 and not any(r.unit == u - 1 for r in self.records) \
                    and units[u - 1].para == unit.para:
                start = units[u - 1].start
                claim = self._clip(self.text[units[u - 1].start:units[u - 1].end])
            src_span = set()
            lows = [t.low for i, t in enumerate(toks) if i not in src_span]
            stance, conf = classify(lows, self.lang, self.claim_context)
            score = conf * (0.9 if srcs[0].kind != "unknown" else 0.7)
            for s in srcs:
                self.records.append(_Record(s, stance, start, end, claim, score, u))
                self._remember(u, s)
            return True
        return False

    def _continuation(self, u: int, unit: _Unit) -> None:
        """A bare quotation or a reportative 'zou' continues the previous statement's source."""
        if not self.records:
            return
        last = self.records[-1]
        if last.unit < u - 2:
            return
        toks = unit.toks
        words = [t for t in toks if t.text[:1].isalnum()]
        if not words:
            return
        outside = [t for t in words if not t.inq]
        lows = [t.low for t in toks]
        if not outside and last.unit >= u - 1:
            stance, conf = classify(lows, self.lang, self.claim_context)
            if stance == last.stance and last.unit == u - 1:
                self.records[-1] = _Record(last.src, last.stance, last.start, unit.end, last.claim,
                                           last.score, u)
            else:
                self.records.append(_Record(last.src, stance, unit.start, unit.end,
                                            self._claim(unit, 0), conf * 0.8, u))
            return
        if any(t.low in L.REPORTATIVE[self.lang] for t in outside):
            if self.lang == "nl" and not any(t.low in _INFINITIVE_AUX or t.low.endswith("en") for t in outside):
                return
            self.records.append(_Record(last.src, "alleges", unit.start, unit.end,
                                        self._claim(unit, 0), 0.45, u))

    # ---- coreference -------------------------------------------------------------
    def _remember(self, u: int, s: Src) -> None:
        self.speakers.append((u, s))
        if s.kind == "person" and " " in s.name:
            words = [w for w in s.name.replace(".", " ").split() if w[:1].isupper()]
            if words:
                self.persons[words[-1].lower()] = s
                self.persons.setdefault(words[0].lower(), s)

    def _note_mentions(self, u: int, unit: _Unit) -> None:
        """Remember full person names seen anywhere, for later surname and pronoun look-ups."""
        toks = unit.toks
        i = 0
        n = len(toks)
        while i < n:
            if toks[i].inq or not is_cap(toks[i]) or toks[i].first:
                i += 1
                continue
            j = i
            while j < n and not toks[j].inq and (is_cap(toks[j]) or (
                    toks[j].low in L.NAME_PARTICLES and j + 1 < n and is_cap(toks[j + 1]))):
                j += 1
            run = toks[i:j]
            if 2 <= len(run) <= 4 and all(not noun_class(t.low) for t in run) \
                    and all(not t.text.isupper() for t in run):
                name = self.text[run[0].start:run[-1].end]
                s = Src(name, "", "person", "")
                last = run[-1].low
                if last not in self.persons:
                    self.persons[last] = s
                self.mentions.append((u, s))
            i = max(j, i + 1)

    def _resolve(self, s: Src, u: int) -> Src | None:
        a = s.anaphor
        if not a:
            if s.kind == "person" and " " not in s.name:
                full = self.persons.get(s.name.lower())
                if full is not None:
                    return Src(full.name, s.org or full.org, "person", s.role or full.role)
            elif s.kind != "person" and " " not in s.name:
                full = self.persons.get(s.name.lower())
                if full is not None and full.kind == "person":
                    return full
            elif s.kind == "person":
                words = s.name.split()
                if len(words) == 2 and words[0].lower() in L.NAME_PARTICLES | {"van", "de"}:
                    full = self.persons.get(words[1].lower())
                    if full is not None:
                        return full
            return s
        recent = [sp for uu, sp in reversed(self.speakers) if uu >= u - _COREF_UNITS]
        if a in ("hij", "he", "she", "zij"):
            for sp in recent:
                if sp.kind == "person":
                    return sp
            for uu, sp in reversed(self.mentions):
                if uu >= u - 2:
                    return sp
            return None
        if a in ("ze", "they"):
            return recent[0] if recent else None
        if a in ("it", "het"):
            for sp in recent:
                if sp.kind in ("organisation", "government", "media"):
                    return sp
            return None
        if a.startswith("org:"):
            head = a[4:]
            for sp in recent:
                if head and head in sp.name.lower():
                    return sp
            for sp in recent:
                if sp.kind in ("organisation", "government", "media") and sp.name != s.name:
                    return sp
            return s if head else None
        if a.startswith("role:"):
            head = a[5:]
            for sp in recent:
                if sp.role == head:
                    return sp
            for sp in recent:
                if sp.kind == "person" and sp.role:
                    return sp
            return s
        return s

    # ---- claim text --------------------------------------------------------------
    def _claim(self, unit: _Unit, k: int) -> str:
        toks = unit.toks
        quoted = [t for t in toks if t.inq and t.text[:1].isalnum()]
        if quoted:
            return self._clip(self.text[quoted[0].start:quoted[-1].end])
        for q in range(k, min(len(toks), k + 20)):
            if toks[q].low in ("dat", "that", ":") and q + 1 < len(toks):
                return self._clip(self.text[toks[q + 1].start:unit.end])
        return self._clip(self.text[unit.start:unit.end])

    @staticmethod
    def _clip(s: str) -> str:
        s = " ".join(s.split())
        s = s.strip(" .,;:\"'“”„‘’")
        if len(s) > _CLAIM_CHARS:
            s = s[:_CLAIM_CHARS].rsplit(" ", 1)[0] + " …"
        return s


_INFINITIVE_AUX = frozenset(("hebben", "zijn", "worden"))


def _sentence_first(toks: list, k: int) -> int | None:
    for i in range(k, -1, -1):
        if toks[i].first:
            return i
    return None
