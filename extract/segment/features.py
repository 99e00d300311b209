"""The evidence the layout model reads: one vector of numbers per non-empty line.

Why a vector and not rules: a page from an unseen site mixes the same few kinds of
evidence in new proportions (a long banner, a short lead, a caption that ends with a full
stop), and a model fitted on many labelled layouts weighs them better than thresholds
tuned by hand on a few. The evidence is the line's own (length, punctuation, function
words, capitals, cue matches), its neighbours', its place on the page (before or after
the prose, between two paragraphs), repetition (the same text elsewhere on the page, or
doubled inside the line) and the v1 hand rules' reading of the page (``rules.py``).

The set was pruned to what the grouped-by-site cross-validation showed to matter (103
features gave paragraph F1 0.937 and title 0.888, 67 of them 0.945 and 0.925), which
also keeps inference cheap: plain Python over the ``Line`` objects ``split_lines`` made.
Three were added for unmarked captions (narration words and reported speech, a person
named with a post, names shared with the prose beside) and one for dates (a publication
cue: ``Cập nhật lúc``): 0.956 and 0.933, published 0.948 to 0.963. Cues tried and dropped
because the cross-validation did not move: scene words (``chụp ảnh lưu niệm``, ``tại buổi
lễ``). Then a second pass (``CONTEXT``, below), keyword lines at any length, teasers that
break off, and sums of money: 0.960 (recall 0.954 to 0.971), byline 0.963, published
0.970 with the weekday fix of the place-and-date cue. Tried and dropped: a line without
a comma (title +1 page, paragraphs -0.006), a comma in the first five words, a byline
cue, one-hot places beside the headline anchor (title 0.910), boosted trees as the
second pass (0.951-0.953). The headline evidence (``headline.HEADLINE``, read
by the title role alone: ``train.ROLE_ONLY``) and the grammar of unmarked captions
(``captions.CAPTION``, read by the paragraph role only) with the paragraph threshold fixed
at 0.5: paragraph F1 and title, see README.
"""

from __future__ import annotations

import functools
import math
import operator
from collections import Counter
from types import SimpleNamespace

import regex

from .. import lexicon
from . import headline
from .captions import CAPTION, caption_evidence
from .lines import (
    BLANK,
    FURNITURE,
    IMAGE,
    PROSE,
    RELATED,
    SHORT,
    Line,
    WordTable,
    cue_parts,
    cues,
    furniture_searched,
    has_cue,
    is_date_line,
)
from .rules import read_layout_rules

_BULLET = regex.compile(
    r"^(?:[-–•+*●▪►]\s|\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,4})[.)]\s|(?:[IVX]{1,4}|[A-ZĐ])[./]\s?\p{Lu}|\d{1,2}\.\s?\p{Lu})"
)
_TABLE_RESIDUE = regex.compile(r"!\[|\]\(|\|\s*$|^\s*\||\[/?caption")  # markdown images, table cells, shortcodes
_LETTERLESS = regex.compile(r"[\d\s:/.,|+\-–()\[\]GMTUTCgmtutc]+")
DATE_WORDS = regex.compile(
    r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|tháng|năm|cập\s+nhật|đăng|lúc|giờ|sáng|chiều|gmt|utc)\b"
)
# words that open a news sentence about when (``Sáng 4-8, ...``): a lead or body line, not a caption
_TIME_WORDS = frozenset(("sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm", "sau", "trước", "năm"))
_PUNCT = ".,;:!?…\"“”'()[]|-–"

