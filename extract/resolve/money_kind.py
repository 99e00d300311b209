"""What the money is (SPEC section 10): each amount's ``kind``, and the pass that sets both
``kind`` and ``stage``.

Why the rules look like this: a sentence often holds several amounts of different kinds and
stages (``vốn FDI đăng ký 2 tỷ USD, giải ngân 1,2 tỷ USD``), so the cue that counts is the one
that *governs* the amount, not any cue in the sentence. Vietnamese puts the governing verb or
noun right before the amount (``cam kết tài trợ 2 triệu USD``) or, less often, the noun right
after it (``2 tỷ USD vốn ODA``). So each amount owns the stretch of text between the previous
amount of its sentence and itself; the cue nearest to it there, or right after it, decides
(``money_stretch.py``). A cue that names the source of the money (``ODA``, ``viện trợ``,
``ngân sách``) anywhere in that stretch, or after the amount in its clause, beats a nearer
generic one. An amount with no cue of its own repeats its neighbour (``tương đương 196 tỷ
đồng``, ``trong đó ... là 7.500 tỉ đồng``) or the paragraph it stands in. A gift's giver makes
it aid, budget or donation (``money_givers.py``), a loan's lender makes it ODA
(``money_lenders.py``), and a price per unit is ``other``. The stage has rules of its own
(``money_stage.py``). The cue words are data (``patterns/money_kind.yaml``, matched by
``money_cues.py``).

Linear time: each sentence is scanned once per cue family, and each amount looks at a bounded
number of cues found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter

import regex

from ..find.numscan import lowered
from ..record.models import Amount, Country, Place
from .mentions import Mentions
from .money_cues import Cues, Hit, find_hits, load_cues
from .money_givers import agency_supports, firm_pays, is_foreign, state_invests, state_opens
from .money_lenders import official_lender
from .money_stage import last_break, stage_of
from .money_stretch import (
    AFTER_GAP,
    LOOKBACK,
    SentenceCues,
    cue_right_after,
    cues_before,
    first_cue_after,
    governing,
    marked,
    sentence_cues,
)

KINDS = ("aid", "oda", "investment", "remittance", "trade", "budget", "donation", "other")
STAGES = ("committed", "disbursed", "registered", "approved", "planned")

_CLAUSE_END = regex.compile(r"[,;]")
_SEMI = regex.compile(";")
_START = itemgetter(0)  # a span's start: sentences and paragraphs are searched by it
_SEPARATED = regex.compile(r"[\p{L},;]")  # a word or a comma between a cue and the next amount


def _source_after(text: str, sent: SentenceCues, pos: int, hi: int, cues: Cues) -> list[Hit]:
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


def _project(text: str, lo: int, a: Amount, hi: int, cues: Cues) -> bool:
    """A project or a work named in the amount's own clause before it, or right after it
    (`793 tỷ đồng xây dựng ...`): the amount, which no cue names, is the project's capital."""
    clause = max(lo, max(text.rfind(c, lo, a.start) for c in ",;:()") + 1)
    after = cues.project_built.search(text, a.end, min(hi, a.end + AFTER_GAP))
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


def _kind_of(
    text: str, sent: SentenceCues, lo: int, a: Amount, hi: int, prev_kind: str | None, cues: Cues, before: list[Hit],
    places: Mentions,
) -> str | None:
    """The kind the cues of the amount's stretch [lo, a.start) give it; ``before`` is
    ``cues_before(sent.kinds, sent.kind_starts, lo, a.start)``, which the caller has found."""
    after = cue_right_after(text, sent.kinds, sent.kind_starts, a.end, hi)
    hit = governing(text, [h for h in before if not _aside(text, h, lo, a.start)], after, a.start, a.end, cues)
    if hit is not None:
        bare = hit.label == "investment" and text[hit.start : hit.end].lower() == "đầu tư"
        if bare and (state_invests(text, [hit], lo, places, cues) or state_opens(text, sent.start, lo, hit.start, cues)):
            return "budget"  # `Tỉnh đã đầu tư 3.000 tỉ đồng`: public money spent
        around = before + _source_after(text, sent, a.end, hi, cues)
        kind = _with_overrides(hit, around, cues)
        if kind == "investment" and state_invests(text, around, lo, places, cues):
            return "budget"  # `xã đã đầu tư ... với tổng mức đầu tư 9 tỷ đồng`: the State's own works
        return kind
    if prev_kind is not None and marked(text, lo, a.start, cues):
        return prev_kind
    later = first_cue_after(sent.kinds, sent.kind_starts, a.end, hi)
    if later is not None:
        return later.label
    return prev_kind


