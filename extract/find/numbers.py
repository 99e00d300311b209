"""The one Vietnamese number parser every extractor uses.

Digits are written the Vietnamese way: ``.`` groups thousands and ``,`` is the decimal
mark (``3.685,3`` = 3685.3, ``5.884.439`` = 5884439). Ambiguous forms are decided by
rule, and the rule is the same everywhere:

- ``d{1,3}(.ddd)+`` is a grouped integer (``2.899.847``, ``4.000``);
- ``.`` followed by one or two digits is an English-style decimal point (``1.5 triệu``),
  because a thousands group always has exactly three digits;
- ``,`` is a decimal comma (``1,234`` = 1.234), unless the number has several comma
  groups of three (``1,234,567``) or its only group is ``000`` (``2,000``): only English
  grouping writes those, nobody writes three trailing zeros after a decimal mark.

Scale words (``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ``) multiply, consecutive scales
multiply together (``nghìn tỷ`` = 10^12), mixed forms add up (``1 tỷ 200 triệu``) and
number words follow the same grammar (``hai mươi lăm``, ``Hai tỷ không trăm năm mươi
lăm triệu``). All arithmetic is ``Decimal``: ``3.685,3 triệu`` is exactly 3685300000.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

import regex

from .. import lexicon


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary from ``patterns/numbers.yaml``."""

    scales: dict[str, int]
    units: dict[str, int]
    after_tens: dict[str, int]
    ten: frozenset[str]
    tens_marker: frozenset[str]
    hundred: frozenset[str]
    filler: frozenset[str]
    half_before: frozenset[str]
    half_after: frozenset[str]

    @property
    def words(self) -> list[str]:
        """Every word that may stand inside a written-out number (scales excluded)."""
        return [
            *self.units, *self.after_tens, *self.ten, *self.tens_marker, *self.hundred,
            *self.filler, *self.half_before,
        ]


@functools.cache
def vocabulary() -> NumberWords:
    data = lexicon.load("numbers")
    return NumberWords(
        scales=dict(data["scales"]),
        units=dict(data["units"]),
        after_tens=dict(data["after_tens"]),
        ten=frozenset(data["ten"]),
        tens_marker=frozenset(data["tens_marker"]),
        hundred=frozenset(data["hundred"]),
        filler=frozenset(data["filler"]),
        half_before=frozenset(data["half_before"]),
        half_after=frozenset(data["half_after"]),
    )


_VI_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 8.500.000 | 3.685,3
_DECIMAL_COMMA = re.compile(r"\d+,\d+")  # 32,5
_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234,567 | 1,234.5
_EN_DECIMAL = re.compile(r"\d+\.\d{1,2}")  # 1.5
_PLAIN = re.compile(r"\d+")


def parse_digits(text: str) -> Decimal:
    """Parse one digit string written the Vietnamese way (see the module rules); a string
    in none of the known forms (``0.0,0.0``) raises ValueError."""
    s = text.strip()
    if _PLAIN.fullmatch(s):
        return Decimal(s)
    if _VI_GROUPED.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(s):
        if s.split(",")[1] == "000":
            return Decimal(s.replace(",", ""))  # 2,000: zeros are never written as decimals
        return Decimal(s.replace(",", "."))
    if _EN_GROUPED.fullmatch(s) and (s.count(",") > 1 or "." in s):
        return Decimal(s.replace(",", ""))  # 1,234,567 | 1,234.5: English grouping
    if _EN_DECIMAL.fullmatch(s):
        return Decimal(s)  # 1.5 (English decimal point)
    raise ValueError(f"not a number: {text!r}")


_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|\p{L}+")


