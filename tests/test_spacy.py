"""spaCy components, displaCy views, tables and the citation index."""

from __future__ import annotations

import csv
import json

import pytest
import spacy

import extract
from extract.cli import main

from .conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnextract")  # found through the spacy_factories entry point
    return nlp


def test_component_spans_equal_the_core(nlp):
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        core = extract.extract_text(text)
        for group in ("directives", "amounts", "counts"):
            got = [(s.start_char, s.end_char, s.text) for s in doc.spans[group]]
            assert got == [(m["start"], m["end"], m["text"]) for m in core[group]]
        assert doc._.title == core["title"] and doc._.published == core["published"]
        starts = {t.idx for t in doc if t.is_sent_start}
        assert {s for s, _ in core["sentences"]} <= starts


def test_span_extensions_carry_the_fields(nlp):
    doc = nlp((CORPUS / SEEDS[0].name).read_text(encoding="utf-8"))
    first = doc.spans["directives"][0]
    assert (first._.ref, first._.date, first._.issuer) == ("04-CT/TW", "2011-07-06", "Bộ Chính trị")
    amounts = {s.text: (s._.value, s._.currency, s._.approx) for s in doc.spans["amounts"]}
    assert amounts["196 tỷ đồng"] == (196000000000, "VND", "over")
    money = {s.text: (s._.kind, s._.stage) for s in doc.spans["amounts"]}
    assert money["196 tỷ đồng"] == ("aid", "committed") and money["2.899.847 USD"] == ("aid", "disbursed")
    counts = {s.text: (s._.value, s._.category) for s in doc.spans["counts"]}
    assert counts["10 hội hữu nghị thành viên"] == (10, "association")


def test_pipe_with_two_processes(nlp):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [len(d.spans["vnextract"]) for d in docs] == [len(nlp(t).spans["vnextract"]) for t in texts]


def test_load_and_underthesea_tokenizer():
    nlp = extract.load(underthesea_tokenizer=True)
    doc = nlp("Thực hiện Chỉ thị số 04-CT/TW của Bộ Chính trị, tỉnh đã vận động 3.685,3 triệu USD.")
    words = [t.text for t in doc]
    assert "Bộ Chính trị" in words and "04-CT/TW" in words
    assert [s.text for s in doc.spans["amounts"]] == ["3.685,3 triệu USD"]


def test_displacy_html_contains_every_mention(nlp, tmp_path):
    from extract.spacy_ext import render_html

    text = (CORPUS / SEEDS[0].name).read_text(encoding="utf-8")
    html = render_html(nlp(text))
    for m in (extract.extract_text(text)[k] for k in ("directives", "amounts", "counts")):
        for mention in m:
            for word in mention["text"].split():
                assert word in html
    assert html.count("DIRECTIVE") >= 4 and "AMOUNT" in html and "COUNT" in html


def test_show_in_the_terminal(capsys):
    assert main(["show", str(SEEDS[1])]) == 0
    out = capsys.readouterr().out
    assert "[[Chỉ thị 04-CT/TW|DIRECTIVE 04-CT/TW · 2011-07-06 · Ban Bí thư Trung ương Đảng]]" in out
    assert "[[Chỉ thị 04|DIRECTIVE 04-CT/TW · short form]]" in out
    assert "[[3.685,3 triệu USD|AMOUNT 3685300000 USD · investment · registered]]" in out


def _records(tmp_path):
    out = tmp_path / "r.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"]) == 0
    return out, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_rows_equal_mention_counts(tmp_path, fmt):
    out, recs = _records(tmp_path)
    assert main(["tables", str(out), "-o", str(tmp_path / "t"), "--format", fmt]) == 0
    for name in ("directives", "amounts", "counts"):
        path = tmp_path / "t" / f"{name}.{fmt}"
        if fmt == "csv":
            with open(path, encoding="utf-8") as fh:
                rows = list(csv.DictReader(fh))
        else:
            import pyarrow.parquet as pq

            rows = pq.read_table(path).to_pylist()
        assert len(rows) == sum(len(r[name]) for r in recs)
        assert {"doc_id", "title", "published"} <= set(rows[0])
        if name == "amounts":
            assert {r["kind"] for r in rows} <= {"aid", "oda", "investment", "remittance", "trade", "budget", "donation", "other"}
            assert any(r["stage"] == "disbursed" for r in rows)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        amounts = pq.read_table(tmp_path / "t" / "amounts.parquet").to_pylist()
        assert any(a["value"] == 3685300000 and isinstance(a["value"], int) for a in amounts)
        directives = pq.read_table(tmp_path / "t" / "directives.parquet")
        assert str(directives.schema.field("number").type) == "string"
        assert "04" in directives.column("number").to_pylist()


def test_tables_keep_integers_and_designation_numbers_typed(tmp_path):
    pd = pytest.importorskip("pandas")
    out, _ = _records(tmp_path)
    assert main(["tables", str(out), "-o", str(tmp_path / "t")]) == 0
    raw = (tmp_path / "t" / "directives.csv").read_text(encoding="utf-8")
    assert ',"04",' in raw  # a designation number is a quoted string
    amounts = pd.read_csv(tmp_path / "t" / "amounts.csv")
    assert str(amounts["value"].dtype) == "int64" and amounts["value"].sum() > 0
    directives = pd.read_csv(tmp_path / "t" / "directives.csv", dtype={"number": str, "ref": str})
    assert "04" in set(directives["number"])


def test_citation_index_shows_disagreeing_issuers(tmp_path, capsys):
    out, _ = _records(tmp_path)
    assert main(["citations", str(out), "--csv", str(tmp_path / "c.csv")]) == 0
    printed = capsys.readouterr().out
    assert "04-CT/TW" in printed and "issuers differ" in printed  # Bộ Chính trị vs Ban Bí thư
    with open(tmp_path / "c.csv", encoding="utf-8") as fh:
        rows = {r["ref"]: r for r in csv.DictReader(fh)}
    row = rows["04-CT/TW"]
    assert int(row["articles"]) == 4 and "Bộ Chính trị" in row["issuers"] and "Ban Bí thư Trung ương Đảng" in row["issuers"]
    assert row["dates"] == "2011-07-06"

