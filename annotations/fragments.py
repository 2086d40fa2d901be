"""Keys for rendered fragments kept in the `fragments` cache (`{% cache … using="fragments" %}`).

A fragment is kept under a digest of everything it shows, not under a name that a write must
remember to clear: any change to what it shows makes a new key, so a kept fragment is never
stale, and the old one simply ages out of the cache.
"""

from __future__ import annotations

import hashlib


def fragment_key(*shown) -> str:
    """A digest of `shown` (values whose repr is their content: strings, numbers, tuples, lists)."""
    return hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
