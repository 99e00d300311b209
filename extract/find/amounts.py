"""Money amounts (SPEC section 4): a number, its scale word and a currency word.

A number with a scale word but no currency word is money (VND) only in a sentence about
money and when no counted noun follows it (``lãi gần 61 tỷ`` is money, ``hơn 3 triệu
lượt khách`` is not). A bare number with neither scale nor currency is never money, so
phone numbers, years, counters and percentages fall out by construction.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from .. import lexicon
from ..record.models import Amount, json_value
from .numbers import (
    NumberSpan,
    find_number_spans,
    parse_number,
    qualifier_before,
    vague_number,
    vocabulary,
)
from .numscan import WordGate
from .spans import WINDOW, WS, SpanIndex, clause_bounds

_WS = WS  # spaces and a literal &nbsp; (SPEC section 11)
_NEXT_WORD = regex.compile(rf"{_WS}+(\p{{L}}+)")
_SLASH_LETTERS = regex.compile(r"/(\p{L}+)(?![\p{L}\d])")
_NEXT_TOKEN = regex.compile(rf"{_WS}*(\p{{L}}+|[^\s\p{{L}}\d])")
_NEXT_TWO = regex.compile(rf"{_WS}*(\p{{L}}+{_WS}+\p{{L}}+)")


@dataclass(frozen=True)
class Lexicon:
    currencies: dict[str, str]  # lower-cased word -> ISO code (case-sensitive ones kept as written)
    case_sensitive: frozenset[str]
    compounds: dict[str, tuple[str, ...]]
    small_compounds: dict[str, tuple[str, ...]]  # compounds only after a small bare number
    slash_abbreviations: dict[str, tuple[str, ...]]  # `đ/c`: a currency letter opening an abbreviation
    only_after_amounts: frozenset[str]  # currency words only after a scale word or a grouped thousand
    money_context: regex.Pattern[str]
    after_scale_ok: frozenset[str]
    range_joint: regex.Pattern[str]
    currency_after: regex.Pattern[str]
    currency_first: WordGate  # may a currency word follow? (a gate before currency_after)


@functools.cache
def load_lexicon() -> Lexicon:
    data = lexicon.load("amounts")
    case_sensitive = frozenset(data["case_sensitive"])
    currencies: dict[str, str] = {}
    for word, code in data["currencies"].items():
        currencies[word if word in case_sensitive else word.lower()] = code
    insensitive = [w for w in data["currencies"] if w not in case_sensitive]
    sensitive = [w for w in data["currencies"] if w in case_sensitive]
    currency = rf"(?:(?i:{lexicon.alternation(insensitive)})|{lexicon.alternation(sensitive)})"
    currency_after = regex.compile(rf"{_WS}*(?P<cur>{currency})(?![\p{{L}}\d])")
    joiners = lexicon.alternation(data["range_joiners"])
    # between the two ends of a range: a joiner, maybe after the low end's own currency
    qualifiers = lexicon.alternation(list(lexicon.load("qualifiers")["qualifiers"]))
    range_joint = regex.compile(  # "từ 200 triệu đồng đến dưới 500 triệu đồng" is one range
        rf"{_WS}*(?:{currency}{_WS}*)?(?:{joiners}){_WS}*(?:(?i:{qualifiers}){_WS}+)?"
    )
    context = lexicon.alternation(data["money_context"])
    return Lexicon(
        currencies=currencies,
        case_sensitive=case_sensitive,
        compounds={k: tuple(v) for k, v in data["currency_compounds"].items()},
        small_compounds={k: tuple(v) for k, v in data["compounds_unless_amount"].items()},
        slash_abbreviations={k: tuple(v) for k, v in data["slash_abbreviations"].items()},
        only_after_amounts=frozenset(w.lower() for w in data["only_after_amounts"]),
        money_context=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{context})(?![\p{{L}}])"),
        after_scale_ok=frozenset(w.lower() for w in data["after_scale_ok"]),
        range_joint=range_joint,
        currency_after=currency_after,
        currency_first=WordGate(insensitive, sensitive),
    )


def _currency_code(word: str, lex: Lexicon) -> str | None:
    if word in lex.currencies:
        return lex.currencies[word]
    return lex.currencies.get(word.lower())


def _is_compound(text: str, cur_start: int, cur_end: int, lex: Lexicon, num: NumberSpan) -> bool:
    """``5 đồng chí``, ``3 đô thị``, ``2 đ/c``: the currency word starts another word. After a scale
    word or a grouped sum of a thousand or more, some of those words follow the currency
    instead (``10 tỷ đồng bằng vốn ngân sách``); a bare ``2017`` is a year (``so với 2017
    đồng thời``). A word that is money only after an amount (``bảng``) is always another
    word after a small bare number."""
    word = text[cur_start:cur_end].lower()
    abbreviated = _SLASH_LETTERS.match(text, cur_end, cur_end + 8)
    if abbreviated and abbreviated.group(1) in lex.slash_abbreviations.get(word, ()):
        return True  # `2 đ/c`: comrades, not đồng
    tails = lex.compounds.get(word, ())
    if not num.has_scale and (num.value < 1000 or text[num.start : num.end].isdigit()):  # "2017 đồng thời"
        if word in lex.only_after_amounts:
            return True  # `19 bảng ghi tên`: a board, not pounds
        tails = (*tails, *lex.small_compounds.get(word, ()))
    if not tails:
        return False
    m = _NEXT_WORD.match(text[cur_end : cur_end + 16])
    return bool(m and m.group(1).lower() in tails)


def split_scale(expr: str) -> tuple[str, Decimal]:
    """``3.685,3 triệu`` -> (``3.685,3``, 10^6): the leading number and its scale factor."""
    v = vocabulary()
    words = expr.split()
    i = len(words)
    while i > 0 and words[i - 1].lower() in v.scales:
        i -= 1
    if i == len(words) or i == 0:
        return expr, Decimal(1)
    factor = parse_number(" ".join(words[i:])) or Decimal(1)
    return " ".join(words[:i]), factor


def find_amounts(
    text: str,
    regions: list[list[int]] | None = None,
    masked: list[tuple[int, int]] | None = None,
    numbers: list[NumberSpan] | None = None,
) -> list[Amount]:
    """Every money amount in ``regions`` of ``text``. ``numbers`` are the number
    expressions of those regions (found here when not given); numbers inside ``masked``
    spans (designations) are skipped."""
    lex = load_lexicon()
    regions = regions if regions is not None else [[0, len(text)]]
    if numbers is None:
        numbers = [n for a, b in regions for n in find_number_spans(text, a, b)]
    masks = where = None  # built at the first number the gate lets through (most texts: none)
    out: list[Amount] = []
    maybe_currency = lex.currency_first.after
    last: NumberSpan | None = None
    for num in numbers:
        # The low end of a range is the number right before, unless that one is masked.
        before, last = last, num
        # The gate: a number with no scale word and no currency word after it is never
        # money (_read_amount's first test); the first letter after the spaces shows that
        # no currency word can follow most numbers, before any look-up.
        if not num.has_scale and not maybe_currency(text, num.end, WINDOW):
            continue
        if masks is None:
            masks, where = SpanIndex(masked or []), SpanIndex(regions)
        if masks.overlaps(num.start, num.end):
            continue
        prev = before if before is not None and not masks.overlaps(before.start, before.end) else None
        floor, ceil = where.containing(num.start) or (0, len(text))
        amount = _read_amount(text, num, prev, lex, floor, ceil)
        if amount is None:
            continue
        while out and out[-1].end > amount.start:  # "5 tỷ - 10 tỷ đồng": the range wins
            out.pop()
        out.append(amount)
    return out


def _read_amount(
    text: str, num: NumberSpan, prev: NumberSpan | None, lex: Lexicon, floor: int, ceil: int
) -> Amount | None:
    cur_m = lex.currency_after.match(text, num.end, min(ceil, num.end + WINDOW))
    if cur_m is None and not num.has_scale:
        return None  # the common case: a bare number is never money (checked first, cheaply)
    if num.value == 0 or num.value >= MAX_VALUE or vague_number(text, num, floor):
        return None
    cur = cur_m.group("cur") if cur_m else None
    if cur and _is_compound(text, cur_m.start("cur"), cur_m.end("cur"), lex, num):
        cur = None
    if cur:
        currency = _currency_code(cur, lex)
        if currency is None:
            return None
        end = cur_m.end("cur")
    else:
        if not num.has_scale or not _money_without_currency(text, num, lex, floor, ceil):
            return None
        currency, end = "VND", num.end
    written = currency if cur else None  # a currency word written after the number
    start, value, value_max = num.start, _money_value(text, num, written, end), None
    if prev is not None and prev.start >= floor and lex.range_joint.fullmatch(text, prev.end, num.start):
        low = _money_value(text, prev, written if not num.has_scale else None, end)
        if low != 0:
            shared = low * split_scale(text[num.start : num.end])[1]
            if not prev.has_scale and shared < value:
                low = shared  # "36,8 – 36,95 triệu": the low end shares the scale
            if low < value:
                value_max, value, start = value, low, prev.start
    approx = qualifier_before(text, start, floor)
    return Amount(
        start=start,
        end=end,
        text=text[start:end],
        value=json_value(value),
        currency=currency,
        approx=approx,
        value_max=json_value(value_max) if value_max is not None else None,
    )


_EN_THOUSANDS = regex.compile(r"[1-9]\d{0,2},\d{3}")
_PER_UNIT = regex.compile(r"[ \u00a0]*/")


def _money_value(text: str, num: NumberSpan, written: str | None, end: int):
    """The number's value as money. A comma before exactly three digits, with no scale word
    and a currency word written after (``57,945 USD``, ``16,850 đồng/cp``), groups thousands
    in the English way: a sum is not counted in thousandths, so the parser's decimal reading
    (57.945) cannot be meant. Not so for a price per unit in a currency with cents, which
    markets quote to the thousandth (``17,693 USD/oz``, ``58,117 USD/thùng``); nor with a
    scale word (``384,600 tỉ đồng``, GUIDELINES) or a leading zero (``0,125 USD``)."""
    if (
        written is not None  # the ISO code of a currency word written after the number
        and not num.has_scale
        and _EN_THOUSANDS.fullmatch(text, num.start, num.end)
        and (written == "VND" or not _PER_UNIT.match(text, end))
    ):
        return Decimal(text[num.start : num.end].replace(",", ""))
    return num.value


# No sum of money reaches 10^21 (a billion tỷ): a scale word repeated past that (``1 nghìn
# nghìn ... nghìn đồng``) is a broken or hostile text, not an amount.
MAX_VALUE = 10**21


def _money_without_currency(text: str, num: NumberSpan, lex: Lexicon, floor: int, ceil: int) -> bool:
    """SPEC: scale word, no currency: money only in a sentence about money, and only when
    no counted noun follows the number."""
    after = text[num.end : num.end + 24]
    nxt = _NEXT_TOKEN.match(after)
    if nxt:
        word = nxt.group(1)
        if word == "%":
            return False
        if word[0].isalpha() and word.lower() not in lex.after_scale_ok:
            two = _NEXT_TWO.match(after)
            follows = [word, two.group(1)] if two else [word]
            if not any(lex.money_context.fullmatch(w) for w in follows):
                return False
    left, right = clause_bounds(text, num.start, floor, ceil)
    if lex.money_context.search(text, left, right):
        return True
    # billions: a sum of money whenever its paragraph speaks of money (`mới bố trí được
    # 5.000 tỷ, còn thiếu 18 nghìn tỷ`, after a paragraph on the capital); few other things
    # are counted in billions without a noun after them
    if num.value < _BILLION or not _BILLIONS.search(text, num.start, num.end):
        return False
    return bool(lex.money_context.search(text, max(floor, num.start - _PARAGRAPH_REACH), min(ceil, num.end + _PARAGRAPH_REACH)))


_BILLION = 10**9
_BILLIONS = regex.compile(r"(?i)t[ỷỉ]")
_PARAGRAPH_REACH = 600  # characters either side: the paragraph, bounded (linear on a long line)
