"""The country lexicon: CLDR's Vietnamese territory names (through Babel) and the forms and
contexts of ``patterns/countries.yaml``, compiled once into one name index and the patterns
that read the words around a name. ``countries.py`` decides, mention by mention, whether a
name found with them names its country."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import lexicon
from .names import NameIndex, form_regex, key
from .places import tone_variants

_WORD = r"[\p{L}\p{M}\p{N}]"
FULL, SINGLE, PAIR, NONE = "full", "single", "pair", "none"  # NONE: a longer name, no country
NATIONALITY = "nationality"  # a short form that names its country only after `người` (`người Bồ`)
WORD_SPLIT = regex.compile(r"[\s\-–—]+")  # the words of a name (`Hàn Quốc`, `Bê-la-rút`)


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
    firm_before: regex.Pattern  # `Tập đoàn`, `hãng`: a firm's own name may follow
    country_before: regex.Pattern
    opening_words: frozenset[str]  # one-word country_words and sentence openers, lower-cased: `Người Mỹ`, `Khi Nga`
    name_syllables: frozenset[str]
    vietnamese_syllable: regex.Pattern  # fullmatch: a word with the shape of a Vietnamese syllable
    time_words_after: frozenset[str]  # `Đức Ngày 26/5`: a date opens after the name, no name goes on
    undashed_partner: str  # `Việt Xô`: a pair without its dash
    undashed_pairs: frozenset[str]
    opener_before: regex.Pattern  # `Việt Nam` right before: a capital after the name makes it a person's
    nationality_before: regex.Pattern  # `người` right before: a NATIONALITY short form names its country


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


def _ends_with(words: list[str], flags: int = regex.IGNORECASE, as_written: list[str] = ()) -> regex.Pattern:
    """Whether a text ends with one of ``words`` (or of ``as_written``, matched in their
    case), a closing quote if any (`“nữ quái” Nga`) and white space; searched backwards (see
    ``places._PREVIOUS``), for a yes or no."""
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    if as_written:
        alts += "|(?-i:" + "|".join(regex.escape(w) for w in sorted(set(as_written), key=len, reverse=True)) + ")"
    return regex.compile(rf"(?:^|[^\p{{L}}\p{{M}}])(?:{alts})[”\"’']?[ \u00a0]+$", flags | regex.REVERSE)


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
    for form, code in data["nationality_only"].items():
        add(str(form), str(code), NATIONALITY)
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
        not_after=_ends_with(data["not_after"] + data["person_words"], as_written=data["not_after_capitalised"]),
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
        firm_before=_ends_with(data["firm_words"]),
        country_before=_ends_with(data["country_words"] + data["title_words"]),
        opening_words=frozenset(w.lower() for w in data["country_words"] if " " not in w)
        | frozenset(w.lower() for w in data["sentence_openers"]),
        undashed_partner=str(data["undashed_partner"]),
        undashed_pairs=frozenset(str(x) for x in data["undashed_pairs"]),
        opener_before=_ends_with(data["name_openers_after"], 0),
        nationality_before=_ends_with(data["nationality_words"]),
        vietnamese_syllable=_syllable(data),
        time_words_after=frozenset(data["time_words_after"]),
        name_syllables=frozenset(lexicon.load("places")["name_syllables"])
        | frozenset(data["given_name_syllables"]),
        language_before=regex.compile(
            rf"(?<!{_WORD})(?:{'|'.join(regex.escape(w) for w in data['language_cues'])})(?!{_WORD})",
            regex.IGNORECASE,
        ),
    )


def _syllable(data: dict) -> regex.Pattern:
    """Initial, vowels, final (``countries.yaml``), any case; NFC text."""
    initials = "|".join(sorted(data["syllable_initials"], key=len, reverse=True))
    finals = "|".join(sorted(data["syllable_finals"], key=len, reverse=True))
    return regex.compile(rf"(?:{initials})?[{data['syllable_vowels']}]{{1,3}}(?:{finals})?", regex.IGNORECASE)


def _compass_before(words: list[str]) -> regex.Pattern:
    """A compass word or two (``Nam``, ``đông bắc``) and white space at the end of a text,
    in any case, the word before it captured; searched backwards like ``_ends_with``."""
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(
        rf"(?:^|([\p{{L}}\p{{M}}]+)[ \u00a0]+|[^\p{{L}}\p{{M}}])(?P<dir>(?:{alts})(?:[ \u00a0]+(?:{alts}))?)[ \u00a0]+$",
        regex.IGNORECASE | regex.REVERSE,
    )


def _fewest_capitals(one: str, other: str) -> str:
    """``one`` with a word lower-cased wherever ``other`` writes that word in lower case."""
    a, b = WORD_SPLIT.split(one), WORD_SPLIT.split(other)
    if len(a) != len(b):
        return one
    seps = WORD_SPLIT.findall(one) + [""]
    words = [x if y[:1].isupper() else x[:1].lower() + x[1:] for x, y in zip(a, b, strict=True)]
    return "".join(w + sep for w, sep in zip(words, seps, strict=True))
