"""The layout model: a linear scorer per line role, weights in a data file.

``patterns/layout_model.json`` holds, for each role (``paragraph``, ``title``, ``date``,
``byline``), one weight per feature of ``features.NAMES`` (the bias folded in) and the
probability from which the role is taken. ``paragraph`` is a logistic regression over
every line; ``title``, ``date`` and ``byline`` are conditional logits: the lines that can
hold the role (``eligible``) compete in a softmax with "none", since a page has at most
one of each. ``stack`` holds a second pass for paragraph and byline, which reads the same
evidence plus the first pass's probabilities around each line (``features.CONTEXT``).
Written by ``make train-layout``; inference is a dot product per line and role (two for
the stacked roles) in plain Python.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from dataclasses import dataclass

import regex

from .. import lexicon
from .features import CONTEXT, NAMES, context_features
from .headline import author_block, labels_over_headlines, last_sentence
from .lines import PROSE, SHORT, Line, cues, has_anh, is_date_line

ROLES = ("paragraph", "title", "date", "byline")
# the second pass reads texts of at least this many lines: a shorter text has too few
# neighbours to read (``Giá vàng giảm ...`` over one more line is two paragraphs)
STACK_FROM = 3
CHOICE_ROLES = ("title", "date", "byline")


@dataclass
class LayoutModel:
    weights: dict[str, list[float]]  # per role, one weight per feature of ``NAMES`` (bias first)
    thresholds: dict[str, float]  # per role, the probability from which the role is taken
    # the second pass, for the roles it reads again (``train.STACKED``): one weight per
    # feature of ``NAMES + CONTEXT``, the same evidence plus the first pass's
    # probabilities around the line (``context_features``)
    stack: dict[str, list[float]] | None = None

    def scores(self, rows: list[Line], features: list[list[float]]) -> dict[str, list[float]]:
        """Probability of each role for each line (0 where a line cannot hold the role)."""
        can = {role: eligible(role, rows) for role in CHOICE_ROLES}  # once for both passes
        first = _apply(self.weights, rows, features, can)
        if not self.stack or len(rows) < STACK_FROM:
            return first
        return {**first, **_apply(self.stack, rows, stacked(features, first), can)}

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"thresholds": self.thresholds, "roles": self.weights}
        if self.stack:
            out["context"] = list(CONTEXT)
            out["stack"] = self.stack
        return out


def stacked(features: list[list[float]], first: dict[str, list[float]]) -> list[list[float]]:
    """Each line's evidence followed by the first pass's probabilities around it."""
    return [x + c for x, c in zip(features, context_features(first), strict=True)]


def _apply(
    weights: dict[str, list[float]], rows: list[Line], features: list[list[float]], can: dict[str, list[bool]] | None = None
) -> dict[str, list[float]]:
    """Paragraph: a logistic probability per line. Title, date and byline: a page has at
    most one line of each, so the lines that can hold the role compete in a softmax with
    "none of them".

    A dot product is ``sum(map(operator.mul, w, x))``: the same products added in the
    same order as ``float.__mul__`` would give (weights and features are all floats), but
    ``operator.mul`` is a plain C function, about four times faster per product than
    calling the slot wrapper ``float.__mul__``."""
    out = {}
    for role, w in weights.items():
        if role not in CHOICE_ROLES:
            out[role] = [_logistic(sum(map(operator.mul, w, x))) for x in features]
            continue
        ok = can[role] if can is not None else eligible(role, rows)
        z = {k: sum(map(operator.mul, w, x)) for k, x in enumerate(features) if ok[k]}
        top = max(max(z.values(), default=0.0), 0.0)
        total = math.exp(-top) + sum(math.exp(v - top) for v in z.values())
        probs = [0.0] * len(rows)
        for k, v in z.items():
            probs[k] = math.exp(v - top) / total
        out[role] = probs
    return out


_CONTACT = regex.compile(r"(?i)(?:điện\s+thoại|tel|fax|e-?mail|hotline|p\.?\s?o\.?\s?box)\s*[:.]")
_SLOGAN_PART = regex.compile(r"\s+[-–]\s+")
# ``1. ``, ``1.2. ``, ``II. ``, ``b) ``: an item of a numbered list or a numbered section
_ENUMERATED = regex.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])[.)]\s")


def is_slogan(text: str) -> bool:
    """A motto or slogan: three or more short phrases joined by dashes (``Nhân văn - Kịp
    thời - Tin cậy``, ``Độc lập - Tự do - Hạnh phúc``)."""
    parts = _SLOGAN_PART.split(text.strip(" .!"))
    return len(parts) >= 3 and all(1 <= len(p.split()) <= 3 for p in parts)


def can_be_title(line: Line) -> bool:
    """What a headline never is, whatever the model says: a caption (``Ảnh:``, ``(bìa
    phải)``), a page control or language switch, a slogan or motto, a contact line,
    image-table residue, a counter, a line that ends mid-sentence (``,`` ``;`` ``:``), a
    numbered item or section (``2. Kết quả``: the body's structure, not its headline), a
    date line, or longer than 40 words."""
    c = cues()
    t = line.text
    if line.kind not in (SHORT, PROSE) or not 1 <= line.words <= 40 or t.endswith((",", ";", ":")):
        return False
    # substring gates spare most lines a search: a slogan's phrases are joined by dashes,
    # a contact cue ends with ``:`` or ``.``, every caption cue names ``ảnh`` and every
    # caption mark opens a bracket (``test_segment_fast_paths`` keeps the cues so)
    if is_date_line(line) or "![" in t or t.endswith("|") or _ENUMERATED.match(t):
        return False
    if ("-" in t or "–" in t) and is_slogan(t) or (":" in t or "." in t) and _CONTACT.search(t):
        return False
    if has_anh(t) and c.caption.search(t) or "(" in t and c.caption_marks.search(t):
        return False
    return not c.controls.search(t)


_PHOTO_CREDIT = regex.compile(r"(?i)^\(?ảnh\s*[:.-]")


def can_be_date(line: Line) -> bool:
    """A date line is short and holds a date (``Cập nhật 24/07/2019``, ``Thứ Hai, 5
    tháng Mười Hai 2019``)."""
    return line.words <= 30 and (line.has_date or (line.words <= 12 and bool(_MONTH_NAME.search(line.text))))


_MONTH_NAME = regex.compile(r"(?i)\btháng\s+\p{L}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b")


def can_be_byline(line: Line) -> bool:
    """A byline credits the article: a short line, never a page control and never a
    credit for a photo alone (``Ảnh: Thanh Bình`` under a caption)."""
    if line.words > 16 or _PHOTO_CREDIT.match(line.text):
        return False
    return not cues().controls.search(line.text)


ELIGIBLE = {"title": can_be_title, "date": can_be_date, "byline": can_be_byline}


def eligible(role: str, rows: list[Line]) -> list[bool]:
    """Which lines of a page can hold ``role``. A page whose prose is written with
    Vietnamese letters has its headline in Vietnamese too: a line of four or more words
    with none (an English banner such as ``Determined to implement the Resolution ...``)
    is no title there, while a page in English keeps its English headline."""
    can = [ELIGIBLE[role](row) for row in rows]
    if role == "title" and _vietnamese_page(rows):
        can = [ok and not _unmarked_phrase(row) for ok, row in zip(can, rows, strict=True)]
    if role == "title":  # an author block, a label over a headline, a last sentence (``headline.py``)
        for k in author_block(rows) | labels_over_headlines(rows, can) | last_sentence(rows):
            can[k] = False
    return can


def foreign_banner(row: Line, rows: list[Line]) -> bool:
    """A line of four or more words without a Vietnamese letter on a Vietnamese page."""
    return _unmarked_phrase(row) and _vietnamese_page(rows)


def _unmarked_phrase(row: Line) -> bool:
    return row.words >= 4 and not _marked(row.text)


def _vietnamese_page(rows: list[Line]) -> bool:
    prose = [row.text[:300] for row in rows if row.kind == PROSE]
    return bool(prose) and sum(map(_marked, prose)) > len(prose) / 2


def _marked(text: str) -> bool:
    """Holds a letter beyond ASCII (Vietnamese writes one in almost every phrase). The
    walk over the characters stops at the first such letter, a few characters into a
    Vietnamese line: measured faster than any C-level pass over the whole text
    (``translate``, ``findall``), which must read every character."""
    return not text.isascii() and any(ch.isalpha() and not ch.isascii() for ch in text)


def _logistic(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def default_model() -> LayoutModel:
    """The shipped model; its feature list must be the code's (retrain after changing either)."""
    with open(lexicon.patterns_dir() / "layout_model.json", encoding="utf-8") as fh:
        data = json.load(fh)
    if tuple(data["features"]) != NAMES or tuple(data.get("context", CONTEXT)) != CONTEXT:
        raise ValueError("patterns/layout_model.json was trained on other features: run `make train-layout`")
    return LayoutModel(weights=data["roles"], thresholds=data["thresholds"], stack=data.get("stack"))
