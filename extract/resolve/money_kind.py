"""What the money is (SPEC section 10): each amount's ``kind`` and ``stage`` from its sentence.

Why the rules look like this: a sentence often holds several amounts of different kinds and
stages (``vốn FDI đăng ký 2 tỷ USD, giải ngân 1,2 tỷ USD``), so the cue that counts is the one
that *governs* the amount, not any cue in the sentence. Vietnamese puts the governing verb or
noun right before the amount (``cam kết tài trợ 2 triệu USD``) or, less often, the noun right
after it (``2 tỷ USD vốn ODA``). So each amount owns the stretch of text between the previous
amount of its sentence and itself; the cue nearest to it there, or right after it, decides.
A cue that names the source of the money (``ODA``, ``viện trợ``, ``ngân sách``) anywhere in
that stretch, or after the amount in its clause, beats a nearer generic one. An amount with
no cue of its own repeats its neighbour (``tương đương 196 tỷ đồng``, ``trong đó ... là 7.500
tỉ đồng``) or the paragraph it stands in. A gift's giver makes it aid, budget or donation
(``money_givers.py``); a price per unit is ``other``; a stage stops at a new clause, at a
need or request (also one right before the stage verb: `đề nghị tạm cấp`, `trình ... phê
duyệt`), and at a price noun. The cue words are data (``patterns/money_kind.yaml``, matched by
``money_cues.py``).

Linear time: each sentence is scanned once per cue family, and each amount looks at a bounded
number of cues found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter

import regex

from ..find.numscan import lowered
from ..record.models import Amount
from .money_cues import Cues, Hit, find_hits, load_cues, sentence_hits
from .money_givers import firm_pays, is_foreign, state_invests, state_opens
from .money_lenders import official_lender

KINDS = ("aid", "oda", "investment", "remittance", "trade", "budget", "donation", "other")
STAGES = ("committed", "disbursed", "registered", "approved", "planned")

_AFTER_GAP = 16  # characters: a cue right after the amount (`2 tỷ USD vốn ODA`) starts within this
_LOOKBACK = 12  # cues looked at before an amount (bounded, so a long stretch stays linear)
_SHORT_STRETCH = 3  # words: an amount this close to the previous one repeats its stage
_REQUEST_REACH = 32  # characters: a request (`đề nghị`) this close before a stage verb governs it
_MARKER_REACH = 24  # characters: `, tương đương với`, `, trong đó` open the stretch they mark
_CLAUSE_END = regex.compile(r"[,;]")
_SEMI = regex.compile(";")
_PUNCT = regex.compile(r"[,;:.()!?\[\]]")
_WORD = regex.compile(r"\p{L}+")
_FIRM_REACH = 60  # characters: a firm word this close before a cue may open the name holding it
_CAPITAL_NEXT = regex.compile(r"[ \t]+\p{Lu}")
_RAISED_TO = regex.compile(r"(?<!\p{L})lên(?!\p{L})")  # `nâng kim ngạch ... lên X`: raised to a level
_START = itemgetter(0)  # a span's start: sentences and paragraphs are searched by it
_SEPARATED = regex.compile(r"[\p{L},;]")  # a word or a comma between a cue and the next amount


@dataclass
class _Sentence:
    start: int
    end: int
    kinds: list[Hit]
    kind_starts: list[int]
    stages: list[Hit]
    stage_starts: list[int]


def _sentence(text: str, start: int, end: int, cues: Cues) -> _Sentence:
    named = cues.firm_name_kinds
    kinds, stages = sentence_hits(cues, text, start, end)
    kinds = [_named_in_firm(text, h, start, cues) if h.label in named else h for h in kinds]
    return _Sentence(start, end, kinds, [h.start for h in kinds], stages, [h.start for h in stages])


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
    if firm is None or _PUNCT.search(text, firm.end(), hit.start):
        return hit
    return Hit(hit.start, hit.end, None)


def _before(hits: list[Hit], starts: list[int], lo: int, hi: int) -> list[Hit]:
    """The cues lying inside [lo, hi), nearest first (at most ``_LOOKBACK``). A phrase that
    hides a cue (label None) only hides it: it is no cue itself."""
    i = bisect_left(starts, hi) - 1
    out = []
    while i >= 0 and len(out) < _LOOKBACK and hits[i].start >= lo:
        if hits[i].end <= hi and hits[i].label is not None:
            out.append(hits[i])
        i -= 1
    return out


def _right_after(text: str, hits: list[Hit], starts: list[int], pos: int, limit: int) -> Hit | None:
    """A cue starting within a few characters after ``pos``, with no punctuation between."""
    i = bisect_left(starts, pos)
    if (
        i < len(hits)
        and hits[i].start < min(limit, pos + _AFTER_GAP)
        and not _PUNCT.search(text, pos, hits[i].start)
    ):
        return hits[i] if hits[i].label is not None else None
    return None


def _first_after(hits: list[Hit], starts: list[int], pos: int, limit: int) -> Hit | None:
    i = bisect_left(starts, pos)
    while i < len(hits) and hits[i].start < limit:
        if hits[i].label is not None:
            return hits[i]
        i += 1
    return None


def _source_after(text: str, sent: _Sentence, pos: int, hi: int, cues: Cues) -> list[Hit]:
    """The cues after the amount in its own clause, up to the next amount, a `;` or the parts
    that follow (`trong đó`), at most four: a source named there still names the money
    (`tổng mức đầu tư 11 tỷ đồng được tài trợ bằng vốn vay ODA`, `..., sử dụng vốn ngân
    sách`). Between two amounts a comma ends the first one's clause: what follows it is the
    next amount's (`với tổng mức đầu tư 6.000 tỷ đồng, năm sau ngân sách bố trí 185 tỷ`)."""
    stop = _CLAUSE_END.search(text, pos, hi) if hi < sent.end else None
    if stop is None:
        stop = _SEMI.search(text, pos, hi)
    end = hi if stop is None else stop.start()
    part = cues.same.search(text, pos, end)
    end = part.start() if part else end
    i = bisect_left(sent.kind_starts, pos)
    out = []
    while i < len(sent.kinds) and len(out) < 4 and sent.kinds[i].end <= end:
        if sent.kinds[i].label is not None:
            out.append(sent.kinds[i])
        i += 1
    return out


