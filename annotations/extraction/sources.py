"""Find and describe the source noun phrase next to an attribution cue.

There is no parser or NER model offline, so noun phrases are runs of tokens
that look like names (capitalised, not a function word), source nouns from the
lexicon (woordvoerder, politie, getuigen, spokesman, council …), name
particles between names (van der, al-), determiners at the left edge and a few
modifiers. Every search is bounded to a small window of tokens.
"""

import functools
import re
from dataclasses import dataclass, replace

import simplemma

from . import lexicon as L

_WINDOW = 14
_DETERMINERS_POSSESSIVES = L.DETERMINERS | L.POSSESSIVES  # (built once: `np_after` reads it for every phrase)
_NAME_ABBREV = frozenset(("st", "mt", "ft"))  # "St. Clare", "Mt. Sinai": the period stays inside the name


@dataclass(frozen=True)
class Src:
    name: str
    org: str
    kind: str
    role: str
    gender: str = "x"  # m, f, x (unknown or plural) for pronoun resolution
    anaphor: str = ""  # set when the phrase refers back ("hij", "het bedrijf", "the spokeswoman")
    # A bare agent's description, its name once no later naming took it up ("her lawyer": "Mia Lane's lawyer")
    described: str = ""


_GENITIVE = ("'s", "’s")
_ADJ_SUFFIX = ("se", "sche", "ian", "ese", "ish", "ern", "ic")
_ADJ_WORDS = frozenset(
    "american iraqi saudi western eastern french german british dutch afghan chinese israeli"
    " russian european local international french-language senior top federal"
    " swiss thai greek czech pakistani qatari kuwaiti yemeni somali nepali bangladeshi emirati omani bahraini"
    " filipino korean chilean mexican african cuban kenyan moroccan jamaican venezuelan dominican tibetan"
    " rwandan puerto-rican sri-lankan"
    # Dutch adjectives that open a role: "Technisch directeur Sven Mislintat", "Algemeen directeur …"
    " technisch algemeen financieel commercieel sportief artistiek medisch juridisch voormalig".split()
)


def is_cap(tok, first: bool = False) -> bool:
    """A capitalised word that can be part of a name ("al-Momani" included)."""
    t = tok.text
    head = t[:1]
    if not head.isupper():
        if head.isdigit():
            return any(c.isupper() for c in t)  # a name opening with a digit: "9to5Mac", "3M", "7-Eleven"
        if "-" in t:
            pre, _, post = t.partition("-")
            return pre in L.NAME_PARTICLES and post[:1].isupper()
        return False
    return tok.low not in L.STOP or tok.name_word or (tok.low in CAP_IN_NAMES and (not tok.first or tok.opens_name))


# Function words that start names when capitalised mid-sentence ("the New York Post", "Al Rai"), or
# at a sentence's start before a capitalised word ("New York Governor Kathy Hochul said").
CAP_IN_NAMES = frozenset(("new", "al", "el", "meer"))  # ("Van der Meer": a surname that is also a Dutch word)


def is_ly_adverb(tok) -> bool:
    """An English manner adverb between subject and verb: "strongly", "flatly", "vehemently"."""
    t = tok.text
    return len(t) > 4 and t.endswith("ly") and t.islower() and t.isalpha() and not tok.inq \
        and t not in _NOT_LY and not noun_class(t)


_NOT_LY = frozenset("only early daily family reply supply apply rely ally rally holy belly jelly bully assembly"
                    " anomaly monopoly weekly monthly yearly likely".split())


def is_adj_cap(tok) -> bool:
    """A capitalised adjective ("Nederlandse", "Jordanian", "Western") rather than a name."""
    low = tok.low
    return low in _ADJ_WORDS or (len(low) > 4 and low.endswith(_ADJ_SUFFIX) and "-" not in low
                                 and low not in _NOT_ADJ)


# Names and nouns that end like adjectives: "White House", "Brian Smith", "Eric Holder".
_NOT_ADJ = frozenset(
    """
    house rose chase close case course defense defence response purpose louise denise elise therese
    brian julian adrian christian vivian damian sebastian fabian gillian lillian marian florian dorian
    kristian dominic cedric frederic ludovic republic clinic public music magic traffic
    """.split()
)


def _head(low: str) -> str:
    """The lexical head of a (hyphenated or compound) word: 'vérian-directeur' -> 'directeur'."""
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    if low.endswith("'s") or low.endswith("’s"):
        low = low[:-2]
    return low


_CLASS_CACHE: dict = {}


def noun_class(low: str) -> str:
    """Return 'role', 'org', 'group', 'person', 'anon', 'doc' or '' for a lower-case token."""
    got = _CLASS_CACHE.get(low)
    if got is None:
        got = _noun_class(low)
        if len(_CLASS_CACHE) < 200_000:
            _CLASS_CACHE[low] = got
    return got


def _noun_class(low: str) -> str:
    if low[:1].isdigit() and _AGE.match(low):
        # an age as the noun: "the 34-year-old told police", "de 25-jarige zegt" (a person)
        return "group" if low.endswith("olds") else "person"
    if "-of-" in low:
        low = low.partition("-of-")[0]  # "the mother-of-three", "a father-of-two": the person
    h = _head(low)
    if h in L.ANON:
        return "anon"
    if h in L.ROLE_NOUNS:
        return "role"
    if h in L.ORG_NOUNS or h in L.MEDIA_HEADS:
        return "org"
    if h in L.GROUP_NOUNS:
        return "group"
    if h in L.PERSON_NOUNS:
        return "person"
    if h in _DOC_NOUNS:
        return "doc"
    for suffix in L.ORG_SUFFIXES:
        if len(h) > len(suffix) + 2 and h.endswith(suffix):
            return "org"
    for suffix in L.COMPOUND_HEADS:
        if len(h) > len(suffix) + 2 and h.endswith(suffix):
            return "group" if suffix in ("providers", "overheden") else "role"
    if len(h) > 6 and h.endswith(("logist", "loog", "logen", "logists")):
        # a scientist by field: "biologist", "virologist", "bioloog", "virologen"
        return "group" if h.endswith(("logen", "logists")) else "role"
    if len(h) >= 9 and h.isalpha():
        # A compound takes its head's class: "buurtbewoners", "ooggetuigen", "grootouders", "grandparents"
        # (heads of six letters or more, after three at least: not "verleden", "resources")
        for c in range(3, len(h) - 5):
            tail = h[c:]
            if tail in L.GROUP_NOUNS:
                return "group"
            if tail in L.PERSON_NOUNS:
                return "person"
    if h.endswith(("s", "en")) and len(h) > 5:
        # Several organisations are a group: "natuurorganisaties", "vakbonden", "bedrijven", "unions"; so are
        # several people named by a role or a trade: "diplomats", "bloggers", "journalisten", "ambtenaren".
        stem = h[:-2]  # "ambtenaren": "ambtenaar", the vowel doubled again
        if h.endswith("eren") and len(h) > 7:
            stem = ""  # a Dutch verb, not a plural: "protesteren" (a noun in -er takes -s: "protesters")
        singulars = (h[:-1], stem, h[:-3] + "f", h[:-3] + "y", stem[:-1] + stem[-2:-1] + stem[-1:])
        if any(_noun_class(w) in ("org", "role", "person") for w in singulars
               if len(w) > 3 and not w.endswith(("s", "en"))):
            return "group"
    return ""


ANONYMOUS = "anonymous sources"  # the source of unnamed sources (GUIDELINES §5)
ANONYMOUS_SRC = Src(ANONYMOUS, "", "unknown", "")  # their record's source (frozen: one for all)
_DOC_NOUNS = frozenset(
    "rapport onderzoek studie verklaring brief statement report study survey guidelines cijfers gegevens"
    " analyse peiling enquête figures data analysis poll letter letters memo memos email emails e-mail document"
    " documents filing filings indictment ruling verdict notitie mail documenten vonnis aanklacht"
    " persbericht rapportage evaluatie research findings results resultaten bevindingen statistics statistieken"
    " navraag stukken files records page account feed profile pagina".split()
)
_DOC_OWNER = frozenset(("of", "from", "by", "van", "door", "bij"))  # ("navraag bij de gemeente")
_ATTACH = frozenset("van of for namens in uit from bij at within binnen inside".split())


def _np_token(tok, sent_first: bool = False) -> bool:
    if tok.inq or not tok.text[:1].isalnum():
        return False
    if is_cap(tok):
        return True
    if tok.text[:1].isupper() and not (sent_first or tok.first) and tok.low in ("de", "het", "the", "van", "der"):
        return True  # "De Kijvelanden", "The Independent" in mid-sentence
    if tok.low == "om" and tok.text != "OM":
        return False  # the Openbaar Ministerie is written OM; "om" is the preposition ("het gaat om …")
    return bool(noun_class(tok.low))


_NAME_INNER = frozenset(("het", "de", "op", "voor", "in", "aan", "tegen", "zonder"))