def parse_number(text: str) -> Decimal | None:
    """Parse a number expression (digits or words, with scale words) to its exact value.

    Returns None when the words do not form a number (``hai năm`` is two units in a
    row, not a number). The grammar: units, ``mươi`` (x10), ``mười`` (10), ``trăm``
    (x100), fillers ``linh``/``lẻ``; a scale word multiplies everything before it when it
    is larger than what was accumulated (``nghìn tỷ``), else the current group
    (``2 tỷ 500 triệu``); ``rưỡi`` adds half the last multiplier; ``nửa`` is 0.5.
    """
    v = vocabulary()
    total = Decimal(0)  # completed part, already multiplied by scales
    group = Decimal(0)  # the part below the next scale word
    pending: Decimal | None = None  # a unit waiting for mươi/trăm/scale
    last_mult = Decimal(0)
    after_tens_ok = False
    seen = False
    prev_scale = False
    last_term = Decimal(0)
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if tok[0].isdigit():
            if pending is not None or group:
                return None
            try:
                pending = parse_digits(tok)
            except ValueError:
                return None
            after_tens_ok = False
        elif low in v.units:
            if pending is not None:
                return None
            pending = Decimal(v.units[low])
            after_tens_ok = False
        elif low in v.after_tens:
            if not after_tens_ok or pending is not None:
                return None
            pending = Decimal(v.after_tens[low])
            after_tens_ok = False
        elif low in v.ten:
            if pending is not None:
                return None
            group += 10
            last_mult = Decimal(10)
            after_tens_ok = True
        elif low in v.tens_marker:
            if pending is None:
                return None
            group += pending * 10
            pending = None
            last_mult = Decimal(10)
            after_tens_ok = True
        elif low in v.hundred:
            group += (pending if pending is not None else Decimal(1)) * 100
            pending = None
            last_mult = Decimal(100)
            after_tens_ok = False
        elif low in v.filler:
            after_tens_ok = False
        elif low in v.half_before:
            if pending is not None:
                return None
            pending = Decimal("0.5")
        elif low in v.half_after:
            if not last_mult:
                return None
            if pending is not None:
                return None
            total += last_mult / 2
            continue
        elif low in v.scales:
            mult = Decimal(10) ** v.scales[low]
            if prev_scale:  # nghìn tỷ: consecutive scales multiply the last term
                total += last_term * (mult - 1)
                last_term *= mult
            else:
                chunk = group + (pending if pending is not None else Decimal(0))
                if chunk == 0 and not seen:
                    chunk = Decimal(1)
                if total and total < mult:  # 3 nghìn 500 tỷ: everything so far is scaled
                    total = (total + chunk) * mult
                    last_term = total
                else:
                    total += chunk * mult
                    last_term = chunk * mult
            group, pending = Decimal(0), None
            last_mult = mult
            after_tens_ok = False
            prev_scale = True
            seen = True
            continue
        else:
            return None
        seen = True
        prev_scale = False
    if not seen:
        return None
    value = total + group + (pending if pending is not None else Decimal(0))
    return value


def to_json_number(value: Decimal) -> int | float:
    """An integer when whole (SPEC: never 3685299999.9999995), else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True)
class NumberSpan:
    """A number expression found in the text: ``text[start:end]`` parses to ``value``."""

    start: int
    end: int
    value: Decimal
    has_scale: bool


@functools.cache
def _scans() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Fast scans (standard ``re``, few alternatives) for digit groups and scale words,
    and the set of number words.

    Scanning every position for some forty number words costs more than all the rest of
    the number work together, so written-out numbers are looked for only right before the
    words that make them matter: a scale word (``hai mươi triệu``) or, through
    ``anchors``, a counted noun (``hai mươi lăm hội viên``).
    """
    v = vocabulary()
    scales = sorted({w for x in [*v.scales, *v.half_after] for w in (x, x[0].upper() + x[1:])}, key=len, reverse=True)
    digits = re.compile(r"\d+(?:[.,]\d+)*")
    scale = re.compile(rf"(?:{'|'.join(re.escape(w) for w in scales)})(?![^\W\d_])")
    words = frozenset(w.lower() for w in [*v.words, *v.half_after])
    return digits, scale, words


_GAP = re.compile(r"[ \t\u00a0]{1,3}")


@functools.cache
def _glued() -> re.Pattern[str]:
    words = sorted(lexicon.load("numbers")["glued_after"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)})(?![^\W\d_])")
_LETTER_DASH = re.compile(r"[^\W\d_][-–]$")


def _digit_token_ok(text: str, s: int, e: int) -> bool:
    """The boundary rules of a digit number: not inside a code (K13, F-16, QL1A), a
    path-like token (06/7/2011) or a longer number."""
    before = text[s - 1] if s else " "
    if before.isalnum() or before == "/" or (before in "-–" and _LETTER_DASH.search(text, max(0, s - 2), s)):
        return False
    after = text[e] if e < len(text) else " "
    if after.isalpha():
        return bool(_glued().match(text, e))  # 400.000đ, 8.500.000USD
    if after.isalnum() or after == "/":
        return False
    nxt = text[e + 1] if e + 1 < len(text) else " "
    if after in ".," and nxt.isdigit():
        return False
    return not (after in "-–" and nxt.isalpha())


def find_number_spans(
    text: str, start: int = 0, end: int | None = None, anchors: re.Pattern[str] | None = None
) -> list[NumberSpan]:
    """Every number expression in ``text[start:end]``: digits or words with their scale
    words (``3.685,3 triệu``, ``1 tỷ 200 triệu``, ``2 triệu rưỡi``, ``hai mươi lăm``).

    Written-out numbers are found before scale words and before the end of each match
    of ``anchors`` (a number word and the counted noun after it, for counts)."""
    v = vocabulary()
    end = len(text) if end is None else end
    digits, scale, words = _scans()
    tokens: dict[int, tuple[int, int, str]] = {}  # start -> (start, end, kind)
    for m in digits.finditer(text, start, end):
        e = m.end()
        nxt = text[e : e + 3].lstrip(" \t\u00a0")[:1]
        if not (nxt.isalpha() or nxt in "-–—~"):
            continue  # nothing a money or count reading needs follows (", ", ")", "%", end)
        if _digit_token_ok(text, m.start(), e):
            tokens[m.start()] = (m.start(), e, "d")
    word_stops = []
    for m in scale.finditer(text, start, end):
        s0 = m.start()
        if s0 > start and text[s0 - 1].isalnum() and not text[s0 - 1].isdigit():
            continue  # inside a longer word
        half = m.group().lower() in v.half_after
        tokens[s0] = (s0, m.end(), "h" if half else "s")
        if not half:
            word_stops.append(s0)
    if anchors is not None:
        word_stops.extend(m.end() for m in anchors.finditer(text, start, end))
    for stop in word_stops:
        _words_before(text, stop, start, words, v, tokens)
    ordered = [tokens[k] for k in sorted(tokens)]
    return _group(text, ordered)


