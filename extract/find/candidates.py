"""Where a directive mention can start, listed by two cheap scans of the whole document
(issue 16: the directive finder used to try its patterns at every position of every
region and look for a type word before every number).

- A designation starts with a number of at most five digits, maybe a letter, maybe a
  space, then a dash or a slash (``04-CT/TW``, ``144/2013/NĐ-CP``, ``105-QĐ-TW``: the
  PARTY, STATE and PARTY_DASH forms all begin so). The dashes and slashes are found with
  ``str.find`` (C, fast) and from each a short backwards search reads the number's start.
- A short form's number follows a type word, maybe ``số``, and spaces (``type_before`` in
  directives.py); ``number_after`` builds the one search that lists the numbers standing
  right after what a type word or ``số`` ends with.

Both lists are supersets: the finder tries its patterns there and only there, and finds
what trying them at every position (or before every number) would find
(tests/test_fast_paths.py checks this against the plain scan). Every search is bounded:
no position is read more than a few times.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import lexicon

_DASHES = "/-–—"
_ASCII_DIGITS = frozenset("0123456789")
_NUMBER_BEFORE = regex.compile(r"(?r)(?<!\d)\d{1,5}[a-zA-Z]?[ \t\u00a0]?\Z")  # ends where the dash is


def number_after(ends: set[str]) -> regex.Pattern[str]:
    """The start of every number written right after one of ``ends`` (case-insensitive)
    and spaces. The one-letter class is the same test on the last letter only: it turns
    most numbers away at less cost than the alternation."""
    last = "".join(sorted({regex.escape(e[-1]) for e in ends}))
    return regex.compile(
        rf"(?<!\d)(?<=(?i:[{last}])[ \t\u00a0]*)(?<=(?i:{lexicon.alternation(list(ends))})[ \t\u00a0]*)\d"
    )


def candidates(text: str, short_gate: regex.Pattern[str]) -> tuple[list[int], list[int]]:
    """(where a designation may start, where a short form's number may start), in order."""
    desig_at = []
    for dash in _DASHES:
        i = text.find(dash)
        while i >= 0:
            m = _NUMBER_BEFORE.search(text, i - 7 if i > 7 else 0, i)  # 5 digits, a letter, a space
            if m is not None and not (dash == "/" and _date_part_after(text, i + 1)):
                desig_at.append(m.start())
            i = text.find(dash, i + 1)
    desig_at.sort()
    return desig_at, [m.start() for m in short_gate.finditer(text)]


def _date_part_after(text: str, pos: int) -> bool:
    """Whether what follows a slash at ``pos`` (after at most one space) is a digit that
    starts no year (``12/3/2021``, ``15/10``). No designation starts at the number before
    such a slash: the dash forms need a dash there, and the slash form (STATE in
    directives.py) a letter after the slash, or a year (``19``/``20`` and two digits)
    then a slash. So the number is no candidate, and a line of dates needs no look."""
    if pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return text[pos : pos + 1] in _ASCII_DIGITS and text[pos : pos + 2] not in ("19", "20")


def designation_matches(
    text: str, start: int, end: int, designation: regex.Pattern[str], desig_at: list[int]
) -> Iterator[regex.Match[str]]:
    """The designations of a region as ``designation.finditer(text, start, end)`` gives
    them: the pattern tried at each candidate in turn from the end of the last match (no
    match starts elsewhere)."""
    last = start
    for at in desig_at:
        if at >= last:
            m = designation.match(text, at, end)
            if m is not None:
                last = m.end()
                yield m
