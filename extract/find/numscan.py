"""Fast scans for the number finder (``numbers.py``): where digit runs, scale words and
the number words before a counted noun stand.

Why a module of its own: the number stage reads every character of every paragraph, and
a regex whose first character is common (``t``, ``n`` and a space are) costs tens of
nanoseconds per character in ``re``. Each scan here lets C do the per-character work with
what is fastest for it (``str.find`` on a literal, the ``regex`` module for digit runs) and
then checks every candidate with the general pattern, so that the positions found are
exactly those the general pattern finds (each function says why).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .names import literal_trie

_LOWERED: list[tuple[str, str]] = [("", "")]  # the last text and its lower-cased copy


def lowered(text: str) -> str:
    """``text`` in lower case, offset for offset, computed once per document (the number
    finder and the money cues both read it). A character whose lower case is two
    characters (``İ``) stays as written, so offsets never move."""
    entry = _LOWERED[0]
    if entry[0] is text:
        return entry[1]
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _LOWERED[0] = (text, low)
    return low


DIGIT_RUN = r"\d+(?:[.,]\d+)*"
_DIGITS_FAST = regex.compile(DIGIT_RUN)  # the regex module skips to a digit faster than re
_DIGITS_EXACT = re.compile(DIGIT_RUN)


def digit_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans ``re.finditer(DIGIT_RUN, text, start, end)`` gives, found about twice as fast.

    ``regex`` and ``re`` agree on ASCII digits; on other decimal digits they may not (each
    has its own Unicode version; ``regex`` is the newer, so it knows every digit ``re``
    knows). So when a run holds anything but ASCII, the region is read again with ``re``:
    without such a run, both see the same digits, and the same pattern finds the same runs.
    """
    runs = [m.span() for m in _DIGITS_FAST.finditer(text, start, end)]
    if not all(text[s:e].isascii() for s, e in runs):
        runs = [m.span() for m in _DIGITS_EXACT.finditer(text, start, end)]
    return runs


def _reach(regions: Sequence[Sequence[int]]) -> tuple[int, int]:
    """The stretch of text the regions span (one scan of it serves every region)."""
    return min(r[0] for r in regions), max(r[1] for r in regions)


def digit_runs_by_region(text: str, regions: Sequence[Sequence[int]]) -> list[list[tuple[int, int]]]:
    """``[digit_runs(text, a, b) for a, b in regions]``, from one scan of the text the
    regions span (a document's regions are its title and paragraphs).

    The digit pattern reads nothing before or after its match, so each run is decided by
    the characters from its start to its end: a region's own scan finds exactly the runs
    of the longer scan that lie inside it, unless a run of the longer scan crosses one of
    its two edges (``12|.345``); that region is then read alone."""
    if not regions:
        return []
    runs = digit_runs(text, *_reach(regions))
    starts = [s for s, _ in runs]
    out = []
    for a, b in regions:
        i, j = bisect_left(starts, a), bisect_left(starts, b)
        if (i and runs[i - 1][1] > a) or (j > i and runs[j - 1][1] > b):
            out.append(digit_runs(text, a, b))
        else:
            out.append(runs[i:j])
    return out


def literal_starts_by_region(
    text: str, words: tuple[str, ...], regions: Sequence[Sequence[int]]
) -> list[list[int]]:
    """``[literal_starts(text, words, a, b) for a, b in regions]``, from one search per
    word over the text the regions span: ``str.find`` between ``a`` and ``b`` finds the
    occurrences that begin at ``a`` or later and end by ``b``, the same ones this keeps."""
    if not regions:
        return []
    low = lowered(text)
    lo, hi = _reach(regions)
    hits: list[tuple[int, int]] = []  # (start, end) of every occurrence
    for w in words:
        i = low.find(w, lo, hi)
        while i >= 0:
            hits.append((i, i + len(w)))
            i = low.find(w, i + 1, hi)
    hits.sort()
    starts = [s for s, _ in hits]
    return [[s for s, e in hits[bisect_left(starts, a) : bisect_left(starts, b)] if e <= b] for a, b in regions]


def literal_starts(text: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    """Every position in [start, end) where one of ``words`` (lower case) is written in any
    case, in the order of the text: ``str.find`` over the lower-cased copy."""
    low = lowered(text)
    out: list[int] = []
    for w in words:
        i = low.find(w, start, end)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1, end)
    out.sort()
    return out