OWN = (
    "bias", "log_words", "w_le8", "w_le30", "w_gt40",
    "terminal", "ends_dot", "ends_colon", "ends_qmark", "ends_comma",
    "func_share", "cap_share", "all_upper", "starts_lower", "starts_digit",
    "bullet", "letter_share", "sentences_inside", "date_line", "date_only",
    "caption_cue", "furniture_cue", "image", "k_prose", "k_short", "k_furniture",
    "table_residue", "dup_elsewhere", "dup_earlier", "contained_near", "contains_near",
    "doubled_inside", "body_overlap", "pipe_or_bar", "caption_mark", "one_sentence", "len_vs_prose",
    "starts_function", "starts_time", "control", "place_date", "headline_length", "narrative", "apposition",
    "publication_cue", "keyword_line", "truncated_copy", "money",
)
PREV = ("log_words", "date_line")  # the line above
NEXT = ("terminal", "k_prose", "date_line", "caption_cue")  # the line below
PLACE = (
    "prev2_log_words", "next2_log_words",
    "continues_prev", "continued_next", "subheading_shape", "topic_heading", "caption_shape",
    "dist_anchor", "longest_above_body", "repeated_later",
    "page_prose_share", "page_has_furniture", "rule_paragraph", "rule_byline",
    "first_line", "log_index", "prose_above", "prose_below", "after_related", "names_nearby",
)
NAMES = (
    OWN + tuple(f"prev_{n}" for n in PREV) + tuple(f"next_{n}" for n in NEXT) + PLACE + headline.HEADLINE + CAPTION
)
_AT = {n: i for i, n in enumerate(OWN)}
_PREV = operator.itemgetter(*(_AT[n] for n in PREV))
_NEXT = operator.itemgetter(*(_AT[n] for n in NEXT))
_FURNITURE_AT = tuple(_AT[n] for n in ("caption_cue", "furniture_cue", "image", "control", "table_residue", "date_line"))


@functools.cache
def layout_cues() -> SimpleNamespace:
    """Cues of ``patterns/boilerplate.yaml`` read only here, as model evidence: keyword
    lines (``Tags: ...``) at any length (a long tag list escapes the furniture cue, which
    is read on short lines only), sums of money, and a photo's number (``never_text``)."""
    data = lexicon.load("boilerplate")
    return SimpleNamespace(keyword_line=regex.compile("|".join(data["keyword_lines"])),
                           money=regex.compile("|".join(data["money_marks"])),
                           photo_number=regex.compile("|".join(data["photo_numbers"])))


def _truncated_copy(text: str, norm: str, near: list[str]) -> bool:
    """A teaser that repeats a nearby line's beginning and breaks off with ``...``: the
    full line is the text, the teaser is not."""
    if not text.endswith(("...", "…")):
        return False
    base = " ".join(text.rstrip(".… ")[:120].lower().split())
    return len(base) >= 30 and any(other != norm and other.startswith(base) for other in near)


def never_text(rows: list[Line]) -> set[int]:
    """Lines that are no article text whatever the model says: teasers that copy a nearby
    line (``teaser_copies``), a short single-sentence line right above a photo credit
    standing alone (``Ảnh: Thanh Bình``), which is that photo's caption, and a photo's alt
    text numbered by the page (``numbered_photos``). Rules and not only features, because
    such layouts are rare enough that no training fold may hold one (no labelled page has
    a lone credit line)."""
    out = teaser_copies(rows) | numbered_photos(rows)
    c = cues()
    for k in range(1, len(rows)):
        credit = rows[k]
        if credit.words <= 8 and credit.text.lstrip("(")[:3].lower() == "ảnh" and c.caption.search(credit.text):
            above = rows[k - 1]
            if above.words <= 45 and ". " not in above.text and not above.text.endswith(":"):
                out.add(k - 1)
    return out


def numbered_photos(rows: list[Line]) -> set[int]:
    """Lines that end with a photo's number (``... - Ảnh 2.``): a publishing system that
    writes the headline with the photo's number as each image's alt text leaves one such
    line per photo in the scraped text. Prose never ends so; the caption cue marks these
    lines too, but as evidence the model weighed it below a long line's prose shape (a
    headline-length alt text between two paragraphs read as text at 0.74)."""
    number = layout_cues().photo_number
    return {k for k, ln in enumerate(rows) if ln.text[-2:].rstrip(".")[-1:].isdigit() and number.search(ln.text)}


