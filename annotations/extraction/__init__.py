"""Find attributed statements (who alleges, denies or declines to comment) in Dutch and English news.

Plain strings in, dataclasses out; no Django imports anywhere in this package.

    >>> from annotations.extraction import extract
    >>> [s.source for s in extract('"Geen commentaar", zegt woordvoerder Jan Smit.')]
    ['Jan Smit']
"""

import gc

from .engine import extract_statements
from .language import detect_language
from .statement import Statement

__all__ = ["Statement", "detect_language", "extract"]


def extract(text: str, lang: str | None = None) -> list[Statement]:
    """Return the statements attributed to sources in text, in text order.

    lang is "nl" or "en"; None (or anything else) detects it. Never raises on odd
    input: empty, whitespace-only or non-string text gives an empty list.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    if lang not in ("nl", "en"):
        lang = detect_language(text)
    # The engine allocates hundreds of thousands of small acyclic objects (tokens, spans);
    # the cyclic collector's passes over them find nothing and cost about a tenth of the time.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return extract_statements(text, lang)
    finally:
        if paused:
            gc.enable()
