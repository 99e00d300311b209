"""The record and its mentions: plain dataclasses, one place for the shape.

``Record.to_dict()`` gives exactly the JSON object of SPEC section 2 (field order
included); ``schema.json`` beside this file is the same shape as a JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import orjson

Span = list[int]  # [start, end) in code points of the canonical text


@dataclass
class Directive:
    start: int
    end: int
    text: str
    doc_type: str
    number: str
    ref: str | None
    date: str | None = None
    issuer: str | None = None
    short: bool = False


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: int | float | Decimal  # exact: see json_value
    currency: str
    approx: str | None = None
    value_max: int | float | Decimal | None = None
    kind: str | None = None  # SPEC section 10, set by the ``money_kind`` stage
    stage: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = self.__dict__.copy()  # flat: a shallow copy is the dict (asdict deep-copies, slowly)
        if self.value_max is None:
            del d["value_max"]
        return d


@dataclass
class Count:
    start: int
    end: int
    text: str
    value: int
    approx: str | None
    category: str
    noun: str


@dataclass
class Place:
    """A province or centrally-run city named in the text (SPEC section 8)."""

    start: int
    end: int
    text: str
    code: str  # GSO code of the unit in force until 30 June 2025
    name: str  # its official name without the administrative word


@dataclass
class Country:
    """A foreign country or territory named in the text (SPEC section 9)."""

    start: int
    end: int
    text: str
    country: str  # ISO 3166-1 alpha-2


@dataclass
class Record:
    id: str
    source: str | None = None
    sha256: str | None = None
    status: str = "ok"
    error: dict[str, str] | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    province: dict[str, str] | None = (
        None  # the article's province (SPEC 8): code, name, code_2025, name_2025
    )
    places: list[Place] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    tokens: list[Span] | None = None
    text: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None  # --dedup near: estimated Jaccard similarity with duplicate_of

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "sha256": self.sha256,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            # a mention's dict is a shallow copy of its fields (``__dict__.copy()``: the same
            # dict as ``dict(vars(x))``, made without the generic constructor, 2-3x faster)
            "directives": [x.__dict__.copy() for x in self.directives],
            "amounts": [x.to_dict() for x in self.amounts],
            "counts": [x.__dict__.copy() for x in self.counts],
            "province": self.province,
            "places": [x.__dict__.copy() for x in self.places],
            "countries": [x.__dict__.copy() for x in self.countries],
        }
        if self.tokens is not None:
            d["tokens"] = self.tokens
        if self.text is not None:
            d["text"] = self.text
        if self.duplicate_of is not None:
            d["duplicate_of"] = self.duplicate_of
        if self.similarity is not None:
            d["similarity"] = self.similarity
        return d


def error_record(id: str, source: str | None, error: dict[str, str], sha256: str | None = None) -> Record:
    """A record for an input that could not be processed (SPEC: never silently dropped)."""
    return Record(id=id, source=source, sha256=sha256, status="error", error=error)


def json_value(value: Decimal) -> int | float | Decimal:
    """An amount's value as JSON will write it, exactly (SPEC section 4: "the exact amount"):
    an integer when whole; a float when the float prints the same number (``1.5``); else
    the Decimal itself (``3,14159265358979323846 triệu`` keeps all its digits), which
    :func:`dumps` writes digit for digit."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    digits = format(value, "f")
    return Decimal(digits.rstrip("0") if "." in digits else digits)  # the same number, no trailing zeros


def _exact(obj: Any) -> Any:
    """orjson's hook for what it cannot write itself: a Decimal, written as its digits."""
    if isinstance(obj, Decimal):
        digits = format(obj, "f")  # never an exponent; trailing zeros of a fraction dropped
        return orjson.Fragment((digits.rstrip("0").rstrip(".") if "." in digits else digits).encode())
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def _wide(obj: Any) -> Any:
    """Integers past 64 bits as their digits (orjson stops at 64 bits; a value the text
    really writes, ``25.873.329.250 tỷ đồng``, must stay exact)."""
    if isinstance(obj, int) and not isinstance(obj, bool) and not -(2**63) <= obj < 2**64:
        return orjson.Fragment(str(obj).encode())
    if isinstance(obj, dict):
        return {k: _wide(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_wide(v) for v in obj]
    return obj


def dumps(record: dict[str, Any]) -> bytes:
    """One JSON line, every number exact (see :func:`json_value` and :func:`_wide`)."""
    try:
        return orjson.dumps(record, default=_exact)
    except TypeError:
        return orjson.dumps(_wide(record), default=_exact)


_BIG_INT = __import__("re").compile(rb"\d{19}")


def loads(line: bytes | str) -> Any:
    """Parse one JSON record; integers beyond 64 bits stay exact (orjson would make them floats)."""
    raw = line.encode("utf-8") if isinstance(line, str) else line
    if _BIG_INT.search(raw):
        import json

        return json.loads(raw)
    return orjson.loads(raw)
