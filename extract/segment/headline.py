"""Headline evidence: what the line-level evidence of ``features.py`` misses about the
one line per page that is the headline.

The headline is chosen in a softmax over the page's candidate lines and "none"
(``model.py``). Here: where it stands (``nearest_above_date``: the candidate line nearest
above the page's first date line, since a page prints its headline and then its date),
and three shapes that are never the title, whatever the model says (rules in
``model.eligible``, because a training fold may hold no page with either): a section or
season label with a headline right below it (``Xuân Giáp Thìn 2024`` over the headline),
an academic paper's author block (a ``ThS.`` name, its institution line, ``Email:``),
and the page's last line when it is a sentence (a headline has its article below it;
no labelled page tests it, so the cross-validation does not move with it).
The language data is ``patterns/headline.yaml``.

Tried under the grouped cross-validation and dropped (title accuracy with the two rules
alone 0.940, with ``nearest_above_date`` 0.955): Title Case (most words capitalised) as a
headline shape (0.933), a section label and the line below it as features (0.933-0.940;
no fold holds more than one such page), the author block as a feature beside the rule
(no change), the candidate nearest above the lead (0.948 alone, 0.940 beside
``nearest_above_date``), and any line ending with a full stop as never a title (0.948;
prose lines only: 0.940).
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from .. import lexicon
from .lines import PROSE, SHORT, Line, is_date_line

HEADLINE = ("nearest_above_date",)
# the date line is looked for among a page's first lines, the headline up to this many
# lines above it
_ABOVE = 3
_HEAD_ROWS = 60  # an author block stands at the top of the paper


@functools.cache
def headline_cues() -> SimpleNamespace:
    data = lexicon.load("headline")
    return SimpleNamespace(**{k: regex.compile(v) for k, v in data.items()})


def is_section_label(line: Line) -> bool:
    """A short label that names a period by its year (``Tết 2025``) or a column
    (``Phóng sự``): six words at most, no sentence end, no comma (``Sunday, March 3,
    2024`` is a date)."""
    if line.words > 6 or len(line.text) > 120 or line.terminal or "," in line.text or line.kind not in (SHORT, PROSE):
        return False
    c = headline_cues()
    return bool(c.period_label.search(line.text) or c.column_label.match(line.text))


def labels_over_headlines(rows: list[Line], can: list[bool]) -> set[int]:
    """Section labels with a line that can be the headline right below them (``can``):
    the label is never the title; the line below may be."""
    return {
        k
        for k in range(len(rows) - 1)
        if can[k] and can[k + 1] and is_section_label(rows[k]) and not is_section_label(rows[k + 1])
    }


def last_sentence(rows: list[Line]) -> set[int]:
    """The page's last line, when it is a sentence (ends with a full stop): a headline
    has its article below it."""
    return {len(rows) - 1} if len(rows) > 1 and rows[-1].text.endswith(".") else set()


def is_degree_name(line: Line) -> bool:
    """A name (or a list of names) with a degree or rank prefix and nothing else
    (``PGS.TS. Đỗ Văn Hải``): a headline about such a person says what they did."""
    return line.words <= 16 and len(line.text) <= 200 and bool(headline_cues().degree_name.match(line.text))


def author_block(rows: list[Line]) -> set[int]:
    """The lines of an academic paper's author block among the page's first lines: names
    with a degree prefix, and an institution line (``Khoa ..., Trường Đại học ...``)
    within two lines of such a name or of the block's ``Email:`` line. Never a title."""
    c = headline_cues()
    head = rows[:_HEAD_ROWS]
    names = {k for k, ln in enumerate(head) if is_degree_name(ln)}
    anchors = names | {k for k, ln in enumerate(head) if ln.words <= 12 and c.author_contact.match(ln.text)}
    out = set(names)
    if anchors:
        for k, ln in enumerate(head):
            if ln.words <= 25 and len(ln.text) <= 300 and c.institution.match(ln.text) and any(abs(k - a) <= 2 for a in anchors):
                out.add(k)
    return out


def _candidate(line: Line) -> bool:
    return line.kind in (SHORT, PROSE) and 1 <= line.words <= 40 and not is_date_line(line)


def headline_features(rows: list[Line]) -> list[tuple[float, ...]]:
    """Per line, the evidence of ``HEADLINE``: whether it is the candidate nearest above
    the page's first date line (at most ``_ABOVE`` lines above it; the line right above
    is also read by ``next_date_line``, which cannot see past a kicker or a byline)."""
    first_date = next((k for k, ln in enumerate(rows) if is_date_line(ln)), None)
    nearest = None
    if first_date is not None:
        nearest = next((k for k in range(first_date - 1, max(-1, first_date - 1 - _ABOVE), -1) if _candidate(rows[k])), None)
    return [(float(k == nearest),) for k in range(len(rows))]
