"""Countries: every foreign country or territory named in the title and paragraphs (SPEC 9).

How: CLDR's Vietnamese territory names (through Babel) and the news forms of
``patterns/countries.yaml`` make one index (``country_names.py``); the longest written name wins (``names.py``). A full name
(``Hàn Quốc``, ``Campuchia``) counts when written with its capitals and not after a
word that makes it a language, a currency or a person (``tiếng Anh``, ``đô la Mỹ``).
A one-syllable name that is also a given name or an everyday word (``Nga``, ``Đức``,
``Anh``) must moreover stand alone: no capitalised syllable beside it (``Thúy Nga``,
``Mỹ Tho``), no lower-case syllable that makes it a word (``Pháp luật``). A short form
(``Trung``, ``Thái``) counts only in a pair joined by a dash (``Việt - Trung``). A state
form written before a name (``CHLB Đức``) joins its span. Province names found first
mask the words inside them (``Lào`` in ``Lào Cai``).
"""

from __future__ import annotations

import functools

import regex

from ..record.models import Country
from .country_names import FULL, NATIONALITY, NONE, PAIR, SINGLE, WORD_SPLIT, Entry, cldr_names, names
from .names import gate_stops, joint_gate
from .places import gazetteer

__all__ = ["FULL", "NONE", "PAIR", "SINGLE", "Entry", "cldr_names", "find_countries", "is_country", "name_stops", "names"]

# backwards, as in places.py: the group is the whole run of letters before the last space
_PREVIOUS = regex.compile(r"([\p{L}\p{M}]+)[ \u00a0]$", regex.REVERSE)
_NEXT = regex.compile(r"[ \u00a0]([\p{L}\p{M}]+)")


def compass_reading(before: str, entry: Entry) -> bool | None:
    """What a compass word right before a name makes of it: ``None`` when there is none
    (the ``Nam`` of ``Việt Nam`` is none), ``True`` when it names a part of the country
    (``đông Ukraine``, ``miền Nam Syria``, ``Tây Nam Trung Quốc``), ``False`` when it makes
    another place (``Nam Mỹ``, ``Bắc Ireland``) or a name: a capitalised compass word with no
    region word before a one-syllable name (``Đông Anh``, ``Trung Đức``: a district, a man)."""
    n = names()
    if before.rstrip(" \u00a0")[-3:].lower() not in n.compass_endings:
        return None  # the pattern needs a compass word at the end: most names have none
    m = n.compass.search(before)
    if m is None:
        return None
    direction, previous = m.group("dir"), (m.group(1) or "")
    if previous == "Việt" and direction == "Nam":
        return None
    if entry.canonical in n.direction_compounds:
        return False
    return direction[0].islower() or previous.lower() in n.region_words or entry.kind == FULL


def _dashed(window: str) -> bool:
    return "-" in window or "–" in window or "—" in window


@functools.lru_cache(maxsize=4096)  # a few hundred spellings come back on every page
def _capitals_as_written(written: str, canonical: str) -> bool:
    """The words the list capitalises are capitalised in the text (or it is all capitals).
    A name of several words may also be written with its first capital only (``Nhật bản``,
    ``Hàn quốc``), as informal pages do: no everyday phrase opens with those syllables; a
    name of three words or more, with its first capital, in any case at all."""
    if _all_capitals(written):
        return True
    w_words = WORD_SPLIT.split(written)
    c_words = WORD_SPLIT.split(canonical)
    if len(w_words) != len(c_words):
        return written[:1].isupper()
    if len(w_words) > 1 and w_words[0][:1].isupper() and all(w.islower() for w in w_words[1:]):
        return True
    if len(c_words) >= 3 and w_words[0][:1].isupper():
        return True  # a long name in any case after its first capital: `Các Tiểu vương quốc Ả Rập thống nhất`
    return all(not c[:1].isupper() or w[:1].isupper() for w, c in zip(w_words, c_words, strict=True))


def _all_capitals(written: str) -> bool:
    """``LÀO``, ``HÀN QUỐC``: a line in capitals (one capital letter alone is not)."""
    return written.isupper() and not written.istitle()


