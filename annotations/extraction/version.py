"""The extraction engine's version: a digest of this package's source.

Every change to the rules gives a new version by itself, so a stored suggestion
always names the engine that made it without anyone remembering to bump a number.
"""

import hashlib
from pathlib import Path


def _digest() -> str:
    h = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


ENGINE_VERSION = _digest()
