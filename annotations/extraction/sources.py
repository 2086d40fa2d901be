"""Find and describe the source noun phrase next to an attribution cue.

There is no parser or NER model offline, so noun phrases are runs of tokens
that look like names (capitalised, not a function word), source nouns from the
lexicon (woordvoerder, politie, getuigen, spokesman, council …), name
particles between names (van der, al-), determiners at the left edge and a few
modifiers. Every search is bounded to a small window of tokens.
"""

from dataclasses import dataclass

from . import lexicon as L

_WINDOW = 14


@dataclass(frozen=True)
class Src:
    name: str
    org: str
    kind: str
    role: str
    gender: str = "x"  # m, f, x (unknown or plural) for pronoun resolution
    anaphor: str = ""  # set when the phrase refers back ("hij", "het bedrijf", "the spokeswoman")


def is_cap(tok, first: bool = False) -> bool:
    """A capitalised word that can be part of a name."""
    t = tok.text
    if not t[:1].isupper():
        return t[:1].isdigit() and any(c.isalpha() for c in t) and not t.isdigit() and len(t) > 3
    if tok.low in L.STOP:
        return False
    return True


def _head(low: str) -> str:
    """The lexical head of a (hyphenated or compound) word: 'vérian-directeur' -> 'directeur'."""
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    if low.endswith("'s") or low.endswith("’s"):
        low = low[:-2]
    return low


def noun_class(low: str) -> str:
    """Return 'role', 'org', 'group', 'person', 'anon', 'doc' or '' for a lower-case token."""
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
    for suffix in L.COMPOUND_HEADS:
        if len(h) > len(suffix) + 2 and h.endswith(suffix):
            return "group" if suffix in ("providers", "overheden") else "role"
    return ""


_DOC_NOUNS = frozenset(
    "rapport onderzoek studie verklaring brief statement report study survey guidelines".split()
)


def _np_token(tok, sent_first: bool) -> bool:
    if tok.inq or not tok.text[:1].isalnum():
        return False
    if is_cap(tok):
        return True
    if tok.text[:1].isupper() and not (sent_first or tok.first) and tok.low in ("de", "het", "the", "van", "der"):
        return True  # "De Kijvelanden", "The Independent" in mid-sentence
    return bool(noun_class(tok.low))


