"""Counts of associations, members and the like (SPEC section 5).

A number (digits or words, with its scale word) followed by a counted noun from the
closed lexicon in ``patterns/counts.yaml``. The noun phrase runs over the head noun and
the modifier words that say what kind it is, and stops at anything else (a verb, a
preposition, a conjunction, punctuation). Two kinds counted together, vague quantities,
ordinals and years give nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from .. import lexicon
from ..record.models import Count
from .numbers import NumberSpan, find_number_spans, qualifier_before, vague_number
from .numscan import Anchors, WordGate
from .spans import WINDOW, WS, SpanIndex, clause_bounds

_WS = r"[ \t\u00a0]"
_RANGE_BEFORE = regex.compile(r"(?r)\d[ \t\u00a0]*[-–—][ \t\u00a0]*\Z")
_NAME_BEFORE = regex.compile(r"(?r)\p{Lu}\p{L}*[ \t\u00a0]+\p{Ll}*[ \t\u00a0]*\Z|(?r)\p{Lu}\p{L}*[ \t\u00a0]*\Z")
_NAME_RIGHT_BEFORE = regex.compile(r"(?r)\p{Lu}\p{L}*[ \t\u00a0]+\Z")
_ACRONYM = regex.compile(r"[ \t\u00a0]+\p{Lu}[\p{Lu}\d]+(?![\p{L}\d])")  # dự án BT, dự án ODA


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str]  # lower-cased noun -> category
    compounds: dict[str, regex.Pattern[str]]  # head -> the longer words it begins
    modifiers: regex.Pattern[str]
    joint: regex.Pattern[str]
    needs_context: dict[str, regex.Pattern[str]]
    not_after: regex.Pattern[str]
    verb_nouns: frozenset[str]  # counted nouns that are also verbs (`tổ chức`: to hold)
    count: regex.Pattern[str]
    heads: Anchors  # a number word before a counted noun: where written counts stand
    turn: regex.Pattern[str]  # "lượt" before a noun: "lượt dự án" counts like "dự án"
    noun_first: WordGate  # may a counted noun follow? (a gate before count)


@functools.cache
def load_lexicon() -> Lexicon:
    data = lexicon.load("counts")
    nouns = {" ".join(k.lower().split()): v for k, v in data["nouns"].items()}
    noun_alt = lexicon.alternation(list(data["nouns"]))
    turn = lexicon.alternation(data["turn_words"])
    # a space, or nothing after digits glued to the noun ("12.345hội viên"); "lượt X" counts as X
    count = regex.compile(rf"(?:{WS}+|(?<=\d))(?P<noun>(?:(?i:{turn}){WS}+)?(?i:{noun_alt}))(?![\p{{L}}\d])")
    mods = lexicon.alternation(data["modifiers"])
    joint = lexicon.alternation(data["joint_kinds"])
    not_after = lexicon.alternation(data["not_after"])
    return Lexicon(
        nouns=nouns,
        compounds={
            k.lower(): regex.compile(rf"(?i){_WS}+(?:{lexicon.alternation(v)})(?![\p{{L}}])")
            for k, v in data["compounds"].items()
        },
        modifiers=regex.compile(rf"(?i){_WS}+(?:{mods})(?![\p{{L}}\d])"),
        joint=regex.compile(rf"(?i){_WS}*(?:,|và|hoặc|hay){_WS}*(?:các{_WS}+)?(?:{joint})(?![\p{{L}}\d])"),
        needs_context={
            k.lower(): regex.compile(rf"(?i)(?<![\p{{L}}])(?:{lexicon.alternation(v)})(?![\p{{L}}])")
            for k, v in data["needs_context"].items()
        },
        # after a non-letter, or glued on as a new word ("đâyNgày Mười": a capital after a
        # lower-case letter starts a word a scraper joined to the last one)
        verb_nouns=frozenset(data["verb_nouns"]),
        not_after=regex.compile(rf"(?ri)(?:(?<![\p{{L}}])|(?-i:(?<=\p{{Ll}})(?=\p{{Lu}})))(?:{not_after}){_WS}*\Z"),
        count=count,
        heads=_anchor_pattern(nouns),
        turn=regex.compile(rf"(?i)(?:{turn}){WS}+"),
        noun_first=WordGate([*data["turn_words"], *data["nouns"]]),
    )


def _anchor_pattern(nouns: dict[str, str]) -> Anchors:
    """A number word followed by the first word of a counted noun (``lăm`` | ``hội viên``):
    the only places where a written-out count can stand, found in one fast scan."""
    from .numbers import _scans

    lower = _scans()[2]
    words = sorted(lower | {w[0].upper() + w[1:] for w in lower}, key=len, reverse=True)  # "Hai tổ chức"
    heads = sorted({n.split()[0] for n in nouns if n.split()[0].islower()}, key=len, reverse=True)
    pattern = re.compile(rf"(?:{'|'.join(map(re.escape, words))})[ \t\u00a0]+(?=(?:{'|'.join(map(re.escape, heads))}))")
    return Anchors(pattern, frozenset(words), tuple(heads))


def number_anchors() -> Anchors:
    """Where written-out counts stand (before counted-noun heads), for :func:`find_number_spans`."""
    return load_lexicon().heads


@functools.cache
def number_gate() -> WordGate:
    """The words that may follow a digit group the later stages can use (for
    :func:`find_number_spans`): a scale or number word it joins (``5 tỷ``, ``2 năm``), a
    currency word (an amount), a range joiner (``5 - 10 tỷ``: the low end), a counted noun
    or the turn word (a count). Any other word after it makes it a number no stage reads."""
    from .numbers import _scans

    _, scales, words = _scans()
    amounts = lexicon.load("amounts")
    data = lexicon.load("counts")
    return WordGate(
        [*scales, *words, *amounts["currencies"], *amounts["range_joiners"], *data["turn_words"], *data["nouns"]]
    )


def find_counts(
    text: str,
    regions: list[list[int]] | None = None,
    masked: list[tuple[int, int]] | None = None,
    numbers: list[NumberSpan] | None = None,
) -> list[Count]:
    """Every count in ``regions`` of ``text``; numbers inside ``masked`` spans
    (designations, amounts) are skipped."""
    lex = load_lexicon()
    regions = regions if regions is not None else [[0, len(text)]]
    if numbers is None:
        numbers = [n for a, b in regions for n in find_number_spans(text, a, b, lex.heads)]
    masks = where = None  # built at the first number the gate lets through (most texts: none)
    out: list[Count] = []
    maybe_noun = lex.noun_first.after
    for num in numbers:
        # The gate: ``count`` below needs a counted noun (or the turn word) after the
        # spaces; the first letter there rules it out for most numbers, before any look-up.
        if not maybe_noun(text, num.end, WINDOW):
            continue
        if out and num.start < out[-1].end:
            continue
        if masks is None:
            masks, where = SpanIndex(masked or []), SpanIndex(regions)
        if masks.overlaps(num.start, num.end):
            continue
        floor, ceil = where.containing(num.start) or (0, len(text))
        m = lex.count.match(text, num.end, min(ceil, num.end + WINDOW))
        if m is None:
            continue
        found = _read_count(text, num, m, lex, floor, ceil)
        if found is not None:
            out.append(found)
    return out


def _named_number(text: str, start: int, floor: int) -> bool:
    """Whether a capitalised word stands right before the number at ``start`` and is no
    sentence's first word (``SEA Games 29``, not ``Có 35``): the number is the name's."""
    m = _NAME_RIGHT_BEFORE.search(text, max(floor, start - 24), start)
    if m is None:
        return False
    before = text[floor : m.start()].rstrip(" \t\u00a0")
    return bool(before) and before[-1] not in ".:!?\n\"“"


def _read_count(text: str, num: NumberSpan, m: regex.Match[str], lex: Lexicon, floor: int, ceil: int) -> Count | None:
    expr = text[num.start : num.end]
    if expr.strip().lower() == "một":
        return None  # "một dự án": the article "a", not a count
    value = num.value
    if value != value.to_integral_value() or value == 0:
        return None
    left = max(floor, num.start - 24)
    if vague_number(text, num, floor) or lex.not_after.search(text, left, num.start):
        return None
    if _RANGE_BEFORE.search(text, max(floor, num.start - 12), num.start):
        return None  # "6-7 đoàn": a range of counts is a vague quantity
    if expr.isdigit() and len(expr) == 4 and 1900 <= value <= 2100 and _NAME_BEFORE.search(text, max(floor, num.start - 24), num.start):
        return None  # "Luật Đất đai 2013 tổ chức lại": a year after a name
    noun_start, noun_end = m.span("noun")
    head = " ".join(m.group("noun").replace("&nbsp;", " ").replace("&nbsp", " ").lower().split())
    if head in lex.verb_nouns and _named_number(text, num.start, floor):
        return None  # "SEA Games 29 tổ chức tại ...": the name's number, then the verb
    if head not in lex.nouns:  # "lượt dự án": the turn word before a counted noun
        head = " ".join(text[lex.turn.match(text, noun_start).end() : noun_end].lower().split())
    tails = lex.compounds.get(head)
    if tails is not None and tails.match(text, noun_end, min(ceil, noun_end + 40)):
        return None
    if lex.joint.match(text, noun_end, min(ceil, noun_end + WINDOW)):
        return None  # "330 tổ chức, cá nhân": two kinds counted together
    end = noun_end
    while True:
        mod = lex.modifiers.match(text, end, min(ceil, end + WINDOW)) or _ACRONYM.match(text, end, min(ceil, end + 20))
        if not mod:
            break
        end = mod.end()
    need = lex.needs_context.get(head)
    if need is not None and end == noun_end:
        left, right = clause_bounds(text, num.start, floor, ceil)
        if not need.search(text, left, right):
            return None
    return Count(
        start=num.start,
        end=end,
        text=text[num.start : end],
        value=int(value),
        approx=qualifier_before(text, num.start, floor),
        category=lex.nouns[head],
        noun=text[noun_start:end],
    )