def _governing(
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


def _project(text: str, lo: int, a: Amount, hi: int, cues: Cues) -> bool:
    """A project or a work named in the amount's own clause before it, or right after it
    (`793 tỷ đồng xây dựng ...`): the amount, which no cue names, is the project's capital."""
    clause = max(lo, max(text.rfind(c, lo, a.start) for c in ",;:()") + 1)
    after = cues.project_built.search(text, a.end, min(hi, a.end + _AFTER_GAP))
    return bool(cues.project.search(text, clause, a.start) or (after is not None and not text[a.end : after.start()].strip()))


def _aside(text: str, hit: Hit, lo: int, amount_start: int) -> bool:
    """Whether ``hit`` stands in a parenthesis closed before the amount (`tổng vốn đầu tư (vốn
    nhà nước và vốn khác) 900 tỷ đồng`): an aside, which the noun before it governs past. A
    parenthesis holding only the cue glosses the noun before it (`viện trợ phát triển chính
    thức (ODA)`): it is that noun's name, no aside."""
    close = text.find(")", hit.end, amount_start)
    opening = text.rfind("(", lo, hit.start)
    if close < 0 or opening < 0 or text.find(")", opening, hit.start) >= 0:
        return False
    return bool(text[opening + 1 : hit.start].strip() or text[hit.end : close].strip())


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


def _kind_of(
    text: str, sent: _Sentence, lo: int, a: Amount, hi: int, prev_kind: str | None, cues: Cues, before: list[Hit]
) -> str | None:
    """The kind the cues of the amount's stretch [lo, a.start) give it; ``before`` is
    ``_before(sent.kinds, sent.kind_starts, lo, a.start)``, which the caller has found."""
    after = _right_after(text, sent.kinds, sent.kind_starts, a.end, hi)
    hit = _governing(text, [h for h in before if not _aside(text, h, lo, a.start)], after, a.start, a.end, cues)
    if hit is not None:
        bare = hit.label == "investment" and text[hit.start : hit.end].lower() == "đầu tư"
        if bare and (state_invests(text, [hit], lo, cues) or state_opens(text, sent.start, lo, hit.start, cues)):
            return "budget"  # `Tỉnh đã đầu tư 3.000 tỉ đồng`: public money spent
        around = before + _source_after(text, sent, a.end, hi, cues)
        kind = _with_overrides(hit, around, cues)
        if kind == "investment" and state_invests(text, around, lo, cues):
            return "budget"  # `xã đã đầu tư ... với tổng mức đầu tư 9 tỷ đồng`: the State's own works
        return kind
    if prev_kind is not None and _marked(text, lo, a.start, cues):
        return prev_kind
    later = _first_after(sent.kinds, sent.kind_starts, a.end, hi)
    if later is not None:
        return later.label
    return prev_kind


def _stage_of(
    text: str, sent: _Sentence, lo: int, a: Amount, hi: int, prev_stage: str | None, parts: bool, cues: Cues, floor: int, noun: list[Hit]
) -> str | None:
    """The governing stage cue in the amount's own clause; else the previous amount's stage
    when this one restates it, is a part of it or follows in a list of its parts (``parts``).
    The caller passes ``floor = _last_break(text, lo, a.start, cues)`` (a stage does not
    cross into a new clause) and ``noun = _before(sent.kinds, sent.kind_starts, lo,
    a.start)``: it needs both too, so each is found once per amount."""
    if noun and noun[0].label == "price":
        floor = max(floor, noun[0].end)  # `đăng ký ... phải trả phí 6 SGD`: no stage for a price
    cues_before = _before(sent.stages, sent.stage_starts, floor, a.start)
    before = [h for h in cues_before if h.label != "submitted" and (h.label != "raised" or _RAISED_TO.search(text, h.end, a.start))]
    after = _right_after(text, sent.stages, sent.stage_starts, a.end, hi)
    if after is not None and (after.label in ("submitted", "raised") or cues.within.match(text, a.end, after.start)):
        after = None  # `5 tỷ đồng trong kế hoạch vốn`: where the money stands, not a stage
    hit = _governing(text, before, after, a.start, a.end)
    if hit is not None:
        if hit.label == "blocked" or _requested(text, cues_before, hit, cues):
            return None
        return "planned" if hit.label == "raised" else hit.label  # `nâng kim ngạch ... lên 3 tỷ USD`: a goal
    if _marked(text, floor, a.start, cues):
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
        and not _PUNCT.search(text, before[i].end, hit.start)
    )


