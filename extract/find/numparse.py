"""The one Vietnamese number parser every extractor uses: digits and words to exact values.

Digits are written the Vietnamese way: ``.`` groups thousands and ``,`` is the decimal
mark (``3.685,3`` = 3685.3, ``5.884.439`` = 5884439). Ambiguous forms are decided by
rule, and the rule is the same everywhere:

- ``d{1,3}(.ddd)+`` is a grouped integer (``2.899.847``, ``4.000``);
- ``.`` followed by one or two digits is an English-style decimal point (``1.5 triệu``),
  because a thousands group always has exactly three digits;
- ``,`` is a decimal comma (``1,234`` = 1.234), unless the number has several comma
  groups of three (``1,234,567``) or its only group is ``000`` (``2,000``): only English
  grouping writes those, nobody writes three trailing zeros after a decimal mark.
  (Money adds one reading with its context: ``57,945 USD`` is 57945, see
  ``amounts._money_value``.)

Scale words (``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ``) multiply, consecutive scales
multiply together (``nghìn tỷ`` = 10^12), mixed forms add up (``1 tỷ 200 triệu``) and
number words follow the same grammar (``hai mươi lăm``, ``Hai tỷ không trăm năm mươi
lăm triệu``). All arithmetic is ``Decimal``: ``3.685,3 triệu`` is exactly 3685300000.
"""

from __future__ import annotations

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


_PARSED: dict[str, Decimal | None] = {}  # digit string -> value (None: not a number), bounded
_PARSED_MAX = 20_000


def parse_digits(text: str) -> Decimal:
    """Parse one digit string written the Vietnamese way (see the module rules); a string
    in none of the known forms (``0.0,0.0``) raises ValueError.

    The same few strings come back again and again (``2``, ``10``, ``2017``): each is read
    once and its value remembered (a ``Decimal`` is immutable, and its construction from a
    string is exact whatever the context's precision)."""
    value = _PARSED.get(text, _PARSED)
    if value is _PARSED:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        try:
            value = _parse_digits(text)
        except ValueError:
            value = None
        _PARSED[text] = value
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value


def _parse_digits(text: str) -> Decimal:
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
_NBSP = regex.compile(r"&nbsp;?")


class _WordsParser:
    """The number grammar as a machine fed one token at a time, so that the longest
    prefix of a chain that parses is found in one pass (a chain of words that never
    parses whole, ``hai hai hai ... triệu``, costs its length, not its length cubed).

    The grammar: units, ``mươi`` (x10), ``mười`` (10), ``trăm`` (x100), fillers
    ``linh``/``lẻ``; a scale word multiplies everything before it when it is larger than
    what was accumulated (``nghìn tỷ``), else the current group (``2 tỷ 500 triệu``);
    ``rưỡi`` adds half the last multiplier; ``nửa`` is 0.5. Once a token is refused every
    longer chain is refused too, so the valid prefixes are exactly those before it.
    """

    def __init__(self) -> None:
        self.v = vocabulary()
        self.total = Decimal(0)  # completed part, already multiplied by scales
        self.group = Decimal(0)  # the part below the next scale word
        self.pending: Decimal | None = None  # a unit waiting for mươi/trăm/scale
        self.last_mult = Decimal(0)
        self.after_tens_ok = False
        self.seen = False
        self.prev_scale = False
        self.last_term = Decimal(0)
        self.colloquial_tens = False  # a unit right after "trăm": "hai trăm năm bảy" = 257

    @property
    def value(self) -> Decimal | None:
        if not self.seen:
            return None
        return self.total + self.group + (self.pending if self.pending is not None else Decimal(0))

    def feed(self, tok: str) -> bool:  # noqa: C901 - one branch per word class, read as a table
        """Take one token; False when it cannot continue the number (the state is then spent)."""
        v = self.v
        low = tok.lower()
        colloquial, self.colloquial_tens = self.colloquial_tens, False
        if colloquial and (low in v.units or low in v.after_tens) and self.pending is not None:
            self.group += self.pending * 10  # "một trăm hai tám" = 128: the tens without "mươi"
            self.pending = None
            self.after_tens_ok = True
        if tok[0].isdigit():
            if self.pending is not None or self.group:
                return False
            try:
                self.pending = parse_digits(tok)
            except ValueError:
                return False
            self.after_tens_ok = False
        elif low in v.units:
            if self.pending is not None:
                return False
            self.pending = Decimal(v.units[low])
            self.colloquial_tens = self.last_mult == 100 and not self.after_tens_ok and not colloquial
            self.after_tens_ok = False
        elif low in v.after_tens:
            if not self.after_tens_ok or self.pending is not None:
                return False
            self.pending = Decimal(v.after_tens[low])
            self.after_tens_ok = False
        elif low in v.ten:
            if self.pending is not None:
                return False
            self.group += 10
            self.last_mult = Decimal(10)
            self.after_tens_ok = True
        elif low in v.tens_marker:
            if self.pending is None:
                return False
            self.group += self.pending * 10
            self.pending = None
            self.last_mult = Decimal(10)
            self.after_tens_ok = True
        elif low in v.hundred:
            self.group += (self.pending if self.pending is not None else Decimal(1)) * 100
            self.pending = None
            self.last_mult = Decimal(100)
            self.after_tens_ok = False
        elif low in v.filler:
            self.after_tens_ok = False
        elif low in v.half_before:
            if self.pending is not None:
                return False
            self.pending = Decimal("0.5")
        elif low in v.half_after:
            if not self.last_mult or self.pending is not None:
                return False
            self.total += self.last_mult / 2
            return True
        elif low in v.scales:
            self._scale(Decimal(10) ** v.scales[low])
            return True
        else:
            return False
        self.seen = True
        self.prev_scale = False
        return True

    def _scale(self, mult: Decimal) -> None:
        if self.prev_scale:  # nghìn tỷ: consecutive scales multiply the last term
            self.total += self.last_term * (mult - 1)
            self.last_term *= mult
        else:
            chunk = self.group + (self.pending if self.pending is not None else Decimal(0))
            if chunk == 0 and not self.seen:
                chunk = Decimal(1)
            if self.total and self.total < mult:  # 3 nghìn 500 tỷ: everything so far is scaled
                self.total = (self.total + chunk) * mult
                self.last_term = self.total
            else:
                self.total += chunk * mult
                self.last_term = chunk * mult
        self.group, self.pending = Decimal(0), None
        self.last_mult = mult
        self.after_tens_ok = False
        self.prev_scale = True
        self.seen = True


def parse_number(text: str) -> Decimal | None:
    """Parse a number expression (digits or words, with scale words) to its exact value.

    Returns None when the words do not form a number (``hai năm`` is two units in a
    row, not a number); the grammar is that of :class:`_WordsParser`. Commas between
    written-out groups (``Ba tỷ, hai trăm triệu``) and a literal ``&nbsp;`` are spaces.
    """
    parser = _WordsParser()
    for tok in _TOKEN.findall(_NBSP.sub(" ", text)):
        if not parser.feed(tok):
            return None
    return parser.value


def to_json_number(value: Decimal) -> int | float:
    """An integer when whole (SPEC: never 3685299999.9999995), else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
