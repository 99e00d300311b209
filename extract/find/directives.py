"""Directive citations (SPEC section 3): find designations, read their attributes, resolve
short forms.

Three passes over the text, all on compiled patterns built from
``patterns/directives.yaml``:

1. typed mentions: a type word, optional ``số``/``số:``, then a designation
   (``Chỉ thị số 04-CT/TW``) or, for a short form, a bare number (``Chỉ thị 04``,
   ``Nghị định 144/2013``);
2. bare designations not inside a typed mention (``04-CT/TW``, the second item of
   ``Nghị quyết số 22-NQ/TW và 36-NQ/TW``), typed by the list they stand in or by their code;
3. short forms resolved to the full citation of the same type and number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from .. import lexicon
from ..models import Directive
from .dates import DATE, date_at
from .spans import WINDOW, SpanIndex

_SEP = r"[ \t\u00a0]?"  # at most one space around a separator ("04 - CT/TW", "04-CT/ TW")
_DASH = r"[-–—]"
_NUM = r"\d{1,5}[a-zA-Z]?"
_YEAR = r"(?:19|20)\d{2}"
_SEG = r"(?:[\p{Lu}\d][\p{Lu}\d]*(?:\p{Ll}{1,2}(?!\p{Ll}))?[\p{Lu}\d]*|\p{Ll}{1,10})"
_SPACES = regex.compile(r"\s+")
_REF_PARTS = regex.compile(r"([-/.])")
_CODE_PARTS = regex.compile(r"[-.–\s]")
_JOINT_ISSUER = regex.compile(r"[-–][ \t\u00a0]*\p{Lu}")
_NEXT_LOWER = regex.compile(r"[ \t\u00a0]+(\p{Ll}+)")
_NGAY = regex.compile(r"(?i:ngày)[ \t\u00a0]*")
_CLOSE = regex.compile(r"[ \t\u00a0]*\)")
_NEXT_WORD = regex.compile(r"[ \t\u00a0]*(\p{L}+)")
_NEXT_WORD_PCT = regex.compile(r"[ \t\u00a0]*([\p{L}%]+)")
_TRAILING_YEAR = regex.compile(rf"/\s?({_YEAR})\s*$")
_START = r"(?:(?<![\p{L}\d/.\-–@])|(?<=(?i:số)))"  # "số204/2004/NĐ-CP" glues số on
_END = r"(?![\p{Lu}\d]|[/\-–][\p{L}\d])"  # a glued lower-case word may follow ("TT-BNNPTNTngày")

PARTY = (
    rf"(?P<pnum>{_NUM}){_SEP}{_DASH}{_SEP}(?P<pcode>{_SEG}){_SEP}/{_SEP}"
    rf"(?P<piss>{_SEG}(?:[-.]{_SEG})*)"
)
STATE = (
    rf"(?P<snum>{_NUM}){_SEP}/{_SEP}(?:(?P<syear>{_YEAR}){_SEP}/{_SEP})?"
    rf"(?P<scode>(?=\p{{L}}){_SEG}(?:(?:[-.–]|{_SEP}[-–]{_SEP}(?=\p{{Lu}})){_SEG})*)"
)
DESIGNATION_CORE = rf"(?:{PARTY}|{STATE}){_END}"
DESIGNATION = rf"{_START}{DESIGNATION_CORE}"
SHORT = rf"(?P<num>{_NUM})(?:{_SEP}/{_SEP}(?P<year>{_YEAR}))?(?![\p{{L}}\d]|[/\-–,.]\d|{_SEP}[/\-–]{_SEP}\p{{L}})"


@dataclass(frozen=True)
class Lexicon:
    type_words: dict[str, str]
    type_codes: dict[str, str]  # upper-cased code -> doc_type
    party_type_codes: dict[str, str]
    issuer_codes: dict[str, str]
    canonical_code: dict[str, str]  # upper-cased spelling -> canonical spelling
    issuer_stops: tuple[str, ...]
    issuer_max_words: int
    lowercase_pairs: frozenset[str]
    place_words: frozenset[str]
    not_after_va: frozenset[str]
    not_before: frozenset[str]
    typed: regex.Pattern[str]
    type_word: regex.Pattern[str]
    type_before: regex.Pattern[str]
    type_tails: frozenset[str]
    designation: regex.Pattern[str]
    designation_core: regex.Pattern[str]
    attr_date: regex.Pattern[str]
    attr_issuer: regex.Pattern[str]
    list_joint: regex.Pattern[str]
    short: regex.Pattern[str]
    list_followers: frozenset[str]


@functools.cache
def load_lexicon() -> Lexicon:
    data = lexicon.load("directives")
    type_words = {k.lower(): v for k, v in data["type_words"].items()}
    variants = {k.upper(): v for k, v in data["code_variants"].items()}
    canonical: dict[str, str] = {}
    for code in [*data["type_codes"], *data["issuer_codes"], *data["party_type_codes"], *variants.values()]:
        canonical.setdefault(code.upper(), code)
    for wrong, right in variants.items():
        canonical[wrong] = right
    type_codes = {k.upper(): v for k, v in data["type_codes"].items()}
    issuer_codes = {k.upper(): v for k, v in data["issuer_codes"].items()}
    words = lexicon.alternation(list(type_words))
    prefix = "|".join(regex.escape(p) for p in data["number_prefix"])
    typed = regex.compile(
        rf"(?<![\p{{L}}\d])(?P<type>(?i:{words}))(?:[ \t\u00a0]+(?P<so>(?i:{prefix}))[ \t\u00a0]*|[ \t\u00a0]+)"
        rf"(?:(?P<desig>{DESIGNATION_CORE})|(?P<short>{SHORT}))"
    )
    designation = regex.compile(DESIGNATION)
    # searched backwards from a number: the type word and "số" written right before it
    type_before = regex.compile(
        rf"(?r)(?<![\p{{L}}\d])(?P<type>(?i:{words}))(?:[ \t\u00a0]+(?P<so>(?i:{prefix}))[ \t\u00a0]*|[ \t\u00a0]+)\Z"
    )
    # the last syllable of every type word, and "số": a cheap test before the search
    tails = {w.split()[-1] for w in type_words} | {p.rstrip(":") for p in data["number_prefix"]}
    attr_date = regex.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:\([ \t\u00a0]*)?(?:(?i:ban hành|ký|ra)[ \t\u00a0]+)?(?=(?i:ngày))")
    attr_issuer = regex.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:\((?i:khóa|khoá)[^)\n]{0,20}\)[ \t\u00a0]*)?(?i:của)[ \t\u00a0]+")
    joiners = "|".join(regex.escape(j) for j in data["list_joiners"])
    list_joint = regex.compile(rf"[ \t\u00a0]*(?:{joiners})[ \t\u00a0]*(?:(?i:{prefix})[ \t\u00a0]*)?")
    return Lexicon(
        type_words=type_words,
        type_codes=type_codes,
        party_type_codes={k.upper(): v for k, v in data["party_type_codes"].items()},
        issuer_codes=issuer_codes,
        canonical_code=canonical,
        issuer_stops=tuple(sorted((s.lower() for s in data["issuer_stops"]), key=len, reverse=True)),
        issuer_max_words=int(data["issuer_max_words"]),
        lowercase_pairs=frozenset(data["issuer_lowercase_pairs"]),
        place_words=frozenset(data["issuer_place_words"]),
        not_after_va=frozenset(data["issuer_not_after_va"]),
        not_before=frozenset(w.lower() for w in data["short_form_not_before"]),
        typed=typed,
        type_word=regex.compile(rf"(?i:{words})(?![\p{{L}}\d])"),
        type_before=type_before,
        type_tails=frozenset(tails),
        designation=designation,
        designation_core=regex.compile(DESIGNATION_CORE),
        attr_date=attr_date,
        attr_issuer=attr_issuer,
        list_joint=list_joint,
        short=regex.compile(rf"(?<![\p{{L}}\d]){SHORT}"),
        list_followers=frozenset(w.lower() for w in data["list_followers"]),
    )


def _code_type(code: str, party: bool, lex: Lexicon) -> str | None:
    """doc_type from the first code segment, or None when it is not a known code."""
    up = code.upper()
    up = lex.canonical_code.get(up, code).upper()
    if party and up in lex.party_type_codes:
        return lex.party_type_codes[up]
    if up in lex.type_codes:
        return lex.type_codes[up]
    if up in lex.issuer_codes:
        return "Công văn"  # 1234/UBND-VX: an issuer's numbered letter
    for size in range(min(len(up), 6), 0, -1):  # QĐUB.TL, QH14: a known code then more
        head, rest = up[:size], up[size:]
        if head in lex.type_codes and (rest.isdigit() or rest.isupper()):
            return lex.type_codes[head]
    return None


def normalise_ref(raw: str, lex: Lexicon | None = None) -> str:
    """Canonical designation: no spaces, plain hyphens, codes in their canonical spelling."""
    lex = lex or load_lexicon()
    s = _SPACES.sub("", raw).replace("–", "-").replace("—", "-")
    parts = _REF_PARTS.split(s)
    out = []
    for part in parts:
        if part and part[0].isalpha():
            canon = lex.canonical_code.get(part.upper())
            if canon is not None:
                part = canon
            elif part.islower():
                part = part.upper()
        out.append(part)
    return "".join(out)


def _parse_designation(m: regex.Match[str], lex: Lexicon) -> tuple[str, str, str | None] | None:
    """(number, ref, doc_type from code) for a designation match, None if not a designation."""
    if m.group("pnum"):
        doc_type = _code_type(m.group("pcode"), True, lex)
        number = m.group("pnum")
    else:
        first = _CODE_PARTS.split(m.group("scode"))[0]
        doc_type = _code_type(first, False, lex)
        number = m.group("snum")
    return number, normalise_ref(m.group(0), lex), doc_type


def _issuer_at(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[int, str] | None:
    """The issuing body after ``của`` at ``pos``: (end, issuer as written).

    The name runs word by word and ends at punctuation, at a stop word (a verb or
    preposition that starts the rest of the clause), at a document type, or where two
    lower-case syllables follow each other outside the known pairs ("Tỉnh ủy đánh giá":
    inside a name a lower-case syllable only completes a capitalised one).
    """
    m = lex.attr_issuer.match(text, pos, min(limit, pos + WINDOW))
    if not m:
        return None
    limit = min(limit, m.end() + 160)
    i = m.end()
    if i >= limit or not text[i].isupper():
        return None  # a body's name starts with a capital ("của các ..." is no issuer)
    words = 0
    end = i
    prev_word = ""
    while i < limit and words < lex.issuer_max_words:
        ch = text[i]
        if ch in ",.;:()“”\"'!?…\n[]":
            break
        if ch.isspace():
            i += 1
            continue
        if ch in "-–" and words and _JOINT_ISSUER.match(text[i : i + 4]):
            i += 1  # a joint issuer: "Bộ Giáo dục và Đào tạo - Bộ Nội vụ"
            prev_word = ""
            continue
        low = text[i : i + 24].lower()
        stop = any(low.startswith(s) and _word_ends(low, len(s)) for s in lex.issuer_stops)
        if stop and not (low.startswith("và ") and _name_goes_on(text, i + 3, limit, lex)):
            break
        j = i
        while j < limit and not text[j].isspace() and text[j] not in ",.;:()“”\"!?…[]":
            j += 1
        word = text[i:j]
        if j < limit and text[j] == "." and word.isupper() and len(word) <= 3 and j + 1 < limit and text[j + 1].isupper():
            j += 1  # "TP.HCM": an abbreviation glued to a name
            while j < limit and not text[j].isspace() and text[j] not in ",;:()“”\"!?…":
                j += 1
            word = text[i:j]
        if lex.typed.match(text, i, min(len(text), i + WINDOW)) or not text[i].isalpha() and not text[i].isdigit():
            break
        if word != "và" and word[0].islower() and prev_word[:1].islower() and not _lower_pair(prev_word, word, text, j, lex):
            break  # "Tỉnh ủy đánh giá": the clause goes on, the name has ended
        end = j
        words += 1
        prev_word = word if word.lower() != "và" else ""
        i = j
    if end == m.end():
        return None
    return end, text[m.end() : end]


def _lower_pair(prev: str, word: str, text: str, j: int, lex: Lexicon) -> bool:
    """Two lower-case syllables that belong to a name: a known pair, either with the
    syllable before or with the one after (``Phát triển nông thôn``)."""
    if f"{prev} {word}".lower() in lex.lowercase_pairs or word.lower() in lex.place_words:
        return True
    nxt = _NEXT_LOWER.match(text[j : j + 16])
    return bool(nxt) and f"{word} {nxt.group(1)}".lower() in lex.lowercase_pairs


def _name_goes_on(text: str, pos: int, limit: int, lex: Lexicon) -> bool:
    """``Bộ Nông nghiệp và Phát triển nông thôn``: a capitalised word after ``và`` that
    is not a document type continues the body's name."""
    j = pos
    while j < limit and text[j] in " \t\u00a0":
        j += 1
    if j >= limit or not text[j].isupper() or lex.type_word.match(text, j, min(len(text), j + 30)):
        return False
    nxt = _NEXT_WORD.match(text, j, min(limit, j + 16))
    return not (nxt and nxt.group(1) in lex.not_after_va)


