"""The article's province (SPEC section 8): the one a researcher would file it under.

Why a score and not the most frequent name: where a name stands says more than how often
it comes. A name in the title or the lead, or after a unit word (``UBND tỉnh X``,
``Liên hiệp các tổ chức hữu nghị tỉnh X``), marks the locality whose people and agencies
the article reports; a banner line outside the article (``CỔNG THÔNG TIN ĐIỆN TỬ TỈNH X``)
names its outlet's province. The best province must score enough (less when the text says
``tỉnh nhà`` or ``trên địa bàn tỉnh``, which mark a provincial report) and clearly beat the
runner-up; else the record says null (national, foreign or multi-province news).
Weights and cues are in ``patterns/province.yaml``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from .. import lexicon
from ..find.places import find_places
from ..find.provinces import provinces
from ..models import Place


@dataclass(frozen=True)
class Cues:
    unit_before: regex.Pattern
    home: regex.Pattern
    stand_ins: dict[str, regex.Pattern]
    weights: dict[str, float]
    min_score: float
    min_score_home: float
    max_runner_up_share: float


@functools.cache
def cues() -> Cues:
    data = lexicon.load("province")
    units = "|".join(regex.escape(w) for w in sorted(set(data["unit_words"]), key=len, reverse=True))
    home = "|".join(regex.escape(w) for w in sorted(set(data["home_cues"]), key=len, reverse=True))
    return Cues(
        unit_before=regex.compile(
            rf"(?:^|[^\p{{L}}\p{{M}}])(?:{units}|\p{{Lu}}{{2,}})(?:[ \u00a0]+|(?<=\.))$"
        ),
        home=regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{home})(?![\p{{L}}\p{{M}}])"),
        stand_ins={
            str(code): regex.compile(
                rf"(?<![\p{{L}}\p{{M}}])(?:{'|'.join(regex.escape(w) for w in words)})(?![\p{{L}}\p{{M}}])(?![ \u00a0]+\p{{Lu}})"
            )
            for code, words in data["stand_ins"].items()
        },
        weights={str(k): float(v) for k, v in data["weights"].items()},
        min_score=float(data["min_score"]),
        min_score_home=float(data["min_score_home"]),
        max_runner_up_share=float(data["max_runner_up_share"]),
    )


def scores(
    text: str, places: list[Place], regions: list[list[int]], title_span: list[int] | None
) -> dict[str, float]:
    """Each named province's weight in the article."""
    c = cues()
    w = c.weights
    out: dict[str, float] = defaultdict(float)
    paragraphs = [r for r in regions if r != title_span]
    lead = paragraphs[0] if paragraphs else None
    for p in places:
        s = w["mention"]
        if title_span and title_span[0] <= p.start < title_span[1]:
            s += w["title"]
        elif lead and lead[0] <= p.start < lead[1]:
            s += w["lead"]
        if c.unit_before.search(text[max(0, p.start - 30) : p.start]):
            s += w["unit"]
        out[p.code] += s
    for code, pattern in c.stand_ins.items():
        for a, b in regions:
            out[code] += w["stand_in"] * sum(1 for _ in pattern.finditer(text, a, b))
    for p in find_places(text, _outside(regions, len(text))):  # banners and outlet lines
        if c.unit_before.search(text[max(0, p.start - 30) : p.start]):
            out[p.code] += w["outside"]
    return {k: v for k, v in out.items() if v}


def _outside(regions: list[list[int]], n: int) -> list[list[int]]:
    """The stretches of text outside the title and paragraphs."""
    out, pos = [], 0
    for a, b in sorted(regions):
        if a > pos:
            out.append([pos, a])
        pos = max(pos, b)
    return out + ([[pos, n]] if pos < n else [])


def resolve_province(
    text: str, places: list[Place], regions: list[list[int]], title_span: list[int] | None = None
) -> dict[str, str] | None:
    """The record's ``province`` object, or None."""
    c = cues()
    ranked = sorted(scores(text, places, regions, title_span).items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    code, best = ranked[0]
    home = any(c.home.search(text, a, b) for a, b in regions)  # each region once: linear
    if best < (c.min_score_home if home else c.min_score):
        return None
    if len(ranked) > 1 and ranked[1][1] >= c.max_runner_up_share * best:
        return None
    return provinces()[code].as_dict()
