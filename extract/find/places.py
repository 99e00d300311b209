"""Places: every province or centrally-run city named in the title and paragraphs (SPEC 8).

How: one index holds every written form of the 63 names (the official name from the
package, the same with old-style tone marks, without tone marks, and the news forms of
``patterns/places.yaml``), plus the longer names that contain a province's name and are
something else (``Thái Bình Dương``); the longest written name wins (``names.py``). A candidate is then kept only when it is written as a name (every
syllable capitalised: ``hòa bình`` is peace) and the word before it does not make it a
person (``bà Hà Giang``, ``Nguyễn Thái Bình``), a feature (``sông Đồng Nai``) or a city
below province level (``thành phố Vĩnh Long``), unless that word ends a longer word that
is none of these (``nông thôn Hà Tĩnh``: the countryside, not the hamlet ``thôn``).
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from dataclasses import dataclass, replace

import regex

from .. import lexicon
from ..record.models import Place
from .names import NameIndex, key
from .provinces import provinces

_NAME_SPLIT = regex.compile(r"[\s\-–—.]+")
# Patterns that end in ``$`` and read the few words before a name are searched backwards
# (``regex.REVERSE``): a match can only end at the end, so a backward search tries its
# alternatives there once instead of at every position of the window; it finds a match
# exactly when a forward search does (callers only ask whether, or take a group that is
# the same either way: here the one run of letters before the last space).
_PREVIOUS = regex.compile(r"(?:^|[ \u00a0])([\p{L}\p{M}]+)[ \u00a0]$", regex.REVERSE)

__all__ = ["find_places", "is_place", "key", "tone_variants", "strip_marks"]


def strip_marks(form: str) -> str:
    """The form as a page without tone marks writes it (``Hà Nội`` -> ``Ha Noi``)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def tone_variants(form: str, swaps: dict[str, str]) -> set[str]:
    """The form with tone marks placed the old way and the new way (``Hòa``/``Hoà``)."""
    out = {form}
    for new, old in swaps.items():
        for f in list(out):
            if new in f:
                out.add(f.replace(new, old))
            if old in f:
                out.add(f.replace(old, new))
    return out


def _words_before(words: list[str], flags: int = 0, names: int = 0) -> regex.Pattern:
    """Matches a text that ends with one of ``words`` and white space (or a glued ``TP.``),
    then up to ``names`` capitalised syllables (``ông Phí`` before ``Thái Bình``); searched
    backwards (see ``_PREVIOUS``), for a yes or no."""
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    syllables = rf"(?-i:\p{{Lu}}[\p{{L}}\p{{M}}]*[ \u00a0]+){{0,{names}}}" if names else ""
    return regex.compile(rf"(?:^|[^\p{{L}}\p{{M}}])(?:{alts})(?:[ \u00a0]+|(?<=\.)){syllables}$", flags | regex.REVERSE)


@dataclass(frozen=True)
class Gazetteer:
    index: NameIndex[str | None]  # key -> GSO code, None for a longer name that is skipped
    bare: frozenset[str]  # keys only a name stripped of its tone marks has (`thanh hoa`)
    word_names: frozenset[str]  # GSO codes of names that are also words (`hòa bình`, peace)
    brand_after: regex.Pattern  # a brand word right after one of those (`Hòa Bình Green City`)
    min_marked_share: float  # of a text's letters, marked ones: above it the text has tone marks
    city_before: regex.Pattern
    feature_before: regex.Pattern
    person_before: regex.Pattern
    longer_before: regex.Pattern  # a longer word ending with a feature or person word (`nông thôn`)
    unit_before: regex.Pattern
    slip_before: regex.Pattern  # `tại Hà nội`: a name with a syllable in lower case by slip
    body_before: regex.Pattern  # `Tỉnh Đoàn`: a body whose last word is also a family name
    slip_anywhere: frozenset[str]  # keys of names no phrase spells: a lower-case slip after any word
    name_syllables: frozenset[str]
    city_word_units: frozenset[str]
    only_after_city_word: frozenset[str]
    city_words: tuple[str, ...]  # for ends_with_one, before city_before
    glued_city_words: tuple[str, ...]  # `TP.` glued to a centrally-run city's name: part of its span
    feature_words: tuple[str, ...]
    list_only: tuple[tuple[str, str], ...]  # (written form, code): a province only in a list of provinces