@dataclass(frozen=True)
class Anchors:
    """Where a written-out count can stand: a number word, spaces, and the first word of a
    counted noun (``lăm`` | ``hội viên``). ``pattern`` says it as one regex,
    ``(?:forms)[ \\t\\u00a0]+(?=(?:heads))``, whose first characters are among the most
    common of the language; :meth:`stops_by_region` gives the ends of its matches from a
    scan for a space and a head instead (``re`` skips to a literal first character in C)."""

    pattern: re.Pattern[str]
    forms: frozenset[str]  # the number words as the pattern writes them
    heads: tuple[str, ...]  # first words of counted nouns, as the pattern's lookahead reads them

    @functools.cached_property
    def _space_head(self) -> re.Pattern[str]:
        # a space, a head after it, and before it a number word or another space: each
        # test only where the one before holds (a head follows few spaces, a number word
        # precedes fewer heads); a lookbehind holds one width, so one per word length
        lengths = sorted({len(w) for w in self.forms}, reverse=True)
        behind = "|".join(
            f"(?<=(?:{'|'.join(re.escape(w) for w in sorted(w for w in self.forms if len(w) == n))}) )" for n in lengths
        )
        return re.compile(f" (?=(?:{literal_trie(self.heads)}))(?:{behind}|(?<=  ))")

    @functools.cached_property
    def _lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(w) for w in self.forms}))

    @functools.cached_property
    def _longest_head(self) -> int:
        return max(map(len, self.heads))

    def stops(self, text: str, start: int, end: int) -> list[int]:
        """``[m.end() for m in pattern.finditer(text, start, end)]``."""
        return self.stops_by_region(text, [(start, end)])[0]

    def stops_by_region(self, text: str, regions: Sequence[Sequence[int]]) -> list[list[int]]:
        """:meth:`stops` for each region, from one scan of the text the regions span.

        A match of ``pattern`` ends where the space run before a head ends (its spaces are
        greedy and a head starts with a letter), and it exists exactly when one of
        ``forms`` ends where that run begins and starts in the region, and a head begins
        where the run ends and ends in the region; the word and the spaces hold no other
        head, so no match hides another. So the scan finds each head after a space (its
        run's last space) with a number word or another space before that space: every
        match's head, and few others. Python then looks back over the run for a number
        word that begins in the region. That holds for runs of plain spaces; a region
        with a tab or a no-break space (rare) runs the pattern itself."""
        if not regions:
            return []
        lo, hi = _reach(regions)
        odd = text.find("\t", lo, hi) >= 0 or text.find("\u00a0", lo, hi) >= 0
        heads = [m.end() for m in self._space_head.finditer(text, lo, hi)]
        lengths, longest_head, forms = self._lengths, self._longest_head, self.forms
        out = []
        for a, b in regions:
            if odd and (text.find("\t", a, b) >= 0 or text.find("\u00a0", a, b) >= 0):
                out.append([m.end() for m in self.pattern.finditer(text, a, b)])
                continue
            stops = []
            for h in heads[bisect_left(heads, a + 1) : bisect_left(heads, b)]:
                if h + longest_head > b and not any(text.startswith(w, h, b) for w in self.heads):
                    continue  # the head found runs past the region's end, and no shorter one fits
                j = h - 1
                while j > a and text[j - 1] == " ":
                    j -= 1
                for n in lengths:
                    if j - n < a:
                        break
                    if text[j - n : j] in forms:
                        stops.append(h)
                        break
            out.append(stops)
        return out


class WordGate(dict):
    """Could one of ``words`` begin at a position? A gate before a per-number regex.

    Most numbers are followed by a word that is no currency and no counted noun, and the
    regex that says so, called once per number, costs more than the rest of the number's
    work; the next three characters answer for most of them (``thá`` of ``tháng`` begins
    no counted noun). The answer comes from the same engine and case rule (``regex``,
    simple case folding under ``(?i)``) as the full pattern: an alternation of the words'
    first three characters (a shorter word whole), so it is "no" only where every word of
    the full pattern fails. Answers are remembered per three characters (a bounded memo)."""

    PREFIX = 3
    MEMO = 50_000  # distinct keys kept before the memo starts again (memory stays bounded)

    def __init__(self, insensitive: list[str], sensitive: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__()
        k = self.PREFIX
        parts = []
        if insensitive:
            parts.append(f"(?i:{'|'.join(sorted({regex.escape(w[:k]) for w in insensitive}))})")
        if sensitive:
            parts.append("|".join(sorted({regex.escape(w[:k]) for w in sensitive})))
        self._prefix = regex.compile("|".join(parts) or r"(?!)")
        # a word that could begin with what the gate skips: the gate cannot say no
        self._always = any(not w or w[0] in " \t\u00a0&" for w in [*insensitive, *sensitive])

    def __missing__(self, key: str) -> bool:
        if len(self) >= self.MEMO:
            self.clear()
        ok = self[key] = bool(self._prefix.match(key))
        return ok

    def after(self, text: str, pos: int, limit: int) -> bool:
        """May ``WS*`` then one of the words match at ``pos`` and begin before ``pos +
        limit`` (``WS`` as in spans.py: a space, tab, no-break space or a literal
        ``&nbsp;``)? False only when it cannot: spaces are skipped, a ``&`` (an ``&nbsp;``
        maybe) answers yes; the walk is bounded as the full pattern's window is."""
        if self._always:
            return True
        n = min(len(text), pos + limit)
        while pos < n:
            ch = text[pos]
            if ch in " \t\u00a0":
                pos += 1
                continue
            return ch == "&" or self[text[pos : pos + self.PREFIX]]
        return False