def _last_break(text: str, lo: int, hi: int, cues: Cues) -> int:
    floor = lo
    for m in cues.stage_break.finditer(text, lo, hi):
        floor = m.end()
    return floor


def _marked(text: str, lo: int, hi: int, cues: Cues) -> bool:
    """The stretch opens with `tương đương`, `trong đó`...: this amount is the previous one
    again, or a part of it."""
    return bool(cues.same.search(text, lo, min(hi, lo + _MARKER_REACH)))


def _paragraph_kind(
    text: str, sentences: list[list[int]], index: int, paragraph: tuple[int, int], cues: Cues
) -> str | None:
    """The last kind cue of the (at most two) sentences before, inside the same paragraph."""
    for s, e in reversed(sentences[max(0, index - 2) : index]):
        if s < paragraph[0]:
            break
        hits = [h for h in find_hits(cues.kind, cues.kind_of, text, s, e) if h.label is not None]
        if hits:
            return _with_overrides(hits[-1], reversed(hits[-_LOOKBACK:]), cues)
    return None


def _with_overrides(hit: Hit, others, cues: Cues) -> str | None:
    """``hit``'s kind, unless another cue of the stretch names the source of the money."""
    for other in others:
        if other.label in cues.overrides and hit.label in cues.overrides[other.label]:
            return other.label
    return hit.label


# How far past an amount its unit (`/lô hàng`, `/tấn`) is looked for. The bound matters: an
# unbounded ``regex`` match with a case-insensitive alternation costs time in proportion
# to the rest of the text, so a page of thousands of amounts in one sentence took
# quadratic time (tests/test_hostile.py, "amounts with kind cues").
_PER_UNIT_REACH = 80
_TAX = regex.compile(r"(?<!\p{L})thuế(?!\p{L})")