def _words_before(text: str, stop: int, floor: int, words: frozenset[str], v: NumberWords, tokens: dict) -> None:
    """Add the number words written right before ``stop`` (``hai mươi lăm`` | hội viên)."""
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
        tokens.setdefault(k, (k, j, kind))
        pos = k


def _group(text: str, tokens: list[tuple[int, int, str]]) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    i = 0
    n = len(tokens)
    while i < n:
        s0, e0, k0 = tokens[i]
        if k0 not in ("d", "w"):
            i += 1
            continue
        if k0 == "w" and out and out[-1].end < s0 and _GAP.fullmatch(text, out[-1].end, s0) and text[s0:e0].lower() == "năm":
            i += 1  # "hai năm hợp đồng": after a number, "năm" is the noun "year"
            continue
        j = i
        while j + 1 < n and _joins(text, tokens, j, k0):
            j += 1
        if j == i and k0 == "d":  # the common case: a lone digit group
            with contextlib.suppress(ValueError):
                out.append(NumberSpan(s0, e0, parse_digits(text[s0:e0]), False))
            i += 1
            continue
        # shrink until the words parse ("hai năm" is not a number; "hai" is)
        while j >= i:
            value = parse_number(text[s0 : tokens[j][1]])
            if value is not None:
                kinds = {tokens[k][2] for k in range(i, j + 1)}
                out.append(NumberSpan(s0, tokens[j][1], value, "s" in kinds))
                break
            j -= 1
        i = max(j, i) + 1
    return out


def _joins(text: str, tokens: list[tuple[int, int, str]], j: int, first: str) -> bool:
    """May token j+1 continue the expression that token j ends?"""
    _, e, k = tokens[j]
    s2, _, k2 = tokens[j + 1]
    if s2 != e and not _GAP.fullmatch(text, e, s2):
        return False
    if first == "d":  # 3.685,3 triệu | 1 tỷ 200 triệu | 2 triệu rưỡi | nghìn tỷ
        if k2 == "s" or k2 == "h":
            return k in ("d", "s")
        if k2 == "d":  # a digit group continues only after a scale and before another
            return k == "s" and j + 2 < len(tokens) and tokens[j + 2][2] == "s" and bool(
                _GAP.fullmatch(text, tokens[j + 1][1], tokens[j + 2][0]) or tokens[j + 1][1] == tokens[j + 2][0]
            )
        return False
    return k2 in ("w", "s", "h")


@functools.cache
def _qualifier_regex() -> tuple[regex.Pattern[str], dict[str, str | None]]:
    data = lexicon.load("qualifiers")
    quals = {k.lower(): v for k, v in data["qualifiers"].items()}
    bridge = lexicon.alternation(data["qualifier_bridge"])
    cmp_words = lexicon.alternation(data["comparison_before"])
    pattern = regex.compile(  # searched backwards from the number: anchored at its start
        rf"(?ri)(?:(?<![\p{{L}}])(?P<cmp>{cmp_words})[ \t\u00a0]+)?(?<![\p{{L}}])(?P<q>{lexicon.alternation(list(quals))})"
        rf"(?:[ \t\u00a0]+(?:{bridge}))?[ \t\u00a0]*\Z"
    )
    return pattern, quals


def qualifier_before(text: str, pos: int, floor: int = 0) -> str | None:
    """The ``approx`` value of the qualifier written right before ``pos`` (SPEC section 4).

    ``trên 196 tỷ`` -> over, ``tối đa là 75 triệu`` -> at_most; a comparison such as
    ``ít hơn 1 khoản`` or ``cao hơn 5 tỷ`` is not a qualifier and gives None.
    """
    pattern, quals = _qualifier_regex()
    m = pattern.search(text, max(floor, pos - 40), pos)
    if not m or m.group("cmp"):
        return None
    return quals[" ".join(m.group("q").lower().split())]


@functools.cache
def _vague_regex() -> regex.Pattern[str]:
    words = lexicon.alternation(lexicon.load("numbers")["vague_before"])
    return regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{words})[ \t\u00a0]*\Z")


def vague_number(text: str, num: NumberSpan, floor: int = 0) -> bool:
    """``vài trăm triệu``, ``hàng nghìn``, ``trăm triệu``: a vague quantity, not a number."""
    first = text[num.start : num.end].split(None, 1)[0].lower()
    v = vocabulary()
    if first in v.hundred or first in v.tens_marker or first in v.scales:
        return True
    return bool(_vague_regex().search(text, max(floor, num.start - 12), num.start))