@functools.cache
def gazetteer() -> Gazetteer:
    data = lexicon.load("places")
    swaps = data["tone_placement"]
    forms: dict[str, str | None] = {}
    as_listed: set[str] = set()  # keys of the forms as listed (with their marks, or none)

    def add(form: str, code: str | None) -> None:
        for v in tone_variants(form, swaps):
            as_listed.add(key(v))
            for f in (v, strip_marks(v)):
                forms.setdefault(key(f), code)

    for code, unit in provinces().items():
        add(unit.name, code)
    for code, written in data["aliases"].items():
        for form in written:
            add(str(form), str(code))
    for form in data["longer_names"]:
        for v in tone_variants(form, swaps):
            forms[key(v)] = None
    return Gazetteer(
        index=NameIndex(forms),
        bare=frozenset(forms) - as_listed,
        min_marked_share=float(data["min_marked_share"]),
        word_names=frozenset(str(c) for c in data["word_names"]),
        brand_after=regex.compile(rf"[ \u00a0]+(?:{lexicon.alternation(data['brand_words'])})(?![\p{{L}}\p{{M}}])"),
        city_before=_words_before(data["city_words"]),
        feature_before=_words_before(data["feature_words"]),
        person_before=_words_before(data["person_words"], regex.IGNORECASE, names=2),
        longer_before=_words_before(data["longer_words"], regex.IGNORECASE, names=2),
        unit_before=_words_before(data["unit_words"]),
        slip_before=_words_before(data["slip_words"]),
        body_before=_words_before(data["body_words"]),
        slip_anywhere=frozenset(key(f) for f in data["slip_anywhere"]),
        name_syllables=frozenset(data["name_syllables"]),
        city_word_units=frozenset(str(c) for c in data["city_word_units"]),
        only_after_city_word=frozenset(key(f) for f in data["only_after_city_word"]),
        city_words=tuple(data["city_words"]),
        glued_city_words=tuple(data["glued_city_words"]),
        feature_words=tuple(data["feature_words"]),
        list_only=tuple((str(f), str(code)) for code, written in data["list_only"].items() for f in written),
    )