def teaser_copies(rows: list[Line]) -> set[int]:
    """The lines that are teasers of a nearby line (``_truncated_copy``): never article
    text, whatever the model says (GUIDELINES: the full lead is the paragraph). A rule and
    not only a feature, because a layout that prints such a teaser is rare enough that no
    training fold may hold one."""
    out = set()
    for k, ln in enumerate(rows):
        if ln.text.endswith(("...", "…")):
            norm = _norm(ln.text)
            near = [_norm(r.text) for r in rows[max(0, k - 3) : k] + rows[k + 1 : k + 4]]
            if _truncated_copy(ln.text, norm, near):
                out.add(k)
    return out


def _norm(text: str) -> str:
    """The line's text for comparing lines: case and spacing folded (a long line by its
    first 200 characters and its length)."""
    if len(text) > 200:
        return " ".join(text[:200].lower().split()) + f"#{len(text)}"
    return " ".join(text.lower().split())


def _words(text: str) -> set[str]:
    """The line's words, lower-cased, punctuation stripped. Each token's word is looked up
    in a table that remembers it (``_word_forms``), as ``split_lines`` does for its
    counts: the same set as ``{w.strip(_PUNCT) for w in text.lower().split()}``, since
    lower-casing neither makes nor takes white space."""
    return set(map(_word_forms().__getitem__, text.split()))


@functools.cache
def _word_forms() -> WordTable:
    return WordTable(lambda token: token.lower().strip(_PUNCT))


def _doubled(text: str) -> bool:
    """``Tiêu đề một tin Tiêu đề một tin``: a link's text written twice in one line."""
    squeezed = text.replace(" ", "")
    half = len(squeezed) // 2
    return half >= 8 and len(squeezed) % 2 == 0 and squeezed[:half] == squeezed[half:]


def _own(line: Line, norm: str, words: set[str], page: _Page, near: list[str]) -> list[float]:
    """The line's own evidence (order of ``OWN``)."""
    c = cues()
    w = line.words
    # cues are read at a line's ends: on a long line (running prose) its first and last
    # 100 characters stand for it, which keeps the cost per line bounded
    t = line.text if len(line.text) <= 200 else line.text[:100] + " … " + line.text[-100:]
    low = t.lower()
    head = line.text[:200]
    letters = sum(map(str.isalpha, head))  # the letters (\p{L}), counted in C
    date_line = is_date_line(line)
    first_word = low.split(" ", 1)[0].strip(",.:")
    stops = line.text.count(". ", 0, 2000)
    contained = contains = 0.0
    if 3 <= w <= 60:
        for other in near:
            if other != norm:
                if norm in other:
                    contained = 1.0
                elif other in norm and len(other) >= 12:
                    contains = 1.0
    return [
        1.0,
        math.log1p(w),
        float(w <= 8),
        float(w <= 30),
        float(w > 40),
        float(line.terminal),
        float(t.endswith(".") and not t.endswith("...")),
        float(t.endswith(":")),
        float(t.endswith(("?", "!"))),
        float(t.endswith((",", ";", "-", "–"))),
        line.func_share,
        line.cap_share,
        float(t.isupper()),
        float(t[0].islower()),
        float(t[0].isdigit()),
        float(bool(_BULLET.match(t))),
        letters / (len(head) or 1),
        min(3.0, float(stops)),
        float(date_line),
        float(line.has_date and len(DATE_WORDS.sub("", _LETTERLESS.sub("", t))) <= 3) if w <= 30 else 0.0,
        float(w <= 60 and "ảnh" in low and bool(c.caption.search(t))),  # every caption cue names ảnh
        # (a line the classifier searched already holds none: ``furniture_searched``; a
        # search per cue is faster than one for their alternation, ``cue_parts``)
        float(w <= 25 and not (len(line.text) <= 200 and furniture_searched(line)) and has_cue(cue_parts("furniture"), t)),
        float(line.kind == IMAGE),
        float(line.kind == PROSE),
        float(line.kind == SHORT),
        float(line.kind == FURNITURE),
        float(("|" in t or "[" in t) and bool(_TABLE_RESIDUE.search(t))),
        float(page.counts[norm] > 1),
        float(norm in page.seen),
        contained,
        contains,
        float(w <= 60 and _doubled(line.text)),
        (len(words & page.body_words) / len(words)) if words and page.body_words else 0.0,
        float("|" in t),
        float(w <= 60 and "(" in t and bool(c.caption_marks.search(t))),  # every caption mark opens a bracket
        float(line.terminal and stops == 0),
        math.log((w + 1) / page.median_prose),
        float(first_word in c.function_words),
        float(first_word in _TIME_WORDS),
        float(w <= 12 and bool(c.controls.search(t))),
        float(line.has_date and bool(c.place_date.match(t))),
        float(6 <= w <= 30),  # most headlines; a kicker or section name is shorter
        float(w > 60 or bool(c.narrative.search(t))),
        float(bool(c.apposition.match(t))),
        float(w <= 30 and bool(c.publication.search(t))),
        float(bool(layout_cues().keyword_line.match(t))),
        float(_truncated_copy(line.text, norm, near)),
        # a sum of money (``1,25 triệu đồng``, ``3 tỷ USD``): reported facts, which menus,
        # captions and banners seldom carry
        float(bool(layout_cues().money.search(t))),
    ]


