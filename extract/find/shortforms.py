"""Short forms (``Chỉ thị 04``) take the ``ref`` of the full citation they refer to in the
same document (SPEC section 3): the latest earlier one of that type and number, else the
first later one.

Full citations are indexed by (type, number) once, and each short form finds its match
by bisection, so a document with many citations and short forms stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

import regex

from ..record.models import Directive

_YEAR = r"(?:19|20)\d{2}"
_TRAILING_YEAR = regex.compile(rf"/\s?({_YEAR})\s*$")
_WORDS_YEAR = regex.compile(rf"(?i:năm)\s+({_YEAR})\s*$")  # "Quy định 205 năm 2019"
_REF_YEAR = regex.compile(rf"(?<=/)({_YEAR})(?=/)")  # every year segment of a ref


def _number_key(number: str) -> str:
    return number.lstrip("0") or "0"


def resolve_short_forms(mentions: list[Directive]) -> None:
    """Give each short form the ref of its full citation (SPEC: the latest earlier one of
    that type and number, else the first later one); unresolved ones keep ``ref: None``.

    A year written with a slash (``Nghị định 144/2013``) must be the year in the ref; a
    year in words (``Quy định 205 năm 2019``) must be too when the ref carries one, and a
    Party ref without a year (``205-QĐ/TW``) is not contradicted by it."""
    if not any(d.short for d in mentions):
        return  # nothing to resolve (most documents)
    groups: dict[tuple, list[Directive]] = defaultdict(list)
    for f in sorted((d for d in mentions if not d.short and d.ref), key=lambda d: d.start):
        key = (f.doc_type, _number_key(f.number))
        groups[key].append(f)
        years = set(_REF_YEAR.findall(f.ref))
        for year in years:
            groups[(*key, year)].append(f)
        if not years:
            groups[(*key, None)].append(f)
    starts = {k: [f.start for f in v] for k, v in groups.items()}
    for d in mentions:
        if not d.short:
            continue
        key = (d.doc_type, _number_key(d.number))
        slash, words = _TRAILING_YEAR.search(d.text), _WORDS_YEAR.search(d.text)
        if slash:
            keys = [(*key, slash.group(1))]
        elif words:
            keys = [(*key, words.group(1)), (*key, None)]
        else:
            keys = [key]
        found = [_nearest(groups[k], starts[k], d.start) for k in keys if k in groups]
        earlier = [f for f in found if f is not None and f.start < d.start]
        later = [f for f in found if f is not None and f.start > d.start]
        if earlier:
            d.ref = max(earlier, key=lambda f: f.start).ref
        elif later:
            d.ref = min(later, key=lambda f: f.start).ref


def _nearest(fulls: list[Directive], starts: list[int], pos: int) -> Directive | None:
    """The latest full citation before ``pos``, else the first after it (by bisection)."""
    i = bisect_left(starts, pos)
    if i > 0:
        return fulls[i - 1]
    return fulls[i] if i < len(fulls) else None
