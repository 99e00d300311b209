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

Speed: the patterns are tried only where a mention can start, as two cheap scans of the
whole document list those places (``candidates.py``); regions without one are skipped.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass

import regex

from .. import lexicon
from ..record.models import Directive
from .attributes import attributes as _attributes
from .candidates import candidates, designation_matches, number_after
from .dates import DATE
from .shortforms import resolve_short_forms
from .spans import WINDOW, SpanIndex

_SEP = r"[ \t\u00a0]?"  # at most one space around a separator ("04 - CT/TW", "04-CT/ TW")
_DASH = r"[-–—]"
_NUM = r"\d{1,5}[a-zA-Z]?"
_YEAR = r"(?:19|20)\d{2}"
# one code segment, atomic: a long upper-case run is split one way only (linear, SPEC 17)
_SEG = r"(?>[\p{Lu}\d][\p{Lu}\d]*+(?:\p{Ll}{1,2}(?!\p{Ll}))?[\p{Lu}\d]*+|\p{Ll}{1,10})"
_SPACES = regex.compile(r"\s+")
_REF_PARTS = regex.compile(r"([-/.])")
_CODE_PARTS = regex.compile(r"[-.–/\s]")
_NEXT_WORD = regex.compile(r"[ \t\u00a0]*(\p{L}+)")
_NEXT_WORD_PCT = regex.compile(r"[ \t\u00a0]*([\p{L}%]+)")
_START = r"(?:(?<![\p{L}\d/.\-–@])|(?<=(?i:số)))"  # "số204/2004/NĐ-CP" glues số on
_END = r"(?![\p{Lu}\d]|[/\-–][\p{L}\d])"  # a glued lower-case word may follow ("TT-BNNPTNTngày")

PARTY = (
    rf"(?P<pnum>{_NUM}){_SEP}{_DASH}{_SEP}(?P<pcode>{_SEG}){_SEP}/{_SEP}"
    rf"(?P<piss>{_SEG}(?:[-.]{_SEG})*)"
)
STATE = (
    rf"(?P<snum>{_NUM}){_SEP}/{_SEP}(?:(?P<syear>{_YEAR}){_SEP}/{_SEP})?"
    rf"(?P<scode>(?=\p{{L}}){_SEG}(?:(?:[-.–]|{_SEP}[-–]{_SEP}(?=\p{{Lu}})|/(?=\p{{Lu}}{{2}})){_SEG})*+)"
)
# a Party designation with a dash for the slash ("105-QĐ-TW"): kept only when its code is a
# known type code and its issuer a known issuer code (checked in _parse_designation)
PARTY_DASH = rf"(?P<dnum>{_NUM}){_DASH}(?P<dcode>{_SEG}){_DASH}(?P<diss>{_SEG})"
DESIGNATION_CORE = rf"(?:{PARTY}|{STATE}|{PARTY_DASH}){_END}"
DESIGNATION = rf"{_START}{DESIGNATION_CORE}"
# a short form: a number, maybe its year ("144/2013", "205 năm 2019"; not "5 năm 2021-2025")
_WORDS_YEAR = rf"[ \t\u00a0]+năm[ \t\u00a0]+(?P<wyear>{_YEAR})(?![\d/]|{_SEP}[-–]{_SEP}\d)"
SHORT = (
    rf"(?P<num>{_NUM})(?:{_SEP}/{_SEP}(?P<year>{_YEAR})|{_WORDS_YEAR})?"
    rf"(?![\p{{L}}\d]|[/\-–,.]\d|{_SEP}[/\-–]{_SEP}\p{{L}})"
)


