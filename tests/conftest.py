"""Shared fixtures: the repository root, the corpus, the shared texts (skipped when absent)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SHARED_ARTICLES = SHARED / "articles"
SHARED_LAYOUTS = SHARED / "layouts" / "raw"
BENCH = SHARED / "corpus-bench" / "articles.jsonl"


@pytest.fixture(scope="session")
def schema():
    return json.loads((ROOT / "extract" / "record" / "schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def shared_articles() -> Path:
    if not SHARED_ARTICLES.is_dir():
        pytest.skip("../shared/articles is not available on this machine")
    return SHARED_ARTICLES


def line_regions(text: str) -> list[list[int]]:
    """Each non-empty line is a region, as the pipeline's paragraphs are: an example with a
    line break shows what may run over a wrapped line and what may not."""
    regions, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            regions.append([pos, pos + len(line)])
        pos += len(line) + 1
    return regions


def spans_of(record: dict):
    """Every (field, start, end, text-or-None) span in a record."""
    for field in ("paragraphs", "sentences", "tokens"):
        for s, e in record.get(field) or []:
            yield field, s, e, None
    for field in ("directives", "amounts", "counts"):
        for m in record[field]:
            yield field, m["start"], m["end"], m["text"]


def assert_offsets(record: dict, text: str) -> None:
    """SPEC section 1: every span is inside the text and says what it covers."""
    for field, s, e, t in spans_of(record):
        assert 0 <= s < e <= len(text), (field, s, e)
        if t is not None:
            assert text[s:e] == t, (field, s, e, text[s:e], t)
        else:
            assert text[s:e] == text[s:e].strip(), (field, s, e)


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 writes it: base letters with their hats
    precomposed, tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0] + "".join(p for p in parts[1:] if p not in tones)
        base = unicodedata.normalize("NFC", base)
        out.append(base.encode("cp1258") + "".join(p for p in parts[1:] if p in tones).encode("cp1258"))
    return b"".join(out)
