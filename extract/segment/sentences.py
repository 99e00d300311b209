"""Sentence spans inside paragraphs (SPEC section 2, gold/GUIDELINES.md "Sentences").

A sentence ends at ``.``, ``!``, ``?``, ``…``/``...`` or ``./.`` (with the quotes or brackets
that close it) when white space follows and the next word starts a sentence: a capital
letter, a digit, an opening quote or bracket, a bullet. Abbreviations (``TP.``, ``Ths.``,
``PGS.TS.``) and single capital initials never end one; numbers (``8.500.000``,
``3.685,3``), dates (``06/7/2011``) and designations (``04-CT/TW``) cannot, because they
hold no white space.

Two engines give the candidate boundaries: ``rules`` (the default, the punctuation rule
above) and ``underthesea`` (underthesea's ``sent_tokenize``, every boundary it proposes then
checked against the same protections). ``vnextract eval`` scores both; the rule engine
scored better on the gold set (see README), so it is the default.
"""

from __future__ import annotations

import functools

import regex

from .. import lexicon

_NEXT_CAPITAL = regex.compile(r"\s+(\p{Lu}\p{Ll}*)")
_BULLET = regex.compile(r"[-–—][ \t\u00a0]*[\p{Lu}\d\"“]")
# candidate ends: punctuation, closers, white space, then something that can start a
# sentence (the look-ahead spares Python the many dots inside numbers and abbreviations
# followed by lower case); boundary_ok() then applies the protections; group 1 is the
# first character of the next sentence
_END = regex.compile(r"(?:\./\.|\.\.\.|[.!?…])+[\"”’')\]»]*(?=\s+([\p{Lu}\d\"“‘'(\[«\-–—•+*]))")


@functools.cache
def _rules() -> tuple[frozenset[str], str]:
    data = lexicon.load("sentences")
    return frozenset(data["abbreviations"]), data["openers"]


