"""Looking up written names (provinces, countries) in running text, fast and in linear time.

Why not one big regex alternation: with hundreds of names and case folding, a regex tries
every alternative at every position of every line, which made the place and country
stages the slowest of the pipeline. Names are proper names, so a name starts at a word
that begins with a capital letter and whose folded form begins some name: only there are
the next few words joined and looked up, longest first. The longest name at the leftmost
start wins and the scan goes on after it, as a regex alternation sorted longest first
would.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Generic, TypeVar

import regex

V = TypeVar("V")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}\p{N}]*")
_NEXT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]{1,4}[\p{L}\p{M}\p{N}]+")
_SPACE = regex.compile(r"\s+")
_DASH = regex.compile(r"\s*[-–—]\s*")


def key(form: str) -> str:
    """A written form as looked up: white space collapsed, dashes bare, case folded."""
    form = _DASH.sub("-", _SPACE.sub(" ", form.strip()))
    return unicodedata.normalize("NFC", form).casefold()


_NOT_PLAIN = frozenset("-–—\t\n\r\u00a0")


def _text_key(form: str) -> str:
    """``key`` for a stretch of canonical text (already NFC): a plain run of words with
    single spaces, the usual case, only needs case folding."""
    if "  " in form or not _NOT_PLAIN.isdisjoint(form):
        return key(form)
    return form.casefold()


class NameIndex(Generic[V]):
    """Names (already keyed) -> values; ``find`` yields the leftmost-longest matches."""

    def __init__(self, forms: dict[str, V]) -> None:
        self.forms = forms
        self.longest: dict[str, int] = {}  # first word -> most words of a name starting with it
        for form in forms:
            words = _TOKEN.findall(form)
            if words:
                self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, V]]:
        end = len(text) if end is None else end
        resume = start
        longest, forms = self.longest, self.forms
        for m in _CAPITALISED.finditer(text, start, end):
            s = m.start()
            if s < resume:
                continue
            most = longest.get(m.group().casefold(), 0)
            if not most:
                continue
            ends, pos = [m.end()], m.end()
            while len(ends) < most:  # the next words, each after a short gap
                nxt = _NEXT_WORD.match(text, pos, end)
                if nxt is None:
                    break
                pos = nxt.end()
                ends.append(pos)
            for e in reversed(ends):
                value = forms.get(_text_key(text[s:e]), _MISSING)
                if value is not _MISSING:
                    yield s, e, value
                    resume = e
                    break


_MISSING = object()


def form_regex(form: str) -> str:
    """A regex for one written form: any run of spaces for a space, any dash for a dash
    (for the short context patterns built from word lists)."""
    out = []
    for part in regex.split(r"(\s*[-–—]\s*|\s+)", form):
        if not part:
            continue
        if regex.fullmatch(r"\s*[-–—]\s*", part):
            out.append(r"\s*[-–—]\s*")
        elif part.isspace():
            out.append(r"[ \u00a0]+")
        else:
            out.append(regex.escape(part))
    return "".join(out)
