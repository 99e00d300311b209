"""The cues around one amount: which of its sentence's kind and stage cues lie in its stretch.

Why a module of its own: the kind (``money_kind.py``) and the stage (``money_stage.py``) of an
amount are read the same way. Each amount owns the stretch of its sentence between the
previous amount and itself; the cue nearest to it there, or one right after it, governs it.
This module finds a sentence's cues once and answers those lookups by bisection, each
looking at a bounded number of cues, so a sentence of thousands of amounts stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from .money_cues import Cues, Hit, sentence_hits

AFTER_GAP = 16  # characters: a cue right after the amount (`2 tỷ USD vốn ODA`) starts within this
LOOKBACK = 12  # cues looked at before an amount (bounded, so a long stretch stays linear)
_MARKER_REACH = 24  # characters: `, tương đương với`, `, trong đó` open the stretch they mark
PUNCT = regex.compile(r"[,;:.()!?\[\]]")
_FIRM_REACH = 60  # characters: a firm word this close before a cue may open the name holding it
_CAPITAL_NEXT = regex.compile(r"[ \t]+\p{Lu}")


@dataclass
class SentenceCues:
    """A sentence's kind and stage cues in text order, with their starts for bisection."""

    start: int
    end: int
    kinds: list[Hit]
    kind_starts: list[int]
    stages: list[Hit]
    stage_starts: list[int]


def sentence_cues(text: str, start: int, end: int, cues: Cues) -> SentenceCues:
    """The cues of the sentence [start, end), found once for all its amounts; a kind cue
    that is a word of a firm's name is hidden."""
    named = cues.firm_name_kinds
    kinds, stages = sentence_hits(cues, text, start, end)
    kinds = [_named_in_firm(text, h, start, cues) if h.label in named else h for h in kinds]
    return SentenceCues(start, end, kinds, [h.start for h in kinds], stages, [h.start for h in stages])


def _named_in_firm(text: str, hit: Hit, start: int, cues: Cues) -> Hit:
    """``hit`` (of a kind a firm is named for) hidden when it is a word of a firm's name: a
    firm word before it in its clause (within ``_FIRM_REACH``) and a capitalised word right
    after it (`Công ty TNHH thương mại xuất khẩu Hoàng Gia`). A firm doing the thing (`công
    ty xuất khẩu 5 tỷ USD`) keeps it."""
    if not _CAPITAL_NEXT.match(text, hit.end):
        return hit
    lo = max(start, hit.start - _FIRM_REACH)
    firm = None
    for m in cues.firm_name.finditer(text, lo, hit.start):
        firm = m
    if firm is None or PUNCT.search(text, firm.end(), hit.start):
        return hit
    return Hit(hit.start, hit.end, None)


def cues_before(hits: list[Hit], starts: list[int], lo: int, hi: int) -> list[Hit]:
    """The cues lying inside [lo, hi), nearest first (at most ``LOOKBACK``). A phrase that
    hides a cue (label None) only hides it: it is no cue itself."""
    i = bisect_left(starts, hi) - 1
    out = []
    while i >= 0 and len(out) < LOOKBACK and hits[i].start >= lo:
        if hits[i].end <= hi and hits[i].label is not None:
            out.append(hits[i])
        i -= 1
    return out


def cue_right_after(text: str, hits: list[Hit], starts: list[int], pos: int, limit: int) -> Hit | None:
    """A cue starting within a few characters after ``pos``, with no punctuation between."""
    i = bisect_left(starts, pos)
    if (
        i < len(hits)
        and hits[i].start < min(limit, pos + AFTER_GAP)
        and not PUNCT.search(text, pos, hits[i].start)
    ):
        return hits[i] if hits[i].label is not None else None
    return None


def first_cue_after(hits: list[Hit], starts: list[int], pos: int, limit: int) -> Hit | None:
    """The first cue in [pos, limit): what a later part of the sentence calls the money."""
    i = bisect_left(starts, pos)
    while i < len(hits) and hits[i].start < limit:
        if hits[i].label is not None:
            return hits[i]
        i += 1
    return None


def governing(
    text: str, before: list[Hit], after: Hit | None, amount_start: int, amount_end: int, cues: Cues | None = None
) -> Hit | None:
    """The nearest of the nearest cue before and the cue right after (a tie goes before).
    With ``cues``, a cue after a measure noun (`5 tỷ đồng tiền thuế`, `2 tỷ USD vốn ODA`)
    governs however near a cue before stands: it is the noun the amount measures, and the
    word before (`nợ`, `đạt`) is only the verb of the clause."""
    near = before[0] if before else None
    if after is not None and cues is not None and _measured(text, amount_end, after, cues):
        return after
    if after is not None and (near is None or after.start - amount_end < amount_start - near.end):
        return after
    return near


def _measured(text: str, amount_end: int, after: Hit, cues: Cues) -> bool:
    """Whether the cue right after the amount is its measured noun: only spaces and a measure
    noun between (`tiền thuế`), or the cue opens with one (`vốn ODA`). A form of holding
    money (`tiền mặt`, `vốn vay`: label `other`) says how it is held, not what it is."""
    if after.label == "other":
        return False
    gap = text[amount_end : after.start]
    if gap.strip():
        m = cues.measure.match(text, amount_end + len(gap) - len(gap.lstrip()), after.start)
        return m is not None and not text[m.end() : after.start].strip()
    m = cues.measure.match(text, after.start, after.end)
    return gap != "" and m is not None and m.end() < after.end


def marked(text: str, lo: int, hi: int, cues: Cues) -> bool:
    """The stretch opens with `tương đương`, `trong đó`...: this amount is the previous one
    again, or a part of it."""
    return bool(cues.same.search(text, lo, min(hi, lo + _MARKER_REACH)))
