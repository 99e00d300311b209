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
from extract.read.decode import canonicalize
from extract.resolve.money_kind import KINDS, STAGES

from .conftest import BENCH, ROOT

DOCS = ROOT / "docs"
HELDOUT = sorted(DOCS.glob("heldout-*.jsonl"))
SPAN_LISTS = ("places", "countries", "directives", "amounts", "counts")


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


LAYOUTS = BENCH.parent.parent / "layouts" / "raw"  # the layout pages: ids such as l2-07


@functools.cache
def bench_texts() -> dict[str, str]:
    with open(BENCH, encoding="utf-8") as fh:
        texts = {d["id"]: canonicalize(d["text"]) for d in map(json.loads, fh)}
    texts.update({p.stem: canonicalize(p.read_text(encoding="utf-8")) for p in LAYOUTS.glob("*.txt")})
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
    for c in rows(DOCS / "money_kind_checks.jsonl"):
        assert texts[c["id"]][c["start"] : c["end"]] == c["text"], c
        checked += 1
    assert checked > 1000
