"""Line features and the boilerplate classifier: which lines are the article's own text.

Decisions come from general evidence, never from a site's menu strings: line length,
sentence punctuation, the share of Vietnamese function words (the jusText idea), digits
and symbols, position relative to the body, and neighbouring lines (a run of short
headline-like lines is a link list, an isolated short line between paragraphs is a
subheading). The cue lists in ``patterns/boilerplate.yaml`` are general Vietnamese web
conventions (``Ảnh:``, ``Tin liên quan``, ``lượt xem``), each one feature among others.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import regex

from .. import lexicon
from ..find.dates import DATE

PROSE = "prose"  # a body paragraph: long, punctuated, function-word rich
SHORT = "short"  # short line: title, subheading, caption, byline or menu item
FURNITURE = "furniture"  # counters, contact details, controls, copyright
IMAGE = "image"  # an image file name
RELATED = "related"  # heading of a related-links block
BLANK = "blank"


@dataclass
class Line:
    index: int
    start: int  # span of the stripped line in the canonical text
    end: int
    text: str
    words: int
    kind: str
    func_share: float
    terminal: bool  # ends with sentence punctuation
    cap_share: float  # share of words that start with a capital letter
    has_date: bool
    stamp: str | None = None  # a scraper's metadata date cut from the line's start (``date 2025-12-03``)


@dataclass(frozen=True)
class Cues:
    function_words: frozenset[str]
    image: regex.Pattern[str]
    caption: regex.Pattern[str]
    byline: regex.Pattern[str]
    related: regex.Pattern[str]
    furniture: regex.Pattern[str]
    date: regex.Pattern[str]
    stamp: regex.Pattern[str]
    caption_marks: regex.Pattern[str]
    controls: regex.Pattern[str]
    place_date: regex.Pattern[str]
    narrative: regex.Pattern[str]
    apposition: regex.Pattern[str]
    publication: regex.Pattern[str]
    not_publication: regex.Pattern[str]


def _one_of(patterns: list[str]) -> regex.Pattern[str]:
    """A cue list as one alternation, so that a line is searched once per list (a
    leading ``(?i)`` becomes a scoped ``(?i:...)``)."""
    parts = [f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in patterns]
    return regex.compile("|".join(parts))


@functools.cache
def cue_parts(key: str) -> tuple[regex.Pattern[str] | _Gated, ...]:
    """The cue list ``key`` of ``boilerplate.yaml`` as one pattern per cue. A line holds
    a cue of the list exactly when one of these finds one, and on lines of a few hundred
    characters a search per cue is about twice as fast as one search for the alternation
    of ``cues()`` when the list mixes anchored cues with cues that may stand anywhere
    (``furniture``, ``caption_cues``): each cue alone gets its own anchor or literal scan."""
    data = lexicon.load("boilerplate")
    parts = []
    for p in data[key]:
        pattern = regex.compile(f"(?i:{p[4:]})" if p.startswith("(?i)") else p)
        parts.append(_Gated(pattern, _CUE_GATES[p]) if p in _CUE_GATES else pattern)
    return tuple(parts)


class _Gated:
    """A cue searched only where a substring test says it can stand (``_CUE_GATES``)."""

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: regex.Pattern[str], gate: Callable[[str], bool]) -> None:
        self.pattern, self.gate = pattern, gate

    def search(self, text: str) -> regex.Match[str] | None:
        return self.pattern.search(text) if self.gate(text) else None


# Exact gates for the furniture cues that may stand anywhere in a line: the anchored cues
# fail at once, but these are tried at every position (about six times the cost of the
# other eight together on the bench's short lines). Each gate is a character every match
# holds, in either case (under ``(?i)`` each of these letters matches itself and its
# capital only): ``lượt`` holds ``ợ``; ``©``, ``bản quyền`` and ``copyright`` at the
# start, or ``bởi``; the controls at the end (``in trang``, ``cỡ chữ``, ``chia sẻ``,
# ``xuất pdf``, ``gửi email``, then only white space) end with one of their last letters.
# A cue edited in the YAML loses its gate (the key is its text) and is searched always;
# ``test_segment_fast_paths`` checks the gates against the searches.
_CUE_GATES: dict[str, Callable[[str], bool]] = {
    r"(?i)lượt\s+(?:xem|truy\s+cập|đọc)": lambda t: "ợ" in t or "Ợ" in t,
    r"(?i)©|^bản\s+quyền\s+(?:thuộc|của)|^copyright|phát\s+triển\s+bởi|thiết\s+kế\s+bởi": (
        lambda t: t[:1] in "bBcC" or "ở" in t or "Ở" in t or "©" in t
    ),
    r"(?i)(?:in\s+trang|cỡ\s+chữ|chia\s+sẻ|xuất\s+pdf|gửi\s+email)\s*$": lambda t: t.rstrip()[-1:] in "gGữỮẻẺfFlL",
}


def has_cue(parts: tuple[regex.Pattern[str] | _Gated, ...], text: str) -> bool:
    """Does ``text`` hold one of the cues of ``cue_parts``?"""
    return any(p.search(text) for p in parts)


def has_anh(text: str) -> bool:
    """``ảnh`` in any case (every caption cue names it); the substring tests spare most
    lines a lower-cased copy (only ``ả`` and ``Ả`` lower-case to an ``ả``)."""
    return ("ả" in text or "Ả" in text) and "ảnh" in text.lower()


def furniture_searched(line: Line) -> bool:
    """Has ``_kind`` already searched this line's text for the furniture cues, and found
    none? It searches every line of at most 25 words that it does not take as an image
    file or a related-links heading, and a hit makes the line FURNITURE, so a prose or
    short line of at most 25 words holds no furniture cue: later readers of the cues
    (``clean_layout``, the model's evidence) skip the search on it and answer no."""
    return line.words <= 25 and line.kind in (PROSE, SHORT)


@functools.cache
def cues() -> Cues:
    data = lexicon.load("boilerplate")
    comp = lambda key: _one_of(data[key])  # noqa: E731
    return Cues(
        function_words=frozenset(data["function_words"]),
        image=regex.compile(data["image_file"]),
        caption=comp("caption_cues"),
        byline=comp("byline_cues"),
        related=comp("related_cues"),
        furniture=comp("furniture"),
        date=comp("date_cues"),
        stamp=regex.compile(data["metadata_stamp"]),
        caption_marks=comp("caption_marks"),
        controls=comp("controls"),
        place_date=regex.compile(data["place_date"]),
        narrative=comp("narrative_marks"),
        apposition=regex.compile(data["apposition"]),
        publication=comp("publication_cues"),
        not_publication=comp("not_publication_cues"),
    )


_SAMPLE = 80  # words looked at per line, spread evenly over a long line
_TERMINAL = regex.compile(r"(?:[.!?…:;]|\./\.)[\"”’')\]]*$")
_WORD_PUNCT = ".,;:!?…\"“”'()[]"  # stripped from both ends of a word before it is looked at


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its stripped span and features (blank lines included).

    The per-word evidence (function-word share, capitalised share) is summed from
    a table that remembers each word's facts (``_word_table``) with ``map``, not a Python
    loop per word: every line of every page passes here, and a look-up per word is
    several times cheaper than stripping, lower-casing and testing it, with the same
    values (``test_segment_fast_paths`` checks them against the loop)."""
    c = cues()
    table = _word_table(c.function_words)
    stamp_re, date_re = c.stamp, DATE
    out: list[Line] = []
    append = out.append
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            start = pos + len(raw)  # an all-space line: its stripped span is empty at its end
            pos += len(raw) + 1
            append(Line(i, start, start, "", 0, BLANK, 0.0, False, 0.0, False))
            continue
        lead = len(raw) - len(raw.lstrip())
        stamp = stamp_re.match(stripped) if stripped.startswith("date ") else None
        if stamp:  # a scraper wrote its metadata date before the line: the line starts after it
            lead += stamp.end()
            stripped = stripped[stamp.end() :]
        start = pos + lead
        end = start + len(stripped)
        pos += len(raw) + 1
        if not stripped:
            append(Line(i, start, start, "", 0, BLANK, 0.0, False, 0.0, False))
            continue
        if len(stripped) > 1500:  # a long line: count its words, sample three stretches of it
            n_words = stripped.count(" ") + 1
            mid = len(stripped) // 2
            tokens = " ".join((stripped[:400], stripped[mid - 200 : mid + 200], stripped[-400:])).split()
        else:
            tokens = stripped.split()
            n_words = len(tokens)
        # a sample of the words is enough to tell prose from furniture on long lines
        step = len(tokens) // _SAMPLE
        sample = tokens[::step] if step > 1 else tokens
        short = n_words <= 30
        # per word, from the remembered table: starts with a letter (once its punctuation
        # is stripped), is a function word, starts with a capital, how many letters it
        # holds; the four counts are summed at once in one integer (``_word_table``)
        packed = sum(map(table.__getitem__, sample))
        n_alpha, func = packed & _FIELD, (packed >> 16) & _FIELD
        caps = (packed >> 32) & _FIELD if short else 0
        # the letters of a line are those of its words (white space holds none)
        letters = packed >> 48 if sample is tokens and len(stripped) <= 1500 else None
        line = Line(
            i,
            start,
            end,
            stripped,
            n_words,
            SHORT,
            func / n_alpha if n_alpha else 0.0,
            _TERMINAL.search(stripped, max(0, len(stripped) - 8)) is not None,
            caps / n_alpha if n_alpha else 0.0,
            short and _may_hold_date(stripped) and date_re.search(stripped) is not None,
            stamp.group("date") if stamp else None,
        )
        line.kind = _kind(line, c, letters)
        append(line)
    return out


class WordTable(dict):
    """Facts about a word, computed the first time the word is seen: a page's words are
    mostly words seen before, and one look-up per word is cheaper than stripping,
    lower-casing and testing it again. The table is emptied when it grows large, so
    memory stays bounded on any corpus. (``split_lines`` keeps packed counts, an ``int``;
    ``features.py`` keeps the bare word, a ``str``.)"""

    def __init__(self, fact: Callable[[str], int | str]):
        super().__init__()
        self.fact = fact

    def __missing__(self, token: str) -> int | str:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        value = self[token] = self.fact(token)
        return value


_TABLE_SIZE = 50_000  # words (the 5,000 bench articles hold 35,000 distinct tokens)
_FIELD = 0xFFFF  # a count in the packed sum: lines sum fewer than 65,536 words or letters


@functools.cache
def _word_table(function_words: frozenset[str]) -> WordTable:
    """Per token, the facts ``split_lines`` counts, packed in one integer so that one
    ``sum`` counts all four (each count has 16 bits, no line reaches them): the word
    (the token with the punctuation around it stripped) starts with a letter; it does
    and is a function word; it does and the letter is a capital; and the number of
    letters in the token (as ``_kind`` counts them)."""

    def pack(token: str) -> int:
        word = token.strip(_WORD_PUNCT)
        first = word[:1]
        alpha = first.isalpha()
        function = alpha and word.lower() in function_words
        capital = alpha and first.isupper()
        letters = len(_NON_LETTERS.sub("", token))
        return alpha | function << 16 | capital << 32 | letters << 48

    return WordTable(pack)


def _may_hold_date(text: str) -> bool:
    """Every date ``DATE`` reads has a four-digit year from 1900 to 2099, so a line
    without ``19`` or ``20`` holds none: a substring test spares most lines the search
    (``test_segment_fast_paths`` keeps this true of ``DATE``)."""
    return "20" in text or "19" in text


_NON_LETTERS = regex.compile(r"[^\p{L}]+")


def _kind(line: Line, c: Cues, letters: int | None = None) -> str:
    """The line's kind; ``letters``, when given, is the number of letters in its text."""
    t = line.text
    if line.words > 40 and is_prose(line):
        return PROSE  # long running text: no need to test the furniture cues
    if c.image.match(t):
        return IMAGE
    if line.words <= 12 and c.related.search(t):
        return RELATED
    if line.words <= 25 and has_cue(cue_parts("furniture"), t):
        return FURNITURE
    if len(t) < 400 and (len(_NON_LETTERS.sub("", t)) if letters is None else letters) < len(t) * 0.4:
        return FURNITURE  # mostly digits and symbols: counters, phone numbers, rulers
    if is_prose(line):
        return PROSE
    return SHORT


_SENTENCE_END = regex.compile(r"[.!?…][\"”’')\]]*\s+\p{Lu}")


def is_prose(line: Line) -> bool:
    """A body paragraph: long enough, ends like a sentence, reads like running Vietnamese.
    A long line may end with a glued credit instead of a full stop; then its sentences
    inside (". X") or its function words tell it from a block of links."""
    if line.words >= 15 and line.terminal and line.func_share >= 0.05:
        return True
    if line.words < 40:
        return False
    return line.func_share >= 0.08 or len(_SENTENCE_END.findall(line.text, 0, 2000)) >= 2


def is_caption(line: Line) -> bool:
    """A photo caption: a caption cue, or a medium-length line with no sentence ending
    standing among paragraphs (subheadings are shorter, captions describe a scene)."""
    c = cues()
    if c.caption.search(line.text):
        return True
    if line.terminal or line.text.isupper():
        return False
    if line.text[0].islower():
        return True  # the second half of a caption split over two lines
    return 9 <= line.words <= 40


def is_byline(line: Line) -> bool:
    """A credit line: a credit cue (``Bài, ảnh:``, ``Theo``, ``BBT.``) or a short run of
    mostly capitalised words (a name with its title: ``Ths. Đoàn Hiền, PGĐ Sở Ngoại vụ``)."""
    c = cues()
    if line.words > 16 or line.kind in (PROSE, IMAGE, RELATED):
        return False
    if line.words <= 10 and c.byline.search(line.text):
        return True
    if line.text.endswith((".", "!", "?", ":", ";")) and not line.text.endswith(("BBT.",)):
        return False
    return line.words <= 16 and line.cap_share >= 0.6 and line.func_share <= 0.1


def is_date_line(line: Line) -> bool:
    return line.has_date and (line.words <= 8 or bool(cues().date.search(line.text)))


def is_title_candidate(line: Line) -> bool:
    """A headline: a short line that is not furniture and does not end like a sentence
    (it may end with ``?`` or ``!``)."""
    if line.kind not in (SHORT, PROSE) or line.words > 40 or line.words < 2:
        return False
    if line.text.endswith((":", ";", ",")) or (line.text.endswith(".") and line.kind == SHORT and not line.text.endswith("...")):
        return False
    return not is_date_line(line)


def is_headline_like(line: Line) -> bool:
    """A short line without sentence punctuation: a menu item or a related link."""
    return line.kind in (SHORT, RELATED) and not line.terminal and not line.text.startswith(("-", "•", "+", "*"))