def resolve_kinds(
    text: str,
    amounts: list[Amount],
    sentences: list[list[int]] | None = None,
    paragraphs: list[list[int]] | None = None,
) -> None:
    """Set ``kind`` and ``stage`` on every amount (in place). An amount outside every sentence
    (a title) is read in its own line; without sentences, the whole text is one sentence."""
    if not amounts:
        return
    cues = load_cues()
    # read only, and searched by their starts with a key (no per-document copies: a page of
    # a hundred sentences holding one amount would copy them all to look up one)
    spans = sentences or []
    paras = paragraphs or []
    current: tuple[int, int] | None = None
    sent: _Sentence | None = None
    prev: Amount | None = None
    parts = False  # inside a list of parts (`trong đó A là 5 tỷ, B là 3 tỷ`)
    head: str | None = None  # the kind of the whole those parts belong to
    foreign: dict[tuple[int, int], bool] = {}
    index: int | None = None
    lenders: dict[tuple, object] = {}  # a sentence -> names an official lender; its countries; the lead
    for k, a in enumerate(amounts):
        if current is None or not (current[0] <= a.start and a.end <= current[1]):
            index, current_span = _sentence_of(text, spans, a)
        else:
            current_span = current
        s, e = current_span
        if current != (s, e):
            current, sent, prev, parts = (s, e), _sentence(text, s, e, cues), None, False
        assert sent is not None
        nxt = amounts[k + 1].start if k + 1 < len(amounts) and amounts[k + 1].start < e else e
        lo = prev.end if prev is not None else s
        j = bisect_left(paras, a.start + 1, key=_START) - 1
        paragraph = tuple(paras[j]) if j >= 0 and paras[j][1] >= a.end else (s, e)
        floor = _last_break(text, lo, a.start, cues)  # also the stage's floor (_stage_of)
        if prev is not None and (_marked(text, lo, a.start, cues) or _marked(text, floor, a.start, cues)):
            head = head if parts else prev.kind
            parts = True
        elif cues.clause_break.search(text, lo, a.start):
            parts = False
        # a cue the previous amount took right after it (`20 tỷ đồng vay WB và 2 tỷ đồng`) is its own
        taken = _right_after(text, sent.kinds, sent.kind_starts, prev.end, a.start) if prev else None
        lo_kind = taken.end if taken and _SEPARATED.search(text, taken.end, a.start) else lo
        kinds_before = _before(sent.kinds, sent.kind_starts, lo_kind, a.start)
        kind = _kind_of(text, sent, lo_kind, a, nxt, prev.kind if prev else None, cues, kinds_before)
        if kind is None and prev is None and index is not None:
            kind = _paragraph_kind(text, spans, index, paragraph, cues)
        if kind is None and _project(text, lo_kind, a, nxt, cues):
            kind = "investment"  # `Dự án ... dự kiến lên tới 33 tỷ USD`: a project's capital
        if kind == "gift":  # a grant or gift: aid from abroad, budget from the state, else a donation
            # the giver nearest the amount decides: a State giver in its own stretch (`Trung
            # ương phân bổ 5 tỷ`) outweighs a foreign one named only in the sentence before
            state = cues.state.search(text, lo, a.start) or state_opens(text, s, lo, a.start, cues)
            earlier = tuple(spans[index - 1]) if index and spans[index - 1][0] >= paragraph[0] and not state else None
            if is_foreign(text, a, (lo_kind, nxt), (s, e), earlier, cues, foreign):
                kind = "aid"
            else:  # a rate per hectare, or a scheme's words in the amount's stretch (`theo Nghị định
                # ..., mức hỗ trợ 5 triệu đồng/người`): the State's support, not charity
                scheme = cues.per_area.match(text, a.end) or cues.policy.search(text, lo, a.start)
                if state or scheme:
                    kind = "budget"
                elif firm_pays(text, kinds_before, lo_kind, a.start, cues):
                    kind = "other"  # a firm's plain support is compensation
                else:
                    kind = "donation"
        if kind == "bond" and (cues.state.search(text, lo_kind, a.start) or state_opens(text, s, lo_kind, a.start, cues)):
            kind = "budget"  # `Chính phủ đã phát hành 9 nghìn tỷ đồng trái phiếu`: the State borrows
        # a tax per unit named in the amount's own stretch (`thuế 3.000 đồng/lít`) is still a tax
        tax = kind == "revenue" and _TAX.search(lowered(text), lo_kind, a.start) is not None
        if kind in ("credit", "borrowing") and official_lender(text, a, lo_kind, (s, e), paras, lenders, cues):
            kind = "oda"  # a development lender's or a foreign State's credit is concessional lending
        kind = cues.reads_as.get(kind, kind) if kind else kind
        if parts and kind in (None, "other") and head not in (None, "other"):
            kind = head  # `tổng mức đầu tư 3.100 tỷ, trong đó chi phí xây dựng 820 tỷ`: a part
        if not tax and cues.per_unit.match(text, a.end, a.end + _PER_UNIT_REACH):  # bounded: see _PER_UNIT_REACH
            kind = "other"  # `350.000 đồng/lô hàng`: a price
        a.kind = kind or "other"
        noun = kinds_before if lo_kind == lo else _before(sent.kinds, sent.kind_starts, lo, a.start)
        a.stage = _stage_of(text, sent, lo, a, nxt, prev.stage if prev else None, parts, cues, floor, noun)
        prev = a


def _sentence_of(
    text: str, spans: list[list[int]], a: Amount
) -> tuple[int | None, tuple[int, int]]:
    i = bisect_left(spans, a.start + 1, key=_START) - 1
    if i >= 0 and spans[i][1] >= a.end:
        return i, (spans[i][0], spans[i][1])
    left = text.rfind("\n", 0, a.start) + 1  # a title or a line outside the sentences: its line
    right = text.find("\n", a.end)
    return None, (left, len(text) if right < 0 else right)
