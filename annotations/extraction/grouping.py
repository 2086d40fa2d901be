"""Group the statements of one article by the proposition they take a stance on.

How news restates one proposition, as rules:

- an *answer* (a denial or a no-comment) joins the allegation it answers: the one that
  names the answering source or its organisation (the accused answers its accuser), shares
  the most content words with it, or, when it only refers to "the claims", "the rumour",
  "het bericht", the nearest earlier accusation or hearsay ("zou", "reportedly") by another
  source, else the article's main (first) claim; never its own source's allegation;
- answers come in rounds: sources asked the same question in a row ("X declined to comment.
  Y did not respond either") answer the same proposition, and so do two sources denying the
  same thing in the same words;
- agreeing sources join: an allegation that restates an earlier one (most of the shorter
  one's content words recur in the other, and not only the names of the entities both
  are about: "Acme has a backdoor" and "Acme spies" stay apart) joins it;
- a source denies one thing: its later denials join its first one, besides the claim
  each answers ("X denied the report. 'It is simply not true,' X added");
- a source's next statement is a new point unless it restates the earlier one: two
  sentences of one speaker in a row are not joined for following each other.

Groups are numbered per article in order of first appearance; every statement of a group
carries the group's claim text: the proposition as alleged (the first allegation's content,
or a lone denial's content without its negation).

Propositions are compared as sets of word stems (lemma, cut to a short prefix so that
"spionage", "spioneren" and "spioneert" meet), without the speakers' own names. Each
statement looks only at a bounded number of neighbours, so the work is linear in the
article length.
"""

import re
from dataclasses import replace

import simplemma

from . import lexicon as L
from .sources import noun_class
from .stance import match_phrase
from .statement import Statement

