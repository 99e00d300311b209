"""The CLI and the Python API: one record per input, error records, exit codes, schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest

import extract
from extract.cli import main

from .conftest import CORPUS, assert_offsets

SEEDS = sorted(CORPUS.glob("*.txt"))


def _records(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def test_run_corpus_one_record_per_input_with_every_field(tmp_path, schema):
    out = tmp_path / "r.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"]) == 0
    recs = _records(out)
    assert [r["id"] for r in recs] == [p.stem for p in SEEDS]
    for rec, path in zip(recs, SEEDS, strict=True):
        jsonschema.validate(rec, schema)
        assert rec["status"] == "ok" and rec["error"] is None
        assert_offsets(rec, path.read_text(encoding="utf-8"))


def test_error_records_and_the_run_goes_on(tmp_path, schema, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes((CORPUS / SEEDS[0].name).read_bytes())
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_blank.txt").write_bytes(b"  \n\t \r\n")
    missing = tmp_path / "nope.txt"
    out = tmp_path / "r.jsonl"
    code = main(["run", str(folder), str(missing), "-o", str(out), "-j", "1", "-q"])
    assert code == 3
    err = capsys.readouterr().err
    assert "4 of 5 inputs gave error records" in err
    recs = _records(out)
    assert [r["id"] for r in recs] == ["a_good", "b_binary", "c_empty", "d_blank", "nope"]
    assert recs[0]["status"] == "ok"
    kinds = [r["error"]["type"] for r in recs[1:]]
    assert kinds == ["BinaryInput", "EmptyInput", "EmptyInput", "ReadError"]
    for rec in recs:
        jsonschema.validate(rec, schema)
        assert all(isinstance(rec[k], list) for k in ("paragraphs", "sentences", "directives", "amounts", "counts"))
    assert "NUL byte" in recs[1]["error"]["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_an_error_record(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("Chỉ thị 04-CT/TW.", encoding="utf-8")
    p.chmod(0)
    rec = extract.extract_file(str(p))
    assert rec["status"] == "error" and rec["error"]["type"] == "ReadError"


def test_a_directory_given_as_a_file_is_an_error_record(tmp_path):
    rec = extract.extract_file(str(tmp_path))
    assert rec["status"] == "error" and rec["error"]["type"] == "ReadError"


def test_stdin_and_stdout():
    data = (CORPUS / SEEDS[1].name).read_bytes()
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "-", "-q", "-j", "1"], input=data, capture_output=True, check=True)
    recs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(recs) == 1 and recs[0]["id"] == "stdin" and recs[0]["source"] == "-"
    assert recs[0]["directives"], "the seed cites Chỉ thị 04-CT/TW"


def test_usage_errors_exit_2(tmp_path):
    assert subprocess.run([sys.executable, "-m", "extract", "run"], capture_output=True).returncode == 2
    assert subprocess.run([sys.executable, "-m", "extract", "nonsense"], capture_output=True).returncode == 2
    assert main(["run", str(CORPUS), "--resume"]) == 2


def test_text_command_prints_canonical_text(capsys):
    assert main(["text", str(SEEDS[0])]) == 0
    assert capsys.readouterr().out == SEEDS[0].read_text(encoding="utf-8")


def test_python_api_matches_cli(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    rec = extract.extract_text(text, id="x")
    file_rec = extract.extract_file(str(SEEDS[0]))
    for key in ("sha256", "title", "paragraphs", "sentences", "directives", "amounts", "counts"):
        assert rec[key] == file_rec[key]
    assert_offsets(rec, text)


def test_extract_text_canonicalises_its_input():
    rec = extract.extract_text("Tiêu đề\r\nChỉ thị số 04-CT/TW ngày 06/7/2011 của Bộ Chính trị được triển khai rộng rãi trong toàn tỉnh.\r\n")
    assert rec["directives"][0]["text"] == "Chỉ thị số 04-CT/TW"
    assert rec["directives"][0]["date"] == "2011-07-06"


def test_jsonl_on_stdin_is_read_line_by_line():
    lines = [
        {"id": "bai-1", "text": "Hội hữu nghị họp mặt\nHội Hữu nghị Việt - Lào tỉnh tổ chức gặp mặt 40 hội viên."},
        {"id": "bai-2", "text": "Trao quà Tết\nHội trao 200 suất quà trị giá 100 triệu đồng."},
    ]
    data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("utf-8")
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "-", "-q", "-j", "1"], input=data, capture_output=True, check=True)
    recs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [(r["id"], r["source"]) for r in recs] == [("bai-1", "-:1"), ("bai-2", "-:2")]
    assert recs[1]["amounts"][0]["value"] == 100_000_000
    # a text whose first line is no JSON object with a text stays one document
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "-", "-q", "-j", "1"],
                          input='{"ghi chú": 1}\nMột bài báo.\n'.encode(), capture_output=True, check=True)
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == ["stdin"]


def test_unknown_option_and_mode_are_named_by_the_sub_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", str(CORPUS), "--bogus"])
    assert exc.value.code == 2
    assert "vnextract run: error: unrecognized arguments: --bogus (see vnextract run --help)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["run", "--dedup", "fuzzy", str(CORPUS)])
    assert "argument --dedup: invalid choice: 'fuzzy'" in capsys.readouterr().err