def _inner_name_word(toks: list, q: int, lo: int) -> bool:
    """A Dutch function word inside the name of a group an organisation noun introduces, between capitalised
    words: "actiegroep Red het Park", "actiegroep Bos op het Plein", "stichting Vrede voor Allen"."""
    if q < 1 or q + 1 >= len(toks) or toks[q].low not in _NAME_INNER or not toks[q].text.islower():
        return False
    nxt = q + 1
    while nxt < len(toks) and toks[nxt].low in _NAME_INNER and toks[nxt].text.islower() and nxt - q < 3:
        nxt += 1  # "op het"
    prev = q - 1
    while prev > lo and toks[prev].low in _NAME_INNER and toks[prev].text.islower():
        prev -= 1
    if nxt >= len(toks) or not is_cap(toks[nxt]) or not is_cap(toks[prev]) or toks[prev].inq:
        return False
    if toks[nxt].low in _PLATFORMS and nxt + 1 < len(toks) and not is_cap(toks[nxt + 1]):
        return False  # where it was said: "meldt de Veiligheidsregio Brabant-Noord op X."
    start = prev
    while start > lo and is_cap(toks[start - 1]):
        start -= 1
    # (a capitalised organisation noun alone opens such a name inside a sentence: "De Partij voor de Dieren",
    # "de Raad voor de Kinderbescherming"; at the sentence's start its capital says nothing; after capitalised
    # adjectives the noun before "voor" heads them: "het Centraal Bureau voor de Statistiek", not "het Jeroen Bosch
    # Ziekenhuis in Den Bosch")
    return (start > lo and noun_class(toks[start - 1].low) == "org") or (
        (noun_class(toks[start].low) == "org"
         or (start < prev and toks[q].low == "voor" and noun_class(toks[prev].low) == "org"))
        and (start < prev or (not toks[start].first and toks[q].low == "voor")))  # (not "The Institute in Delft")


def _modifier(tok) -> bool:
    t = tok.text
    if not tok.inq and t[:1].isdigit() and "-" in t:
        return _AGE.match(t) is not None  # "de 45-jarige eigenaar", "an 18-year-old student"
    return (
        not tok.inq
        and t[:1].islower()
        and (tok.low not in L.STOP or tok.low in _ADJECTIVE_STOPS)
        and tok.low not in L.SKIP
        and tok.low not in L.PREPOSITIONS  # "een woordvoerster van de supermarkt tegenover deze krant"
        and t.replace("-", "").isalpha()
    )


# Adjectives of the stop list that still modify a noun: "a new report from Bloomberg", "its first statement".
_ADJECTIVE_STOPS = frozenset(("new", "first", "last", "next"))
_AGE = re.compile(r"\d{1,3}-(?:jarige|year-old|year-olds)$")


def _dotted(word, dot) -> bool:
    """'U.S' + '.': the final period of an initialism belongs to the name ("the U.S. Central Command")."""
    return dot.start == word.end and "." in word.text and all(len(p) == 1 for p in word.text.split("."))


def skippable(tok) -> bool:
    """An adverb, auxiliary or other word skipped between a subject and its verb; not a name's word ("Dan
    Frost": a name, not the Dutch "dan")."""
    return tok.low in L.SKIP and not tok.name_word


def _since_adverb(toks: list, k: int) -> bool:
    """ "since" as the adverb after a perfect's auxiliary ("The club has since denied the report"), not the
    preposition or conjunction it is elsewhere."""
    return toks[k].low == "since" and k > 0 and toks[k - 1].low in ("has", "have", "had")


