"""What stands right before a number: a qualifier (``trên``, ``gần``: the ``approx``
attribute of amounts and counts) or a vague word (``vài``, ``hàng``: no number at all).

Scraped text glues words together (``đượctrên 250 tỷ``); a qualifier glued to the end of
another word still qualifies when what it is glued to is a whole syllable (it holds a
vowel): ``được|trên`` is two words, while ``n|ước`` in ``nước`` or ``tr|ước`` in ``trước``
is one word that merely ends like ``ước``.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from .. import lexicon
from .spans import WS

_VOWELS = frozenset("aeiouy")


def has_vowel(word: str) -> bool:
    """True when ``word`` holds a vowel letter: a Vietnamese syllable always does, so a
    run of letters without one (``n``, ``tr``, ``km``) is a fragment or a unit, not a word."""
    base = unicodedata.normalize("NFD", word.lower())
    return any(ch in _VOWELS for ch in base)


def glued_word_before(text: str, pos: int, floor: int = 0) -> str:
    """The letters glued right before ``pos`` (empty when a space or punctuation stands there)."""
    k = pos
    while k > floor and pos - k < 24 and text[k - 1].isalpha():
        k -= 1
    return text[k:pos]


@functools.cache
def _qualifier_regex(glued: bool) -> tuple[regex.Pattern[str], dict[str, str | None]]:
    """The qualifier written right before a number; ``glued`` lets it follow letters."""
    data = lexicon.load("qualifiers")
    quals = {k.lower(): v for k, v in data["qualifiers"].items()}
    bridge = lexicon.alternation(data["qualifier_bridge"])
    cmp_words = lexicon.alternation(data["comparison_before"])
    start = "" if glued else r"(?<![\p{L}])"
    pattern = regex.compile(  # searched backwards from the number: anchored at its start
        rf"(?ri)(?:(?<![\p{{L}}])(?P<cmp>{cmp_words}){WS}+)?{start}(?P<q>{lexicon.alternation(list(quals))})"
        rf"(?:{WS}+(?:{bridge}))?{WS}*\Z"
    )
    return pattern, quals


def qualifier_before(text: str, pos: int, floor: int = 0) -> str | None:
    """The ``approx`` value of the qualifier written right before ``pos`` (SPEC section 4).

    ``trên 196 tỷ`` -> over, ``tối đa là 75 triệu`` -> at_most; a comparison such as
    ``ít hơn 1 khoản`` or ``cao hơn 5 tỷ`` is not a qualifier and gives None; a qualifier
    glued to a whole word before it (``đượctrên``) still counts.
    """
    pattern, quals = _qualifier_regex(False)
    m = pattern.search(text, max(floor, pos - 40), pos)
    if m is None:
        pattern, _ = _qualifier_regex(True)
        m = pattern.search(text, max(floor, pos - 40), pos)
        if m is None or not text[m.start("q") - 1 : m.start("q")].isalpha():
            return None
        glued = glued_word_before(text, m.start("q"), max(floor, m.start("q") - 24))
        if not has_vowel(glued) or glued.lower() in _comparisons():
            return None  # "nước": the letters before "ước" are no syllable; "caohơn" compares
    if m.group("cmp"):
        return None
    return quals[" ".join(m.group("q").lower().split())]


@functools.cache
def _comparisons() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load("qualifiers")["comparison_before"])


@functools.cache
def _vague_regex() -> regex.Pattern[str]:
    data = lexicon.load("numbers")
    words, heads = lexicon.alternation(data["vague_before"]), lexicon.alternation(data["vague_not_after"])
    return regex.compile(rf"(?ri)(?<![\p{{L}}])(?<!(?<![\p{{L}}])(?:{heads}){WS}+)(?:{words}){WS}*\Z")


def vague_before(text: str, pos: int, floor: int = 0) -> bool:
    """``vài`` | ``trăm triệu``: a vague word written right before ``pos``."""
    return bool(_vague_regex().search(text, max(floor, pos - 12), pos))
