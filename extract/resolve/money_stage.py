"""Where the money stands (SPEC section 10): each amount's ``stage`` from its own clause.

Why the rules look like this: a stage is said by the word that governs the amount (`cam kết
tài trợ 2 triệu USD`), never by a cue elsewhere in the sentence, so a stage does not cross
into a new clause (``money_cues``: ``stage_breaks``), a need or a request right before the
stage verb blocks it (`đề nghị tạm cấp`, `trình ... phê duyệt`), and a price noun ends it.
An amount with no stage cue of its own repeats the previous amount's stage when it restates
it or lists its parts.
"""

from __future__ import annotations

import regex

from ..record.models import Amount
from .money_cues import Cues, Hit
from .money_stretch import PUNCT, SentenceCues, cue_right_after, cues_before, governing, marked

_SHORT_STRETCH = 3  # words: an amount this close to the previous one repeats its stage
_REQUEST_REACH = 32  # characters: a request (`đề nghị`) this close before a stage verb governs it
_RAISED_TO = regex.compile(r"(?<!\p{L})lên(?!\p{L})")  # `nâng kim ngạch ... lên X`: raised to a level
_WORD = regex.compile(r"\p{L}+")


def stage_of(
    text: str, sent: SentenceCues, lo: int, a: Amount, hi: int, prev_stage: str | None, parts: bool, cues: Cues, floor: int, noun: list[Hit]
) -> str | None:
    """The governing stage cue in the amount's own clause; else the previous amount's stage
    when this one restates it, is a part of it or follows in a list of its parts (``parts``).
    The caller passes ``floor = last_break(text, lo, a.start, cues)`` (a stage does not
    cross into a new clause) and ``noun = cues_before(sent.kinds, sent.kind_starts, lo,
    a.start)``: it needs both too, so each is found once per amount."""
    if noun and noun[0].label == "price":
        floor = max(floor, noun[0].end)  # `đăng ký ... phải trả phí 6 SGD`: no stage for a price
    stage_cues = cues_before(sent.stages, sent.stage_starts, floor, a.start)
    before = [h for h in stage_cues if h.label != "submitted" and (h.label != "raised" or _RAISED_TO.search(text, h.end, a.start))]
    after = cue_right_after(text, sent.stages, sent.stage_starts, a.end, hi)
    if after is not None and (after.label in ("submitted", "raised") or cues.within.match(text, a.end, after.start)):
        after = None  # `5 tỷ đồng trong kế hoạch vốn`: where the money stands, not a stage
    hit = governing(text, before, after, a.start, a.end)
    if hit is not None:
        if hit.label == "blocked" or _requested(text, stage_cues, hit, cues):
            return None
        return "planned" if hit.label == "raised" else hit.label  # `nâng kim ngạch ... lên 3 tỷ USD`: a goal
    if marked(text, floor, a.start, cues):
        return prev_stage  # `; trong đó A là 5 tỷ`: a part of the previous amount, past the break
    # it restates the previous amount or lists its parts (the words are counted last: the dearest test)
    if prev_stage is not None and lo > sent.start and floor == lo and (
        parts or len(_WORD.findall(text, lo, a.start)) <= _SHORT_STRETCH
    ):
        return prev_stage
    return None


def _requested(text: str, before: list[Hit], hit: Hit, cues: Cues) -> bool:
    """Whether a request stands right before the governing stage verb (`đề nghị cấp bổ sung
    10 tỷ`, `kiến nghị Trung ương bố trí 5 tỷ`), or a submission right before an approval
    (`trình Quốc hội phê duyệt`): the money is asked for, not granted, so the verb's stage
    does not reach it. ``before`` holds the stretch's cues nearest first, submissions too."""
    if hit not in before:
        return False
    i = before.index(hit) + 1
    if i == len(before):
        return False
    asked = before[i].label == "blocked" and text[before[i].start : before[i].end].lower() in cues.requests
    return (
        (asked or (before[i].label == "submitted" and hit.label == "approved"))
        and hit.start - before[i].end <= _REQUEST_REACH
        and not PUNCT.search(text, before[i].end, hit.start)
    )


def last_break(text: str, lo: int, hi: int, cues: Cues) -> int:
    """Where the amount's clause begins inside its stretch [lo, hi): after the last clause
    break there (a stage cue before it governs another clause)."""
    floor = lo
    for m in cues.stage_break.finditer(text, lo, hi):
        floor = m.end()
    return floor
