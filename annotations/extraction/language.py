"""Tell Dutch from English by counting frequent function words."""

import re

_WORD = re.compile(r"[^\W\d_]+")

_NL = frozenset(
    "de het een en van in is dat op te zijn met voor niet aan er die ook als bij door"
    " maar om dan nog wel naar uit wordt werd heeft hebben zou zouden over tot geen"
    " wat kan zich deze dit hij ze zij wij we ik hun haar volgens zegt zei was".split()
)
_EN = frozenset(
    "the a an and of in is that on to be with for not at by from this it as was were"
    " are has have had he she they we i his her their said says would will but or which"
    " who been there about after into than its".split()
)
# Words in both lists ("in", "is", "was", "we") count for neither.
_BOTH = _NL & _EN

# Reading the first 20,000 characters is plenty to decide and keeps this O(1) on huge inputs.
_SAMPLE = 20_000


def detect_language(text: str) -> str:
    """Return "nl" or "en" for the text; English when there is no evidence either way."""
    nl = en = 0
    for m in _WORD.finditer(text[:_SAMPLE]):
        w = m.group().lower()
        if w in _BOTH:
            continue
        if w in _NL:
            nl += 1
        elif w in _EN:
            en += 1
    return "nl" if nl > en else "en"
