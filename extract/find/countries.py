"""Countries: every foreign country or territory named in the title and paragraphs (SPEC 9).

How: CLDR's Vietnamese territory names (through Babel) and the news forms of
``patterns/countries.yaml`` make one index; the longest written name wins (``names.py``). A full name
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
from dataclasses import dataclass

import regex

from .. import lexicon
from ..record.models import Country
from .names import NameIndex, form_regex, gate_stops, joint_gate, key
from .places import gazetteer, tone_variants

_WORD = r"[\p{L}\p{M}\p{N}]"
FULL, SINGLE, PAIR, NONE = "full", "single", "pair", "none"  # NONE: a longer name, no country
_WORD_SPLIT = regex.compile(r"[\s\-–—]+")
# backwards, as in places.py: the group is the whole run of letters before the last space
_PREVIOUS = regex.compile(r"([\p{L}\p{M}]+)[ \u00a0]$", regex.REVERSE)
_NEXT = regex.compile(r"[ \u00a0]([\p{L}\p{M}]+)")


@dataclass(frozen=True)
class Entry:
    code: str
    kind: str  # FULL, SINGLE, PAIR or NONE
    canonical: str  # as the list writes it, for the capitals check


@dataclass(frozen=True)
class Names:
    index: NameIndex[Entry]
    state_before: regex.Pattern  # searched backwards: whether a state form ends the text
    state_span: regex.Pattern  # the same forwards: how much of it to take in (rare)
    not_after: regex.Pattern
    person_before: regex.Pattern  # `chị Nga`, `bị cáo Mỹ`: the name is a person's in the whole document
    not_after_except: regex.Pattern  # `đàn ông`: a word ending with a not_after word (places.yaml's longer_words)
    not_after_name: dict[str, regex.Pattern]  # `Chủ Nhật`: a not_after word for one name
    compass: regex.Pattern  # searched backwards: a compass word (`Nam`, `đông bắc`) ends the text
    compass_endings: frozenset[str]  # the compass words' last three letters, lower-cased
    region_words: frozenset[str]
    direction_compounds: frozenset[str]
    not_before: dict[str, frozenset[str]]
    not_before_except: regex.Pattern  # `nhân dịp`: a not_before word opening a phrase
    not_sentence_initial: frozenset[str]
    pair_before: regex.Pattern
    pair_after: regex.Pattern
    language_before: regex.Pattern
    title_before: regex.Pattern
    country_before: regex.Pattern
    opening_words: frozenset[str]  # one-word country_words, lower-cased: `Người Mỹ`, `Tại Nga`
    name_syllables: frozenset[str]
    undashed_partner: str  # `Việt Xô`: a pair without its dash
    undashed_pairs: frozenset[str]
    opener_before: regex.Pattern  # `Việt Nam` right before: a capital after the name makes it a person's


def cldr_names() -> dict[str, str]:
    """ISO code -> Vietnamese name, from CLDR; ``Myanmar (Miến Điện)`` gives both forms."""
    import babel

    return {
        code: name
        for code, name in babel.Locale("vi").territories.items()
        if len(code) == 2 and code.isalpha()
    }


def _split_cldr(name: str) -> list[str]:
    m = regex.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        return [m.group(1), m.group(2)]
    return [name.split(",")[0].strip()] if "," in name else [name]


def _ends_with(words: list[str], flags: int = regex.IGNORECASE) -> regex.Pattern:
    """Whether a text ends with one of ``words`` and white space; searched backwards (see
    ``places._PREVIOUS``), for a yes or no."""
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?:^|[^\p{{L}}\p{{M}}])(?:{alts})[ \u00a0]+$", flags | regex.REVERSE)


@functools.cache
def names() -> Names:
    data = lexicon.load("countries")
    swaps = lexicon.load("places")["tone_placement"]
    skip = set(data["skip_codes"])
    entries: dict[str, Entry] = {}

    def add(form: str, code: str, kind: str) -> None:
        for v in tone_variants(form, swaps):
            had = entries.setdefault(key(v), Entry(code, kind, v))
            if had.canonical != v and (had.code, had.kind) == (code, kind):
                # the list writes the name both ways (`Anh Quốc`, `Anh quốc`): a word
                # needs its capital only where every spelling gives it one
                entries[key(v)] = Entry(code, kind, _fewest_capitals(had.canonical, v))

    for form, code in data["single"].items():
        add(str(form), str(code), SINGLE)
    for code, name in cldr_names().items():
        if code not in skip:
            for form in _split_cldr(name):
                if key(form) not in entries:
                    add(form, code, FULL)
    for code, forms in data["aliases"].items():
        for form in forms:
            add(str(form), str(code), FULL)
    for form, code in data["pair_only"].items():
        add(str(form), str(code), PAIR)
    for form in data["not_names"]:
        add(str(form), "", NONE)
    states = "|".join(
        form_regex(s)
        for v in data["state_forms"]
        for s in sorted(tone_variants(v, swaps), key=len, reverse=True)
    )
    dash = r"[ \u00a0]*[-–—][ \u00a0]*"
    shorts = [*data["pair_partners"], *data["single"], *data["pair_only"]]
    partners = "|".join(form_regex(p) for p in sorted(shorts, key=len, reverse=True))
    state = rf"(?<!{_WORD})(?:{states})[ \u00a0]+$"
    return Names(
        index=NameIndex(entries),
        state_before=regex.compile(state, regex.IGNORECASE | regex.REVERSE),
        state_span=regex.compile(state, regex.IGNORECASE),
        not_after=_ends_with(data["not_after"] + data["person_words"]),
        person_before=_ends_with(data["person_words"]),
        not_after_except=_ends_with(lexicon.load("places")["longer_words"]),
        not_after_name={str(k): _ends_with(v) for k, v in data["not_after_name"].items()},
        compass=_compass_before(data["directions"]),
        compass_endings=frozenset(w[-3:].lower() for w in data["directions"]),
        region_words=frozenset(w.lower() for w in data["region_words"]),
        direction_compounds=frozenset(data["direction_compounds"]),
        not_before={str(k): frozenset(v) for k, v in data["not_before"].items()},
        not_before_except=regex.compile(
            rf"[ \u00a0]+(?:{'|'.join(form_regex(w) for w in data['not_before_except'])})(?![\p{{L}}\p{{M}}])",
            regex.IGNORECASE,
        ),
        not_sentence_initial=frozenset(data["not_sentence_initial"]),
        pair_before=regex.compile(rf"(?<!{_WORD})(?:{partners}){dash}$", regex.REVERSE),
        pair_after=regex.compile(rf"^{dash}(?:{partners})(?!{_WORD})"),
        title_before=_ends_with(data["title_words"]),
        country_before=_ends_with(data["country_words"] + data["title_words"]),
        opening_words=frozenset(w.lower() for w in data["country_words"] if " " not in w),
        undashed_partner=str(data["undashed_partner"]),
        undashed_pairs=frozenset(str(x) for x in data["undashed_pairs"]),
        opener_before=_ends_with(data["name_openers_after"], 0),
        name_syllables=frozenset(lexicon.load("places")["name_syllables"])
        | frozenset(data["given_name_syllables"]),
        language_before=regex.compile(
            rf"(?<!{_WORD})(?:{'|'.join(regex.escape(w) for w in data['language_cues'])})(?!{_WORD})",
            regex.IGNORECASE,
        ),
    )


def _compass_before(words: list[str]) -> regex.Pattern:
    """A compass word or two (``Nam``, ``đông bắc``) and white space at the end of a text,
    in any case, the word before it captured; searched backwards like ``_ends_with``."""
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(
        rf"(?:^|([\p{{L}}\p{{M}}]+)[ \u00a0]+|[^\p{{L}}\p{{M}}])(?P<dir>(?:{alts})(?:[ \u00a0]+(?:{alts}))?)[ \u00a0]+$",
        regex.IGNORECASE | regex.REVERSE,
    )


def compass_reading(before: str, entry: Entry) -> bool | None:
    """What a compass word right before a name makes of it: ``None`` when there is none
    (the ``Nam`` of ``Việt Nam`` is none), ``True`` when it names a part of the country
    (``đông Ukraine``, ``miền Nam Syria``), ``False`` when it makes another place
    (``Nam Mỹ``, ``Bắc Ireland``, a capitalised compass word with no region word before)."""
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
    return direction[0].islower() or previous.lower() in n.region_words


def _dashed(window: str) -> bool:
    return "-" in window or "–" in window or "—" in window


@functools.lru_cache(maxsize=4096)  # a few hundred spellings come back on every page
def _capitals_as_written(written: str, canonical: str) -> bool:
    """The words the list capitalises are capitalised in the text (or it is all capitals).
    A name of several words may also be written with its first capital only (``Nhật bản``,
    ``Hàn quốc``), as informal pages do: no everyday phrase opens with those syllables."""
    if _all_capitals(written):
        return True
    w_words = _WORD_SPLIT.split(written)
    c_words = _WORD_SPLIT.split(canonical)
    if len(w_words) != len(c_words):
        return written[:1].isupper()
    if len(w_words) > 1 and w_words[0][:1].isupper() and all(w.islower() for w in w_words[1:]):
        return True
    return all(not c[:1].isupper() or w[:1].isupper() for w, c in zip(w_words, c_words, strict=True))


def _fewest_capitals(one: str, other: str) -> str:
    """``one`` with a word lower-cased wherever ``other`` writes that word in lower case."""
    a, b = _WORD_SPLIT.split(one), _WORD_SPLIT.split(other)
    if len(a) != len(b):
        return one
    seps = _WORD_SPLIT.findall(one) + [""]
    words = [x if y[:1].isupper() else x[:1].lower() + x[1:] for x, y in zip(a, b, strict=True)]
    return "".join(w + sep for w, sep in zip(words, seps, strict=True))


def _all_capitals(written: str) -> bool:
    """``LÀO``, ``HÀN QUỐC``: a line in capitals (one capital letter alone is not)."""
    return written.isupper() and not written.istitle()


def _sentence_initial(before: str) -> bool:
    stripped = before.rstrip(" \u00a0\"'“‘(")
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
    return left or bool(nxt and nxt.group(1)[0].isupper() and not titled)


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
    if _next_word(text, end, ceil).lower() in n.not_before.get(entry.canonical, ()) and not (
        n.not_before_except.match(text, end, min(ceil, end + 30))
    ):
        return False
    return not (entry.canonical in n.not_sentence_initial and _sentence_initial(before))


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
        return True
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
    return out


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
            ):
                out.add(entry.canonical)
    return out
