"""Counts of associations, members and the like (SPEC section 5).

A number (digits or words, with its scale word) followed by a counted noun from the
closed lexicon in ``patterns/counts.yaml``. The noun phrase runs over the head noun and
the modifier words that say what kind it is, and stops at anything else (a verb, a
preposition, a conjunction, punctuation). Two kinds counted together, vague quantities,
ordinals and years give nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import lexicon
from ..models import Count
from .numbers import number_pattern, parse_number, qualifier_before

_WS = r"[ \t\u00a0]"


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str]  # lower-cased noun -> category
    compounds: dict[str, tuple[str, ...]]
    modifiers: regex.Pattern[str]
    joint: regex.Pattern[str]
    vague: regex.Pattern[str]
    not_after: regex.Pattern[str]
    count: regex.Pattern[str]


@functools.cache
def load_lexicon() -> Lexicon:
    data = lexicon.load("counts")
    nouns = {" ".join(k.lower().split()): v for k, v in data["nouns"].items()}
    noun_alt = lexicon.alternation(list(data["nouns"]))
    count = regex.compile(
        rf"(?P<num>{number_pattern()}){_WS}+(?P<noun>(?i:{noun_alt}))(?![\p{{L}}\d])"
    )
    mods = lexicon.alternation(data["modifiers"])
    joint = lexicon.alternation(data["joint_kinds"])
    vague = lexicon.alternation(data["vague_before"])
    not_after = lexicon.alternation(data["not_after"])
    return Lexicon(
        nouns=nouns,
        compounds={k.lower(): tuple(v) for k, v in data["compounds"].items()},
        modifiers=regex.compile(rf"(?i){_WS}+(?:{mods})(?![\p{{L}}\d])"),
        joint=regex.compile(rf"(?i){_WS}*(?:,|và|hoặc|hay){_WS}*(?:các{_WS}+)?(?:{joint})(?![\p{{L}}\d])"),
        vague=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{vague}){_WS}*$"),
        not_after=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{not_after}){_WS}*$"),
        count=count,
    )


def find_counts(
    text: str, regions: list[list[int]] | None = None, masked: list[tuple[int, int]] | None = None
) -> list[Count]:
    """Every count in ``regions`` of ``text``; numbers inside ``masked`` spans are skipped."""
    lex = load_lexicon()
    regions = regions if regions is not None else [[0, len(text)]]
    masked = masked or []
    out: list[Count] = []
    for r_start, r_end in regions:
        for m in lex.count.finditer(text, r_start, r_end, overlapped=True):
            if out and m.start() < out[-1].end:
                continue
            num_start, num_end = m.span("num")
            if any(a < num_end and num_start < b for a, b in masked):
                continue
            found = _read_count(text, m, lex, r_start, r_end)
            if found is not None:
                out.append(found)
    return out


def _read_count(text: str, m: regex.Match[str], lex: Lexicon, floor: int, ceil: int) -> Count | None:
    expr = m.group("num")
    if expr.strip().lower() == "một":
        return None  # "một dự án": the article "a", not a count
    value = parse_number(expr)
    if value is None or value != value.to_integral_value() or value == 0:
        return None
    before = text[max(floor, m.start() - 12) : m.start()]
    if lex.vague.search(before) or lex.not_after.search(before):
        return None
    noun_start, noun_end = m.span("noun")
    head = " ".join(m.group("noun").lower().split())
    tails = lex.compounds.get(head)
    if tails:
        nxt = text[noun_end : noun_end + 24].lower()
        if any(regex.match(rf"{_WS}+{regex.escape(t)}(?![\p{{L}}])", nxt) for t in tails):
            return None
    if lex.joint.match(text, noun_end, ceil):
        return None  # "330 tổ chức, cá nhân": two kinds counted together
    end = noun_end
    while True:
        mod = lex.modifiers.match(text, end, ceil)
        if not mod:
            break
        end = mod.end()
    return Count(
        start=m.start(),
        end=end,
        text=text[m.start() : end],
        value=int(value),
        approx=qualifier_before(text, m.start(), floor),
        category=lex.nouns[head],
        noun=text[noun_start:end],
    )