def _starts_sentence(ch: str, openers: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in openers


def _protected(text: str, punct_start: int, floor: int) -> bool:
    """True when the punctuation at ``punct_start`` cannot end a sentence."""
    if text[punct_start] != ".":
        return False
    if text.startswith("./.", punct_start) or text.startswith("...", punct_start):
        return False
    abbreviations, _ = _rules()
    k = punct_start
    while k > floor and not text[k - 1].isspace() and text[k - 1] not in "(“\"'":
        k -= 1
    token = text[k:punct_start]
    if token.isdigit() and len(token) <= 2 and _opens_item(text, k, floor):
        return True  # "như sau: 1. Hỗ trợ ...": an item number
    if token in abbreviations:
        return not _function_word_follows(text, punct_start + 1)
    return len(token) == 1 and token.isupper()


def _opens_item(text: str, pos: int, floor: int) -> bool:
    """Does a token at ``pos`` open a list item (after a colon, a sentence end, or at the
    start of the paragraph)?"""
    j = pos
    while j > floor and text[j - 1] in " \t\u00a0":
        j -= 1
    return j <= floor or text[j - 1] in ":.;!?\n"


def _function_word_follows(text: str, pos: int) -> bool:
    """``... của TP. Tại Hà Nội`` : after an abbreviation a capitalised function word (a
    preposition, a conjunction) starts a new sentence; a name (``TP. Hồ Chí Minh``) does not."""
    from .lines import cues

    m = _NEXT_CAPITAL.match(text[pos : pos + 20])
    return bool(m) and m.group(1).lower() in cues().function_words


def boundary_ok(text: str, punct_start: int, after: int, end: int) -> int | None:
    """If a sentence may end with the punctuation ``text[punct_start:after]``, the offset
    where the next sentence starts; else None."""
    _, openers = _rules()
    j = after
    while j < end and text[j].isspace():
        j += 1
    if j >= end or not _starts_sentence(text[j], openers):
        return None
    ellipsis = text[punct_start] == "…" or text.startswith("...", punct_start)
    if ellipsis and not (text[j].isupper() or text[j].isdigit()):
        return None  # "quần áo… (Sóc Sơn).": an ellipsis inside a list
    if text[j] in "-–—" and not _BULLET.match(text[j : j + 4]):
        return None  # '... vô lý!" - nghệ sĩ X nói.': an attribution, not a bullet
    if _protected(text, punct_start, 0):
        return None
    return j


def split_sentences(
    text: str, paragraphs: list[list[int]], engine: str = "rules", extra_starts: tuple[int, ...] = ()
) -> list[list[int]]:
    """Sentence spans for every paragraph span, in order; they tile each paragraph.

    ``extra_starts`` are offsets where a sentence must start whatever the punctuation
    says (a byline glued onto the last paragraph is a sentence of its own)."""
    out: list[list[int]] = []
    for start, end in paragraphs:
        cuts = _cuts_rules(text, start, end) if engine == "rules" else _cuts_underthesea(text, start, end)
        for extra in extra_starts:
            if start < extra < end and all(nxt != extra for _, nxt in cuts):
                stop = extra
                while stop > start and text[stop - 1].isspace():
                    stop -= 1
                cuts = sorted([c for c in cuts if c[1] <= stop] + [(stop, extra)] + [c for c in cuts if c[0] > extra])
        s = start
        for stop, nxt in cuts:
            out.append([s, stop])
            s = nxt
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append([s, e])
    return out


def _cuts_rules(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rule engine's cuts: ``boundary_ok`` for every candidate of ``_END``, inlined.

    This runs for every candidate end of every paragraph, so the same tests are written
    out here with their results shared: the look-ahead of ``_END`` already found the next
    word's first character (white space under ``\\s`` is white space under
    ``str.isspace`` too, and the character it stops at is not white space, so this is
    where ``boundary_ok``'s scan stops), a capital or a digit there makes the ellipsis
    and dash tests moot, and ``_protected`` (a loop back over the word before the dot)
    is asked only about a dot that the last one or three characters before it cannot
    clear at a glance. ``test_segment_fast_paths`` checks that this and ``boundary_ok``
    agree on texts written to take every branch and on random strings of their pieces."""
    openers = _rules()[1]
    lasts, endings = _abbreviation_endings()
    cuts = []
    for m in _END.finditer(text, start, end):
        j = m.start(1)
        ch = text[j]
        ps = m.start()
        if ch.isupper() or ch.isdigit():
            pass  # (most sentences start so; the ellipsis and dash tests below never apply)
        elif ch in openers:
            if text[ps] == "…" or text.startswith("...", ps):
                continue  # "quần áo… (Sóc Sơn).": an ellipsis inside a list
            if ch in "-–—" and not _BULLET.match(text, j, j + 4):
                continue  # '... vô lý!" - nghệ sĩ X nói.': an attribution, not a bullet
        else:
            continue
        if text[ps] == "." and ps:
            # the dot is not protected when the word before it cannot be an abbreviation,
            # an initial or an item number: its last character ends no abbreviation and is
            # no capital and no digit, or its last three characters are letters or digits
            # (three long or more) that end no abbreviation; else ask
            last = text[ps - 1]
            if last in lasts or last.isupper() or last.isdigit():
                last3 = text[ps - 3 : ps] if ps >= 3 else ""
                if not (last3.isalnum() and last3 not in endings) and _protected(text, ps, 0):
                    continue
        cuts.append((m.end(), j))
    return cuts


@functools.cache
def _abbreviation_endings() -> tuple[frozenset[str], frozenset[str]]:
    """The last character and the last three characters of every abbreviation (see
    ``_cuts_rules``)."""
    # (YAML reads a bare ``No`` in the list as false: only the strings are words)
    words = [a for a in _rules()[0] if isinstance(a, str) and a]
    return frozenset(a[-1] for a in words), frozenset(a[-3:] for a in words if len(a) >= 3)


def _cuts_underthesea(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from underthesea import sent_tokenize

    cuts = []
    pos = start
    for sent in sent_tokenize(text[start:end]):
        found = text.find(sent, pos, end)
        if found < 0:
            continue
        stop = found + len(sent)
        pos = stop
        if stop >= end:
            break
        m = regex.search(r"(?:\./\.|\.\.\.|[.!?…])+[\"”’')\]»]*$", text[found:stop])
        if not m:
            continue
        nxt = boundary_ok(text, found + m.start(), stop, end)
        if nxt is not None:
            cuts.append((stop, nxt))
    return cuts