def _paragraph_kind(
    text: str, sentences: list[list[int]], index: int, paragraph: tuple[int, int], cues: Cues
) -> str | None:
    """The last kind cue of the (at most two) sentences before, inside the same paragraph. A
    cue of a family that names only its own sentence's money (``own_sentence_kinds``: an
    armed force, whose article's other sums are often arms sales or crimes) is skipped."""
    for s, e in reversed(sentences[max(0, index - 2) : index]):
        if s < paragraph[0]:
            break
        hits = [
            h for h in find_hits(cues.kind, cues.kind_of, text, s, e)
            if h.label is not None and h.label not in cues.own_sentence_kinds
        ]
        if hits:
            return _with_overrides(hits[-1], reversed(hits[-LOOKBACK:]), cues)
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
    places: list[Place] | None = None,
    countries: list[Country] | None = None,
) -> None:
    """Set ``kind`` and ``stage`` on every amount (in place). An amount outside every sentence
    (a title) is read in its own line; without sentences, the whole text is one sentence.
    ``places`` and ``countries`` are the record's (the pipeline runs this stage after
    theirs); a caller without them has them found here, in the sentences."""
    if not amounts:
        return
    cues = load_cues()
    if places is None or countries is None:
        places, countries = _names(text, sentences)
    in_places, in_countries = Mentions(places), Mentions(countries)
    # read only, and searched by their starts with a key (no per-document copies: a page of
    # a hundred sentences holding one amount would copy them all to look up one)
    spans = sentences or []
    paras = paragraphs or []
    current: tuple[int, int] | None = None
    sent: SentenceCues | None = None
    prev: Amount | None = None
    parts = False  # inside a list of parts (`trong đó A là 5 tỷ, B là 3 tỷ`)
    head: str | None = None  # the kind of the whole those parts belong to
    foreign: dict[tuple[int, int], bool] = {}
    index: int | None = None
    lenders: dict[tuple, bool] = {}  # a sentence, or the lead -> names an official lender
    for k, a in enumerate(amounts):
        if current is None or not (current[0] <= a.start and a.end <= current[1]):
            index, current_span = _sentence_of(text, spans, a)
        else:
            current_span = current
        s, e = current_span
        if current != (s, e):
            current, sent, prev, parts = (s, e), sentence_cues(text, s, e, cues), None, False
        assert sent is not None
        nxt = amounts[k + 1].start if k + 1 < len(amounts) and amounts[k + 1].start < e else e
        lo = prev.end if prev is not None else s
        j = bisect_left(paras, a.start + 1, key=_START) - 1
        paragraph = tuple(paras[j]) if j >= 0 and paras[j][1] >= a.end else (s, e)
        floor = last_break(text, lo, a.start, cues)  # also the stage's floor (stage_of)
        if prev is not None and (marked(text, lo, a.start, cues) or marked(text, floor, a.start, cues)):
            head = head if parts else prev.kind
            parts = True
        elif cues.clause_break.search(text, lo, a.start):
            parts = False
        # a cue the previous amount took right after it (`20 tỷ đồng vay WB và 2 tỷ đồng`) is its own
        taken = cue_right_after(text, sent.kinds, sent.kind_starts, prev.end, a.start) if prev else None
        lo_kind = taken.end if taken and _SEPARATED.search(text, taken.end, a.start) else lo
        kinds_before = cues_before(sent.kinds, sent.kind_starts, lo_kind, a.start)
        kind = _kind_of(text, sent, lo_kind, a, nxt, prev.kind if prev else None, cues, kinds_before, in_places)
        if kind is None and prev is None and index is not None:
            kind = _paragraph_kind(text, spans, index, paragraph, cues)
        if kind is None and _project(text, lo_kind, a, nxt, cues):
            kind = "investment"  # `Dự án ... dự kiến lên tới 33 tỷ USD`: a project's capital
        if kind == "gift":  # a grant or gift: aid from abroad, budget from the state, else a donation
            # the giver nearest the amount decides: a State giver in its own stretch (`Trung
            # ương phân bổ 5 tỷ`) outweighs a foreign one named only in the sentence before
            state = (
                cues.state.search(text, lo, a.start)
                or state_opens(text, s, lo, a.start, cues)
                or agency_supports(text, kinds_before, lo_kind, cues)
            )
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
        if kind in ("credit", "borrowing") and official_lender(text, a, lo_kind, (s, e), paras, lenders, in_countries, cues):
            kind = "oda"  # a development lender's or a foreign State's credit is concessional lending
        kind = cues.reads_as.get(kind, kind) if kind else kind
        if parts and kind in (None, "other") and head not in (None, "other"):
            kind = head  # `tổng mức đầu tư 3.100 tỷ, trong đó chi phí xây dựng 820 tỷ`: a part
        if not tax and cues.per_unit.match(text, a.end, a.end + _PER_UNIT_REACH):  # bounded: see _PER_UNIT_REACH
            kind = "other"  # `350.000 đồng/lô hàng`: a price
        a.kind = kind or "other"
        noun = kinds_before if lo_kind == lo else cues_before(sent.kinds, sent.kind_starts, lo, a.start)
        a.stage = stage_of(text, sent, lo, a, nxt, prev.stage if prev else None, parts, cues, floor, noun)
        prev = a


def _names(text: str, sentences: list[list[int]] | None) -> tuple[list[Place], list[Country]]:
    """The places and countries of the sentences (the whole text without them), found as
    the pipeline finds them: a province's name masks the country word inside it."""
    from ..find.countries import find_countries
    from ..find.places import find_places

    regions = sentences or [[0, len(text)]]
    places = find_places(text, regions)
    return places, find_countries(text, regions, [(p.start, p.end) for p in places])


def _sentence_of(
    text: str, spans: list[list[int]], a: Amount
) -> tuple[int | None, tuple[int, int]]:
    i = bisect_left(spans, a.start + 1, key=_START) - 1
    if i >= 0 and spans[i][1] >= a.end:
        return i, (spans[i][0], spans[i][1])
    left = text.rfind("\n", 0, a.start) + 1  # a title or a line outside the sentences: its line
    right = text.find("\n", a.end)
    return None, (left, len(text) if right < 0 else right)
