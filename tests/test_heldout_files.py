"""The hand-labelled held-out files in ``docs/`` are well formed, and every span says what it
covers in the bench text or layout page it was labelled on (SPEC section 1). A held-out file is scored by
scripts, not by ``vnextract validate``, so nothing else would catch a shifted offset or a
code that names no province."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from extract.find.provinces import provinces
from extract.read.decode import canonicalize, decode_bytes
from extract.resolve.money_kind import KINDS, STAGES

from .conftest import BENCH, ROOT, SHARED_LAYOUTS

DOCS = ROOT / "docs"
HELDOUT = sorted(DOCS.glob("heldout-*.jsonl"))
SPAN_LISTS = ("places", "countries", "directives", "amounts", "counts")


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.cache
def layout_texts() -> dict[str, str]:
    """The layout pages' canonical texts by id (``l2-07``), decoded as ``vnextract text`` does."""
    return {p.stem: decode_bytes(p.read_bytes()).text for p in sorted(SHARED_LAYOUTS.glob("*.txt"))}


@functools.cache
def bench_texts() -> dict[str, str]:
    with open(BENCH, encoding="utf-8") as fh:
        texts = {d["id"]: canonicalize(d["text"]) for d in map(json.loads, fh)}
    texts.update(layout_texts())
    return texts


def spans(row: dict):
    for name in SPAN_LISTS:
        for m in row.get(name) or []:
            yield name, m


def test_there_are_heldout_files():
    assert len(HELDOUT) >= 8


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.name)
def test_heldout_file_is_well_formed(path):
    known = provinces()
    seen = set()
    for row in rows(path):
        assert row["id"] not in seen, row["id"]
        seen.add(row["id"])
        if row.get("province") is not None:
            assert known[row["province"]["code"]].name == row["province"]["name"], row["id"]
        for name in SPAN_LISTS:
            mentions = row.get(name) or []
            assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions), (row["id"], name)
        for name, m in spans(row):
            assert 0 <= m["start"] < m["end"] and m["end"] - m["start"] == len(m["text"]), (row["id"], m)
            if name == "places":
                assert m["code"] in known, (row["id"], m)
            if name == "countries":
                assert len(m["country"]) == 2 and m["country"].isupper(), (row["id"], m)
            if name == "amounts":
                assert m["kind"] in KINDS and m["stage"] in (*STAGES, None), (row["id"], m)


def test_kind_checks_are_well_formed():
    checks = rows(DOCS / "money_kind_checks.jsonl")
    keys = [(c["set"], c["id"], c["start"]) for c in checks]
    assert len(keys) == len(set(keys))
    for c in checks:
        if c.get("money") is not False:  # a span that is no sum of money has no kind
            assert c["kind"] in KINDS and c["stage"] in (*STAGES, None), c
        assert c["end"] - c["start"] == len(c["text"]), c


def test_every_span_says_what_it_covers_in_the_bench_text():
    if not BENCH.is_file():
        pytest.skip("../shared/corpus-bench is not available on this machine")
    texts = bench_texts()
    checked = 0
    for path in HELDOUT:
        for row in rows(path):
            text = texts[row["id"]]
            for _, m in spans(row):
                assert text[m["start"] : m["end"]] == m["text"], (path.name, row["id"], m)
                checked += 1
    on_layouts = 0
    for c in rows(DOCS / "money_kind_checks.jsonl"):
        assert c["id"] in texts, ("no bench article or layout page has this id", c)
        assert texts[c["id"]][c["start"] : c["end"]] == c["text"], c
        checked += 1
        on_layouts += c["id"] in layout_texts()
    assert checked > 1000
    assert on_layouts >= 70  # set K: every amount of the layout pages


def test_kind_checks_on_layout_pages_say_what_they_cover():
    """Set K's rows point into the layout pages, checked even where the bench is absent."""
    if not SHARED_LAYOUTS.is_dir():
        pytest.skip("../shared/layouts is not available on this machine")
    texts = layout_texts()
    k_rows = [c for c in rows(DOCS / "money_kind_checks.jsonl") if c["set"] == "K"]
    assert len(k_rows) == 70
    for c in k_rows:
        assert c["id"] in texts, c
        assert texts[c["id"]][c["start"] : c["end"]] == c["text"], c