def np_before(toks: list, k: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending just before toks[k] (after skipping adverbs), within toks[lo:k]."""
    j = k
    stop = max(lo, k - _WINDOW)
    while j > stop and (skippable(toks[j - 1]) or L.is_negation(toks[j - 1].low)
                        or toks[j - 1].low in L.BACK_SKIP or toks[j - 1].text in "()'\u2018\u2019"
                        or is_ly_adverb(toks[j - 1]) or (toks[j - 1].low == "since" and _since_adverb(toks, j - 1))):
        if toks[j - 1].text == ")":
            # Skip a short parenthesis: "Rep. Jan Smit (R-Calif.) said", "Linda H. (52) zei".
            q = j - 2
            while q > stop and j - q < 8 and toks[q].text not in "()":
                q -= 1
            if q > stop and toks[q].text == "(":
                j = q
                continue
        j -= 1
    if j <= lo:
        return None
    if toks[j - 1].low in _pron_all():
        return (j - 1, j)
    i = j
    solid = j
    mods = 0
    while i > stop:
        t = toks[i - 1]
        before = toks[i - 2] if i - 2 >= stop else None
        if _np_token(t):
            i -= 1
            solid = i
            mods = 0
            continue
        if solid < j and t.text == "." and before is not None and (
                before.low in L.TITLES or before.low in _NAME_ABBREV
                or (len(before.text) == 1 and before.text.isupper()) or _dotted(before, t)):
            i -= 1
            continue
        if i == j and t.text == "." and before is not None and len(before.text) == 1 and before.text.isupper() \
                and j < len(toks) and toks[j].text == "(":
            i -= 1  # a surname's initial closing the name before a bracket: "Linda H. (52) zegt"
            continue
        if solid < j and t.low in _NAME_INNER and _inner_name_word(toks, i - 1, max(0, i - 6)):
            i -= 1
            continue
        if solid < j and t.low in ("en", "of", "and", "or") and before is not None and before.text == "-" \
                and i - 3 >= stop and is_cap(toks[i - 3]) and is_cap(toks[i]):
            i -= 3  # "Nederlandse Voedsel- en Warenautoriteit": one name, its first compound cut short
            solid = i
            continue
        if solid < j and before is not None and _np_token(before) and (
            t.low in L.NAME_PARTICLES or t.low in ("en", "and") or t.low in _ATTACH or t.text == "&"
        ):
            i -= 1
            continue
        if solid < j and t.first and t.text[:1].isupper() and t.low in L.NAME_PARTICLES:
            i -= 1  # "Van den Boon: …": a capitalised particle opening the sentence starts the name
            solid = i
            continue
        if solid < j and t.low in L.DETERMINERS:
            if before is not None and i - 3 >= stop and _np_token(toks[i - 3]) and (
                    before.low in _ATTACH or (before.low == "by" and noun_class(toks[i - 3].low) == "doc")):
                i -= 1  # "critici van de plannen", "officer for the council", "a report by the Daily Planet"
                continue
            if before is not None and before.low in ("and", "en") and i - 3 >= stop and _np_token(toks[i - 3]):
                i -= 2  # a coordination: "his agent and a Tour official"
                continue
            i -= 1
            solid = i
            break
        if solid < j and t.low in L.POSSESSIVES:
            i -= 1
            solid = i
            break
        if solid == j and i == j and t.text[:1].islower() and t.text.isalpha() and before is not None \
                and before.low in L.DETERMINERS and i - 3 >= stop and toks[i - 3].low in _ATTACH:
            i -= 1  # a plain noun after "van de": "critici van de plannen"
            solid = i
            continue
        if solid < j and _modifier(t) and mods < 2:
            i -= 1
            mods += 1
            continue
        break
    i = solid
    while i < j and (toks[i].low in _ATTACH or toks[i].low in ("en", "and")) and not (
            toks[i].first and toks[i].text[:1].isupper() and toks[i].low in L.NAME_PARTICLES):
        i += 1
    if i >= j:
        return None
    if not any(_np_token(t) for t in toks[i:j]):
        return None
    return (i, j)


_QUANT = frozenset("one two three four five six seven eight nine ten eleven twelve several some multiple numerous many"
                   .split())
_PRON_CACHE: set = set()


def _pron_all() -> set:
    if not _PRON_CACHE:
        for d in L.PRONOUNS.values():
            _PRON_CACHE.update(k for k in d if k not in ("het", "we", "wij"))
    return _PRON_CACHE


def np_after(toks: list, k: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at toks[k] (after skipping adverbs), within toks[k:hi]."""
    i = k
    stop = min(hi, k + _WINDOW)
    while i < stop and (skippable(toks[i]) or toks[i].text in "()'\u2018\u2019") and not (
            # "volgens zijn advocaat": "zijn" is whose the lawyer is here, not the verb
            toks[i].low == "zijn" and i + 1 < stop and toks[i + 1].low in _WHOSE_ROLES):
        i += 1
    if i + 2 < stop and toks[i].text.islower() and toks[i].low in L.TITLES and toks[i + 1].text == "." \
            and is_cap(toks[i + 2]):
        i += 2  # a title in lower case before the name: "mr. Sophie van Leeuwen"
    if i >= stop:
        return None
    if (toks[i].low in _pron_all() or toks[i].low in _OBJ_PRON) and not (
            # "said her lawyer": "her" is whose the lawyer is, no object
            toks[i].low in ("her", "haar") and i + 1 < stop and toks[i + 1].low in _WHOSE_ROLES):
        return (i, i + 1)  # "volgens hen", "according to him"
    j = i
    if toks[j].low in _DETERMINERS_POSSESSIVES:
        j += 1
    elif (toks[j].low in _QUANT or toks[j].text.isdigit()) and j + 1 < stop and (noun_class(toks[j + 1].low) or (
            _modifier(toks[j + 1]) and j + 2 < stop and noun_class(toks[j + 2].low))):
        j += 1  # "two people familiar with …", "several officials", "some local media outlets"
    mods = kept = 0
    while j < stop and _modifier(toks[j]) and not noun_class(toks[j].low) and mods < 3:
        j += 1
        mods += 1
    core = j
    while j < stop:
        t = toks[j]
        if t.low[-2:] in _GENITIVE and t.text[:1].islower() and j + 1 < stop:
            # a common noun's genitive before the words of an office: "the state's health commissioner"
            n = j + 1
            while n < stop and n - j <= 3 and _modifier(toks[n]) and not _np_token(toks[n]):
                n += 1
            if n < stop and noun_class(toks[n].low) == "role":
                j = n
                continue
        if _np_token(t):
            j += 1
            continue
        if j > core and t.text == "." and (toks[j - 1].low in L.TITLES or toks[j - 1].low in _NAME_ABBREV or (
                len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper()) or _dotted(toks[j - 1], t)):
            j += 1
            continue
        if j > core and t.text == "&" and j + 1 < stop and is_cap(toks[j + 1]) and is_cap(toks[j - 1]):
            j += 2  # "Keller & Shaw"
            continue
        if j > core and t.text == "-" and j + 2 < stop and toks[j + 1].low in ("en", "of", "and", "or") \
                and is_cap(toks[j + 2]) and is_cap(toks[j - 1]):
            j += 3  # "Nederlandse Voedsel- en Warenautoriteit": one name, its first compound cut short
            continue
        if j > core and t.low in L.TITLES and t.text.islower() and j + 2 < stop and toks[j + 1].text == "." \
                and is_cap(toks[j + 2]):
            j += 2  # a title in lower case between a role and the name: "slaaponderzoeker dr. Anna Verhoef"
            continue
        if j > core and t.low in _NAME_INNER and _inner_name_word(toks, j, i):
            j += 1  # "actiegroep Red het Park", "actiegroep Bos op het Plein": one name
            continue
        held = _held_by_at(toks, j, stop) if j > core and t.low == "in" and noun_class(toks[j - 1].low) == "doc" else 0
        if held:
            j = held  # "stukken in het bezit van RTL Nieuws", "documenten in handen van de NOS": whose they are
            continue
        if j > core and (t.low in L.NAME_PARTICLES or t.low in _ATTACH or t.low in ("en", "and")
                         or (t.low == "by" and noun_class(toks[j - 1].low) == "doc")) \
                and j + 1 < stop:
            n = j + 1
            while n < stop and n - j < 4 and (toks[n].low in L.DETERMINERS or _modifier(toks[n])) \
                    and not _np_token(toks[n]):
                n += 1
            if n < stop and _np_token(toks[n]) and (t.low not in ("in", "at", "bij") or is_cap(toks[n])):
                j = n
                continue
            if n > j + 1 and t.low in _SPOKES_OF and toks[j - 1].low in _SPOKES \
                    and toks[n - 1].low not in L.DETERMINERS and _modifier(toks[n - 1]):
                # Whatever a spokesperson speaks for is part of the phrase, in common words too: "een
                # woordvoerder van de veiligheidsregio", "a spokesman for the regulator".
                j = kept = n
        break
    while j > max(core, kept) and not _np_token(toks[j - 1]):
        j -= 1
    if j == core:
        # "Volgens haar gaat het om …": "haar" with no noun after it is the object pronoun, not whose
        return (i, i + 1) if toks[i].low == "haar" else None
    return (i, j)


def clause_start_np(toks: list, k: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase opening the clause that contains toks[k].

    A relative clause (", die …", ", who …") takes its antecedent before the comma.
    """
    s = k
    while s > lo and toks[s - 1].text not in (",", ";", ":", "(") and not toks[s - 1].inq and k - s < 30 \
            and not (toks[s - 1].low == "that" and s - 1 > lo):
        s -= 1  # (a content clause opens after "that": "The Sun reported that a source close to the star said …")
    if s < k and toks[s].low in ("die", "dat", "who", "which") and s > lo and toks[s - 1].text == ",":
        return np_before(toks, s - 1, lo)
    while s < k and toks[s].low in _CONJ:
        s += 1  # ", although he declined … saying": the clause's subject follows the conjunction
    return np_after(toks, s, k)


_CONJ = frozenset("although though while whereas hoewel terwijl but maar".split())


def _named_pair(pair: list) -> bool:
    """Both sides of "X en Y" are persons named without a role or an organisation."""
    return all(p is not None and p.kind == "person" and not p.role and not p.org and not p.anaphor
               and p.name[:1].isupper() for p in pair)


_SOCIAL = frozenset(("social", "sociale"))
_WHERE_PEOPLE_ARE = frozenset(("at", "bij", "within", "binnen", "inside"))


def build(toks: list, span: tuple[int, int], lang: str, text: str) -> list[Src]:
    """Describe the noun phrase toks[span]; a coordination of full phrases gives several sources."""
    i, j = span
    share = _share_of(toks, i, j) if j - i >= 3 else None  # (a share and its group take three words at least)
    if share is not None:
        i = share  # "De helft van de ondervraagden", "45 procent van de jongeren": the group speaks
    part = toks[i:j]
    if part[-1].low == "media" and j >= 2 and toks[j - 2].low in _SOCIAL:
        return []  # a channel, not an outlet: "took to social media to deny …", "op sociale media"
    if len(part) > 1 and part[0].low in ("noch", "neither"):
        part = part[1:]  # ("Noch de club noch …": the club)
    both = part[0].low == "zowel" and len(part) > 3  # "zowel de gemeente als de provincie": both speak
    for n, t in enumerate(part):
        if (t.low in ("en", "and", "nor", "noch") or (both and t.low == "als")) and 0 < n < len(part) - 1:
            left, right = part[1 if both else 0:n], part[n + 1:]
            if t.low in ("en", "and") and _one_name(left, right):
                lead = 1 if part[0].low in L.DETERMINERS else 0
                name = _span_text(text, part[lead:])
                return [Src(name, name, _org_kind(part), "")]
            of = next((q for q in range(len(left) - 1, 0, -1) if left[q].low in ("of", "van")), 0)
            if t.low in ("en", "and") and of and _one_name(left[of + 1:], right):
                continue  # the organisation of a person is one name: "Dan Ruiz of the Fish and Wildlife Service"
            lead = 1 if left[0].low in L.DETERMINERS else 0
            if t.low in ("en", "and") and is_cap(right[0]) and lead < len(left) - 1 \
                    and noun_class(left[lead].low) in ("org", "group") and left[lead].low.endswith(("en", "s")) \
                    and all(is_cap(x) for x in left[lead + 1:]):
                # a plural noun that only says what the named are: "Oppositiepartijen GroenLinks-PvdA en D66",
                # "the unions Unite and GMB" (each name speaks), "Buurtbewoners Piet en Marie de Vries" (a pair)
                left = left[lead + 1:]
                pair = [_describe(left, lang, text), _describe(right, lang, text)]
                if _named_pair(pair):
                    return [Src(_span_text(text, left + part[n:]), "", "person", "")]
                return [p for p in pair if p]
            if t.low in ("en", "and") and not both and is_cap(left[0]) and is_cap(right[0]):
                pair = [_describe(left, lang, text), _describe(right, lang, text)]
                if _named_pair(pair):
                    # a pair of named persons is one source, the names joined (GUIDELINES §3): "Piet en Marie de
                    # V.", "Leo den H. en Linda H."
                    return [Src(_span_text(text, part), "", "person", "")]
            if t.low in ("nor", "noch", "als") or right[0].low in _DETERMINERS_POSSESSIVES \
                    or (len(left) > 1 and len(right) > 1) \
                    or (len(left) == 1 and len(right) == 1 and _org_token(left[0]) and _org_token(right[0])):
                return [s for s in (_describe(left, lang, text), _describe(right, lang, text)) if s]
    s = _describe(part, lang, text)
    if s is not None and s.kind == "unknown" and not s.anaphor and len(part) >= 2 \
            and noun_class(part[-1].low) == "doc" and is_cap(part[-2]):
        # "according to a Pentagon statement", "a White House report": the document's author speaks
        q = len(part) - 1
        while q > 0 and is_cap(part[q - 1]):
            q -= 1
        owner = _describe(part[q:-1], lang, text)
        if owner is not None and owner.kind != "unknown":
            s = owner
    if s is not None and len(part) >= 2 and noun_class(part[-1].low) == "doc":
        # "the agency's (own) data shows …", "the ministry's figures": the owner named in the genitive speaks
        g = next((q for q in range(len(part) - 2, -1, -1) if part[q].low.endswith(_GENITIVE)), -1)
        if g >= 0 and all(t.low == "own" or noun_class(t.low) == "doc" for t in part[g + 1:]):
            owner = _describe(part[:g + 1], lang, text)
            if owner is not None and owner.kind != "unknown":
                s = replace(owner, name=_strip_possessive(owner.name), org=_strip_possessive(owner.org))
    if s is not None and s.kind != "person" and part[-1].text[:1].isupper() and _age_follows(toks, j):
        s = Src(s.name, "", "person", s.role)  # "zegt Jan (54)", "Linda (32) said": an age is a person's
    return [s] if s else []


# What says a document is in someone's hands, before that someone: "in het bezit van", "in handen van".
_HELD_BY = (("in", "het", "bezit", "van"), ("in", "handen", "van"), ("in", "bezit", "van"))


def _held_by_at(toks: list, i: int, hi: int) -> int:
    """The index after "in (het) bezit van" or "in handen van" starting at toks[i], or 0."""
    for words in _HELD_BY:
        end = i + len(words)
        if end < hi and all(toks[i + n].low == w for n, w in enumerate(words)):
            return end
    return 0


def _opening_participle(part: list, n: int, role_at: int) -> bool:
    """An English participle opening the sentence before a lower-case word that itself modifies the role:
    "Leading invertebrate researcher", "Retired police officer" (not "Boeing spokesman", "United spokesman",
    where the capitalised word names whom the role speaks for)."""
    t = part[n]
    return t.first and len(t.text) > 5 and t.text[1:].islower() and t.low.endswith(("ing", "ed")) \
        and n + 1 < role_at and part[n + 1].text[:1].islower()


def _one_name(left: list, right: list) -> bool:
    """Whether "left and right" is one organisation's name: capitalised words around "and" that only the last
    word's organisation noun heads ("Food and Drug Administration", "Securities and Exchange Commission"), or
    that an organisation noun opens with nothing of the kind after it ("Department of Health and Human
    Services", "Autoriteit Consument en Markt")."""
    if left and left[0].low in L.DETERMINERS:
        left = left[1:]
    if not left or len(left) > 4 or len(right) > 3:
        return False
    if not all(is_cap(t) or (t.low in ("of", "van", "voor", "for") and 0 < n < len(left) - 1)
               for n, t in enumerate(left)) or not all(is_cap(t) for t in right):
        return False
    org_left = [n for n, t in enumerate(left) if noun_class(_head(t.low)) == "org"]
    org_right = [n for n, t in enumerate(right) if noun_class(_head(t.low)) == "org"]
    if not org_left:
        return org_right == [len(right) - 1]
    # (a department "of" its fields keeps them all, whatever their last word: "Health and Human Services")
    return org_left == [0] and len(left) > 1 and (not org_right or any(t.low in ("of", "van") for t in left))


def _age_follows(toks: list, j: int) -> bool:
    """What only a person has, right after the phrase ending before toks[j]: an age in brackets ("(54)") or
    between commas ("Johnson, 45, said"), or "who" with a singular verb ("Johnson, who has denied …"; a club
    in British English takes the plural: "Arsenal, who have denied …")."""
    if j + 2 >= len(toks):
        return False
    if toks[j].text == "(":
        return toks[j + 1].text.isdigit() and len(toks[j + 1].text) <= 3 and toks[j + 2].text == ")"
    if toks[j].text != ",":
        return False
    if toks[j + 1].text.isdigit():
        return len(toks[j + 1].text) <= 2 and toks[j + 2].text == ","
    return toks[j + 1].low == "who" and toks[j + 2].low in _SINGULAR_AFTER_WHO


_SINGULAR_AFTER_WHO = frozenset("has is was does".split())


_SHARES = frozenset(
    "helft derde kwart procent meerderheid minderheid deel merendeel half third quarter percent per-cent majority"
    " minority".split())


def _share_of(toks: list, i: int, j: int) -> int | None:
    """Where the group starts when toks[i:j] is a share of it: "de helft van de ondervraagden", "45 procent van
    de jongeren", "half of the nurses", "a majority of voters"; else None."""
    q = share_word_at(toks, i, min(j - 2, i + 4))
    return q + 2 if q >= 0 and toks[q + 1].low in ("van", "of") else None


def share_word_at(toks: list, q: int, hi: int, *, in_quotes: bool = True) -> int:
    """The index of the share word that opens the phrase at toks[q] (before toks[hi]), past the words that may
    come before it ("45 procent", "ruim een derde", "de helft"); -1 when there is none (or, without
    `in_quotes`, when a quoted word comes first)."""
    for p in range(q, min(hi, len(toks))):
        t = toks[p]
        if t.low in _SHARES and (in_quotes or not t.inq):
            return p
        if not share_qualifier(t) or (t.inq and not in_quotes):
            return -1
    return -1


def share_qualifier(tok) -> bool:
    """A word that may open the phrase of a share: an article, a number, "ruim", "nearly", "more than"."""
    return tok.low in L.DETERMINERS or tok.low in _SHARE_QUALIFIERS or tok.text[:1].isdigit() \
        or tok.low in _NUMBER_WORDS


_SHARE_QUALIFIERS = frozenset("ruim bijna ongeveer circa about nearly almost more than over some".split())
_NUMBER_WORDS = frozenset(
    "een twee drie vier vijf zes zeven acht negen tien twintig dertig veertig vijftig zestig zeventig tachtig"
    " negentig one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty"
    " ninety".split())


def _org_token(tok) -> bool:
    """A one-word name that reads as an organisation: an acronym, a name with digits or inner capitals."""
    t = tok.text
    if not t[:1].isupper():
        return noun_class(tok.low) == "org"
    return (t.isupper() and len(t) > 1) or any(c.isdigit() for c in t) or any(c.isupper() for c in t[1:])


def _span_text(text: str, toks: list) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


def _strip_possessive(name: str) -> str:
    for suf in _GENITIVE:
        if name.endswith(suf):
            return name[: -len(suf)]
    if name.endswith("s'"):
        return name[:-1]
    return name


# Words that make one title with the role after them: "Prime Minister", "Foreign Minister", "Home Secretary".
_TITLE_WORDS = frozenset(
    "prime foreign home interior defence defense finance health justice first deputy chief senior junior"
    " attorney solicitor surgeon general".split())
# Prefixes of a role that say when or in what rank, not for whom: "Oud-minister", "Ex-CEO".
_RANK_PREFIXES = frozenset(
    "oud ex vice co interim adjunct waarnemend plaatsvervangend loco former deputy acting".split()
)
# Kinds of medium that describe the name after them, not part of it: "website Snopes", "newspaper The Sun".
_MEDIA_DESCRIPTORS = frozenset("website site blog newspaper paper daily tabloid magazine outlet broadcaster".split())
_SPOKES_OF = frozenset(("van", "of", "for", "namens"))
_SPOKES = frozenset(
    "woordvoerder woordvoerster woordvoerders zegsman zegsvrouw persvoorlichter voorlichter spokesman"
    " spokeswoman spokesperson spokespeople representative representatives spokesmen spokeswomen".split()
)
_AGENT_ROLES = frozenset(
    "advocaat advocaten lawyer lawyers attorney attorneys agent publicist manager management zaakwaarnemer"
    " zaakwaarnemers impresario raadsman raadsvrouw raadslieden".split())
_PERSONAL_POSSESSIVES = frozenset("his her their zijn haar hun".split())
# A player's position, by which a sports story names again the player it is about.
PLAYER_POSITIONS = frozenset(
    "striker midfielder defender goalkeeper winger forward middenvelder aanvaller verdediger doelman keeper spits"
    " vleugelspeler".split())
_WHOSE_ROLES = _AGENT_ROLES | _SPOKES  # "volgens zijn advocaat", "said her spokesman" (`np_after`)


def _describe(part: list, lang: str, text: str) -> Src | None:
    if len(part) <= 2 and " ".join(t.low for t in part) in _NOBODY:
        return None  # "Nobody doubts that …", "No one said …": no source
    if len(part) == 2 and part[0].low in ("the", "de") and part[1].low in _NATIONALS and part[1].text[:1].isupper():
        # "the Dutchman said", "aldus de Braziliaan": a person named before, by where they come from
        return Src(part[1].text, "", "person", "", anaphor="nationality:")
    pron = L.PRONOUNS[lang]
    if len(part) == 1 and part[0].low in _OBJ_PRON:
        return Src(part[0].text, "", "unknown", "", anaphor=_OBJ_PRON[part[0].low])
    if len(part) == 1 and part[0].low == "haar":  # (`np_after` keeps it alone only as the object pronoun)
        return Src(part[0].text, "", "unknown", "", anaphor="zij")
    if len(part) == 1 and part[0].low in pron:
        return Src(part[0].text, "", "unknown", "", anaphor=part[0].low)
    if lang == "nl" and len(part) <= 2 and _PARTY_MEMBER.match(part[-1].text) \
            and (len(part) == 1 or part[0].low in L.DETERMINERS):
        # "de CDA'er", "de VVD'er": a member of the party, the politician the story is about
        return Src(part[-1].text, "", "person", "", anaphor="role:politicus")
    owned = _owned_person(part, lang, text) or _account_owner(part, lang, text)
    if owned is not None:
        return owned
    if len(part) == 3 and part[0].low in L.DETERMINERS and _is_account(part):
        return None  # "the Twitter account (attributed to …)": an account whose owner the phrase does not name
    det = ""
    while part and (part[0].low in L.DETERMINERS or part[0].low in L.POSSESSIVES):
        if part[0].text[:1].isupper() and not part[0].first and len(part) > 1 and is_cap(part[1]):
            break  # "De Kijvelanden", "The Independent": the article belongs to the name
        det = part[0].low
        part = part[1:]
    if det in L.POSSESSIVES and len(part) > 1 and part[0].low in ("own", "eigen"):
        part = part[1:]  # "his own officials", "haar eigen advocaat": whose they are, not what
    titled = False  # a title went before the name ("koning Willem-Alexander", "mevrouw Jansen"): a person's
    while part and part[0].low in L.TITLES and len(part) > 1 and part[0].text[:1].isupper() is False \
            and not (part[1].low in _ATTACH and noun_class(part[0].low) == "role") \
            and not (noun_class(part[0].low) == "role" and is_cap(part[1])):
        # (a role noun before its party is the head: "a rep for the singer"; an office before a name is the
        # person's role: "premier Schoof", as "minister Schoof")
        part = part[1:]
        titled = True
    if not part:
        return None
    definite = det in ("de", "het", "the") or det in L.POSSESSIVES
    classes = [noun_class(t.low) for t in part]
    if lang == "en" and _EN_MODIFIERS.intersection(t.low for t in part[:-1]):
        # ("a marine biologist": the Dutch navy's noun is an English adjective before another noun)
        classes = ["" if t.low in _EN_MODIFIERS and n < len(part) - 1 else c
                   for n, (t, c) in enumerate(zip(part, classes, strict=True))]
    if "anon" in classes and not any(is_cap(t) and not classes[n] for n, t in enumerate(part)
                                     if n > classes.index("anon")):
        return ANONYMOUS_SRC
    role_at = classes.index("role") if "role" in classes else -1
    if role_at > 1 and classes[0] == "doc" and part[1].low in _DOC_OWNER:
        owner = _describe(part[2:], lang, text)
        if owner is not None and owner.kind != "unknown":
            return owner  # "een brief van de minister", "a letter from the governor": the role holder's own
    if role_at >= 0 and is_cap(part[role_at]) and "-" not in part[role_at].text \
            and part[role_at].low in L.TITLES and role_at < len(part) - 1:
        role_at = -1  # a title before a name ("Minister Van Dam"); alone it is the role ("Burgemeester: '…'")
    if 0 <= role_at < len(part) - 1 and (part[role_at].low.endswith(_GENITIVE) or role_at == len(part) - 2) \
            and classes[role_at + 1] == "org":
        # "the mayor's office", "the militant group": the office or group speaks, no person; unless a role of
        # its own follows ("Lake County Sheriff's Office spokeswoman Maria Lopez")
        role_at = next((n for n in range(role_at + 2, len(part)) if classes[n] == "role"), -1)
    while 0 <= role_at < len(part) - 1 and part[role_at].low.endswith(_GENITIVE) \
            and "role" in classes[role_at + 1:]:
        role_at = classes.index("role", role_at + 1)  # "the mayor's spokesman": the spokesman's role
    if role_at >= 0 and det == "another" and role_at == len(part) - 1:
        # "another fighter": a second member of the group a previous speaker belongs to.
        role = _head(part[role_at].low)
        return Src("another " + _span_text(text, part), "", "person", role, anaphor="other:" + role)
    if det in _PERSONAL_POSSESSIVES and len(part) == 1 and role_at == 0 \
            and (part[0].low in _AGENT_ROLES or part[0].low in _SPOKES):
        # "her lawyer", "zijn woordvoerder": whose agent the pronoun says (`engine._resolve`)
        return Src(part[0].text, "", "person", _head(part[0].low), anaphor="poss:" + det)
    if 0 <= role_at < len(part) - 1 and part[role_at].low in _TITLE_WORDS:
        if classes[role_at + 1] == "role":
            role_at += 1  # "chief executive", "general secretary", "attorney general": the office is the noun
            #               its title word goes with
        elif role_at + 2 < len(part) and classes[role_at + 2] == "role" and not classes[role_at + 1] \
                and part[role_at + 1].text.isalpha() and part[role_at + 1].text.islower():
            role_at += 2  # "chief financial officer", "chief medical officer"
    if role_at >= 0:
        return _with_role(part, classes, role_at, definite, text)
    names = _name_run(part)
    if names:
        names = names[:-1] + _with_particles(part, part.index(names[-1]))  # "Ursula von der Leyen"
        idx = part.index(names[-1])
        while idx + 1 < len(part) and _inner_name_word(part, idx + 1, 0):
            q = idx + 1
            while q < len(part) and not is_cap(part[q]):
                q += 1
            while q + 1 < len(part) and is_cap(part[q + 1]):
                q += 1
            names, idx = part[part.index(names[0]):q + 1], q  # "actiegroep Red het Park"
    if names and _placed(part, classes, part.index(names[0])):
        names = []  # "Police in New Jersey", "bewoners in Groningen": the place is where they are
    described = False  # the name follows a description of it ("tech giant Apple")
    if names:
        found = _named_after_descriptor(part, names)
        described, names = found is not names, found
    titled_name = bool(names) and names[0].low in ("the", "de", "het") and not names[0].first  # "The Athletic"
    if names and (titled_name or not all(is_adj_cap(t) for t in names if is_cap(t))):
        idx = part.index(names[-1])
        after = part[idx + 1:]
        first_at = part.index(names[0])
        org = ""
        named_for = False  # a name with "for" inside is an organisation's
        if after and after[0].low == "for" and len(after) > 1 and all(
                is_cap(t) or t.low in ("and", "of", "&") for t in after[1:]) and is_cap(after[-1]) \
                and not _looks_person(names):
            names = part[first_at:]  # "Institute for Fiscal Studies", "Centers for Disease Control and Prevention"
            named_for = True
        elif after and after[0].low in ("van", "of") and len(after) > 1:
            tail = [t for t in after[1:] if t.low not in L.DETERMINERS]
            if tail and any(is_cap(t) for t in tail):
                if _looks_person(names):
                    org = _strip_possessive(_span_text(text, tail))
                else:
                    names = part[first_at:]
        elif after and (classes[idx + 1] or classes[-1]) and not any(is_cap(t) for t in after[:_prep_at(after)]):
            # "Smolletts advocaten", "Nederlandse telecomproviders", "South Korea's intelligence
            # agency": the noun is the head (also before the place it works at: "Security researchers at ESET").
            names = []
        elif after and after[-1].low in ("media", "staatsmedia") and not any(is_cap(t) for t in after):
            # "North Korean state media", "Russische staatsmedia": the media of a country speak.
            phrase = _span_text(text, part[first_at:])
            return Src(phrase, phrase, "media", "")
        if names:
            lowered = False
            # An organisation noun right before the name belongs to it: "gemeente Albrandswaard".
            noun = part[first_at - 1] if first_at > 0 else None
            if noun is not None and classes[first_at - 1] == "org" and (not is_cap(noun) or noun.first) \
                    and not described and noun.low not in _MEDIA_DESCRIPTORS \
                    and _org_kind_words([_head(noun.low)]) == "government":
                # (a business is named by its name alone: "club Benfica" is Benfica, as "het bedrijf Vérian")
                names = part[first_at - 1:first_at] + names
                lowered = names[0].first  # "Gemeente Utrecht zegt" is "gemeente Utrecht", as mid-sentence
            elif first_at > 1 and part[first_at - 1].low in ("van", "of") and classes[first_at - 2] == "org" \
                    and (not is_cap(part[first_at - 2]) or part[first_at - 2].first) and not described \
                    and part[first_at - 2].low not in _MEDIA_DESCRIPTORS \
                    and not all(len(t.text) == 1 for t in names if is_cap(t)):  # ("het college van B en W": B en W)
                names = part[first_at - 2:first_at] + names  # "ministerie van Binnenlandse Zaken"
            name = _strip_titles(_strip_possessive(_span_text(text, names)))
            if lowered:
                name = name[0].lower() + name[1:]
            if det in ("de", "het") and len(names) == 1 and names[0].low in _TITLED_MEDIA:
                name = f"{det} {name}"  # "de Volkskrant", "het Parool" keep their article
            given = _given_named(names)
            person = given or titled or _looks_person(names) or any(t.low.rstrip(".") in L.TITLES for t in part)
            org_noun_before = first_at > 0 and classes[first_at - 1] == "org"  # "Supermarktketen Albert Heijn"
            if person and (not _orgish(names) or given) and not org_noun_before and not named_for:
                return Src(name, org, "person", "")
            return Src(name, org or name, _org_kind(part), "")
    return _description(part, classes, det, definite, text, lang)


# Words that make a business described again another one: "the parent company", "a rival firm".
ANOTHER_BUSINESS = frozenset(
    "other another parent sister rival competing former subsidiary partner moederbedrijf ander andere"
    " concurrerende voormalige oude".split())


def _described_again(mods: list) -> bool:
    """Whether the words before a business noun only say where it is or what it does ("Cupertino", "e-commerce",
    "Zuid-Koreaanse"), not that it is another business or a number of them."""
    return bool(mods) and all(t.text[:1].isalpha() and t.low not in ANOTHER_BUSINESS and t.low not in _QUANT
                              and not t.inq for t in mods)


# Nouns of nationality that take up a person: "the Dutchman", "de Braziliaan" (not those that are languages or peoples
# too: "the Japanese", "de Portugees").
_NATIONALS = frozenset(
    "dutchman dutchwoman frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman"
    " welshman spaniard brazilian argentine argentinian german italian american briton belgian swede dane norwegian"
    " finn pole russian ukrainian australian canadian mexican nigerian ghanaian moroccan turk croatian serbian"
    " austrian colombian uruguayan chilean"
    " nederlander nederlandse fransman française engelsman ier schot spanjaard braziliaan argentijn duitser italiaan"
    " amerikaan amerikaanse brit belg zweed deen noor fin pool rus oekraïner australiër canadees mexicaan nigeriaan"
    " marokkaan kroaat serviër oostenrijker colombiaan uruguayaan chileen".split())  # ("turk" above: both languages)
# Dutch organisation nouns that are English adjectives before a noun: "a marine biologist".
_EN_MODIFIERS = frozenset(("marine",))
_NOBODY = frozenset(("nobody", "no one", "no-one", "none", "niemand", "geen mens", "geen enkele"))


def _placed(part: list, classes: list, name_at: int) -> bool:
    """Whether the name at part[name_at] only says where the speaker named before it by a common noun
    is: "Police in New Jersey", "Residents in Texas", "de politie in Amsterdam", or where people work:
    "Nurses at St Mary's Hospital"."""
    at = name_at - 1
    while at > 0 and part[at].low in L.DETERMINERS:
        at -= 1
    noun = part[at - 1] if at >= 1 else None
    if noun is None or not (noun.first or not is_cap(noun)):
        return False
    if part[at].low in ("at", "bij"):  # "Nurses at St Mary's Hospital", "medewerkers bij Philips"
        return classes[at - 1] in ("group", "person", "role")
    if part[at].low in ("van", "of", "uit", "from"):
        # "Een inwoner van Zwolle", "a resident of Texas", "een vriendin van Linda": whose or from where
        # the people are; they speak, not the name (unlike a role's: "woordvoerder van Philips")
        return classes[at - 1] in ("group", "person")
    return part[at].low == "in" and classes[at - 1] not in ("", "doc")


def _named_after_descriptor(part: list, names: list) -> list:
    """The name a descriptor introduces: "Environmental group BlueCoast", "Tech giant Apple", "Human
    rights group Amnesty International", "Premier League club Arsenal".

    English (and Dutch) put a bare description before a name: a common noun, itself maybe
    modified. When the phrase is a capitalised run, one to three lower-case words and a name
    that ends the phrase, the name is the source, if the first run is only capitalised because
    it opens the sentence, or the lower-case words end in a noun of an organisation or a group.
    """
    k = part.index(names[-1]) + 1
    between = k
    while k < len(part) and k - between < 3 and part[k].text.isalpha() and part[k].text[:1].islower() \
            and part[k].low not in L.STOP and part[k].low not in _ATTACH:
        k += 1
    if k == between or k >= len(part):
        return names
    later = _name_run(part[k:])
    if not later or later[0] is not part[k] or later[-1] is not part[-1]:
        return names
    opener = len(names) == 1 and names[0].first
    if not opener and noun_class(part[k - 1].low) not in ("org", "group"):
        return names
    return later


def _owned_person(part: list, lang: str, text: str) -> Src | None:
    """"TechCrunch's Matt Ruiz", "the outlet's Don Lemon": a named person of a genitive owner.

    The owner is the person's organisation when it is a name; a lower-case owner ("the
    outlet's") only describes, and the person stands alone.
    """
    if lang != "en" or len(part) < 3:
        return None
    for g in range(len(part) - 2):
        if part[g].low.endswith(_GENITIVE):
            break
    else:
        return None
    rest = part[g + 1:]
    names = _name_run(rest)
    if len(names) < 2 or names[0] is not rest[0] or names[-1] is not rest[-1] or not _looks_person(names):
        return None
    owner = [t for t in part[:g + 1] if t.low not in L.DETERMINERS]
    org = _strip_possessive(_span_text(text, owner)) if owner and owner[0].text[:1].isupper() \
        and not (owner[0].first and noun_class(owner[0].low)) else ""
    return Src(_strip_titles(_span_text(text, names)), org, "person", "")


# A member of a Dutch party, named by it: "CDA'er", "VVD'er", "D66'er", "PvdA'er".
_PARTY_MEMBER = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*['’]er$")
# A social-media account speaks for its owner: "his Facebook page", "the singer's Instagram account".
_PLATFORMS = frozenset("facebook twitter instagram tiktok youtube linkedin telegram snapchat threads bluesky"
                       " x".split())
_ACCOUNT_NOUNS = frozenset("page account feed profile channel pagina kanaal accountpagina".split())
# The subject pronoun a possessive refers back as: "his" is who "he" would be.
SUBJECT_OF = {"his": "he", "her": "she", "their": "they", "zijn": "hij", "haar": "ze", "hun": "ze"}


def _is_account(part: list) -> bool:
    """The phrase ends in a social-media account: "… Facebook page", "… Instagram account"."""
    return len(part) >= 2 and part[-1].low in _ACCOUNT_NOUNS and part[-2].low in _PLATFORMS


def _account_owner(part: list, lang: str, text: str) -> Src | None:
    """The owner of the social-media account the phrase names: "his Facebook page" (the person "he" takes up),
    "the singer's Instagram account" (the singer)."""
    if len(part) < 3 or not _is_account(part):
        return None
    owner = part[:-2]
    if len(owner) == 1 and owner[0].low in SUBJECT_OF:
        return Src(owner[0].text, "", "unknown", "", anaphor=SUBJECT_OF[owner[0].low])
    if owner and owner[-1].low.endswith(_GENITIVE):
        found = _describe(owner, lang, text)
        if found is not None:
            name = _strip_possessive(found.name)
            return replace(found, name=name, org=_strip_possessive(found.org))
    return None


_TITLED_MEDIA = frozenset(
    "volkskrant telegraaf parool gelderlander stentor limburger tijd standaard morgen groene"
    " stem twentsche dagblad".split()
)
_OBJ_PRON = {"hem": "hij", "hen": "ze", "hun": "ze", "him": "he", "them": "they", "her": "she"}


def _with_role(part: list, classes: list, role_at: int, definite: bool, text: str) -> Src:
    rt = part[role_at]
    role = _head(rt.low)
    if role_at > 0 and classes[role_at - 1] == "role" and part[role_at - 1].low in _TITLE_WORDS:
        role = f"{part[role_at - 1].low} {role}"  # "chief executive", not "chief"
    elif role_at > 1 and classes[role_at - 2] == "role" and part[role_at - 2].low in _TITLE_WORDS \
            and not classes[role_at - 1]:
        role = f"{part[role_at - 2].low} {part[role_at - 1].low} {role}"  # "chief financial officer"
    org = ""
    if "-" in rt.text:
        prefix = rt.text.rsplit("-", 1)[0]
        if prefix[:1].isupper() and prefix.lower() not in _RANK_PREFIXES:
            org = prefix  # "VVD-lijsttrekker", "Ajax-trainer" (not "Oud-minister", "Vice-premier")
    pre = part[:role_at]
    # (a participle opening a headline is no name: "Leading invertebrate researcher says …")
    pre = [t for n, t in enumerate(pre) if not _opening_participle(part, n, role_at)]
    pre_caps = [t for t in pre if is_cap(t) and not is_adj_cap(t)]
    if role in _AGENT_ROLES and pre_caps and not _name_run(part[role_at + 1:]):
        # A person's lawyer or agent: the description is the source (a named one is a person of their own:
        # "United manager Erik ten Hag").
        return Src(_span_text(text, part), "", "person", role)
    if pre and not org:
        # The words of an office's own title are no organisation ("Prime Minister", "Foreign Minister"); a body
        # described by its field keeps it ("Justice officials").
        if pre[-1].low in _TITLE_WORDS and not part[role_at].low.endswith("s"):
            pre = pre[:-1]
        keep = [t for t in pre if not is_adj_cap(t) or classes[part.index(t)]]
        keep = [t for t in keep if is_cap(t) or classes[part.index(t)] == "org"
                or t.low in L.NAME_PARTICLES]
        if keep and (any(is_cap(t) for t in keep) or any(classes[part.index(t)] == "org" for t in keep)):
            org = _strip_possessive(_span_text(text, keep))
            if keep[0].first and noun_class(keep[0].low) and len(keep) == 1 and keep[0].text[1:].islower():
                org = org[0].lower() + org[1:]  # "Hotel manager Somchai Wong": a common noun opening the sentence
                #                                 (not an acronym: "BBC journalist Tom Baker")
    rest = part[role_at + 1:]
    org_definite = False
    if rest and (rest[0].low in ("van", "of", "for", "namens", "bij") or (
            # "an analyst at Creative Strategies" (at a name only: not "the mayor at the meeting")
            rest[0].low == "at" and len(rest) > 1 and is_cap(rest[-1])) or (
            # "a spokesman from the council" speaks for it (not "officials from the ministry", described)
            rest[0].low == "from" and role in _SPOKES)) \
            and not (rest[0].text[:1] == "V" and not rest[0].first):  # "Minister Van der Berg": a surname
        tail = rest[1:]
        if tail and tail[0].low in L.DETERMINERS:
            org_definite = True
        tail = [t for t in tail if t.low not in L.DETERMINERS]
        rest = []
        if tail:
            names = _name_run(tail)
            if names and _looks_person(names) and not _orgish(names) and (role in _AGENT_ROLES or role in (
                    "woordvoerder", "woordvoerster", "spokesman", "spokeswoman", "spokesperson")):
                # The spokesperson, lawyer or agent of a person: "de woordvoerder van De Bruijn", "the lawyer
                # of John Smith" (GUIDELINES §3: the description).
                return Src(_span_text(text, part), "", "person", role, anaphor="")
            if not names and ((noun_class(tail[-1].low) in ("person", "role")
                               and (role in _AGENT_ROLES or role in _SPOKES or role in ("representative", "rep")))
                              or (noun_class(tail[-1].low) == "group" and role in _AGENT_ROLES)):
                # A person's representative described: "A representative for the singer", "Lawyers for the
                # families" (no organisation)
                return Src(_described_words(text, part), "", "person", role)
            if role not in _SPOKES and not any(is_cap(t) for t in tail) and tail[-1].low in L.POSSESSIONS:
                # The owner of a thing, not of a body: "de eigenaar van de hond", "the owner of the building" (the
                # description, GUIDELINES §3; the owner of a café speaks for the business)
                return Src(_described_words(text, part), "", "person", role)
            org = _strip_possessive(_span_text(text, tail))
            if any(is_cap(t) for t in tail):
                org_definite = False
    if len(rest) > 1 and rest[0].low in _PLACE_PREPOSITIONS:
        # where the role is, not whose name: "Election officials in Georgia", "agenten uit Rotterdam"
        return Src(_described_words(text, part), org, "person", role)
    names = _name_run(rest)
    if len(names) == 1:
        names = _with_particles(rest, rest.index(names[0]))
    if names:
        at = lead = rest.index(names[0])
        while lead > 0 and rest[lead - 1].low in L.NAME_PARTICLES:
            lead -= 1
        if lead < at and rest[lead].text[:1].isupper():
            names = rest[lead:at] + names  # "Minister Van der Berg", "minister De Vries": the particles open the name
        after = rest[rest.index(names[-1]) + 1:]
        if after and after[0].low in ("van", "of") and len(after) > 1:
            tail = [t for t in after[1:] if t.low not in L.DETERMINERS]
            if tail:
                org = _strip_possessive(_span_text(text, tail))
        name = _strip_titles(_strip_possessive(_span_text(text, names)))
        if len(names) == 1 and not _orgish(names) and not names[0].text.isupper():
            return Src(name, org, "person", role)
        surname = len(names) == 2 and names[-1].low in _SURNAME_WORDS and not _orgish(names[:1])
        if (_orgish(names) and not surname) or (names[0].text.isupper() and len(names) == 1):
            # ("Governor Amy Park": an office before a first name and a surname that is also a place word)
            return Src(name, name, _org_kind(names), role)
        return Src(name, org, "person", role)
    if org:
        kind = _org_kind_words([_head(w) for w in org.lower().split()])
        if org_definite or (not any(c.isupper() for c in org) and definite):
            return Src(org, org, kind, role, anaphor="org:" + _head(org.lower().split()[-1]))
        if role not in _SPOKES and not definite and any(c.isupper() for c in org) and "-" not in rt.text:
            # An unnamed member who is no spokesperson is a described person: "an Isis fighter".
            return Src(_span_text(text, part), org, "person", role)
        return Src(org, org, kind, role)
    phrase = _described_words(text, part)
    if definite or role in ("official",):
        return Src(phrase, "", "person", role, anaphor="role:" + role)
    return Src(phrase, "", "person", role)


_PLACE_PREPOSITIONS = frozenset(("in", "uit", "from"))


def _described_words(text: str, part: list) -> str:
    """The words of a described speaker, a common noun opening the sentence in lower case ("Lawyers for the
    families say" -> "lawyers for the families", "Prosecutors allege" -> "prosecutors")."""
    phrase = _span_text(text, part)
    if phrase[:1].isupper() and (not is_cap(part[0]) or (part[0].first and noun_class(part[0].low))):
        return phrase[0].lower() + phrase[1:]
    return phrase


def _with_particles(part: list, at: int) -> list:
    """A first name and the surname its particles introduce: "Jan van den Berg" after "woordvoerder"
    (not "Jan" of the organisation "den Berg"). Just part[at] when no particle and surname follow."""
    q = at + 1
    while q < len(part) and part[q].low in L.NAME_PARTICLES and not part[q].text[:1].isupper():
        q += 1
    if q == at + 1 or q >= len(part) or not is_cap(part[q]) or noun_class(part[q].low) == "org" \
            or (at > 0 and part[at - 1].low in L.NAME_PARTICLES):
        return part[at:at + 1]  # (a surname with its own particle is whole: "Van der Laan van Amsterdam")
    while q < len(part) and is_cap(part[q]):
        q += 1
    return part[at:q]


@functools.lru_cache(maxsize=50_000)
def _proper_noun(low: str, lang: str) -> bool:
    """The dictionary knows the word as a name only ("houston" is "Houston")."""
    try:
        return simplemma.lemmatize(low, lang=lang)[:1].isupper()
    except (ValueError, KeyError):
        return False


_MAKERS = frozenset(("maker", "makers", "creator", "creators"))
_MADE_ITEMS = frozenset(
    "filmpje filmpjes video video's videos beelden foto foto's fotos bericht berichten post posts clip clips"
    " account meme memes image images photo photos tweet tweets".split())  # (not an app's: a business may make it)


def _description(part: list, classes: list, det: str, definite: bool, text: str, lang: str) -> Src | None:
    heads = [n for n, c in enumerate(classes) if c]
    if not heads:
        return None
    d = heads[0]
    if classes[d] == "doc":
        # "a statement from the ministry", "een rapport van de rekenkamer": the document's owner speaks; "stukken
        # in het bezit van RTL Nieuws": its holder reports what it shows.
        at = _held_by_at(part, d + 1, len(part)) or (d + 2 if d + 1 < len(part) and part[d + 1].low in _DOC_OWNER
                                                     else 0)
        owner = _describe(part[at:], lang, text) if 0 < at < len(part) else None
        if owner is not None and owner.kind != "unknown":
            return owner
    h = heads[-1] if classes[-1] else heads[0]
    if classes[d] in ("group", "person", "role") and d + 1 < len(part) and part[d + 1].low in _WHERE_PEOPLE_ARE:
        h = d  # "nurses at St Mary's Hospital", "critics within the party": the people speak, where they are
        #        describes them
    if h < len(part) - 1 and part[h + 1].low not in ("van", "of", "in", "uit", "from", "for", "namens") \
            and part[h + 1].low not in _WHERE_PEOPLE_ARE and not is_cap(part[h + 1]):
        return None  # "newspaper reports": the lexicon noun only modifies an unknown head
    head = part[h]
    hc = classes[h]
    desc = part[: h + 1] if h < len(part) - 1 and part[h + 1].low not in ("van", "of", "in", "uit", "from") \
        and part[h + 1].low not in _WHERE_PEOPLE_ARE else part
    phrase = _span_text(text, desc)
    if phrase[:1].isupper() and desc[0].first and not is_adj_cap(desc[0]) and not _proper_media(desc[0]) \
            and not desc[0].opens_name and not any(is_cap(t) for t in part[1:h]) \
            and not desc[0].low.endswith(_GENITIVE) and not _proper_noun(desc[0].low, lang):
        # ("Charles de Gaulle airport", "Thailand's tourism authority", "Houston police" keep their capital)
        phrase = phrase[0].lower() + phrase[1:]  # a sentence-initial common noun
    hl = _head(head.low)
    single = len(desc) == 1
    if hl in _MAKERS and h + 2 < len(part) and part[h + 1].low in ("van", "of") \
            and any(t.low in _MADE_ITEMS for t in part[h + 2:]):
        # who made a video or a post is a person or a group, no business: "De maker van het filmpje reageerde niet"
        return Src(phrase, "", "group" if hl.endswith("s") else "person", "")
    if hc == "org":
        kind = _org_kind(desc)
        if definite and single and hl in L.ORG_ANAPHORA:
            return Src(phrase, phrase, kind, "", anaphor="org:" + hl)
        if definite and single and hl.endswith(L.BUSINESS_SUFFIXES) and len(hl) > 10:
            # "laat de spoorvervoerder weten", "het energiebedrijf": a kind of business, the one named before
            return Src(phrase, phrase, kind, "", anaphor="org:bedrijf")
        if definite and not single and desc is part and _described_again(desc[:-1]):
            if hl == "network" and desc[-2].low in ("social", "sociale"):
                # "The social network denied the report": the platform the story named
                return Src(phrase, phrase, kind, "", anaphor="org:platform")
            if hl in L.BUSINESS_NOUNS or (hl.endswith(L.BUSINESS_SUFFIXES + ("gigant",)) and len(hl) > 8):
                # "the Cupertino company", "the e-commerce giant", "het Zuid-Koreaanse concern", "de Zweedse
                # meubelgigant": a business described again by where it is or what it makes, the one named before
                return Src(phrase, phrase, kind, "", anaphor="org:" + (hl if hl in L.BUSINESS_NOUNS else "bedrijf"))
        return Src(phrase, phrase, kind, "")
    if hc == "group":
        kind = "government" if hl in L.GOV_HEADS or hl == "overheden" or hl == "governments" else "group"
        return Src(phrase, "", kind, "")
    aged = definite and any(_AGE.match(t.text) for t in desc)  # (the age alone too: "the 34-year-old")
    if aged and hc in ("person", "role"):
        # "de 25-jarige international", "the 31-year-old striker": a person the story has named, described again
        return Src(phrase, "", "person", hl if hc == "role" else "", anaphor="aged:" + hl)
    if hc == "person":
        if definite and single and hl in PLAYER_POSITIONS:
            # "aldus de middenvelder", "the striker said": the player the story has just named, described again
            return Src(phrase, "", "person", "", anaphor="player:" + hl)
        if definite and single:
            return Src(phrase, "", "person", "", anaphor="role:" + hl)
        return Src(phrase, "", "person", "")
    if hc == "doc":
        prefix = head.text.rsplit("-", 1)[0] if "-" in head.text else ""
        if prefix and (prefix[:1].isupper() or noun_class(prefix.lower()) == "org"):
            # "politie-onderzoek", "EU-rapport": the document of an organisation
            return Src(prefix, prefix, _org_kind_words([prefix.lower()]), "")
        if h >= 1 and classes[h - 1] == "org" and not is_cap(part[h - 1]):
            owner = _span_text(text, part[h - 1:h])
            owner = owner[0].lower() + owner[1:] if part[h - 1].first else owner
            # "court documents", "police reports", "government figures": the organisation's documents
            return Src(owner, owner, _org_kind_words([_head(part[h - 1].low)]), "")
        if single:
            return Src(phrase, "", "unknown", "", anaphor="doc:")
        return Src(phrase, "", "unknown", "")
    if hc == "role":
        return Src(phrase, "", "person", hl, anaphor="role:" + hl if definite else "")
    return None


# The lexicon's media heads that are names, not nouns: "Reuters reported" keeps its capital.
_MEDIA_NAMES = frozenset(
    "volkskrant telegraaf nrc trouw parool nos rtl reuters bloomberg afp bbc cnn cnbc espn techcrunch pando"
    " guardian".split()
)


def _proper_media(tok) -> bool:
    return tok.low in _MEDIA_NAMES or (tok.text.isupper() and len(tok.text) > 1)


def _common_noun(low: str) -> bool:
    """A noun the lexicon knows, or the noun of a claim: capitalised at a sentence's start it names nothing
    ("Bewoners zeggen", "Rumours spread that …")."""
    return bool(noun_class(low)) or low in _CLAIM_WORDS


_CLAIM_WORDS = L.CLAIM_NOUNS["en"] | L.CLAIM_NOUNS["nl"]


def _name_run(part: list) -> list:
    """The first run of capitalised tokens (with inner particles) in part, titles skipped."""
    out: list = []
    n = 0
    while n < len(part):
        t = part[n]
        if out and t.text == "." and out[-1].low in L.TITLES:
            out.pop()
            n += 1
            continue
        if out and t.text == "." and (len(out[-1].text) == 1 or out[-1].low in _NAME_ABBREV) \
                and n + 1 < len(part) and is_cap(part[n + 1]):
            n += 1  # an initial: "Elijah J. Magnier"
            continue
        if out and t.text == "." and _dotted(out[-1], t) and n + 1 < len(part) and is_cap(part[n + 1]):
            out.append(t)  # "U.S. Central Command"
            n += 1
            continue
        if not out and t.text[:1].isupper() and not t.first and t.low in ("de", "het", "the", "van", "ter", "ten") \
                and n + 1 < len(part) and (is_cap(part[n + 1]) or (
                    t.low == "van" and part[n + 1].low in L.NAME_PARTICLES and n + 2 < len(part)
                    and is_cap(part[n + 2]))):
            out.append(t)  # "De Kijvelanden", "The Independent", "minister Van Nieuwenhuizen", "Van der Laan"
            n += 1
            continue
        if is_cap(t) and noun_class(t.low) != "role" and not (t.first and t.low in _OPENING_QUANTITIES) \
                and not (t.first and _common_noun(t.low) and not (
                n + 1 < len(part) and part[n + 1].low in _NATIONAL) and not (  # ("Zorgverzekeraars Nederland")
                n + 1 < len(part) and is_cap(part[n + 1]) and (_proper_media(t) or part[n + 1].low in L.MEDIA_HEADS))):
            # ("Fox News said", "Sky News reported": a medium's name)
            if t.low.rstrip(".") in L.TITLES and n + 1 < len(part) and (
                    is_cap(part[n + 1]) or part[n + 1].text == "."):
                n += 2 if part[n + 1].text == "." else 1  # "Lt. Col. Jon Custis", "Mr Alhakim"
                if out and n < len(part) and is_cap(part[n]):
                    out = []  # "U.S. Marine Lt. Col. Jon Custis": the name follows the rank
                continue
            out.append(t)
        elif out and t.text == "&" and n + 1 < len(part) and is_cap(part[n + 1]):
            out.append(t)  # "Keller & Shaw", "Procter & Gamble": one firm
        elif out and t.text == "-" and n + 2 < len(part) and part[n + 1].low in ("en", "of", "and", "or") \
                and is_cap(part[n + 2]):
            out += [t, part[n + 1]]  # "Voedsel- en Warenautoriteit": the first compound cut short
            n += 2
            continue
        elif out and t.low in ("en", "and") and len(out[-1].text) == 1 and out[-1].text.isupper() \
                and n + 1 < len(part) and len(part[n + 1].text) == 1 and part[n + 1].text.isupper():
            out.append(t)  # "B en W" (burgemeester en wethouders): letters joined by "en" are one name
        elif out and t.low in L.NAME_PARTICLES and n + 1 < len(part) and is_cap(part[n + 1]):
            if t.low in ("van", "of") and (sum(1 for x in out if is_cap(x)) >= 2
                                            or any(x.low in L.NAME_PARTICLES for x in out)):
                break  # "Karin Mulder van Chemtec", "Van Nieuwenhuizen van Infrastructuur": the organisation follows
            out.append(t)
        elif out and t.text[:1].isupper() and t.low in ("de", "der", "den", "van") and n + 1 < len(part):
            out.append(t)
        elif out:
            break
        n += 1
    while out and not is_cap(out[-1]):
        out.pop()
    return out


# Words of number or quantity: capitalised at a sentence's start they name nobody ("Tientallen bewoners van de
# Vissersbuurt", "Hundreds of parents from Leeds", "Enkele medewerkers van Philips").
_OPENING_QUANTITIES = _QUANT | L.DUTCH_QUANTIFIERS | frozenset(
    "dozens hundreds thousands millions scores tens few various most all both other others duizenden miljoenen elf"
    " twaalf".split())


# Words that mark an organisation's or a place's name but are common surnames too.
_SURNAME_WORDS = frozenset("park house street hall church camp".split())
# A country or reach after a common noun makes one organisation's name: "Zorgverzekeraars Nederland",
# "Patiëntenfederatie Nederland", "Greenpeace International".
_NATIONAL = frozenset("nederland belgië vlaanderen netherlands europe europa international internationaal uk usa"
                      " america amerika".split())


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in L.TITLES:
        words = words[1:]
    return " ".join(words)


def _given_named(name_toks: list) -> bool:
    """A person's name by its given name: alone ("Amy", "Femke") or before a surname that is also
    a place word ("Amy Park", "Tom Hall"); not an organisation named after someone ("Amy Park
    Foundation", "Anna Paulowna School")."""
    if not name_toks or name_toks[0].low not in L.GIVEN_NAMES or len(name_toks) > 3 \
            or any(t.text.isupper() and len(t.text) > 1 for t in name_toks):
        return False
    return not any(_orgish([t]) and t.low not in _GIVEN_SURNAMES for t in name_toks[1:])


# After a given name these are surnames, the place words and a broadcaster's or paper's: "Jane Fox", "Emily Post".
_GIVEN_SURNAMES = _SURNAME_WORDS | {"fox", "post", "cross"}


def _looks_person(name_toks: list) -> bool:
    caps = [t for t in name_toks if is_cap(t)]
    if len(caps) < 2 or caps[0].low in CAP_IN_NAMES or all(len(t.text) == 1 for t in caps):
        return False  # (letters alone are no person's name: "B en W")
    for t in caps:
        h = _head(t.low)
        if t.text.isupper() and len(t.text) > 2:
            return False
        if h in L.ORG_NOUNS or h in L.MEDIA_HEADS or h in _ORG_WORDS or noun_class(t.low) == "org":
            return False  # "Energiebedrijf Eneco", "Supermarktketen Jumbo": an organisation's description
    return True


_ORG_WORDS = frozenset(
    """
    bay tour guard command college bank group inc corp ltd news times post journal centre center
    institute instituut ministerie fonds pensioenfonds zorg welzijn nederland holland airlines
    airways national nationale international internationale association council services
    foundation press sports business media union school scala state republic kingdom nations
    security house street city county mall base camp forces academy airport station park road
    avenue church ministry department office party lega cross crescent
    museum gallery library zoo society trust institution network channel fund laboratory lab review
    observatory assembly parliament senate congress federation alliance movement brigade corps
    bureau agency organization organisation clinic cathedral monastery convent abbey mosque temple
    synagogue hotel restaurant casino studio studios records entertainment technologies systems
    partners capital ventures holdings museum musea bibliotheek stichting vereniging
    palace paleis embassy ambassade consulate consulaat
    arena stadion stadium theater theatre schouwburg hall hal plein square straat centrum
    motors industries pharmaceuticals electronics telecom airlines research air
    fc afc sc sv vv club united
    survey service committee commission tribunal administration authority coalition league
    """.split()
)


_AT_PLACE = frozenset(("at", "of", "from", "bij", "van"))


def _prep_at(toks: list) -> int:
    """Index of the first preposition of where a person works in toks ("at", "van"), else len(toks)."""
    return next((n for n, t in enumerate(toks) if t.low in _AT_PLACE), len(toks))


def _orgish(name_toks: list) -> bool:
    if any(t.text == "&" for t in name_toks):
        return True  # "Procter & Gamble", "Keller & Shaw": a firm
    for t in name_toks:
        h = _head(t.low)
        if h in L.ORG_NOUNS or h in L.MEDIA_HEADS or h in _ORG_WORDS or noun_class(t.low) == "org":
            return True  # (a compound by its head: "drinkwaterbedrijf Brabant Water", "Rabobank")
    return False


def _org_kind(part: list) -> str:
    return _org_kind_words([_head(t.low) for t in part])


# Newspapers named by one word that is also a common noun: "The Sun reported", "according to the Mirror" (not
# "Royal Mail" or "American Express": a second word names something else).
_ONE_WORD_PAPERS = frozenset(("sun", "mirror", "mail", "express", "metro", "star"))


def _org_kind_words(words: list) -> str:
    if len(words) == 1 and words[0] in _ONE_WORD_PAPERS:
        return "media"
    for w in words:
        if w in L.MEDIA_HEADS or (len(w) > 8 and w.endswith(L.MEDIA_SUFFIXES)):
            return "media"
    for w in words:
        if w in L.GOV_HEADS:
            return "government"
    return "organisation"
