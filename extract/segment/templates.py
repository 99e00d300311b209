"""Site templates as evidence for the layout model (``--site-templates``).

Pages of one site repeat the same menus, banners, slogans, footers and "Các tin khác"
headings. A first pass over a run's inputs (``extract/sites.py``) counts, per site, on how
many pages each line stands; this module turns "seen on N pages of this site" into a
post-model adjustment: a line that recurs on at least ``min_pages`` pages loses its
paragraph probability. The model, its features and its weights are untouched, and so is
every other role (a headline may also stand in other pages' lists of related links).

A line is matched whole, by a fingerprint of its words, never by a part of it: a slogan
quoted inside a paragraph is another line and keeps its place; and a long prose line (a
paragraph the site printed on several pages) is article text on its page whatever else
the site repeats, so it is never dropped on this evidence alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

import regex

from .lines import PROSE, Line

MIN_PAGES = 3  # a line on fewer pages is no template (two copies of one article share lines)
LONG_PROSE = 30  # words from which a prose line is article text whatever the site repeats

_DIGITS = regex.compile(r"\d+(?:[.,:/-]\d+)*")  # 1.204, 08:15, 12/03/2024
_SPACE = regex.compile(r"\s+")


def fingerprint(line: str) -> int:
    """The line's words, case and numbers aside (``Lượt xem: 1.204`` is one line on every
    page), as a 64-bit number."""
    norm = _SPACE.sub(" ", _DIGITS.sub("0", line.casefold())).strip()
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class SiteLines:
    """The evidence for one page: how many pages its site has in the run, and on how many
    of them each recurring line stands (fingerprint -> pages; lines on fewer than
    ``min_pages`` pages left out)."""

    pages: int
    seen: Mapping[int, int] = field(default_factory=dict)
    min_pages: int = MIN_PAGES

    def pages_with(self, line: Line) -> int:
        return self.seen.get(fingerprint(line.text), 0) if self.seen else 0


def is_template(line: Line, site: SiteLines) -> bool:
    """A line of the site's template: on ``min_pages`` pages or more, and not long prose."""
    if line.kind == PROSE and line.words >= LONG_PROSE:
        return False
    return site.pages_with(line) >= site.min_pages


def demote(rows: list[Line], p: dict[str, list[float]], site: SiteLines | None) -> dict[str, list[float]]:
    """The model's scores with template lines taken out of the paragraph role."""
    if site is None or not site.seen:
        return p
    para = list(p["paragraph"])
    for k, row in enumerate(rows):
        if row.text and para[k] > 0.0 and is_template(row, site):
            para[k] = 0.0
    return {**p, "paragraph": para}
