"""Who gives or spends the money (SPEC section 10): the State, a firm, a foreign giver.

A grant's kind is its giver's (aid from abroad, budget from the State, a donation from
anyone else), and a project's capital is the State's own spending when a State body is the
subject of ``đầu tư``. ``money_kind.py`` asks these questions once it knows which cue
governs an amount; the words are data (``patterns/money_kind.yaml``, through
``money_cues.py``).
"""

from __future__ import annotations

import regex

from ..record.models import Amount
from .mentions import Mentions
from .money_cues import Cues, Hit

# a unit's name (a few capitalised words, atomic: no backtracking) ending at a comma: an
# address (`phường Minh Khai, quận`); or at a closing parenthesis: an aside (`anh A (TP HCM)`)
_ADDRESS = regex.compile(r"(?>(?:\s+[\p{Lu}\d][\p{L}\d.]*){0,6})\s*[,(;:)]")
_INVESTOR_REACH = 48  # characters before the verb `đầu tư` where its State subject is looked for


def state_invests(text: str, hits: list[Hit], lo: int, places: Mentions, cues: Cues) -> bool:
    """Whether a State body is the subject of the verb `đầu tư` among ``hits`` (`UBND tỉnh X
    đầu tư`, `xã đã đầu tư`, a province by its name opening the clause: `Đà Nẵng đã đầu
    tư`): the money is then public spending on its own works."""
    for h in hits:
        if h.label == "investment" and text[h.start : h.end].lower() == "đầu tư":
            floor = max(lo, h.start - _INVESTOR_REACH, text.rfind("\n", 0, h.start) + 1)
            if cues.state_invests.search(text, floor, h.start) or _province_invests(text, floor, h.start, places, cues):
                return True
    return False


def _province_invests(text: str, floor: int, verb: int, places: Mentions, cues: Cues) -> bool:
    """A province's name (one of the record's ``places``) opening its clause, then only
    adverbs, then the verb (``Vĩnh Long đã phải đầu tư``): the province is the subject. Not
    a name inside a firm's (``Bia Hà Nội đầu tư``), which no clause mark or line start
    precedes."""
    inside = places.within(floor, verb)
    if not inside:
        return False
    last = inside[-1]
    opens = text[floor : last.start].rstrip(" \t")
    return (not opens or opens[-1] in ",;:.(“\"") and cues.adverbs_only.fullmatch(text, last.end, verb) is not None


def firm_pays(text: str, before: list[Hit], lo: int, amount_start: int, cues: Cues) -> bool:
    """Whether a firm gives plain support in the amount's stretch (`công ty hỗ trợ chủ tàu 300
    triệu đồng`): the nearest gift word of ``before`` (the stretch's cues, nearest first) is
    `hỗ trợ` and a firm stands in the stretch. A firm's charity has words of its own (`ủng
    hộ`, `trao tặng`)."""
    gifts = [h for h in before if h.label == "gift"]
    return bool(
        gifts
        and text[gifts[0].start : gifts[0].end].lower() in cues.plain_support
        and cues.firm_giver.search(text, lo, amount_start)
    )


def agency_supports(text: str, before: list[Hit], lo: int, cues: Cues) -> bool:
    """Whether a named State agency gives plain support in the amount's stretch (`Ban An toàn
    giao thông tỉnh hỗ trợ gia đình mỗi nạn nhân 5 triệu đồng`): the nearest gift word of
    ``before`` (the stretch's cues, nearest first) is `hỗ trợ`, and the agency stands before
    it, as its subject. An agency's charity has words of its own (`trao tặng`, `ủng hộ`)."""
    gifts = [h for h in before if h.label == "gift"]
    return bool(
        gifts
        and text[gifts[0].start : gifts[0].end].lower() in cues.plain_support
        and cues.state_agency.search(text, lo, gifts[0].start)
    )


def is_foreign(
    text: str,
    a: Amount,
    own: tuple[int, int],
    sentence: tuple[int, int],
    before: tuple[int, int] | None,
    cues: Cues,
    memo: dict,
) -> bool:
    """A foreign currency, a foreign giver in the amount's own stretch, or, when its sentence
    names none (a foreign giver there belongs to another amount), in the sentence before it
    in the paragraph (sentences are searched once each: ``memo``)."""
    if a.currency != "VND" or cues.foreign.search(text, *own):
        return True
    for span in (sentence, before):
        if span is None:
            return False
        if span not in memo:
            memo[span] = bool(cues.foreign.search(text, *span))
        if memo[span]:
            return span is before
    return False


def state_opens(text: str, sentence_start: int, lo: int, hi: int, cues: Cues) -> bool:
    """A local unit opening the sentence or a clause in [lo, hi) (`Ngoài ra, huyện X hỗ trợ
    mỗi hộ 3 triệu đồng`): the State gives. A unit whose name ends at a comma, or that follows
    another unit's clause, is an address (`chi hội số 6, phường X, quận Y thu được`)."""
    found = [cues.state_first.match(text, lo, hi)] if lo == sentence_start else []
    found += list(cues.state_opening.finditer(text, lo, hi))
    for m in found:
        if m is None or _ADDRESS.match(text, m.end(), hi):
            continue
        clause = max(text.rfind(c, lo, m.start() - 1) for c in ",;:(") + 1
        if not cues.state_first.search(text, max(lo, clause), m.start() - 1):
            return True
    return False
