"""The record and its mentions: plain dataclasses, one place for the shape.

``Record.to_dict()`` gives exactly the JSON object of SPEC section 2 (field order
included); ``record.schema.json`` beside this file is the same shape as a JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
    value: int | float
    currency: str
    approx: str | None = None
    value_max: int | float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dict(vars(self))  # flat: a shallow copy is the dict (asdict deep-copies, slowly)
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
            "directives": [dict(vars(x)) for x in self.directives],
            "amounts": [x.to_dict() for x in self.amounts],
            "counts": [dict(vars(x)) for x in self.counts],
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


def dumps(record: dict[str, Any]) -> bytes:
    """One JSON line. orjson is fast but stops at 64-bit integers; a value the text really
    writes (``25.873.329.250 tỷ đồng``) is kept exact through the standard library."""
    import orjson

    try:
        return orjson.dumps(record)
    except TypeError:
        import json

        return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_BIG_INT = __import__("re").compile(rb"\d{19}")


def loads(line: bytes | str) -> Any:
    """Parse one JSON record; integers beyond 64 bits stay exact (orjson would make them floats)."""
    import orjson

    raw = line.encode("utf-8") if isinstance(line, str) else line
    if _BIG_INT.search(raw):
        import json

        return json.loads(raw)
    return orjson.loads(raw)
