"""The attributes written after a directive mention (SPEC section 3): its issue date and
its issuing body.

Both are read from the text right after the designation, within a bounded window. Pages
copied from PDFs break lines inside a sentence, so an attribute may run over one line
break (SPEC section 11): the caller passes a ``limit`` that reaches into the next line
when the line holding the mention was wrapped, and the patterns let a line break stand
only where a sentence cannot end (before a lower-case ``ngày``/``của``, after ``của``,
inside a date). Doubled words (``của của``, ``ngày ngày``) are read as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .dates import date_at
from .spans import WINDOW

if TYPE_CHECKING:
    from .directives import Lexicon

_JOINT_ISSUER = regex.compile(r"[-–][ \t\u00a0]*\p{Lu}")
_NEXT_LOWER = regex.compile(r"[ \t\u00a0]+(\p{Ll}+)")
_NEXT_WORD = regex.compile(r"[ \t\u00a0]*(\p{L}+)")
_NGAY = regex.compile(r"(?:(?i:ngày)[ \t\u00a0]*\n?[ \t\u00a0]*){1,2}")  # "ngày ngày 06/7/2011"
_CLOSE = regex.compile(r"[ \t\u00a0]*\)")
_PARTIAL_DATE = regex.compile(r"\d{1,2}[/.-]\d{1,2}(?![/.-]?\d)")


def _issuer_at(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[int, str] | None:
    """The issuing body after ``của`` at ``pos``: (end, issuer as written).

    The name runs word by word and ends at punctuation, at a stop word (a verb or
    preposition that starts the rest of the clause), at a document type, or where two
    lower-case syllables follow each other outside the known pairs ("Tỉnh ủy đánh giá":
    inside a name a lower-case syllable only completes a capitalised one). It also ends
    at a lower-case syllable that can complete no capitalised one: after a place's name
    ("UBND tỉnh Sơn La thông báo", where `place` tracks the place word and its name) or an
    adverb ("Bộ Nội Vụ chưa").
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
    place = 0  # 1: right after a place word (`tỉnh`); 2: inside the place's name after it
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
            place = 0
            continue
        low = text[i : i + 24].lower()
        # only the stops that start with this word's first letter can start it
        stops = lex.issuer_stops_by_first.get(low[0], ())
        stop = any(low.startswith(s) and _word_ends(low, len(s)) for s in stops)
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
        pair = f"{prev_word} {word}".lower()
        if word[0].islower() and (place == 2 or (word in lex.clause_words and pair not in lex.lowercase_pairs)):
            break  # "UBND tỉnh Sơn La thông báo", "Bộ Nội Vụ chưa": the name has ended
        if word.lower() in lex.name_place_words or pair in lex.name_place_words:
            place = 1
        elif place:
            place = 2 if word[0].isupper() else 0  # `Tỉnh ủy`: the word, no place's name
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


def attributes(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[str | None, str | None, int]:
    """Date and issuer written right after a mention; returns (date, issuer, end). The
    date may also follow the issuer (``của Ban Bí thư ngày 06/7/2011``)."""
    date, end = _date_after(text, pos, limit, lex)
    issuer = None
    got = _issuer_at(text, end, limit, lex)
    if got:
        end, issuer = got
        if date is None:
            date, end = _date_after(text, end, limit, lex)
    return date, issuer, end


def _date_after(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[str | None, int]:
    """The ``ngày ...`` date right after ``pos``: (iso or None, end of what was read)."""
    m = lex.attr_date.match(text, pos, min(limit, pos + WINDOW))
    if not m:
        return None, pos
    d = _NGAY.match(text, m.end(), min(limit, m.end() + 24))
    start = d.end() if d else m.end()
    found = date_at(text, start, limit) or date_at(text, m.end(), limit)
    if not found:  # "ngày 16/1": a date without its year is no attribute, but is skipped
        partial = _PARTIAL_DATE.match(text, start, min(limit, start + 12))
        return None, partial.end() if partial else pos
    end = found[1]
    close = _CLOSE.match(text, end, min(limit, end + 3))
    if close and "(" in text[pos:start]:
        end = close.end()
    return found[2], end
