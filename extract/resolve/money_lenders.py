"""Who lends the money (SPEC section 10): a loan is ``oda`` when its lender is official.

Why a module of its own: a loan's kind turns on its lender, and the lender is named in more
places than the amount's own stretch: a development bank or ``ODA`` anywhere in the sentence,
a foreign State named as the lender right next to the amount, or a development bank in the
article's lead whose loans the paragraphs below list one by one (``Các khoản tín dụng gồm có
...``). The words are data (``patterns/money_kind.yaml``: ``development_lenders``,
``official_loan_words``, ``lender_after_amount``, ``borrowed_from``).
"""

from __future__ import annotations

import regex

from ..record.models import Amount
from .mentions import Mentions
from .money_cues import Cues


def official_lender(
    text: str,
    a: Amount,
    lo: int,
    sentence: tuple[int, int],
    paragraphs: list[list[int]],
    seen: dict[tuple, bool],
    countries: Mentions,
    cues: Cues,
) -> bool:
    """Whether a loan's lender is official: a development lender or ``ODA`` named in the
    sentence, a foreign country named as the lender next to the amount (``_lent_by_country``),
    or a development lender named in the article's lead (its first paragraph), whose loans
    the paragraphs below may list one by one. Each span is searched once (``seen``)."""
    if sentence not in seen:
        seen[sentence] = bool(cues.lenders.search(text, *sentence) or cues.official_loan.search(text, *sentence))
    if seen[sentence] or _lent_by_country(text, a, lo, countries, cues):
        return True
    if not paragraphs:
        return False
    lead = ("lead", paragraphs[0][0])
    if lead not in seen:
        seen[lead] = cues.lenders.search(text, paragraphs[0][0], paragraphs[0][1]) is not None
    return bool(seen[lead])


_CLAUSE_OR_PURPOSE = regex.compile(r"[,;.:!?]|(?<!\p{L})để(?!\p{L})")
_LENDER_REACH = 30  # characters after the amount in which its lender's country may be named


def _lent_by_country(text: str, a: Amount, lo: int, countries: Mentions, cues: Cues) -> bool:
    """Whether a foreign country (one of the record's ``countries``) is named as the loan's
    lender: right after the amount (``300 triệu USD của Trung Quốc``) or before it in its own
    stretch (``vay Hàn Quốc 120 triệu USD``, ``Nhật Bản cho Việt Nam vay``)."""
    # only the countries in the amount's stretch or just after it: bounded, so that a sentence
    # of a thousand loans and a thousand countries stays linear
    for c in countries.within(lo, a.end + _LENDER_REACH + 1):
        if a.end <= c.start <= a.end + _LENDER_REACH:
            between = text[a.end : c.start]
            if not _CLAUSE_OR_PURPOSE.search(between) and cues.lender_after_amount.search(between):
                return True
        elif lo <= c.start and c.end <= a.start and (
            cues.borrowed_from.search(text[max(lo, c.start - 12) : c.start]) or cues.lends.match(text, c.end, a.start)
        ):
            return True
    return False