def _sentence_initial(before: str) -> bool:
    """At the start of a sentence, a line, or a quotation (``như "Anh chỉ làm được"``)."""
    spaced = before.rstrip(" \u00a0")
    if spaced.endswith(("\"", "“", "‘")):
        return True
    stripped = spaced.rstrip(" \u00a0\"'“‘(")
    return not stripped or stripped[-1] in ".!?:\n•-–—"


def _capital_neighbour(
    text: str, start: int, end: int, floor: int, ceil: int, titled: bool, compass: bool = False
) -> bool:
    """A capitalised syllable beside the name makes it part of a longer name (``Thúy Nga``,
    ``Mỹ Tho``); after a title word the one after it is a person's name (``Tổng thống Mỹ
    Donald Trump``). A compass word before it (``miền Bắc Lào``) is no such syllable."""
    prev = _PREVIOUS.search(text[max(floor, start - 25) : start])
    nxt = _NEXT.match(text[end : min(ceil, end + 25)])
    # initials in capitals before it (`ĐTQG Đức`, `BKS Lào`) abbreviate a common noun: no name syllable
    left = bool(prev and prev.group(1)[0].isupper() and not _initials(prev.group(1))) and not compass
    if left and prev.group(1).lower() in names().opening_words:
        # `Người Mỹ ...`, `Tại Nga ...`: a sentence's first word is capitalised for the
        # sentence, not for a name
        left = not _sentence_initial(text[max(floor, start - len(prev.group(0)) - 5) : start - len(prev.group(0))])
    if left and prev.group(1) == "Việt":  # `BV Việt Đức`: a pair's name; `Nguyễn Việt Anh`: a person
        before = _PREVIOUS.search(text[max(floor, start - 50) : start - len(prev.group(0))])
        left = bool(before and before.group(1) in names().name_syllables)
    return left or bool(
        nxt
        and nxt.group(1)[0].isupper()
        and not titled
        and not _foreign(nxt.group(1))
        and nxt.group(1) not in names().time_words_after
    )


def _foreign(word: str) -> bool:
    """``Aleksey``, ``Trump``: a capitalised word no Vietnamese syllable is shaped like
    (``Sơn``, ``Tho``, ``Linh`` are); all capitals (``ODA``, ``TTXVN``) are initials, not
    names, and stay neighbours as before."""
    return not word.isupper() and names().vietnamese_syllable.fullmatch(word) is None


def _initials(word: str) -> bool:
    """``ĐTQG``, ``BKS``: two or more letters, all capitals."""
    return len(word) >= 2 and word.isupper()


def _next_word(text: str, end: int, ceil: int) -> str:
    m = _NEXT.match(text[end : min(ceil, end + 25)])
    return m.group(1) if m else ""


def is_country(text: str, start: int, end: int, entry: Entry, floor: int, ceil: int) -> bool:
    """Whether the name at [start, end) names its country here (see the module doc)."""
    n = names()
    if entry.kind == NONE:
        return False
    written = text[start:end]
    if not _capitals_as_written(written, entry.canonical):
        return False
    before = text[max(floor, start - 40) : start]
    if entry.kind != PAIR and n.state_before.search(before):
        return True  # CHLB Đức, Liên bang Nga
    left, right = text[max(floor, start - 20) : start], text[end : min(ceil, end + 20)]
    paired = bool(  # both pair patterns need a dash: most windows have none (a C-level test)
        (_dashed(left) and n.pair_before.search(left)) or (_dashed(right) and n.pair_after.match(right))
    )
    if paired and entry.kind != FULL and n.language_before.search(text[max(floor, start - 30) : start]):
        return False  # bằng 2 thứ tiếng (Việt - Anh): languages, not countries
    if entry.kind == PAIR:
        return paired or (entry.canonical in n.undashed_pairs and _undashed_pair(text, start, end, floor, ceil))
    if entry.kind == NATIONALITY:  # `người Bồ`, and no capitalised word going on (`Bồ Câu`)
        return bool(n.nationality_before.search(before)) and not _next_word(text, end, ceil)[:1].isupper()
    if not paired and _not_after(before, entry):
        return False
    compass = compass_reading(before, entry) if not paired else None
    if compass is False:
        return False
    if entry.kind == FULL:
        return True
    if paired:
        return True
    if _all_capitals(written):
        nxt = _NEXT.match(text[end : min(ceil, end + 25)])
        prev = _PREVIOUS.search(text[max(floor, start - 25) : start])
        beside = [m.group(1) for m in (prev, nxt) if m]
        if any(w.isupper() for w in beside) and not text[floor:ceil].isupper():
            return False  # a name in capitals inside a mixed line: `ANH THƯ ghi`
        return not _not_after(before, entry)
    if _capital_neighbour(text, start, end, floor, ceil, bool(n.title_before.search(before)), bool(compass)):
        return False
    if n.firm_before.search(before) and _next_word(text, end, ceil) in n.name_syllables:
        return False  # `Tập đoàn Mỹ Lan`: a Vietnamese firm's name, no nationality
    if _next_word(text, end, ceil).lower() in n.not_before.get(entry.canonical, ()) and not (
        n.not_before_except.match(text, end, min(ceil, end + 30))
    ):
        return False
    if entry.canonical in n.not_sentence_initial and _sentence_initial(before):
        return text.startswith(":", end)  # `Anh: cảnh sát ...`: a headline's place prefix, no pronoun
    return True