_BACK = 25  # earlier statements a statement may join
_AHEAD = 6  # later statements an answer may answer ("X denied it. Earlier, Y had claimed …")
_STEM = 5
_AGREE_MIN = 2  # stems besides entity names two allegations must share to be one proposition
_AGREE_SHARE = 0.25  # … and the share of the shorter one's stems
_ROUND_CHARS = 400  # answers at most this far apart form one round of questions
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The words of `_WORD` that open with a letter other than a-z (capitals, for `entity_stems` to test), found without
# a Python step per lower-case word: no letter before it, nor a letter and a hyphen or apostrophe (`_WORD` would
# have taken it into the word before).
_NOT_LOWER_WORD = re.compile(r"[^\W\d_a-z](?<![^\W\d_].)(?<![^\W\d_][-'’].)[^\W\d_]*(?:[-'’][^\W\d_]+)*")
_ANSWERS = ("denies", "no_comment")


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
    betrekking sprake kader regarding
    """.split()
)
# Function words long enough to pass for content: prepositions, adverbs, modal verbs.
_FUNCTION_WORDS = frozenset(
    """
    against before between during without within under over through still even only well like
    very really back down again being whether toward towards across around
    moeten moet kunnen kan willen wil zullen zal gaan goed hele echter alleen weer zelf zelfs
    steeds onder boven tussen zonder binnen even bijna
    """.split()
)
# Words of accusation: an answer prefers the claim that accuses.
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
    # what an assessment or a critic put forward: "rejected that assessment", "wijst de kritiek af"
    "assessment", "finding", "conclusion", "criticism", "charges", "figures", "version", "explanation",
    "interpretation", "inschatting", "bevinding", "conclusie", "kritiek", "verwijt", "cijfers", "diagnose",
    "lezing", "voorstelling", "uitleg",
)
# The words of a refusal to answer: an answer made of these and names has no content of its own.
_NO_COMMENT_WORDS = '''
    declined declines decline refused refuses refuse respond responded responds response reply replied
    replies return returned requests request comment commented immediately available reached reach
    questions question calls call messages message emails email inquiry inquiries
    reageren reageerde reageert reactie commentaar ingaan ingegaan kwijt uitspraken uitspraak doen
    onthoudt onthouden bereikbaar bereiken vragen vraag wilde willen wou
'''.split()
_NO_COMMENT_STEMS: dict[str, frozenset] = {}


def _no_comment_stems(lang: str) -> frozenset:
    got = _NO_COMMENT_STEMS.get(lang)
    if got is None:
        got = _NO_COMMENT_STEMS[lang] = frozenset(_stem(w, lang) for w in _NO_COMMENT_WORDS) - {""}
    return got


_NEGATION = re.compile(
    r"\s*\b(?:niet|nooit|not|never|n't)\b|n't\b",
    re.IGNORECASE,
)


# Per language, word -> stem (a dict per language spares building a (word, language) key per look-up).
_STEM_CACHE: dict[str, dict[str, str]] = {"nl": {}, "en": {}}


def _stem(word: str, lang: str) -> str:
    """The comparison stem of a lower-case word, or "" for a word too common to tie propositions."""
    cache = _STEM_CACHE.setdefault(lang, {})
    got = cache.get(word)
    if got is None:
        got = ""
        if len(word) >= 4 and word not in L.STOP and word not in _WEAK_WORDS and word not in _FUNCTION_WORDS:
            try:
                lem = simplemma.lemmatize(word, lang=lang).lower()
            except (ValueError, KeyError):
                lem = word
            if lem not in L.STOP and lem not in _WEAK_WORDS:
                got = lem[:_STEM]
        if len(cache) < 200_000:
            cache[word] = got
    return got


def content_stems(text: str, lang: str) -> frozenset:
    """Stems of the content words of text: what two propositions must share to be one."""
    return _word_stems(_WORD.findall(text.lower()), lang)


def _word_stems(words: list, lang: str) -> frozenset:
    cache = _STEM_CACHE.setdefault(lang, {})
    out = set(map(cache.get, words))
    if None in out:  # words met for the first time
        out.discard(None)
        out.update(_stem(w, lang) for w in words if w not in cache)
    out.discard("")
    return frozenset(out)


def entity_stems(text: str, lang: str) -> frozenset:
    """Stems of the capitalised words inside sentences: the names of the entities a text is about."""
    out = set()
    for m in _NOT_LOWER_WORD.finditer(text):
        w = m.group()
        if not w[:1].isupper() or m.start() == 0:
            continue
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \"'“”‘’„,(")
        if before and before[-1] not in ".!?:\n":
            out.add(_stem(w.lower(), lang))
    out.discard("")
    return frozenset(out)


def _name_stems(st: Statement) -> frozenset:
    words = f"{st.source} {st.source_org}".replace("-", " ").split()
    return frozenset(w.lower()[:_STEM] for w in words if len(w) > 2 and w[:1].isupper())


_ACCUSE_CACHE: dict[str, bool] = {}


def _accusing(words: list) -> bool:
    """The words accuse or pass on hearsay: "beschuldigt", "zou hebben", "allegedly", "the report"."""
    cache = _ACCUSE_CACHE
    for w in words:
        got = cache.get(w)
        if got is None:
            got = w[:3] in _ACCUSE or w[:4] in _ACCUSE or w[:5] in _ACCUSE or w[:6] in _ACCUSE
            if len(cache) < 200_000:
                cache[w] = got
        if got:
            return True
    return False


def _same_speaker(a: Statement, b: Statement) -> bool:
    return a.source == b.source or bool(a.source_org and a.source_org in (b.source_org, b.source))


def _refers_to_claim(st: Statement, low: str, lang: str) -> bool:
    """The statement (its text lower-cased: `low`) answers "the claims", "the report", "het gerucht", or
    judges what was said ("het klopt niet") rather than putting forward a proposition of its own."""
    # (A substring test per noun, in C, is cheaper than one scan with an alternation of them all.)
    return any(noun in low for noun in _CLAIM_NOUNS) or judges_what_came_before(st.claim) \
        or _POINTED_DENIAL.search(low) is not None or _disagrees(low, lang)


# Parts of the words of those idioms (`L.DISAGREEMENTS`), to leave most statements out with a substring test.
_DISAGREEING = ("differently", "anders", "view", "herken", "deel", "delen", "recogni", "share", "disagree", "oneens",
                "betwijfel", "doubt", "geloof", "believe")


def _disagrees(low: str, lang: str) -> bool:
    """An idiom of disagreement, which answers what was said before: "ziet dat anders", "does not share that view",
    "The council disagrees" (nothing after it).
    """
    if not any(w in low for w in _DISAGREEING):  # (a substring test first: most statements hold none)
        return False
    words = _WORD.findall(low)
    if words and words[-1] in ("disagree", "disagrees", "disagreed", "oneens"):
        return True
    return match_phrase(words, L.DISAGREEMENTS[lang]) >= 0


# A source's own report, which its later statement stands by: "its report", "their story", "haar bericht".
_OWN_REPORT = re.compile(
    r"\b(?:its|his|her|their|zijn|haar|hun)\s+(?:own\s+|eigen\s+)?(?:report|story|claim|claims|article|reporting"
    r"|account|bericht|verhaal|berichtgeving|bewering|beweringen|artikel|lezing)\b"
)
# A denial whose object only points back: "The company denied it", "X ontkent dat", "rejected this".
_POINTED_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted"
    r"|ontkent|ontkende|ontkennen|weerspreekt|weersprak|betwist|betwistte)\s+(?:it|this|that|these|those|dat|dit|het)\b"
)
# A content that only judges what was said before: a pointer, a verdict, and function words.
_POINTERS = frozenset("dit dat daar daarvan daarover hiervan hier het this that it these those".split())
_VERDICTS = frozenset(
    "klopt kloppen klopte waar onwaar onzin juist onjuist correct incorrect true untrue false wrong"
    " evidence proof bewijs bewijzen basis grond nonsense fake nep misleading misleidend baseless"
    " eens oneens".split()  # "zijn het daar niet mee eens"
)
_VERDICT_FILLER = frozenset(
    "niet niets niks nothing no not geen never nooit there er van of for voor is was are were be zijn simply"
    " absolutely helemaal totaal gewoon any enig enige completely entirely all at mee".split()
)


def judges_what_came_before(claim: str) -> bool:
    """"klopt daar niets van", "there is no evidence for this", "it is not true": no proposition of its own."""
    if len(claim) > 80:
        return False  # a verdict is a few words
    words = re.findall(r"[^\W\d_]+", claim.lower())
    return 2 <= len(words) <= 9 and any(w in _POINTERS for w in words) and any(w in _VERDICTS for w in words) \
        and all(w in _POINTERS or w in _VERDICTS or w in _VERDICT_FILLER for w in words)


def _affirmed(claim: str) -> str:
    """A denial's content stated as alleged: its negation dropped ("niet meewerkt" -> "meewerkt")."""
    out = _NEGATION.sub("", claim)
    out = re.sub(r"\bgeen\b", "een", out)
    out = re.sub(r"\bGeen\b", "Een", out)
    return " ".join(out.split())


