"""A write refused because it was based on a stale view."""

from __future__ import annotations


class Conflict(Exception):
    """A write based on a stale view: someone else changed the row first."""

    def __init__(self, message: str, current=None):
        super().__init__(message)
        self.current = current