def _undashed_pair(text: str, start: int, end: int, floor: int, ceil: int) -> bool:
    """``hữu nghị Việt Xô``: the pair without its dash. ``Việt`` right before, a lower-case
    word before that which makes no person (``Hồ Việt``, ``anh Việt`` open a person's
    name), and no capitalised word after (a longer name)."""
    n = names()
    partner = n.undashed_partner
    if not text.startswith(partner + " ", start - len(partner) - 1) or start - len(partner) - 1 < floor:
        return False
    before = text[max(floor, start - len(partner) - 31) : start - len(partner) - 1]  # ends with the space
    prev = _PREVIOUS.search(before)
    if prev is None or not prev.group(1).islower() or n.not_after.search(before):
        return False
    nxt = _NEXT.match(text[end : min(ceil, end + 25)])
    return not (nxt and nxt.group(1)[0].isupper())


def _not_after(before: str, entry: Entry) -> bool:
    """A word before the name makes it a person, a language, a currency ... (``chị Nga``,
    ``tiếng Anh``), unless that word ends a longer word (``đàn ông``, ``yêu cầu``)."""
    n = names()
    by_name = n.not_after_name.get(entry.canonical)
    if by_name is not None and by_name.search(before):
        return not n.not_after_except.search(before)  # `chính quyền Anh`: the government, not boxing
    return bool(n.not_after.search(before)) and not n.not_after_except.search(before)


def find_countries(
    text: str,
    regions: list[list[int]] | None = None,
    masked: list[tuple[int, int]] | None = None,
    stops: list[list[int]] | None = None,
) -> list[Country]:
    """Every foreign country mention inside ``regions``, in text order; spans overlapping
    ``masked`` (the province names) are not countries. ``stops``: see ``name_stops``."""
    from .spans import SpanIndex

    n = names()
    taken = SpanIndex(masked or [])
    regions = regions if regions is not None else [[0, len(text)]]
    found = [
        (s, e, entry, start, end)
        for i, (start, end) in enumerate(regions)
        for s, e, entry in n.index.find(text, start, end, None if stops is None else stops[i])
        if entry.kind is not NONE and not taken.overlaps(s, e)  # NONE: found only to be skipped
    ]
    given = _given_names(text, found)
    named = {s for s, *_ in found}  # where a country's name begins: `Việt Nam Thái Lan Malaysia` lists
    out: list[Country] = []
    for s, e, entry, start, end in found:
        if not is_country(text, s, e, entry, start, end) or _opens_a_name(text, s, e, start, end, taken, named):
            continue
        if entry.canonical in given and not n.country_before.search(text[max(start, s - 30) : s]):
            continue  # `Phương Nga` ... `Tôi thấy Nga có tiềm năng`: the same person
        before = text[max(start, s - 40) : s]
        if entry.kind != PAIR and n.state_before.search(before):
            s -= len(n.state_span.search(before).group())  # the leftmost start, as written
        out.append(Country(s, e, text[s:e], entry.code))
    return _with_defined_abbreviations(text, regions, out, taken) if "(" in text and out else out