class _Grouper:
    """Union-find over one article's statements, with the rules above as methods."""

    def __init__(self, statements: list[Statement], text: str, lang: str) -> None:
        self.sts = statements
        self.text = text
        self.lang = lang
        self.names = [_name_stems(st) for st in statements]
        self.lows = [text[st.start:st.end].lower() for st in statements]  # each statement's text, lower-cased once
        # A speaker's own name is no part of its proposition ("Huawei zegt …").
        words = [_WORD.findall(low) for low in self.lows]
        self.stems = [_word_stems(ws, lang) - self.names[i] for i, ws in enumerate(words)]
        self._entities: list[frozenset | None] = [None] * len(statements)  # computed when first compared
        self.accusing = [_accusing(ws) for ws in words]
        self.parent = list(range(len(statements)))
        # The article's main claim: its first statement (the lede), which later answers often
        # refer to as "the claims", "the report", "de geruchten".
        self.main = 0

    def entities(self, i: int) -> frozenset:
        """Stems of the entity names statement i mentions (computed once, when first needed)."""
        got = self._entities[i]
        if got is None:
            st = self.sts[i]
            got = self._entities[i] = entity_stems(self.text[st.start:st.end], self.lang)
        return got

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def shared(self, i: int, j: int) -> int:
        """Content stems two statements share, apart from the names of either speaker."""
        return len((self.stems[i] & self.stems[j]) - self.names[j])

    def run(self) -> None:
        for i, st in enumerate(self.sts):
            if i and (st.start, st.end, st.stance, st.claim) == (
                    (prev := self.sts[i - 1]).start, prev.end, prev.stance, prev.claim):
                self.join(i, i - 1)  # one statement of several sources: "They say …" after "X and Y …"
                continue
            j = self._answered(i) if st.stance in _ANSWERS else self._restated(i)
            if j < 0 and st.stance == "alleges":
                j = self._repeats_report(i)
            if j < 0 and st.stance == "alleges":
                j = self._own_report(i)
            if j < 0 and not st.claim.strip():
                # "Wethouder X bevestigt dat.", "The suspect denied it.": the content is the claim before.
                j = self._nearest_claim(i)
            if j >= 0:
                self.join(i, j)
        self._join_own_denials()

    def _join_own_denials(self) -> None:
        """A source that denies more than once denies one thing: its denials share a group. So does a source's
        refusal right after its own refusal ("wil niets kwijt over de transfer. ,,Over spelers van andere clubs doe
        ik geen uitspraken'', zegt hij.")."""
        first: dict[str, int] = {}
        for i, st in enumerate(self.sts):
            if st.stance == "denies":
                self.join(i, first.setdefault(st.source, i))
            elif st.stance == "no_comment" and i and self.sts[i - 1].stance == "no_comment" \
                    and self.sts[i - 1].source == st.source:
                self.join(i, i - 1)

    def _answered(self, i: int) -> int:
        """The statement an answer joins: the claim it answers, or an earlier answer to the same question."""
        st = self.sts[i]
        best, best_score = -1, 0.0
        for j in range(max(0, i - _BACK), self._answer_horizon(i)):
            other = self.sts[j]
            if j == i or (other.stance == "alleges" and _same_speaker(st, other)):
                continue  # a source answers someone else's claim, not its own
            shared = self.shared(i, j)
            if other.stance == "alleges":
                about_me = bool(self.names[i] & self.stems[j])
                if shared < 2 and not about_me:
                    continue
                score = shared + (1.0 if about_me else 0.0) + (0.5 if self.accusing[j] else 0.0)
            else:
                if j > i or _same_speaker(st, other):
                    continue
                # The next source asked the same question ("Ook de provincie wil niet reageren").
                round_ = j == i - 1 and st.stance == other.stance and st.start - other.end <= _ROUND_CHARS
                if shared < 2 and not round_:
                    continue
                score = shared + (1.5 if round_ else 0.0)
            score -= abs(i - j) * 0.01
            if score > best_score:
                best, best_score = j, score
        refers = (best < 0 or self.sts[best].stance != "alleges") and _refers_to_claim(st, self.lows[i], self.lang)
        if refers:
            # "No comment on the rumours": the nearest earlier rumour or accusation, not the last round.
            near = self._nearest_claim(i, accusing=True)
            if near >= 0:
                return near
        if best < 0 and refers:
            best = self._nearest_claim(i)
        main = self.sts[self.main]
        if best < 0 and self.main != i and self.shared(i, self.main) and not (
                main.stance == "alleges" and _same_speaker(st, main)):
            best = self.main
        if best < 0 and not self._own_words(i):
            best = self._question_of_the_moment(i)
        return best

    def _own_words(self, i: int) -> frozenset:
        """The stems of what an answer says besides who says it and that it will not answer: none for
        "The company declined to comment", "Een woordvoerder van de gemeente wilde niet reageren".
        What it says is its claim text when that is part of it (the words after the speaker)."""
        st = self.sts[i]
        said = self.text[st.start:st.end]
        if st.claim and st.claim in said:
            said = st.claim
        words = _WORD.findall(said.lower())
        speaker = {w for w in words if noun_class(w) in ("org", "role", "person", "group")}  # ("the boyfriend")
        return (_word_stems(words, self.lang) - self.names[i] - _no_comment_stems(self.lang)
                - _word_stems(list(speaker), self.lang))

    def _question_of_the_moment(self, i: int) -> int:
        """What an answer with no words of its own answers ("X declined to comment", "Y reageerde
        niet"): the question another source answered just before it, else the nearest claim."""
        st = self.sts[i]
        if i > 0:
            prev = self.sts[i - 1]
            if prev.stance in _ANSWERS and not _same_speaker(st, prev) and st.start - prev.end <= _ROUND_CHARS:
                return i - 1
        # the nearest accusation or hearsay, which a party is asked about, before any other allegation
        near = self._nearest_claim(i, accusing=True)
        return near if near >= 0 else self._nearest_claim(i)

    def _answer_horizon(self, i: int) -> int:
        """Where an answer stops looking ahead for its claim (an index past the last candidate).

        An answer answers what was said before it, or the claim told right after it ("X denies.
        Y has long suspected X of …"): past its own source's next statements, the first statement
        of another source. Only an answer that opens the story (no claim of another source before
        it) looks further ahead, up to _AHEAD statements.
        """
        st, n = self.sts[i], len(self.sts)
        if not any(o.stance == "alleges" and not _same_speaker(st, o) for o in self.sts[max(0, i - _BACK):i]):
            return min(n, i + 1 + _AHEAD)
        j = i + 1
        while j < n and _same_speaker(st, self.sts[j]):
            j += 1
        return min(n, j + 1)

    def _nearest_claim(self, i: int, accusing: bool = False) -> int:
        """The nearest earlier allegation (an accusing one) by another source, else the main claim."""
        st = self.sts[i]
        for j in range(i - 1, max(-1, i - _BACK - 1), -1):
            other = self.sts[j]
            if other.stance == "alleges" and not _same_speaker(st, other) and (self.accusing[j] or not accusing):
                return j
        main = self.sts[self.main]
        if accusing or self.main == i or (main.stance == "alleges" and _same_speaker(st, main)):
            return -1
        return self.main

    def _restated(self, i: int) -> int:
        """An earlier allegation that this one restates: the same thing said twice, or agreeing sources."""
        best, best_score = -1, 0.0
        sts, stems, names = self.sts, self.stems, self.names  # (locals: this loop runs for every allegation)
        mine = stems[i]
        for j in range(max(0, i - _BACK), i):
            if sts[j].stance != "alleges":
                continue
            both = mine & stems[j]
            if len(both) < _AGREE_MIN:
                continue
            shared = len(both - names[j])
            small = min(len(mine), len(stems[j]))
            if shared < _AGREE_MIN or shared / small < _AGREE_SHARE:
                continue
            # One entity named twice is not one proposition: "Acme has a backdoor", "Acme spies".
            if len(both - self.entities(i) - self.entities(j)) < _AGREE_MIN:
                continue
            score = shared / small
            if score > best_score:
                best, best_score = j, score
        return best

    def _own_report(self, i: int) -> int:
        """A source's first allegation, when it speaks of that as its own report: "PopBuzz has not retracted its
        report", "The paper stands by its story", "De krant blijft bij haar bericht"."""
        if _OWN_REPORT.search(self.lows[i]) is None:
            return -1
        st = self.sts[i]
        return next((j for j in range(max(0, i - _BACK), i)
                     if self.sts[j].stance == "alleges" and _same_speaker(st, self.sts[j])), -1)

    def _repeats_report(self, i: int) -> int:
        """The main claim, when another source passes on "the report" of it in some of its words."""
        main, st = self.main, self.sts[i]
        # (the set test first: the scan for "the report" is the dearer one)
        if main == i or st.source == self.sts[main].source or not self.shared(i, main):
            return -1
        return main if _refers_to_claim(st, self.lows[i], self.lang) else -1

    def groups(self) -> list[Statement]:
        """The statements with their group numbers (in order of first appearance) and claim texts."""
        roots: dict[int, int] = {}
        claims: dict[int, str] = {}
        for i, st in enumerate(self.sts):
            r = self.find(i)
            if r not in roots:
                roots[r] = len(roots) + 1
            if st.stance == "alleges" and r not in claims and st.claim.strip():
                claims[r] = st.claim
        for i, st in enumerate(self.sts):
            r = self.find(i)
            if not claims.get(r):
                claims[r] = _affirmed(st.claim) if st.stance == "denies" else st.claim
        for i, st in enumerate(self.sts):
            r = self.find(i)
            if not claims[r].strip():  # nothing said but "that" and nothing before it: the sentence itself
                claims[r] = " ".join(self.text[st.start:st.end].split()).strip(" .")
        return [replace(st, claim_group=roots[self.find(i)], claim=claims[self.find(i)])
                for i, st in enumerate(self.sts)]


def group_statements(statements: list[Statement], text: str, lang: str) -> list[Statement]:
    """Return the statements (in the same order) with `claim_group` and the group's `claim` set."""
    if not statements:
        return []
    grouper = _Grouper(statements, text, lang)
    grouper.run()
    return grouper.groups()
