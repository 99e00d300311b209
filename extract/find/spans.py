"""A sorted set of spans with logarithmic look-ups, so that no extractor does a linear
scan per number (which turns into quadratic time on a document full of numbers)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class SpanIndex:
    """Spans merged where they overlap; ``overlaps`` and ``containing`` are O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int] | list[int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted((int(a), int(b)) for a, b in spans):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return self.spans[i][0], self.spans[i][1]
        return None


WINDOW = 120  # characters a look-ahead pattern may read: every match is bounded (see README)


def clause_bounds(text: str, pos: int, floor: int, ceil: int) -> tuple[int, int]:
    """The stretch of text around ``pos`` up to sentence punctuation (a cheap sentence),
    looked for within a bounded window so that long lines stay linear."""
    floor, ceil = max(floor, pos - 400), min(ceil, pos + 400)
    left = max(text.rfind(ch, floor, pos) for ch in ".!?\n")
    left = floor if left < floor else left + 1
    rights = [i for i in (text.find(ch, pos, ceil) for ch in "!?\n") if i >= 0]
    dot = pos
    while True:  # a "." inside a number (3.685) does not end the clause
        dot = text.find(".", dot, ceil)
        if dot < 0 or not (dot + 1 < len(text) and text[dot + 1].isdigit()):
            break
        dot += 1
    if dot >= 0:
        rights.append(dot)
    return left, min(rights) if rights else ceil


# White space between words as scraped text has it: spaces, tabs, no-break spaces and a
# literal ``&nbsp;`` (or ``&nbsp``) left over from HTML (SPEC section 11).
WS = r"(?:[ \t\u00a0]|&nbsp;?)"