def _initials_of(name: str) -> str:
    """``Trung Quốc`` -> ``TQ``, ``Hàn Quốc`` -> ``HQ``."""
    return "".join(w[:1] for w in WORD_SPLIT.split(name) if w).upper()


_DEFINED = regex.compile(r"[ \u00a0]*\((\p{Lu}{2,4})\)")


def _with_defined_abbreviations(text: str, regions: list[list[int]], found: list[Country], taken) -> list[Country]:
    """An abbreviation the text defines in brackets after a country's name (``Trung Quốc
    (TQ)``) names that country wherever the document writes it, the brackets included: the
    writer said so. Only the name's own initials: after ``Cơ quan Hàng không Vũ trụ Mỹ
    (NASA)`` the brackets abbreviate the agency. (Initials are no country by themselves:
    ``TQ`` is also Tuyên Quang's.)"""
    defined: dict[str, str] = {}
    for c in found:
        m = _DEFINED.match(text, c.end)
        if m and m.group(1) not in defined and m.group(1) == _initials_of(c.text):
            defined[m.group(1)] = c.country
    if not defined:
        return found
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, defined)) + r")(?![\p{L}\p{N}])")
    have = {(c.start, c.end) for c in found}
    extra = [
        Country(m.start(), m.end(), m.group(), defined[m.group()])
        for start, end in regions
        for m in pattern.finditer(text, start, end)
        if (m.start(), m.end()) not in have and not taken.overlaps(m.start(), m.end())
    ]
    return sorted(found + extra, key=lambda c: (c.start, c.end)) if extra else found


@functools.cache
def _places_and_countries_gate():
    return joint_gate(gazetteer().index, names().index)


def name_stops(text: str, regions: list[list[int]]) -> list[list[int]]:
    """Where a province's or a country's name may begin, region by region: one scan of the
    page for both stages (``find_places`` and ``find_countries`` take it as ``stops``)."""
    return gate_stops(_places_and_countries_gate(), text, regions)


def _opens_a_name(text: str, s: int, e: int, floor: int, ceil: int, taken, named: set[int]) -> bool:
    """Whether the name, right after ``Việt Nam`` and before another capitalised word that is
    no province's or country's name, opens a person's or a foreign name (``UNICEF Việt Nam
    Jordan Lee``)."""
    if "Nam" not in text[max(floor, s - 6) : s]:
        return False  # the pattern needs `Việt Nam` right before: most names have none
    nxt = _NEXT.match(text, e, min(ceil, e + 25))
    if nxt is None or not nxt.group(1)[0].isupper() or _all_capitals(text[s:e]):
        return False
    if taken.overlaps(nxt.start(1), nxt.end(1)) or nxt.start(1) in named:
        return False  # `Việt Nam Campuchia Hà Nội`: a province's or a country's name follows, the country stands
    return bool(names().opener_before.search(text[max(floor, s - 20) : s]))


def _given_names(text: str, found: list) -> set[str]:
    """One-syllable names the document uses as a given name (``Phương Nga``, ``Hằng Nga``,
    ``chị Nga``):
    one sense per document, so elsewhere they stand for the country only after a word that
    says so (``tại Nga``, ``người Nga``)."""
    out = set()
    for s, e, entry, start, end in found:
        if entry.kind == SINGLE:
            before = text[max(start, s - 25) : s]
            if (
                names().person_before.search(before)
                and not names().not_after_except.search(before)  # `đàn ông Mỹ`: a longer word
                and not _next_word(text, e, end)[:1].isupper()  # `chị Mỹ Linh`: a longer name
            ):
                out.add(entry.canonical)
                continue
            prev = _PREVIOUS.search(text[max(start, s - 25) : s])
            word = prev.group(1) if prev else ""
            if (
                word[:1].isupper()
                and not word.isupper()
                and word != "Việt"
                and word in names().name_syllables
                and not compass_reading(text[max(start, s - 40) : s], entry)
                and not _next_word(text, e, end)[:1].isupper()  # `Hoàng Anh Tuấn`: a middle name, not what he is called
            ):
                out.add(entry.canonical)
    return out
