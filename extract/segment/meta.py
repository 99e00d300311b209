"""What the article is: its title, publication date, byline and paragraph lines.

The layout model (``model.py``) gives every line a probability for each role; this
module turns them into the record's fields, with the few constraints no score should
override (a caption is never a title, a photo credit never the byline) and layered
fallbacks (a scraper's metadata date when no date line is found; the prose lines when
the model takes no line as body; a credit glued after the last sentence when no byline
line is found).
"""

from __future__ import annotations

import regex

from ..find.dates import DATE, TIME, parse_datetime
from .features import DATE_WORDS, line_features
from .lines import PROSE, SHORT, Line, cues, split_lines
from .rules import Layout, glued_byline


def read_layout(text: str, model=None) -> Layout:
    """Title, date, byline and paragraph lines from the layout model's line scores
    (the shipped model by default)."""
    from .model import default_model

    model = model or default_model()
    rows, feats = line_features(split_lines(text), text)
    if not rows:
        return Layout()
    return decode(text, rows, model.scores(rows, feats), model.thresholds)


def decode(text: str, rows: list[Line], p: dict[str, list[float]], thresholds: dict[str, float]) -> Layout:
    """The layout from each line's role probabilities: the best title line, the best date
    line whose date parses, the best byline line (else a credit glued after the last
    sentence), and every other line likely enough to be article text. A role is taken
    only when its probability reaches the role's threshold (chosen in training)."""
    layout = Layout()
    taken: set[int] = set()
    k = _best(p["title"], thresholds["title"])
    if k is not None:
        layout.title, layout.title_span = rows[k].text, (rows[k].start, rows[k].end)
        taken.add(k)
    title_at = k if layout.title is not None else None
    date_at = None
    for k in sorted(range(len(rows)), key=lambda k: -p["date"][k]):
        if p["date"][k] < thresholds["date"]:
            break
        if title_at is not None and k < title_at - 1:
            continue  # a header clock: a page's own date is not above its headline's neighbours
        published = parse_datetime(rows[k].text) if rows[k].words <= 40 else None
        if published:
            layout.published = published
            taken.add(k)
            date_at = k
            break
    if layout.published is None:  # else a document's place-and-date line above its text,
        first = next((k for k in range(len(rows)) if p["paragraph"][k] >= thresholds["paragraph"]), len(rows))
        place = cues().place_date
        line = next((r for r in rows[:first] if r.has_date and place.match(r.text)), None)
        layout.published = parse_datetime(line.text) if line else None
    if layout.published is None:  # else a scraper's full metadata date
        layout.published = next((r.stamp for r in rows if r.stamp and len(r.stamp) == 10), None)
    k = _best(p["byline"], thresholds["byline"])
    if k is not None and not (layout.title_span and rows[k].start == layout.title_span[0]):
        layout.byline = credit_text(rows[k].text)
        taken.add(k)
    elif date_at is not None:  # a credit sharing the date line: ``Minh Châu - 07:40, 02/03/2021``
        credit = credit_text(rows[date_at].text)
        if credit != rows[date_at].text and _is_name(credit) and not cues().place_date.match(rows[date_at].text):
            layout.byline = credit
    body = [k for k in range(len(rows)) if k not in taken and p["paragraph"][k] >= thresholds["paragraph"]]
    if not body:  # every text has a body: the prose lines, when the model is sure of none,
        body = [k for k, row in enumerate(rows) if k not in taken and row.kind == PROSE]
    if not body:  # else its sentences (a one-line text: ``Chỉ thị 04 được triển khai.``)
        body = [k for k, row in enumerate(rows) if k not in taken and row.kind == SHORT and row.terminal and row.words >= 4]
    layout.paragraphs = [[rows[k].start, rows[k].end] for k in body]
    if layout.byline is None and layout.paragraphs:
        last = layout.paragraphs[-1]
        layout.byline = glued_byline(text[last[0] : last[1]])
        if layout.byline is not None:
            layout.glued_byline_start = text.rfind(layout.byline, last[0], last[1])
    return layout


def _best(probs: list[float], threshold: float) -> int | None:
    k = max(range(len(probs)), key=probs.__getitem__)
    return k if probs[k] >= threshold else None


_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}]*\.?)+$")  # Minh, CHÂU, T.Hải, N.Q


def _is_name(text: str) -> bool:
    """A person's or an outlet's name: one to six capitalised words, nothing else."""
    words = text.split()
    if not 1 <= len(words) <= 6 or DATE_WORDS.search(text):
        return False
    return all(_NAME_WORD.match(w.strip(",()")) for w in words)


_SEPARATORS = " \t-–|,·/"


def credit_text(line: str) -> str:
    """The credit on a byline line; a date written beside it (``Minh Châu - 07:40,
    02/03/2021``) is not part of it."""
    marks = [m.span() for m in DATE.finditer(line)] + [m.span() for m in TIME.finditer(line)]
    if not marks:
        return line
    first = min(s for s, _ in marks)
    last = max(e for _, e in marks)
    before = line[:first].strip(_SEPARATORS)
    return before or line[last:].strip(_SEPARATORS) or line