def _word_ends(s: str, n: int) -> bool:
    return n >= len(s) or not (s[n].isalpha() or s[n].isdigit())


def _attributes(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[str | None, str | None, int]:
    """Date and issuer written right after a mention; returns (date, issuer, end)."""
    date = None
    end = pos
    m = lex.attr_date.match(text, pos, min(limit, pos + WINDOW))
    if m:
        d = _NGAY.match(text[m.end() : m.end() + 8])
        start = m.end() + (d.end() if d else 0)
        found = date_at(text, start, limit) or date_at(text, m.end(), limit)
        if not found:  # "ngày 16/1": a date without its year is no attribute, but is skipped
            partial = _PARTIAL_DATE.match(text, start, min(limit, start + 12))
            if partial:
                end = partial.end()
        if found:
            date, end = found[2], found[1]
            close = _CLOSE.match(text[end : end + 3])
            if close and "(" in text[pos:start]:
                end += close.end()
    issuer = None
    got = _issuer_at(text, end, limit, lex)
    if got:
        end, issuer = got
    return date, issuer, end


def _doc_type_of(word: str, lex: Lexicon) -> str:
    return lex.type_words[" ".join(word.lower().split())]


def find_directives(text: str, regions: list[list[int]] | None = None) -> list[Directive]:
    """Every directive citation in ``text`` (restricted to ``regions`` when given)."""
    lex = load_lexicon()
    if regions is None:
        regions = [[0, len(text)]]
    found: list[Directive] = []
    for r_start, r_end in regions:
        found.extend(_find_in(text, r_start, r_end, lex))
    found.sort(key=lambda d: d.start)
    resolve_short_forms(found)
    return found


_DIGITS = re.compile(r"\d+")
_PARTIAL_DATE = regex.compile(r"\d{1,2}[/.-]\d{1,2}(?![/.-]?\d)")


def _type_before(text: str, pos: int, floor: int, lex: Lexicon) -> regex.Match[str] | None:
    """The type word (and ``số``) written right before ``pos``, if any."""
    before = text[max(floor, pos - 16) : pos].rstrip(" \t\u00a0:").rsplit(None, 1)
    last = before[-1].lower() if before else ""
    if last not in lex.type_tails and not last.endswith("số"):
        return None
    return lex.type_before.search(text, max(floor, pos - 40), pos)


def _find_in(text: str, start: int, end: int, lex: Lexicon) -> list[Directive]:
    """Mentions in one region, anchored on numbers: every designation, then every other
    number that a type word stands right before (a short form)."""
    out: list[Directive] = []
    covered: list[tuple[int, int]] = []
    for m in lex.designation.finditer(text, start, end):
        parsed = _parse_designation(m, lex)
        if parsed is None:
            continue
        number, ref, code_type = parsed
        typed = _type_before(text, m.start(), start, lex)
        date, issuer, _ = _attributes(text, m.end(), end, lex)
        covered.append(m.span())
        if typed is not None:
            doc_type = _doc_type_of(typed.group("type"), lex)
            out.append(Directive(typed.start(), m.end(), text[typed.start() : m.end()], doc_type, number, ref, date, issuer, False))
            continue
        doc_type = code_type or _list_type(text, m.start(), out[-1] if out else None, lex)
        if doc_type is None:
            continue
        out.append(Directive(m.start(), m.end(), m.group(), doc_type, number, ref, date, issuer, False))
    taken = SpanIndex(covered)
    for d in _DIGITS.finditer(text, start, end):
        if taken.overlaps(d.start(), d.start() + 1):
            continue
        typed = _type_before(text, d.start(), start, lex)
        if typed is None:
            continue
        m = lex.short.match(text, d.start(), min(end, d.start() + WINDOW))
        if m is None or not _short_form_ok(text, typed, m, lex, end):
            continue
        doc_type = _doc_type_of(typed.group("type"), lex)
        date, issuer, attr_end = _attributes(text, m.end(), end, lex)
        out.append(Directive(typed.start(), m.end(), text[typed.start() : m.end()], doc_type, m.group("num"), None, date, issuer, True))
        extra = _short_list(text, max(m.end(), attr_end), end, doc_type, lex)
        out.extend(extra)
        if extra:
            taken = SpanIndex([*taken.spans, *((x.start, x.end) for x in extra)])
    out.sort(key=lambda d: d.start)
    return out


def _short_list(text: str, pos: int, limit: int, doc_type: str, lex: Lexicon) -> list[Directive]:
    found = []
    while True:
        joint = lex.list_joint.match(text, pos, min(limit, pos + WINDOW))
        if not joint:
            return found
        m = lex.short.match(text, joint.end(), min(limit, joint.end() + WINDOW))
        if not m or lex.designation.match(text, joint.end(), min(limit, joint.end() + WINDOW)):
            return found
        nxt = _NEXT_WORD.match(text[m.end() : m.end() + 12])
        if nxt and nxt.group(1).lower() not in lex.list_followers:
            return found  # "36 và 37 người": the number counts something else
        date, issuer, attr_end = _attributes(text, m.end(), limit, lex)
        found.append(Directive(m.start(), m.end(), m.group(), doc_type, m.group("num"), None, date, issuer, True))
        pos = max(m.end(), attr_end)


def _short_form_ok(text: str, typed: regex.Match[str], m: regex.Match[str], lex: Lexicon, limit: int) -> bool:
    """A type word and a bare number name a document only in the forms the SPEC lists."""
    word = typed.group("type")
    if not word[0].isupper() and not typed.group("so"):
        return False  # "quyết định 5 năm": the verb, not a document
    num = m.group("num")
    if not typed.group("so") and not m.group("year") and len(num) == 4 and num[:2] in ("19", "20"):
        return False  # "Chương trình 2017": a year
    nxt = _NEXT_WORD_PCT.match(text[m.end() : min(limit, m.end() + 12)])
    dated = lex.attr_date.match(text, m.end(), min(limit, m.end() + WINDOW))
    if nxt and nxt.group(1).lower() in lex.not_before and not (dated and _attributes(text, m.end(), limit, lex)[0]):
        return False
    return not DATE.match(text, m.start("num"), min(len(text), m.start("num") + 40))


def _list_type(text: str, pos: int, prev: Directive | None, lex: Lexicon) -> str | None:
    """The type of the list a bare designation stands in (``22-NQ/TW và 36-NQ/TW``):
    that of the mention just before it, when only a list word stands between."""
    if prev is None or prev.end > pos:
        return None
    _, _, attr_end = _attributes(text, prev.end, pos, lex)
    gap_start = max(prev.end, attr_end) if attr_end <= pos else prev.end
    joint = lex.list_joint.fullmatch(text, gap_start, pos)
    return prev.doc_type if joint else None


def _number_key(number: str) -> str:
    return number.lstrip("0") or "0"


def resolve_short_forms(mentions: list[Directive]) -> None:
    """Give each short form the ref of its full citation (SPEC: the latest earlier one of
    that type and number, else the first later one); unresolved ones keep ``ref: None``."""
    fulls = [d for d in mentions if not d.short and d.ref]
    for d in mentions:
        if not d.short:
            continue
        year = _short_year(d.text)
        same = [
            f for f in fulls
            if f.doc_type == d.doc_type
            and _number_key(f.number) == _number_key(d.number)
            and (year is None or f"/{year}/" in f.ref)
        ]
        earlier = [f for f in same if f.start < d.start]
        later = [f for f in same if f.start > d.start]
        if earlier:
            d.ref = earlier[-1].ref
        elif later:
            d.ref = later[0].ref


def _short_year(text: str) -> str | None:
    m = _TRAILING_YEAR.search(text)
    return m.group(1) if m else None
