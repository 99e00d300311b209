"""Text to record: segment, find, resolve. Nothing else happens here.

The pipeline is a list of named stages (a small registry, as spaCy has), each one job:
``segment`` (title, date, byline, paragraphs), ``sentences``, ``directives``, ``numbers``,
``amounts``, ``counts``, ``places``, ``province``, ``countries``, ``money_kind`` (each
amount's kind and stage) and, only when asked, ``tokens``. Every stage reads the canonical text and
the document state and writes its fields; ``vnextract bench`` times them one by one.
"""

from __future__ import annotations

import decimal
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from .find.amounts import find_amounts
from .find.countries import find_countries, name_stops
from .find.counts import find_counts, number_anchors, number_gate
from .find.directives import find_directives
from .find.numbers import NumberSpan, find_numbers
from .find.places import find_places
from .read.decode import canonicalize
from .record.models import Record
from .resolve.money_kind import resolve_kinds
from .resolve.province import resolve_province
from .segment import read_layout, split_sentences, word_spans
from .segment.templates import SiteLines


@dataclass
class Doc:
    """The working state of one document while the stages run."""

    text: str
    record: Record
    regions: list[list[int]] = field(default_factory=list)  # title + paragraphs
    title_span: list[int] | None = None
    sentence_starts: tuple[int, ...] = ()  # forced sentence starts (a glued byline)
    masked: list[tuple[int, int]] = field(default_factory=list)  # designations
    numbers: list[NumberSpan] = field(default_factory=list)  # the number expressions amounts and counts can use
    site: SiteLines | None = None  # --site-templates: the lines its site repeats
    name_stops: list[list[int]] | None = None  # per region: where a place or country name may begin


Stage = Callable[[Doc], None]
STAGES: dict[str, Stage] = {}


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register a pipeline stage under ``name``."""

    def wrap(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return wrap


@stage("segment")
def _segment(doc: Doc) -> None:
    layout = read_layout(doc.text, site=doc.site)
    rec = doc.record
    rec.title, rec.published, rec.byline = layout.title, layout.published, layout.byline
    rec.paragraphs = layout.paragraphs
    doc.regions = ([list(layout.title_span)] if layout.title_span else []) + layout.paragraphs
    doc.title_span = list(layout.title_span) if layout.title_span else None
    if layout.glued_byline_start is not None:
        doc.sentence_starts = (layout.glued_byline_start,)
        if not any(c.isdigit() for c in layout.byline or ""):  # a byline with figures is a misread list item
            doc.regions = _without_byline(doc.text, doc.regions, layout.glued_byline_start)


def _without_byline(text: str, regions: list[list[int]], byline_start: int) -> list[list[int]]:
    """The regions the finders read, with a byline glued onto the last paragraph cut off:
    the paragraph keeps its whole line (SPEC: spans are lines), but the writer's name after
    it is no article text, so a name such as ``Long An`` or ``Ba Lan`` there is no place or
    country."""
    out = []
    for start, end in regions:
        if start < byline_start < end:
            end = len(text[start:byline_start].rstrip()) + start
        out.append([start, end])
    return out


@stage("sentences")
def _sentences(doc: Doc) -> None:
    doc.record.sentences = split_sentences(doc.text, doc.record.paragraphs, extra_starts=doc.sentence_starts)


@stage("directives")
def _directives(doc: Doc) -> None:
    doc.record.directives = find_directives(doc.text, doc.regions)
    doc.masked = [(d.start, d.end) for d in doc.record.directives]


@stage("numbers")
def _numbers(doc: Doc) -> None:
    """Number expressions once for both money and counts (dates and designations hold
    their digits inside tokens the number rules reject, or are masked)."""
    anchors, keep = number_anchors(), number_gate()
    doc.numbers = find_numbers(doc.text, doc.regions, anchors, keep)


@stage("amounts")
def _amounts(doc: Doc) -> None:
    doc.record.amounts = find_amounts(doc.text, doc.regions, doc.masked, doc.numbers)


@stage("money_kind")
def _money_kind(doc: Doc) -> None:
    """Each amount's kind and stage, read from its sentence (SPEC section 10). Last: a
    province or a country named near an amount can say who spends or lends it."""
    rec = doc.record
    resolve_kinds(doc.text, rec.amounts, rec.sentences, rec.paragraphs, rec.places, rec.countries)


@stage("counts")
def _counts(doc: Doc) -> None:
    taken = doc.masked + [(a.start, a.end) for a in doc.record.amounts]
    doc.record.counts = find_counts(doc.text, doc.regions, taken, doc.numbers)


@stage("places")
def _places(doc: Doc) -> None:
    """Also where a place's or a country's name may begin: one scan for both stages."""
    doc.name_stops = name_stops(doc.text, doc.regions)
    doc.record.places = find_places(doc.text, doc.regions, doc.name_stops)


@stage("province")
def _province(doc: Doc) -> None:
    doc.record.province = resolve_province(doc.text, doc.record.places, doc.regions, doc.title_span)


@stage("countries")
def _countries(doc: Doc) -> None:
    """After places: a province's name masks the country word inside it (``Lào Cai``)."""
    doc.record.countries = find_countries(
        doc.text, doc.regions, [(p.start, p.end) for p in doc.record.places], doc.name_stops
    )


@stage("tokens")
def _tokens(doc: Doc) -> None:
    doc.record.tokens = word_spans(doc.text, doc.regions)


DEFAULT_STAGES = (
    "segment",
    "sentences",
    "directives",
    "numbers",
    "amounts",
    "counts",
    "places",
    "province",
    "countries",
    "money_kind",
)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_stages(
    text: str, record: Record, stages: tuple[str, ...] = DEFAULT_STAGES, site: SiteLines | None = None
) -> Doc:
    doc = Doc(text=text, record=record, site=site)
    # exact means exact: the default decimal context keeps 28 digits, amounts may have more
    with decimal.localcontext(prec=60):
        for name in stages:
            STAGES[name](doc)
    return doc


def extract_canonical(
    text: str, id: str, source: str | None = None, tokens: bool = False, include_text: bool = False,
    site: SiteLines | None = None,
) -> Record:
    """The record of one canonical text (the caller has already canonicalised it)."""
    record = Record(id=id, source=source, sha256=sha256_text(text))
    stages = DEFAULT_STAGES + (("tokens",) if tokens else ())
    run_stages(text, record, stages, site)
    if include_text:
        record.text = text
    return record


def extract_text(
    text: str, id: str = "text", source: str | None = None, tokens: bool = False, include_text: bool = False
) -> dict:
    """Extract the record (SPEC section 2) of one article given as a string.

    The string is canonicalised first (line endings, NFC), so offsets point into
    ``canonicalize(text)``, the same text ``vnextract text`` prints.
    """
    return extract_canonical(canonicalize(text), id, source, tokens, include_text).to_dict()
