"""Finding number expressions in text: digit groups, written-out numbers and their scale
words, as the money and count finders need them (the values come from numparse.py).

Scraped text is read through: a number glued to the word before or after it
(``Gia Lai12 dự án``, ``250tỷđồng``, ``12.345hội viên``) and a literal ``&nbsp;`` between
words are read as if spaced (SPEC section 11); codes (``K13``, ``QL1A``) and units
(``km2``) are not numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .. import lexicon
from .numparse import NumberWords, _WordsParser, parse_digits, parse_number, to_json_number, vocabulary
from .numscan import Anchors, WordGate, digit_runs_by_region, literal_starts_by_region
from .qualifiers import glued_word_before, has_vowel, vague_before
from .qualifiers import qualifier_before as _qualifier_before
from .spans import WINDOW

__all__ = [
    "NumberSpan", "NumberWords", "find_number_spans", "find_numbers", "parse_digits", "parse_number", "qualifier_before",
    "to_json_number", "vague_number", "vocabulary",
]


@dataclass(frozen=True)
class NumberSpan:
    """A number expression found in the text: ``text[start:end]`` parses to ``value``."""

    start: int
    end: int
    value: Decimal
    has_scale: bool


@functools.cache
def _scans() -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
    """The scale-word pattern, the lower-case scale words it finds, and the set of number
    words.

    Scanning every position for some forty number words costs more than all the rest of
    the number work together, so written-out numbers are looked for only right before the
    words that make them matter: a scale word (``hai mươi triệu``) or, through
    ``anchors``, a counted noun (``hai mươi lăm hội viên``). Scale words are found as
    written, capitalised or in a headline's capitals (``40 TỶ``), and glued to a currency
    word after them (``250tỷđồng``).
    """
    v = vocabulary()
    forms = {f for x in [*v.scales, *v.half_after] for f in (x, x[0].upper() + x[1:], x.upper())}
    scales = sorted(forms, key=len, reverse=True)
    scale = re.compile(rf"(?:{'|'.join(re.escape(w) for w in scales)})(?:(?![^\W\d_])|(?={_glued_chain()}))")
    lower = tuple(sorted({f.lower() for f in forms}))
    words = frozenset(w.lower() for w in [*v.words, *v.half_after])
    return scale, lower, words


_GAP = re.compile(r"(?:[ \t\u00a0]|&nbsp;?){1,3}")
_GAP_MAX = 3 * len("&nbsp;")  # the longest _GAP; a comma group (_GROUP_COMMA) is shorter
_SPACES = frozenset(" \t\u00a0")
_GROUP_COMMA = re.compile(r",[ \t\u00a0]{1,3}")  # "Ba tỷ, hai trăm triệu": written-out groups


@functools.cache
def _glued_chain() -> str:
    """Words that may be glued to a number, one after another (``250tỷđồng``).

    At most six: the chain is read in a look-ahead at every scale word, and an unbounded
    one would re-read a long glued run (``5tỷtỷtỷ...x``) from each of its words, quadratic
    time; real text glues two or three."""
    words = sorted(lexicon.load("numbers")["glued_after"], key=len, reverse=True)
    return rf"(?:{'|'.join(re.escape(w) for w in words)}){{1,6}}(?![^\W\d_])"


@functools.cache
def _glued() -> re.Pattern[str]:
    return re.compile(_glued_chain())


@functools.cache
def _slash_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load("numbers")["glued_after"])


_LETTER_DASH = re.compile(r"[^\W\d_][-–]$")


def _glued_before_ok(text: str, s: int) -> bool:
    """``Gia Lai12 dự án``, ``mức38,5``: digits glued to a lower-case word before them are a
    number; an upper-case letter (``K13``, ``QL1A``, ``H5N1``) or letters that are no
    syllable (``m2``, ``km2``) make a code or a unit instead."""
    word = glued_word_before(text, s, max(0, s - 24))
    return len(word) >= 2 and word[-1].islower() and has_vowel(word)


def _digit_token_ok(text: str, s: int, e: int) -> bool:
    """The boundary rules of a digit number: not inside a code (K13, F-16, QL1A), a
    path-like token (06/7/2011) or a longer number; glued words are read through."""
    if text[s - 1 : s] == " " and text[e : e + 1] == " ":
        return True  # the common case: a space on each side, where no rule below says no
    before = text[s - 1] if s else " "
    if before.isdigit() or (before.isalpha() and not _glued_before_ok(text, s)):
        return False
    # "4.100 tỷ đồng/3.200 tỷ đồng": a second amount after a currency word and a slash
    if before == "/" and glued_word_before(text, s - 1, max(0, s - 24)).lower() not in _slash_words():
        return False
    if before in "-–" and _LETTER_DASH.search(text, max(0, s - 2), s):
        return False
    after = text[e] if e < len(text) else " "
    if after.isalpha():  # 400.000đ, 8.500.000USD, 250tỷđồng, 12.345hội viên
        return after.islower() or bool(_glued().match(text, e))
    if after.isalnum() or after == "/":
        return False
    nxt = text[e + 1] if e + 1 < len(text) else " "
    if after in ".," and nxt.isdigit():
        return False
    return not (after in "-–" and nxt.isalpha())


def _nbsp_at(text: str, pos: int) -> bool:
    return text.startswith("&nbsp", pos)


def _nbsp_before(text: str, pos: int) -> bool:
    return text.endswith("&nbsp", 0, pos) or text.endswith("&nbsp;", 0, pos)


def find_number_spans(
    text: str,
    start: int = 0,
    end: int | None = None,
    anchors: Anchors | re.Pattern[str] | None = None,
    keep: WordGate | None = None,
) -> list[NumberSpan]:
    """Every number expression in ``text[start:end]``: digits or words with their scale
    words (``3.685,3 triệu``, ``1 tỷ 200 triệu``, ``2 triệu rưỡi``, ``hai mươi lăm``).

    Written-out numbers are found before scale words and before the end of each match
    of ``anchors`` (a number word and the counted noun after it, for counts).

    ``keep`` (the pipeline's :func:`counts.number_gate`) leaves out the digit groups after
    which none of its words can begin: such a group joins no other token, and is no
    amount, no count and no low end of a range (each needs one of those words after it),
    so the stages after give what they give with it. It stays a token of kind ``x``
    where the grouping of the tokens around it could depend on it (see
    :func:`_region_numbers`)."""
    return find_numbers(text, [(start, len(text) if end is None else end)], anchors, keep)


def find_numbers(
    text: str,
    regions: Sequence[Sequence[int]],
    anchors: Anchors | re.Pattern[str] | None = None,
    keep: WordGate | None = None,
) -> list[NumberSpan]:
    """:func:`find_number_spans` for each region in turn, one list: the numbers stage.

    The scans for digits, scale words and counted nouns run once over the text the
    regions span, not once per region; each gives every region what a scan of that
    region alone gives (numscan.py's ``*_by_region`` functions say why)."""
    _, scale_lower, _ = _scans()
    runs = digit_runs_by_region(text, regions)
    scales = literal_starts_by_region(text, scale_lower, regions)
    if isinstance(anchors, Anchors):
        stops = anchors.stops_by_region(text, regions)
    elif anchors is not None:
        stops = [[m.end() for m in anchors.finditer(text, a, b)] for a, b in regions]
    else:
        stops = [[] for _ in regions]
    out: list[NumberSpan] = []
    for (start, end), region_runs, region_scales, region_stops in zip(regions, runs, scales, stops, strict=True):
        out.extend(_region_numbers(text, start, end, region_runs, region_scales, region_stops, keep))
    return out


def _region_numbers(
    text: str,
    start: int,
    end: int,
    runs: list[tuple[int, int]],
    scale_starts: list[int],
    anchor_stops: list[int],
    keep: WordGate | None,
) -> list[NumberSpan]:
    """The numbers of one region, from where its digit runs, scale words and anchors stand.

    A digit group that ``keep`` leaves out becomes a token of kind ``x`` only where the
    region holds a written-out number word (kind ``w``): an ``x`` token never joins a
    chain and never starts one, and as a chain's neighbour the digits between make every
    gap test fail with it or without it; the one place its presence shows is
    :func:`_smaller_group`, which walks the tokens after a comma inside a chain that
    begins with a word. Without a ``w`` token no such chain exists, so its tokens would
    change nothing and are not made (most regions: half the digit tokens)."""
    v = vocabulary()
    scale, _, words = _scans()
    tokens: dict[int, tuple[int, int, str]] = {}  # start -> (start, end, kind)
    word_stops = []
    # The scale pattern matches where a scale word starts in any case (no two matches can
    # overlap: no scale word begins with the end of another), so trying it only where
    # str.find sees one in the lower-cased text gives exactly its finditer matches.
    for s0 in scale_starts:
        m = scale.match(text, s0, end)
        if m is None:
            continue
        if s0 > start and text[s0 - 1].isalnum() and not text[s0 - 1].isdigit() and not _nbsp_before(text, s0):
            continue  # inside a longer word
        half = m.group().lower() in v.half_after
        tokens[s0] = (s0, m.end(), "h" if half else "s")
        if not half:
            word_stops.append(s0)
    word_stops.extend(anchor_stops)
    for stop in word_stops:
        _words_before(text, stop, start, words, v, tokens)
    # (digit tokens start at digits, scale and word tokens at letters: the order in which
    # they are added changes nothing)
    spare = keep is not None and not _x_tokens_matter(tokens)
    for s0, e in runs:
        nxt = text[e : e + 1]
        if nxt in _SPACES:  # (the slice and strip only where a space follows: most digits are followed by punctuation)
            nxt = text[e : e + 3].lstrip(" \t\u00a0")[:1]
        if not (nxt.isalpha() or nxt in "-–—~" or _nbsp_at(text, e)):
            continue  # nothing a money or count reading needs follows (", ", ")", "%", end)
        kept = keep is None or keep.after(text, e, WINDOW)
        if (kept or not spare) and _digit_token_ok(text, s0, e):
            tokens[s0] = (s0, e, "d" if kept else "x")
    ordered = [tokens[k] for k in sorted(tokens)]
    return _group(text, ordered)


def _x_tokens_matter(tokens: dict[int, tuple[int, int, str]]) -> bool:
    """Could a left-out digit group (kind ``x``) change how these tokens group? Only
    when a written-out number word is among them (see :func:`_region_numbers`)."""
    return any(k == "w" for _, _, k in tokens.values())


def _words_before(text: str, stop: int, floor: int, words: frozenset[str], v: NumberWords, tokens: dict) -> None:
    """Add the number words written right before ``stop`` (``hai mươi lăm`` | hội viên).
    A walk ends at a word already added from a later stop, so each word is read once."""
    pos = stop
    while True:
        j = pos
        while j > floor and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == pos or j <= floor:
            return
        k = j
        while k > floor and text[k - 1].isalpha():
            k -= 1
        word = text[k:j]
        if not word or word.lower() not in words or (k > floor and text[k - 1].isdigit()):
            return
        kind = "h" if word.lower() in v.half_after else "w"
        if k in tokens:
            return  # already walked from a later stop: the rest is known
        tokens[k] = (k, j, kind)
        pos = k


def _group(text: str, tokens: list[tuple[int, int, str]]) -> list[NumberSpan]:
    """Join adjacent tokens into number expressions: each chain is fed to the parser
    token by token and ends at the last token that still parses (one pass, linear)."""
    out: list[NumberSpan] = []
    i = 0
    n = len(tokens)
    broken = -1  # a token the chain before it could not take: what starts there is a fragment
    while i < n:
        s0, e0, k0 = tokens[i]
        if k0 not in ("d", "w"):
            i += 1
            continue
        if k0 == "w" and out and out[-1].end < s0 and _GAP.fullmatch(text, out[-1].end, s0) and text[s0:e0].lower() == "năm":
            i += 1  # "hai năm hợp đồng": after a number, "năm" is the noun "year"
            continue
        if k0 == "d" and not (i + 1 < n and _joins(text, tokens, i, k0)):  # the common case: a lone digit group
            try:  # noqa: SIM105 - contextlib.suppress costs a context manager per digit group
                out.append(NumberSpan(s0, e0, parse_digits(text[s0:e0]), False))
            except ValueError:
                pass
            i += 1
            continue
        parser = _WordsParser()
        last, value, has_scale, j = i - 1, None, False, i
        while parser.feed(text[tokens[j][0] : tokens[j][1]]):
            last, value = j, parser.value
            has_scale = has_scale or tokens[j][2] == "s"
            if j + 1 >= n or not _joins(text, tokens, j, k0):
                break
            j += 1
        # "Một trăm hai tám tỷ": the words from "tám" on are the tail of a number that does
        # not parse whole; read alone they would give a wrong value, so they give none
        fragment = k0 == "w" and i == broken
        if last >= i and value is not None and not fragment:
            out.append(NumberSpan(s0, tokens[last][1], value, has_scale))
        broken = j if j > last and j < n else -1
        i = max(last, i) + 1
    return out


def _joins(text: str, tokens: list[tuple[int, int, str]], j: int, first: str) -> bool:
    """May token j+1 continue the expression that token j ends?"""
    _, e, k = tokens[j]
    s2, _, k2 = tokens[j + 1]
    if s2 - e > _GAP_MAX:
        return False  # farther apart than any gap or comma group (the common case, decided at once)
    if s2 != e and not _GAP.fullmatch(text, e, s2):
        return first == "w" and k == "s" and k2 == "w" and bool(_GROUP_COMMA.fullmatch(text, e, s2)) and _smaller_group(text, tokens, j)
    if first == "d":  # 3.685,3 triệu | 1 tỷ 200 triệu | 2 triệu rưỡi | nghìn tỷ
        if k2 == "s" or k2 == "h":
            return k in ("d", "s")
        if k2 == "d":  # a digit group continues only after a scale and before another
            return k == "s" and j + 2 < len(tokens) and tokens[j + 2][2] == "s" and bool(
                _GAP.fullmatch(text, tokens[j + 1][1], tokens[j + 2][0]) or tokens[j + 1][1] == tokens[j + 2][0]
            )
        return False
    return k2 in ("w", "s", "h")


def _smaller_group(text: str, tokens: list[tuple[int, int, str]], j: int) -> bool:
    """``Ba tỷ, hai trăm triệu``: after a comma, a written-out group continues the number
    only when its scale is smaller than the one before the comma (``hai tỷ, ba tỷ`` is a
    list of two numbers)."""
    scales = vocabulary().scales

    def power(k: int, step: int) -> int:
        total = 0
        while 0 <= k < len(tokens) and tokens[k][2] == "s" and abs(k - j) < 16:
            total += scales.get(text[tokens[k][0] : tokens[k][1]].lower(), 0)
            k += step
        return total

    k = j + 1
    while k < len(tokens) and tokens[k][2] == "w" and k - j < 16:
        k += 1
    after = power(k, 1) if k < len(tokens) else 0
    return 0 < after < power(j, -1)


# Qualifiers and vague words live in qualifiers.py; these names stay importable from here.
qualifier_before = _qualifier_before


def vague_number(text: str, num: NumberSpan, floor: int = 0) -> bool:
    """``vài trăm triệu``, ``hàng nghìn``, ``trăm triệu``: a vague quantity, not a number."""
    first = text[num.start : num.end].split(None, 1)[0].lower()
    v = vocabulary()
    if first in v.hundred or first in v.tens_marker or first in v.scales:
        return True
    return vague_before(text, num.start, floor)