def np_before(toks: list, k: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending just before toks[k] (after skipping adverbs), within toks[lo:k]."""
    j = k
    stop = max(lo, k - _WINDOW)
    while j > stop and (toks[j - 1].low in L.SKIP or L.is_negation(toks[j - 1].low)
                        or toks[j - 1].text in "()'\u2018\u2019"):
        j -= 1
    if j <= lo:
        return None
    if toks[j - 1].low in _pron_all():
        return (j - 1, j)
    i = j
    tentative = i
    while i > stop:
        t = toks[i - 1]
        first = i - 1 == lo
        if _np_token(t, first):
            i -= 1
            tentative = i
            continue
        if i < j and t.low in L.NAME_PARTICLES and i - 1 > stop and _np_token(toks[i - 2], False):
            i -= 1
            continue
        if i < j and t.low in ("en", "and") and i - 1 > stop and _np_token(toks[i - 2], False):
            i -= 1
            continue
        if i < j and t.low in ("van", "of") and i - 1 > stop and noun_class(toks[i - 2].low):
            i -= 1
            continue
        if i < j and t.low in L.DETERMINERS | L.POSSESSIVES and i < tentative + 1:
            i -= 1
            tentative = i
            break
        if i < j and t.low in L.DETERMINERS and i - 1 > stop and toks[i - 2].low in ("van", "of"):
            i -= 1  # "critici van de plannen": inside a van-phrase
            continue
        if (
            i < j
            and t.text[:1].islower()
            and t.low not in L.STOP
            and t.low not in L.SKIP
            and t.text.isalpha()
            and tentative - i < 2
        ):
            i -= 1  # a modifier, kept only if a determiner or the clause start follows
            continue
        if i == j and t.text[:1].islower() and t.text.isalpha() and i - 2 >= lo \
                and toks[i - 2].low in L.DETERMINERS and i - 3 >= lo and toks[i - 3].low in ("van", "of"):
            i -= 1  # "Critici van de plannen": a plain noun after van de
            continue
        break
    i = tentative if i < tentative and toks[i].low not in L.DETERMINERS | L.POSSESSIVES else i
    # Trim a leading modifier run that did not end at a determiner or clause start.
    if i >= j:
        return None
    if not any(_np_token(t, False) or noun_class(t.low) for t in toks[i:j]):
        return None
    return (i, j)


_PRON_CACHE: set = set()


def _pron_all() -> set:
    if not _PRON_CACHE:
        for d in L.PRONOUNS.values():
            _PRON_CACHE.update(k for k in d if k not in ("het", "it", "we", "wij"))
        _PRON_CACHE.update(("it",))
    return _PRON_CACHE


def np_after(toks: list, k: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at toks[k] (after skipping adverbs), within toks[k:hi]."""
    i = k
    stop = min(hi, k + _WINDOW)
    while i < stop and (toks[i].low in L.SKIP or toks[i].text in ",()'\u2018\u2019"
                        or toks[i].low in ("desgevraagd", "ook")):
        i += 1
    if i >= stop:
        return None
    if toks[i].low in _pron_all():
        return (i, i + 1)
    j = i
    if toks[j].low in L.DETERMINERS | L.POSSESSIVES:
        j += 1
    mods = 0
    while j < stop and not toks[j].inq and toks[j].text[:1].islower() and not noun_class(toks[j].low) \
            and toks[j].low not in L.STOP and toks[j].text.replace("-", "").isalpha() and mods < 3:
        j += 1
        mods += 1
    core = j
    while j < stop:
        t = toks[j]
        if _np_token(t, False):
            j += 1
            continue
        if j > core and t.low in L.NAME_PARTICLES and j + 1 < stop and is_cap(toks[j + 1]):
            j += 1
            continue
        if j > core and t.low in ("van", "of") and j + 1 < stop:
            n = j + 1
            if toks[n].low in L.DETERMINERS and n + 1 < stop:
                n += 1
            if n < stop and _np_token(toks[n], False):
                j = n
                continue
        break
    if j == core:
        return None
    return (i, j)


def clause_start_np(toks: list, k: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase opening the clause that contains toks[k]."""
    s = k
    while s > lo and toks[s - 1].text not in (",", ";", ":", "(") and k - s < 30:
        s -= 1
    return np_after(toks, s, k)


def build(toks: list, span: tuple[int, int], lang: str, text: str) -> list[Src]:
    """Describe the noun phrase toks[span]; a coordination of full phrases gives several sources."""
    i, j = span
    part = toks[i:j]
    # Split "X en de Y", "his agent and a Tour official".
    for n, t in enumerate(part):
        if t.low in ("en", "and") and 0 < n < len(part) - 1:
            left, right = part[:n], part[n + 1:]
            if right[0].low in L.DETERMINERS | L.POSSESSIVES or (len(left) > 1 and len(right) > 1):
                return [s for s in (_describe(left, lang, text), _describe(right, lang, text)) if s]
    s = _describe(part, lang, text)
    return [s] if s else []


def _span_text(text: str, toks: list) -> str:
    return text[toks[0].start:toks[-1].end] if toks else ""


def _strip_possessive(name: str) -> str:
    for suf in ("'s", "’s"):
        if name.endswith(suf):
            return name[: -len(suf)]
    if name.endswith("s'"):
        return name[:-1]
    return name


def _describe(part: list, lang: str, text: str) -> Src | None:
    pron = L.PRONOUNS[lang]
    if len(part) == 1 and part[0].low in pron:
        g = pron[part[0].low]
        return Src(part[0].text, "", "unknown", "", "m" if g == "m" else "f" if g == "f" else "x",
                   anaphor=part[0].low)
    while part and part[0].low in L.DETERMINERS | L.POSSESSIVES:
        if part[0].text[:1].isupper() and not part[0].first and len(part) > 1 and is_cap(part[1]):
            break  # "De Kijvelanden", "The Independent": the article belongs to the name
        part = part[1:]
    if not part:
        return None
    definite = False
    classes = [noun_class(t.low) for t in part]
    if "anon" in classes and not any(is_cap(t) and noun_class(t.low) == "" for t in part[classes.index("anon"):]):
        return Src("anonymous sources", "", "unknown", "")
    role = ""
    org = ""
    name_toks: list = []
    # Role noun: "VodafoneZiggo-woordvoerder", "woordvoerder", "spokesman".
    role_at = -1
    for n, c in enumerate(classes):
        if c == "role":
            role_at = n
            break
    if role_at >= 0:
        rt = part[role_at]
        role = _head(rt.low)
        if "-" in rt.text:
            prefix = rt.text.rsplit("-", 1)[0]
            if prefix[:1].isupper():
                org = prefix
        # Capitalised words before the role noun name its organisation: "Amazon spokeswoman".
        pre = [t for t in part[:role_at] if is_cap(t) or t.low in L.NAME_PARTICLES]
        if pre and not org and any(is_cap(t) for t in pre):
            org = _strip_possessive(_span_text(text, _trim_particles(pre)))
        rest = part[role_at + 1:]
        # "woordvoerder van Huawei", "spokesman for the council".
        if rest and rest[0].low in ("van", "of", "for", "namens", "bij"):
            tail = [t for t in rest[1:] if t.low not in L.DETERMINERS]
            if tail:
                if any(is_cap(t) for t in tail):
                    org = _span_text(text, tail)
                else:
                    org = _span_text(text, tail)
                    definite = True
            rest = []
        names = _name_run(rest)
        if names:
            name_toks = names
            after = rest[rest.index(names[-1]) + 1:] if names[-1] in rest else []
            if after and after[0].low in ("van", "of") and len(after) > 1:
                tail = [t for t in after[1:] if t.low not in L.DETERMINERS]
                if tail:
                    org = _span_text(text, tail)
    else:
        names = _name_run(part)
        if names:
            name_toks = names
            idx = part.index(names[-1])
            after = part[idx + 1:]
            if after and after[0].low in ("van", "of") and len(after) > 1:
                tail = [t for t in after[1:] if t.low not in L.DETERMINERS]
                if tail and any(is_cap(t) for t in tail):
                    if _looks_person(names):
                        org = _span_text(text, tail)
                    else:
                        name_toks = part[part.index(names[0]):]
    if name_toks:
        name = _strip_possessive(_span_text(text, name_toks))
        name = _strip_titles(name)
        person = bool(role) or _looks_person(name_toks) or any(t.low.rstrip(".") in L.TITLES for t in part)
        orgish = _orgish(name_toks, classes, part)
        if person and not orgish:
            return Src(name, org, "person", role, "x")
        kind = _org_kind(part)
        if role and not org:
            return Src(name, name, kind, role)
        return Src(name, org or name, kind, role)
    # No name: an unnamed spokesperson speaks for the organisation; else a description.
    if role and org:
        kind = _org_kind_words(org.lower().split())
        if definite:
            return Src(org, org, kind, role, anaphor="org:" + org.lower())
        return Src(org, org, kind, role)
    desc = [t for t in part if t.low not in L.DETERMINERS | L.POSSESSIVES]
    if not desc:
        return None
    head = desc[-1] if noun_class(desc[-1].low) else next((t for t in desc if noun_class(t.low)), desc[-1])
    hc = noun_class(head.low)
    phrase = _span_text(text, desc)
    if phrase[:1].isupper() and not is_cap(desc[0]):
        phrase = phrase[0].lower() + phrase[1:]
    det = part[0].low if part and part[0].low in L.DETERMINERS else ""
    if hc == "role":
        if det in ("de", "het", "the") or part[0].low in L.POSSESSIVES:
            return Src(phrase, "", "person", role or _head(head.low), "x", anaphor="role:" + _head(head.low))
        return Src(phrase, "", "person", role or _head(head.low), "x")
    if hc == "org":
        kind = _org_kind(desc)
        if det in ("de", "het", "the") and len(desc) == 1 and _head(head.low) in L.ORG_ANAPHORA:
            return Src(phrase, phrase, kind, "", anaphor="org:" + _head(head.low))
        return Src(phrase, phrase, kind, "")
    if hc == "group":
        kind = "government" if _head(head.low) in L.GOV_HEADS else "group"
        return Src(phrase, "", kind, "")
    if hc == "person":
        if det in ("de", "het", "the") and len(desc) == 1:
            return Src(phrase, "", "person", "", "x", anaphor="role:" + head.low)
        return Src(phrase, "", "person", "")
    if hc == "doc":
        if len(desc) == 1:
            return Src(phrase, "", "unknown", "", anaphor="org:")
        return Src(phrase, "", "unknown", "")
    return None


def _trim_particles(toks: list) -> list:
    while toks and not is_cap(toks[0]):
        toks = toks[1:]
    while toks and not is_cap(toks[-1]):
        toks = toks[:-1]
    return toks


def _name_run(part: list) -> list:
    """The first run of capitalised tokens (with inner particles) in part."""
    out: list = []
    for n, t in enumerate(part):
        if is_cap(t) and noun_class(t.low) not in ("role",):
            out.append(t)
        elif out and t.low in L.NAME_PARTICLES and n + 1 < len(part) and is_cap(part[n + 1]):
            out.append(t)
        elif out and t.text[:1].isupper() and t.low in ("de", "der", "den", "van") and n + 1 < len(part):
            out.append(t)
        elif out:
            break
        elif t.low.rstrip(".") in L.TITLES or t.text == ".":
            continue
    while out and not is_cap(out[-1]):
        out.pop()
    # Drop leading titles ("Lt.", "Col.", "Rep.", "Mr").
    while len(out) > 1 and out[0].low.rstrip(".") in L.TITLES:
        out = out[1:]
    return out


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in L.TITLES:
        words = words[1:]
    return " ".join(words)


def _looks_person(name_toks: list) -> bool:
    caps = [t for t in name_toks if is_cap(t)]
    if len(caps) < 2:
        return False
    for t in caps:
        h = _head(t.low)
        if t.text.isupper() and len(t.text) > 2:
            return False
        if h in L.ORG_NOUNS or h in L.MEDIA_HEADS or h in _ORG_WORDS:
            return False
    return True


_ORG_WORDS = frozenset(
    """
    bay tour guard command college bank group inc corp ltd news times post journal centre center
    institute instituut ministerie fonds pensioenfonds zorg welzijn nederland holland airlines
    airways national nationale international internationale association council services
    foundation press sports business media union school scala
    """.split()
)


def _orgish(name_toks: list, classes: list, part: list) -> bool:
    for t in name_toks:
        h = _head(t.low)
        if h in L.ORG_NOUNS or h in L.MEDIA_HEADS or h in _ORG_WORDS:
            return True
    return False


def _org_kind(part: list) -> str:
    return _org_kind_words([_head(t.low) for t in part])


def _org_kind_words(words: list) -> str:
    for w in words:
        if w in L.MEDIA_HEADS:
            return "media"
    for w in words:
        if w in L.GOV_HEADS:
            return "government"
    return "organisation"