class _Page:
    """What the whole page says about each of its lines."""

    def __init__(self, rows: list[Line], norms: list[str], row_words: list[set[str]]) -> None:
        self.counts = Counter(norms)
        self.seen: set[str] = set()
        self.body_words: set[str] = set()
        self.prose_words: list[set[str]] = []  # per row, the words of a prose line (else empty)
        lengths = []
        for ln, own in zip(rows, row_words, strict=True):
            # a short line's own word set is the same set (computed once)
            words = (own if len(ln.text) <= 500 and ln.words <= 60 else _words(ln.text[:500])) if ln.kind == PROSE else set()
            self.prose_words.append(words)
            if words:
                self.body_words |= words
                lengths.append(ln.words)
        lengths.sort()
        self.median_prose = lengths[len(lengths) // 2] + 1.0 if lengths else 40.0


def _names_nearby(line: Line, near_words: list[set[str]], k: int) -> float:
    """The share of a short line's names (capitalised words after the first) that the
    prose two lines above or below also holds: a caption names the people and places of
    the paragraph beside its photo."""
    if line.words > 60 or line.kind != PROSE:
        return 0.0
    names = {w.strip(_PUNCT).lower() for w in line.text.split()[1:] if w[:1].isupper()}
    names.discard("")
    if len(names) < 2:
        return 0.0
    around: set[str] = set()
    for j in (k - 2, k - 1, k + 1, k + 2):
        if 0 <= j < len(near_words):
            around |= near_words[j]
    return len(names & around) / len(names)


def line_features(lines: list[Line], text: str) -> tuple[list[Line], list[list[float]]]:
    """The non-empty lines of a page and one feature vector each (order of ``NAMES``)."""
    rows = [ln for ln in lines if ln.kind != BLANK]
    if not rows:
        return rows, []
    n = len(rows)
    norms = [_norm(ln.text) for ln in rows]
    row_words = [_words(ln.text) if ln.words <= 60 else set() for ln in rows]
    page = _Page(rows, norms, row_words)
    own: list[list[float]] = []
    for k, ln in enumerate(rows):
        own.append(_own(ln, norms[k], row_words[k], page, norms[max(0, k - 3) : k] + norms[k + 1 : k + 4]))
        page.seen.add(norms[k])
    last_at = {norm: k for k, norm in enumerate(norms)}
    prose = [k for k, ln in enumerate(rows) if ln.kind == PROSE]
    first = prose[0] if prose else n
    related_at = next((k for k, ln in enumerate(rows) if ln.kind == RELATED and k > first), n)
    # the anchor: the short line nearest above the first prose line, where a headline stands
    anchor = next((k for k in range(first - 1, -1, -1) if rows[k].kind == SHORT and rows[k].words >= 3
                   and not is_date_line(rows[k])), first - 1 if first > 0 else 0)
    above = [k for k in range(first) if rows[k].kind in (SHORT, PROSE) and not is_date_line(rows[k])]
    longest = max(above, key=lambda k: rows[k].words, default=-1)
    by_rules = read_layout_rules(text, lines, glued=False)
    rule_pars = {(s, e) for s, e in by_rules.paragraphs}
    page_wide = (len(prose) / n, float(any(vec[i] for vec in own for i in _FURNITURE_AT)))
    no_prev, no_next = (0.0,) * len(PREV), (0.0,) * len(NEXT)
    at_words, at_bullet = _AT["log_words"], _AT["bullet"]
    out = []
    prose_seen = 0
    nxt = 0
    heads = headline.headline_features(rows)
    for k, vec in enumerate(own):
        ln = rows[k]
        is_prose = ln.kind == PROSE
        while nxt < len(prose) and prose[nxt] < k:
            nxt += 1
        prose_before = prose[nxt - 1] if nxt > 0 else -99
        after = rows[k + 1] if k + 1 < n else None
        prev_open = k > 0 and not rows[k - 1].terminal and rows[k - 1].kind in (SHORT, PROSE)
        # between paragraphs: prose right after it and prose a few lines above (an image
        # file name or a caption may stand between)
        between = after is not None and after.kind == PROSE and k - prose_before <= 3
        row = vec + list(_PREV(own[k - 1]) if k else no_prev) + list(_NEXT(own[k + 1]) if after else no_next)
        row += (
            own[k - 2][at_words] if k > 1 else 0.0,
            own[k + 2][at_words] if k + 2 < n else 0.0,
            float(prev_open and ln.text[0].islower()),
            float(not ln.terminal and after is not None and after.text[0].islower()),
            float(between and ln.words <= 20 and not ln.terminal),
            # a topic heading names no one (few capitals), a caption names people and places
            float(between and ln.words <= 10 and not ln.terminal and ln.kind == SHORT and ln.cap_share <= 0.34),
            float(between and ln.terminal and 8 <= ln.words <= 45 and ln.text.count(". ") == 0),
            max(-5.0, min(5.0, float(k - anchor))),
            float(k == longest),
            float(last_at[norms[k]] > k),
            *page_wide,
            float((ln.start, ln.end) in rule_pars),
            float(ln.text == by_rules.byline),
            float(k == 0),
            math.log1p(k),
            min(5.0, float(prose_seen)),
            min(5.0, float(len(prose) - prose_seen - is_prose)),
            float(k > related_at),
            _names_nearby(ln, page.prose_words, k),
            *heads[k],
            *caption_evidence(rows, k, bool(vec[at_bullet])),
        )
        prose_seen += is_prose
        out.append(row)
    return rows, out


# The second pass (stacking): each line also reads the first pass's probabilities for its
# neighbours. A caption between two paragraphs, a hard-wrapped fragment inside one, or the
# lead under a headline is told by what the lines around it are, and the first pass says
# that better than any raw evidence of the neighbours.
CONTEXT = (
    "c_par_self", "c_par_prev", "c_par_next", "c_par_prev2", "c_par_next2",
    "c_title_prev", "c_title_next", "c_title_self", "c_date_prev", "c_date_next",
    "c_byline_above", "c_par_both", "c_below_title", "c_par_share_above",
)


def context_features(p: dict[str, list[float]]) -> list[list[float]]:
    """Per line, the first pass's probabilities around it (order of ``CONTEXT``)."""
    par, title, date, byline = p["paragraph"], p["title"], p["date"], p["byline"]
    n = len(par)

    def at(v: list[float], k: int) -> float:
        return v[k] if 0 <= k < n else 0.0

    title_at = max(range(n), key=title.__getitem__) if n else 0
    out = []
    byline_above = 0.0
    par_above = 0.0
    for k in range(n):
        out.append([
            par[k], at(par, k - 1), at(par, k + 1), at(par, k - 2), at(par, k + 2),
            at(title, k - 1), at(title, k + 1), title[k], at(date, k - 1), at(date, k + 1),
            byline_above, at(par, k - 1) * at(par, k + 1), float(k > title_at and title[title_at] >= 0.3),
            par_above / k if k else 0.0,
        ])
        byline_above = max(byline_above, byline[k])
        par_above += par[k]
    return out