@functools.lru_cache(maxsize=4096)  # a few hundred spellings come back on every page
def written_as_name(written: str) -> bool:
    """Every syllable starts with a capital (``Hòa Bình``), or the whole is in capitals."""
    words = [w for w in _NAME_SPLIT.split(written) if w and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def ends_with_one(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before``, less one final line break (``$`` also matches before it) and its
    trailing spaces, ends with one of ``words``. A ``_words_before`` pattern without case
    folding or names can match only then (its words end in a letter or a dot), so this
    test in C runs first and most names, after no such word, skip the regex."""
    if before.endswith("\n"):
        before = before[:-1]
    return before.rstrip(" \u00a0").endswith(words)


def _previous_syllable(text: str, start: int, floor: int) -> str:
    m = _PREVIOUS.search(text[max(floor, start - 30) : start])
    return m.group(1) if m else ""


def is_place(text: str, start: int, end: int, code: str, floor: int = 0) -> bool:
    """Whether the name at [start, end) names its province here (see the module doc)."""
    g = gazetteer()
    written = text[start:end]
    before = text[max(floor, start - 30) : start]
    if not written_as_name(written) and not (
        g.unit_before.search(before)
        or (written[0].isupper() and (g.slip_before.search(before) or key(written) in g.slip_anywhere))
    ):
        return False  # hòa bình; but after `tỉnh` a name typed in lower case (`tỉnh Yên bái`) is one
    after_city_word = ends_with_one(before, g.city_words) and bool(g.city_before.search(before))
    if key(written) in g.only_after_city_word:
        return after_city_word
    unit = provinces()[code]
    if after_city_word and (not unit.city or code in g.city_word_units):
        return False
    if (
        not after_city_word
        and (
            (ends_with_one(before, g.feature_words) and g.feature_before.search(before))
            or (g.person_before.search(before) and not _abbreviated(written) and key(written) not in g.slip_anywhere)
        )
        and not g.longer_before.search(before)  # `nông thôn Hà Tĩnh`: the countryside, not a hamlet
    ):
        return False
    return _previous_syllable(text, start, floor) not in g.name_syllables or bool(g.body_before.search(before))


def bare_name(place: Place) -> Place:
    """The mention without a city word the finder took into its span because it is glued on
    (``TP.Hà Nội`` -> ``Hà Nội``; not a form the aliases list whole, ``TP.HCM``). The
    province's evidence reads the words before the name itself (``TP.`` is a unit word there)."""
    g = gazetteer()
    for word in g.glued_city_words:
        if place.text.startswith(word) and key(place.text) not in g.index.forms:
            return replace(place, start=place.start + len(word), text=place.text[len(word) :])
    return place


def _abbreviated(written: str) -> bool:
    """``TP.HCM``, ``TPHCM``: a short form no one is named, so a person word before it
    (``học sinh TP.HCM``, the city's pupils) makes no person's name of it."""
    return "." in written or (" " not in written and written.isupper())


def has_tone_marks(text: str, share: float) -> bool:
    """Whether the text is written with Vietnamese marks: more than ``share`` of its
    letters are not plain ASCII. A name stripped of its marks (``Thanh Hoa``) is the
    province only on a page that strips them all (an old page); in a page with marks it
    is something else (a foreign name: Tsinghua is ``Thanh Hoa``)."""
    letters = marked = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            marked += not ch.isascii()
    return letters > 0 and marked > share * letters


def _signature(text: str, start: int, end: int, floor: int, ceil: int) -> bool:
    """A name alone at the end of a paragraph after its last sentence (``... ./. Hà Giang``)
    is the writer's name glued onto the body line, not a place."""
    if ceil - end > 3 or text[end:ceil].strip():
        return False
    before = text[max(floor, start - 8) : start].rstrip()
    return bool(before) and before[-1] in ".!?…" and before.endswith(("./.", "/.", "...", "…"))


def find_places(
    text: str, regions: list[list[int]] | None = None, stops: list[list[int]] | None = None
) -> list[Place]:
    """Every province mention inside ``regions`` (the title and paragraphs), in text order;
    ``stops``: where the names gate stopped in each region, if already known (``NameIndex.find``)."""
    g = gazetteer()
    units = provinces()
    out: list[Place] = []
    marked: list[bool] = []  # whether the text has tone marks: read once, at its first bare name
    for i, (start, end) in enumerate(regions if regions is not None else [[0, len(text)]]):
        for s, e, code in g.index.find(text, start, end, None if stops is None else stops[i]):
            if code is None or not is_place(text, s, e, code, start) or _signature(text, s, e, start, end):
                continue
            if code in g.word_names and g.brand_after.match(text, e, end):
                continue  # `Hòa Bình Green City`: a brand that means peace, not the province
            if text[s:e].isascii() and key(text[s:e]) in g.bare:
                if not marked:
                    marked.append(has_tone_marks(text, g.min_marked_share))
                if marked[0]:
                    continue  # `Đại học Thanh Hoa` in a page with marks: not Thanh Hóa
            if units[code].city and text.endswith(g.glued_city_words, start, s):  # `TP.Hà Nội`: one token
                s -= len(next(w for w in g.glued_city_words if text.endswith(w, start, s)))
            out.append(Place(s, e, text[s:e], code, units[code].name))
    if out and any(form in text for form, _ in g.list_only):  # a substring test: most texts hold none
        out = _with_listed(text, out, regions if regions is not None else [[0, len(text)]], g)
    return out


_JOINER = r"[ \u00a0]*(?:[,;\-–—]|và|cùng)[ \u00a0]*"  # what joins two names in a list
_LIST_JOIN = regex.compile(_JOINER)
_JOINED_NAME_AFTER = regex.compile(_JOINER + r"\p{Lu}")  # a joiner, then a capitalised name
_JOINED_NAME_BEFORE = regex.compile(r"\p{L}" + _JOINER + "$")  # a word, then a joiner
_JOIN_REACH = 8  # characters a list joiner with its spaces may take


def _with_listed(text: str, found: list[Place], regions: list[list[int]], g: Gazetteer) -> list[Place]:
    """``found`` with the ``list_only`` forms that stand in a list of provinces: right after
    or right before a province found, joined to it only by a comma, a dash or ``và``."""
    ends = {p.end for p in found}
    starts = {p.start for p in found}
    sorted_starts = [p.start for p in found]  # found is in text order
    units = provinces()
    extra = []
    for start, end in regions:
        for form, code in g.list_only:
            i = text.find(form, start, end)
            while i >= 0:
                j = i + len(form)
                k = bisect.bisect_right(sorted_starts, i) - 1  # the last place found starting at or before it
                inside = k >= 0 and found[k].end > i  # `Bà Rịa-Vũng Tàu` was found whole
                bounded = not inside and (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())
                # a joiner is a few characters: only the province ends and starts that near
                after_joined = any(e in ends and _LIST_JOIN.fullmatch(text, e, i) for e in range(max(start, i - _JOIN_REACH), i))
                before_joined = any(s in starts and _LIST_JOIN.fullmatch(text, j, s) for s in range(j + 1, min(end, j + _JOIN_REACH) + 1))
                if bounded and (after_joined or before_joined) and not _mixed_list(text, i, j, start, end, ends, starts):
                    extra.append(Place(i, j, form, code, units[code].name))
                i = text.find(form, j, end)
    return sorted(found + extra, key=lambda p: p.start) if extra else found


def _mixed_list(text: str, i: int, j: int, start: int, end: int, ends: set[int], starts: set[int]) -> bool:
    """Whether a neighbour in the list is a capitalised name that is no province (``TP.HCM,
    Vũng Tàu, Nha Trang``: a list of cities, where the bare name is the city)."""
    after = _JOINED_NAME_AFTER.match(text, j, min(end, j + _JOIN_REACH + 1))
    if after and after.end() - 1 not in starts:
        return True
    before = _JOINED_NAME_BEFORE.search(text, max(start, i - _JOIN_REACH - 1), i)
    return bool(before) and before.start() + 1 not in ends and _last_word_capitalised(text, before.start(), start)


def _last_word_capitalised(text: str, pos: int, floor: int) -> bool:
    """Whether the word ending at ``pos`` (inclusive) starts with a capital."""
    k = pos
    while k > floor and text[k - 1].isalpha():
        k -= 1
    return text[k].isupper()
