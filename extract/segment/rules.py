"""The v1 hand rules for the layout, kept as evidence for the layout model.

Each rule is a reading of the page the model weighs as one feature among others (the
line the rules take as title, as byline, as paragraph), and ``read_layout_rules`` is the
baseline the model is measured against (``vnextract eval --layout-cv``).

The body is found first (from the first body paragraph to the last one before a
related-links block or a run of link-like lines); the title is the nearest headline
above it, the date is read only from the lines around the title (never from the body),
and the byline is a credit line right after the body, between the title and the body, or
glued by a scraper onto the end of the last paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..find.dates import parse_datetime
from .lines import (
    BLANK,
    FURNITURE,
    IMAGE,
    PROSE,
    RELATED,
    Line,
    is_byline,
    is_caption,
    is_date_line,
    is_headline_like,
    is_title_candidate,
    split_lines,
)


@dataclass
class Layout:
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    paragraphs: list[list[int]] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    glued_byline_start: int | None = None  # where a byline glued onto the last paragraph starts


def _first_body(lines: list[Line]) -> int | None:
    """Index of the first body paragraph: prose that ends like a statement. A headline is
    not body even when it is punctuated: a first line of at most 30 words with more prose
    after it and no headline above is the title (``Bộ GD-ĐT ra công văn ... bằng dép.``)."""
    seen_text = False
    for i, line in enumerate(lines):
        if line.kind == BLANK:
            continue
        if line.kind == PROSE:
            headline = line.words <= 40 and line.text.endswith(("?", "!"))
            first_line = not seen_text and line.words <= 30
            if not ((headline or first_line) and _next_prose(lines, i)):
                return i
        if line.kind not in (FURNITURE, IMAGE, RELATED):
            seen_text = True
    return None


def _next_prose(lines: list[Line], i: int) -> bool:
    for line in lines[i + 1 :]:
        if line.kind == BLANK:
            continue
        return line.kind == PROSE
    return False


def _body_end(lines: list[Line], first: int) -> int:
    """Index after the last body line: the body stops at a related-links heading or at a
    run of three link-like lines, and ends with its last prose line."""
    stop = len(lines)
    run = 0
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.kind == BLANK:
            continue
        if line.kind == RELATED:
            stop = i
            break
        if is_headline_like(line) and not is_caption(line):
            run += 1
            if run >= 3:
                stop = i - 2
                break
        else:
            run = 0
    last = first
    for i in range(first, stop):
        if lines[i].kind == PROSE:
            last = i
    return last + 1


def read_layout_rules(text: str, lines: list[Line] | None = None, glued: bool = True) -> Layout:
    """The v1 reading of a page (``glued=False``: without looking for a credit glued onto
    the last paragraph, which the layout model's evidence does not use)."""
    lines = split_lines(text) if lines is None else lines
    layout = Layout()
    first = _first_body(lines)
    if first is None:
        return _layout_without_body(lines)
    end = _body_end(lines, first)
    header = [ln for ln in lines[:first] if ln.kind not in (BLANK, IMAGE)]
    title_line = _title(lines, header)
    if title_line is not None:
        layout.title = title_line.text
        layout.title_span = (title_line.start, title_line.end)
    after_title = [ln for ln in header if title_line is None or ln.index > title_line.index]
    # the date: header lines near the title, then the lines right after the body
    near = after_title + [ln for ln in header if title_line and title_line.index - 3 <= ln.index < title_line.index]
    footer = [ln for ln in lines[end:] if ln.kind != BLANK][:3]
    for line in near + footer:
        if is_date_line(line):
            layout.published = parse_datetime(line.text)
            if layout.published:
                break
    # the byline: a credit line after the body, else between title and body
    for line in lines[end:]:
        if line.kind == BLANK:
            continue
        if is_byline(line) and line.kind not in (FURNITURE, RELATED):
            layout.byline = line.text
        break
    if layout.byline is None:
        for line in after_title:
            if is_byline(line) and not is_date_line(line):
                layout.byline = line.text
                break
    # the paragraphs: a lead the prose test missed (short, or few function words) sits
    # between the title and the body and is the article's own text too
    for line in after_title:
        if _is_lead(line, layout):
            layout.paragraphs.append([line.start, line.end])
    for line in lines[first:end]:
        if _is_paragraph(line):
            layout.paragraphs.append([line.start, line.end])
    if glued and layout.byline is None and layout.paragraphs:
        last = layout.paragraphs[-1]
        layout.byline = glued_byline(text[last[0] : last[1]])
        if layout.byline is not None:
            layout.glued_byline_start = text.rfind(layout.byline, last[0], last[1])
    return layout


def _title(lines: list[Line], header: list[Line]) -> Line | None:
    """The headline above the body: the one right above the date line when there is one
    (``Tiêu đề`` / ``Cập nhật 24/07/2019``); otherwise the nearest headline, or the top
    of the run of headline lines it ends (title and sub-title written one under the other,
    with no blank line between)."""
    candidates = [ln for ln in header if is_title_candidate(ln) and not is_byline(ln)]
    if not candidates:  # a Title Case headline looks like a name: take it all the same
        candidates = [ln for ln in header if is_title_candidate(ln)]
    if not candidates:
        return None
    dates = [ln for ln in header if is_date_line(ln)]
    if dates:
        above = [c for c in candidates if c.index < dates[0].index]
        if above:
            return above[-1]
    best = candidates[-1]
    by_index = {c.index: c for c in candidates}
    while best.index - 1 in by_index:
        best = by_index[best.index - 1]
    return best


def _is_lead(line: Line, layout: Layout) -> bool:
    if line.kind not in (PROSE, "short") or is_date_line(line) or line.text == layout.byline:
        return False
    if line.words >= 20:
        return True  # a sapo under the title, even without its full stop
    if is_byline(line) or is_caption(line):
        return False
    return line.terminal and line.words >= 5


def _is_paragraph(line: Line) -> bool:
    if line.kind == PROSE:
        return True
    if line.kind != "short":
        return False
    if is_byline(line) and line.words <= 8 and line.cap_share >= 0.75:
        return False
    if line.text.startswith(("-", "•", "+", "*")) and line.words >= 4:
        return True
    if is_caption(line):
        return False
    return line.words >= 1


def _layout_without_body(lines: list[Line]) -> Layout:
    """No prose at all (a notice, a list): first headline is the title, the rest of the
    readable lines are paragraphs."""
    layout = Layout()
    readable = [ln for ln in lines if ln.kind not in (BLANK, FURNITURE, IMAGE, RELATED)]
    if readable and is_title_candidate(readable[0]):
        layout.title = readable[0].text
        layout.title_span = (readable[0].start, readable[0].end)
        readable = readable[1:]
    for line in readable:
        if is_date_line(line) and layout.published is None:
            layout.published = parse_datetime(line.text)
            continue
        if line.words >= 4:
            layout.paragraphs.append([line.start, line.end])
    return layout


_GLUED = regex.compile(
    r"(?:[.!?…)]|\./\.)[\"”’')\]]*[ \t\u00a0]+(?P<tail>(?:\([^()]{1,20}\)[ \t\u00a0]+)?"
    r"(?P<credit>(?:[^.!?…]|\.(?=\p{L})){2,60}?(?:(?<=\b\p{Lu}{2,4})\.)?))[ \t\u00a0]*$"
)


def glued_byline(paragraph: str) -> str | None:
    """A credit a scraper glued after the last sentence (``... cầu đường. Vĩnh Phú``)."""
    tail = paragraph.rstrip()
    # a credit holds no sentence end, so a line ending in ``!``, ``?``, ``…``, or in ``.``
    # after anything but a capital (``TTXVN.``), ends with a sentence: most body lines,
    # answered here without the search
    if not tail or tail[-1] in "!?…" or (tail[-1] == "." and not tail[-2:-1].isupper()):
        return None
    m = _GLUED.search(paragraph, max(0, len(paragraph) - 120))  # a credit is short
    if not m:
        return None
    credit = m.group("credit").strip()
    words = credit.split()
    if not 1 <= len(words) <= 8:
        return None
    if credit.startswith("(") and credit.endswith(")"):
        return credit if regex.match(r"\((?i:theo|nguồn)\s|\(\p{Lu}{2,}\)$", credit) else None
    alpha = [w for w in words if w[0].isalpha()]
    if not alpha:
        return None
    caps = sum(1 for w in alpha if w[0].isupper())
    return credit if caps / len(alpha) >= 0.6 else None
