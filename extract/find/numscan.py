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
    common of the language; :meth:`stops` gives the ends of its matches from a scan that
    starts at a space instead (``re`` skips to a literal first character in C)."""

    pattern: re.Pattern[str]
    forms: frozenset[str]  # the number words as the pattern writes them
    heads: tuple[str, ...]  # first words of counted nouns, as the pattern's lookahead reads them

    @functools.cached_property
    def _fast(self) -> re.Pattern[str]:
        # at the first space after a word (`(?<!  )`: so that a long run of spaces is read
        # once, not once per space), spaces and a head follow, and a number word ends here
        behind = "|".join(
            f"(?<=(?:{'|'.join(re.escape(w) for w in sorted(ws))}) )"
            for ws in _by_length(self.forms)
        )
        return re.compile(rf" (?<!  )(?= *(?:{literal_trie(self.heads)}))(?:{behind}) *")

    def stops(self, text: str, start: int, end: int) -> list[int]:
        """``[m.end() for m in pattern.finditer(text, start, end)]``.

        A match of ``pattern`` ends where the space run before a head ends (its spaces are
        greedy and a head starts with a letter), and it exists exactly when one of ``forms``
        ends where that run begins and starts at ``start`` or later; the word and the spaces
        hold no other head, so no match hides another. ``_fast`` finds the same runs when
        they are of plain spaces (else the pattern itself runs, a tab or a no-break space
        there is rare); its lookbehind may see a word that begins before ``start``, so each
        of its few matches is checked for that."""
        if text.find("\t", start, end) >= 0 or text.find("\u00a0", start, end) >= 0:
            return [m.end() for m in self.pattern.finditer(text, start, end)]
        longest = max(map(len, self.forms))
        out = []
        for m in self._fast.finditer(text, start, end):
            j = m.start()
            if any(text[k:j] in self.forms for k in range(max(start, j - longest), j)):
                out.append(m.end())
        return out


def _by_length(words: frozenset[str]) -> list[list[str]]:
    """``words`` grouped by length, longest first (a lookbehind has one width)."""
    lengths = sorted({len(w) for w in words}, reverse=True)
    return [[w for w in words if len(w) == n] for n in lengths]


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
