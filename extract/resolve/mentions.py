"""The record's place or country mentions, searched by position.

Why: the kind of an amount can turn on a name near it (a province as the subject of
``đầu tư``, a foreign country as a loan's lender). The ``places`` and
``countries`` stages have already found every such name in the whole text, so the kind
stage looks them up here rather than finding names again inside each sentence, which would
both repeat the work and read a name cut by the window's edge differently.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol


class _Span(Protocol):
    start: int
    end: int


class Mentions:
    """Mentions in text order, with the spans lying inside a stretch found by bisection."""

    def __init__(self, found: Sequence[_Span]) -> None:
        self.found = list(found)
        self.starts = [m.start for m in self.found]

    def within(self, lo: int, hi: int) -> list:
        """The mentions lying wholly inside [lo, hi)."""
        out = []
        for m in self.found[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]:
            if m.end <= hi:
                out.append(m)
        return out