@dataclass(frozen=True)
class Lexicon:
    type_words: dict[str, str]
    type_codes: dict[str, str]  # upper-cased code -> doc_type
    party_type_codes: dict[str, str]
    issuer_codes: dict[str, str]
    canonical_code: dict[str, str]  # upper-cased spelling -> canonical spelling
    issuer_stops: tuple[str, ...]
    issuer_stops_by_first: dict[str, tuple[str, ...]]  # the same stops, under their first letter
    issuer_max_words: int
    lowercase_pairs: frozenset[str]
    place_words: frozenset[str]
    name_place_words: frozenset[str]  # lower-cased: the place words before a place's name
    clause_words: frozenset[str]
    not_after_va: frozenset[str]
    not_before: frozenset[str]
    lower_case_short: frozenset[str]  # type words that make a short form in lower case too
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
    abbreviations: dict[str, str]  # "NQ", "NĐ", "QĐ" as written -> doc_type
    short_gate: regex.Pattern[str]


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
    abbreviations = dict(data["type_abbreviations"])
    # a type word, case-insensitive, or an abbreviation, exactly as written ("NQ số 36/NQ-CP")
    words = rf"(?i:{lexicon.alternation(list(type_words))})|{lexicon.alternation(list(abbreviations))}"
    prefix = "|".join(regex.escape(p) for p in data["number_prefix"])  # "số số" is read as one (a doubled word)
    typed = regex.compile(
        rf"(?<![\p{{L}}\d])(?P<type>{words})(?:[ \t\u00a0]+(?P<so>(?i:{prefix})(?:[ \t\u00a0]+(?i:{prefix}))?)[ \t\u00a0]*|[ \t\u00a0]+)"
        rf"(?:(?P<desig>{DESIGNATION_CORE})|(?P<short>{SHORT}))"
    )
    # the last syllable of every type word, and "số": a cheap test before the search
    tails = {w.split()[-1] for w in type_words} | {p.rstrip(":") for p in data["number_prefix"]}
    # a designation starts after a non-letter, after "số" or right after a type word glued
    # to it ("Nghị quyết36/NQ-CP", SPEC section 11)
    glued = lexicon.alternation(sorted({w.split()[-1] for w in type_words}))
    designation = regex.compile(rf"(?:{_START}|(?<=(?<![\p{{L}}])(?i:{glued}))){DESIGNATION_CORE}")
    # searched backwards from a number: the type word and "số" written right before it (a
    # type word may be glued to the number)
    type_before = regex.compile(
        rf"(?r)(?<![\p{{L}}\d])(?P<type>{words})(?:[ \t\u00a0]+(?P<so>(?i:{prefix})(?:[ \t\u00a0]+(?i:{prefix}))?)[ \t\u00a0]*|[ \t\u00a0]*)\Z"
    )
    tails |= {a.lower() for a in abbreviations}
    # what ``type_before`` can end with: the last syllable of a type word, a number
    # prefix, an abbreviation (the short forms' gate, see candidates.py)
    short_gate = number_after(
        {w.split()[-1] for w in type_words} | set(data["number_prefix"]) | {a.lower() for a in abbreviations}
    )
    # a line break may stand before a lower-case "ngày"/"của" (a wrapped line: a sentence
    # never starts with one) and after "của"; "của của" is one "của"
    # a signer or issuing body between the mention and its date (`do Chủ tịch UBND tỉnh ký ngày
    # 12/5/2021`, `do Sở Y tế ban hành ngày 3/4/2019`) is
    # passed over for the date: no comma or full stop in it, at most 60 characters; it is no
    # issuer (no `của` phrase), so the issuer stays null
    attr_date = regex.compile(
        r"[ \t\u00a0]*,?[ \t\u00a0]*(?:\n[ \t\u00a0]*(?=ngày))?(?:\([ \t\u00a0]*)?"
        r"(?:(?i:do)[ \t\u00a0]+[^,.;:()\n]{1,60}?[ \t\u00a0]+(?=(?i:ký|ban hành)[ \t\u00a0]+(?i:ngày)))?"
        r"(?:(?i:ban hành|ký|ra)[ \t\u00a0]+)?(?=(?i:ngày))"
    )
    attr_issuer = regex.compile(
        r"[ \t\u00a0]*,?[ \t\u00a0]*(?:\((?i:khóa|khoá)[^)\n]{0,20}\)[ \t\u00a0]*)?(?:\n[ \t\u00a0]*(?=của))?"
        r"(?i:của)(?:[ \t\u00a0]+(?i:của)(?!\p{L}))?(?=\s)[ \t\u00a0]*\n?[ \t\u00a0]*"
    )
    stops = tuple(sorted((s.lower() for s in data["issuer_stops"]), key=len, reverse=True))
    stops_by_first: dict[str, tuple[str, ...]] = {}
    for stop in stops:
        stops_by_first[stop[0]] = (*stops_by_first.get(stop[0], ()), stop)
    joiners = "|".join(regex.escape(j) for j in data["list_joiners"])
    list_joint = regex.compile(rf"[ \t\u00a0]*(?:{joiners})[ \t\u00a0]*(?:(?i:{prefix})[ \t\u00a0]*)?")
    return Lexicon(
        type_words=type_words,
        type_codes=type_codes,
        party_type_codes={k.upper(): v for k, v in data["party_type_codes"].items()},
        issuer_codes=issuer_codes,
        canonical_code=canonical,
        issuer_stops=stops,
        issuer_stops_by_first=stops_by_first,
        issuer_max_words=int(data["issuer_max_words"]),
        lowercase_pairs=frozenset(data["issuer_lowercase_pairs"]),
        place_words=frozenset(data["issuer_place_words"]),
        name_place_words=frozenset(w.lower() for w in data["issuer_name_place_words"]),
        clause_words=frozenset(data["issuer_clause_words"]),
        not_after_va=frozenset(data["issuer_not_after_va"]),
        not_before=frozenset(w.lower() for w in data["short_form_not_before"]),
        lower_case_short=frozenset(w.lower() for w in data["short_form_lower_case"]),
        typed=typed,
        type_word=regex.compile(rf"(?:{words})(?![\p{{L}}\d])"),
        type_before=type_before,
        type_tails=frozenset(tails),
        designation=designation,
        designation_core=regex.compile(DESIGNATION_CORE),
        attr_date=attr_date,
        attr_issuer=attr_issuer,
        list_joint=list_joint,
        short=regex.compile(rf"(?<![\p{{L}}\d]){SHORT}"),
        list_followers=frozenset(w.lower() for w in data["list_followers"]),
        abbreviations=abbreviations,
        short_gate=short_gate,
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
    elif m.group("dnum"):  # 105-QĐ-TW: only known codes make a dash a slash
        code = lex.canonical_code.get(m.group("dcode").upper(), "").upper()
        issuer = lex.canonical_code.get(m.group("diss").upper(), "").upper()
        if issuer not in lex.issuer_codes or not (code in lex.type_codes or code in lex.party_type_codes):
            return None
        doc_type = _code_type(m.group("dcode"), True, lex)
        number = m.group("dnum")
    else:
        first = _CODE_PARTS.split(m.group("scode"))[0]
        doc_type = _code_type(first, False, lex)
        number = m.group("snum")
    return number, normalise_ref(m.group(0), lex), doc_type


def _doc_type_of(word: str, lex: Lexicon) -> str:
    if word in lex.abbreviations:
        return lex.abbreviations[word]
    return lex.type_words[" ".join(word.lower().split())]


def find_directives(text: str, regions: list[list[int]] | None = None) -> list[Directive]:
    """Every directive citation in ``text`` (restricted to ``regions`` when given)."""
    lex = load_lexicon()
    if regions is None:
        regions = [[0, len(text)]]
    desig_at, short_at = candidates(text, lex.short_gate)
    if not desig_at and not short_at:
        return []  # no region can hold a mention
    found: list[Directive] = []
    for i, (r_start, r_end) in enumerate(regions):
        desigs = desig_at[bisect_left(desig_at, r_start) : bisect_left(desig_at, r_end)]
        shorts = short_at[bisect_left(short_at, r_start) : bisect_left(short_at, r_end)]
        if desigs or shorts:
            found.extend(_find_in(text, r_start, r_end, lex, _attribute_limit(text, regions, i), desigs, shorts))
    if not found:
        return found
    found.sort(key=lambda d: d.start)
    resolve_short_forms(found)
    return found


_ONE_BREAK = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*")


def _attribute_limit(text: str, regions: list[list[int]], i: int) -> int:
    """How far a mention's date and issuer may be read: to the end of its line, or of the
    next line when only one line break stands between them (a hard-wrapped sentence,
    SPEC section 11). The mention itself stays on its line."""
    end = regions[i][1]
    if i + 1 < len(regions) and _ONE_BREAK.fullmatch(text, end, regions[i + 1][0]):
        return regions[i + 1][1]
    return end


def _type_before(text: str, pos: int, floor: int, lex: Lexicon) -> regex.Match[str] | None:
    """The type word (and ``số``) written right before ``pos``, if any."""
    before = text[max(floor, pos - 16) : pos].rstrip(" \t\u00a0:").rsplit(None, 1)
    last = before[-1].lower() if before else ""
    if last not in lex.type_tails and not last.endswith("số"):
        return None
    return lex.type_before.search(text, max(floor, pos - 40), pos)


def _find_in(
    text: str, start: int, end: int, lex: Lexicon, limit: int, desig_at: list[int], short_at: list[int]
) -> list[Directive]:
    """Mentions in one region, anchored on numbers: every designation, then every other
    number that a type word stands right before (a short form). Attributes are read up
    to ``limit``. ``desig_at`` and ``short_at`` are the region's candidates
    (candidates.py); the numbers that no type word can stand before are not looked at."""
    out: list[Directive] = []
    covered: list[tuple[int, int]] = []
    for m in designation_matches(text, start, end, lex.designation, desig_at):
        parsed = _parse_designation(m, lex)
        if parsed is None:
            continue
        number, ref, code_type = parsed
        typed = _type_before(text, m.start(), start, lex)
        date, issuer, _ = _attributes(text, m.end(), limit, lex)
        covered.append(m.span())
        if typed is not None:
            doc_type = _doc_type_of(typed.group("type"), lex)
            out.append(Directive(typed.start(), m.end(), text[typed.start() : m.end()], doc_type, number, ref, date, issuer, False))
            continue
        doc_type = code_type or _list_type(text, m.start(), out[-1] if out else None, lex)
        if doc_type is None:
            continue
        out.append(Directive(m.start(), m.end(), m.group(), doc_type, number, ref, date, issuer, False))
    if not short_at:
        out.sort(key=lambda d: d.start)
        return out
    taken = SpanIndex(covered)
    listed: deque[tuple[int, int]] = deque()  # short forms of lists, ahead of the scan, in order
    for at in short_at:
        while listed and listed[0][1] <= at:
            listed.popleft()
        if taken.overlaps(at, at + 1) or (listed and listed[0][0] <= at):
            continue
        typed = _type_before(text, at, start, lex)
        if typed is None or typed.end("type") == at:
            continue  # a type word glued to a bare number ("Luật36 tuổi") names no document
        m = lex.short.match(text, at, min(end, at + WINDOW))
        if m is None or not _short_form_ok(text, typed, m, lex, end):
            continue
        doc_type = _doc_type_of(typed.group("type"), lex)
        date, issuer, attr_end = _attributes(text, m.end(), limit, lex)
        out.append(Directive(typed.start(), m.end(), text[typed.start() : m.end()], doc_type, m.group("num"), None, date, issuer, True))
        extra = _short_list(text, max(m.end(), attr_end), end, doc_type, lex)
        out.extend(extra)
        listed.extend((x.start, x.end) for x in extra)
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
    if not word[0].isupper() and not typed.group("so") and " ".join(word.lower().split()) not in lex.lower_case_short:
        return False  # "quyết định 5 năm": the verb, not a document; "nghị quyết 35" is one
    num = m.group("num")
    if not typed.group("so") and not m.group("year") and len(num) == 4 and num[:2] in ("19", "20"):
        return False  # "Chương trình 2017": a year
    if m.group("wyear") and not typed.group("so") and num.isdigit() and int(num) <= 10:
        return False  # "Kế hoạch 5 năm 2021": a five-year plan, not plan number 5
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
