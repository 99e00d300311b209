"""``--site-templates``: a first pass over a run's inputs that learns, per site, which lines
recur on many of its pages, then hands each page its site's evidence for segmentation
(``segment/templates.py`` decides what to do with it).

A site is the URL host of a WARC record or of a JSONL line with a ``url``, else the folder
of the file (an archive member's folder inside its archive; a JSONL file without urls is
one site). Memory is bounded per site: the line counts are a Misra-Gries summary of at
most ``CAPACITY`` fingerprints, so a site costs at most ``CAPACITY`` dictionary entries
(about 100 bytes each: 200 KB) whatever its size, and a count is never above the truth and
at most (the site's line occurrences) / (``CAPACITY`` + 1) below it. What is handed on is
smaller still: the lines seen on ``MIN_PAGES`` pages or more.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..segment.lines import split_lines
from ..segment.templates import MIN_PAGES, SiteLines, fingerprint

CAPACITY = 2048


def site_of(source: str | None) -> str:
    """The site a page belongs to: a URL's host, else the folder of its path."""
    if not source:
        return ""
    if "://" in source[:12]:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.")
    path = source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source  # news.jsonl:12
    if path.lower().endswith((".jsonl", ".jsonl.gz")):
        return path
    if "!" in path:  # an archive member: its folder inside the archive
        archive, _, member = path.partition("!")
        return f"{archive}!{os.path.dirname(member)}"
    return os.path.dirname(path)


class SiteCounter:
    """On how many pages of one site each line stands, in bounded memory (Misra-Gries)."""

    __slots__ = ("pages", "counts")

    def __init__(self) -> None:
        self.pages = 0
        self.counts: dict[int, int] = {}

    def add_page(self, fingerprints: set[int]) -> None:
        self.pages += 1
        counts = self.counts
        for fp in fingerprints:
            if fp in counts:
                counts[fp] += 1
            elif len(counts) < CAPACITY:
                counts[fp] = 1
            else:  # full: every count loses one, the new line included (at most once per CAPACITY lines)
                for key in list(counts):
                    counts[key] -= 1
                    if not counts[key]:
                        del counts[key]

    def evidence(self) -> SiteLines:
        return SiteLines(self.pages, {fp: n for fp, n in self.counts.items() if n >= MIN_PAGES})


def page_lines(text: str) -> set[int]:
    return {fingerprint(line.text) for line in split_lines(text) if line.text}


def first_pass(inputs: list[str], opts: Any) -> dict[str, SiteLines]:
    """Read every input once and count its lines per site."""
    from ..errors import UsageError
    from ..read.sources import iter_items
    from .batch import decode_item

    if "-" in inputs:
        raise UsageError("--site-templates reads the inputs twice and cannot read standard input")
    sites: dict[str, SiteCounter] = {}
    for item in iter_items(inputs, opts.max_bytes, skip=opts.output):
        if item.error is not None or item.skipped:
            continue
        try:
            text = decode_item(item)[0]
        except InputError:
            continue
        sites.setdefault(site_of(item.source), SiteCounter()).add_page(page_lines(text))
    return {name: counter.evidence() for name, counter in sites.items()}


def with_evidence(items: Iterable[Any], table: dict[str, SiteLines]) -> Iterator[Any]:
    """Each item with its site's evidence (a duplicate record made by the parent passes)."""
    for item in items:
        if not isinstance(item, tuple):
            evidence = table.get(site_of(item.source))
            if evidence is not None and evidence.seen:
                item.site = evidence
        yield item
