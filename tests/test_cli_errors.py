"""Every sub-command turns bad input into one line on standard error and exit 2 (usage)
or 3 (inputs that gave error records), never a traceback."""

from __future__ import annotations

import os

import pytest

from extract.cli import main

MISSING = "/nonexistent/vnextract-test/x.jsonl"


def _run(argv: list[str], capsys) -> tuple[int, list[str]]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    return code, err


COMMANDS = {
    "run": ["run", "{path}", "-o", "{out}", "-q", "-j", "1"],
    "text": ["text", "{path}"],
    "show": ["show", "{path}"],
    "validate": ["validate", "{path}"],
    "eval": ["eval", "--gold", "gold", "--pred", "{path}"],
    "tables": ["tables", "{path}", "-o", "{out}"],
    "citations": ["citations", "{path}"],
    "labelstudio export": ["labelstudio", "export", "{path}", "-o", "{out}"],
    "labelstudio import": ["labelstudio", "import", "{path}", "-o", "{out}"],
    "bench": ["bench", "{path}", "--jobs", "", "--no-reference", "--passes", "1"],
}
# a run makes an error record of a missing input and exits 3; for the rest a missing path is a usage error
EXPECTED = {"run": 3}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_missing_path(name, capsys, tmp_path):
    argv = [a.format(path=MISSING, out=str(tmp_path / "out")) for a in COMMANDS[name]]
    code, err = _run(argv, capsys)
    assert code == EXPECTED.get(name, 2), err
    assert len(err) == 1 and "Traceback" not in err[0] and "vnextract" in err[0]


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in ("run", "text", "show", "bench")])
def test_file_that_is_not_json_lines(name, capsys, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("this is not json\n", encoding="utf-8")
    argv = [a.format(path=str(bad), out=str(tmp_path / "out")) for a in COMMANDS[name]]
    code, err = _run(argv, capsys)
    assert code == 2, err
    assert len(err) == 1 and "bad.jsonl" in err[0]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_bad_option(name, capsys, tmp_path):
    argv = [a.format(path=MISSING, out=str(tmp_path / "out")) for a in COMMANDS[name]] + ["--no-such-option"]
    code, err = _run(argv, capsys)
    assert code == 2
    assert len(err) == 1 and "--no-such-option" in err[0] and "--help" in err[0]


def test_run_summary_names_the_failing_inputs(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Tỉnh đã tiếp nhận 27 dự án viện trợ trong năm.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, err = _run(["run", str(tmp_path), str(tmp_path / "gone.txt"), "-o", str(tmp_path / "o.jsonl"), "-q", "-j", "1"], capsys)
    assert code == 3
    assert len(err) == 1
    assert "empty.txt (EmptyInput)" in err[0] and "gone.txt (ReadError)" in err[0]


def test_folder_ids_are_never_empty_and_hidden_folders_are_not_walked(capsys, tmp_path):
    import json

    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "x.txt").write_text("không phải đầu vào", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Tỉnh đã tiếp nhận 27 dự án viện trợ trong năm.", encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-out.jsonl"
    _run(["run", f"{tmp_path}/", f"{tmp_path}/nosuchdir/", "-o", str(out), "-q", "-j", "1"], capsys)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "nosuchdir"]


def test_sizes_with_units_and_scheduler_without_dask(capsys, tmp_path):
    from extract.cli import byte_size

    assert byte_size("10KB") == 10240 and byte_size("20 MB") == 20 * 1024**2 and byte_size("512") == 512
    code, err = _run(["run", "corpus", "--max-bytes", "ten", "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 2 and len(err) == 1 and "not a size" in err[0]
    code, err = _run(["run", "corpus", "--scheduler", "tcp://127.0.0.1:1", "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 2 and err == ["vnextract run: --scheduler needs --engine dask"]


def test_eval_fails_loudly_when_no_predicted_id_matches(capsys, tmp_path):
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"id": "archive.zip!a/b.txt", "paragraphs": []}\n', encoding="utf-8")
    code, err = _run(["eval", "--gold", "gold", "--pred", str(pred), "--texts", "corpus"], capsys)
    assert code == 3 and len(err) == 1 and "no predicted record has the id of a gold record" in err[0]


def test_a_missing_extra_is_one_line_naming_it(capsys, tmp_path, monkeypatch):
    import importlib
    import importlib.util

    from extract import extras

    real = importlib.import_module

    def without_optional(name, *args):
        if name in extras.EXTRA_OF:
            raise ImportError(name)
        return real(name, *args)

    real_spec = importlib.util.find_spec

    def spec_without_optional(name, *args):
        return None if name in extras.EXTRA_OF else real_spec(name, *args)

    monkeypatch.setattr(extras.importlib, "import_module", without_optional)
    monkeypatch.setattr(extras.importlib.util, "find_spec", spec_without_optional)
    for argv, extra in ((["run", "corpus", "--tokens", "-o", str(tmp_path / "o.jsonl")], "tokens"),
                        (["run", "corpus", "--engine", "dask", "-o", str(tmp_path / "o.jsonl")], "dask"),
                        (["eval", "--gold", "gold", "--layout-cv"], "train"),
                        (["bench", "corpus"], "tokens")):
        code, err = _run(argv, capsys)
        assert code == 2 and len(err) == 1 and f"vnextract[{extra}]" in err[0], (argv, err)
    with pytest.raises(extras.MissingExtra, match=r"vnextract\[spacy\]"):
        import extract

        extract.load()


def test_repeated_ids_get_a_suffix_and_a_warning_and_resume_keeps_them(capsys, tmp_path):
    import json

    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"Tỉnh {folder} đã tiếp nhận 27 dự án viện trợ trong năm.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, err = _run(["run", str(tmp_path / "x"), str(tmp_path / "y"), "-o", str(out), "-q", "-j", "1"], capsys)
    assert code == 0 and err == ["vnextract: warning: 1 repeated ids renamed: a -> a~2"]
    # a resumed run knows the ids already written
    code, err = _run(["run", str(tmp_path / "x"), str(tmp_path / "y"), str(tmp_path / "z"), "-o", str(out),
                      "-q", "-j", "1", "--resume"], capsys)
    assert code == 0 and err == ["vnextract: warning: 1 repeated ids renamed: a -> a~3"]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "a~2", "a~3"]


def test_bom_encodings_and_jsonl_ids_as_written(capsys, tmp_path):
    import json

    body = "Tỉnh đã tiếp nhận 27 dự án viện trợ."
    (tmp_path / "u32.txt").write_bytes(body.encode("utf-32"))
    lines = tmp_path / "l.jsonl"
    lines.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": 0, "text": body}, ensure_ascii=False).encode()
                      + b'\n{"id": 123456789012345678901234567890, "text": "3 d\\u1ef1 \\u00e1n."}\n')
    out = tmp_path / "o.jsonl"
    code, _ = _run(["run", str(tmp_path / "u32.txt"), str(lines), "-o", str(out), "-q", "-j", "1"], capsys)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and [r["status"] for r in recs] == ["ok", "ok", "ok"]
    assert [r["id"] for r in recs[1:]] == ["0", "123456789012345678901234567890"]
    assert recs[0]["counts"][0]["value"] == 27  # UTF-32 read as text, not NUL-interleaved


def test_an_output_that_cannot_be_written_is_one_line(capsys, tmp_path):
    code, err = _run(["run", "corpus", "-o", str(tmp_path), "-q", "-j", "1"], capsys)
    assert code == 2 and len(err) == 1 and str(tmp_path) in err[0]
    if os.path.exists("/dev/full"):
        code, err = _run(["run", "corpus", "-o", "/dev/full", "-q", "-j", "1"], capsys)
        assert code == 2 and len(err) == 1 and "space" in err[0]


def test_doc_timeout_inf_means_no_limit(capsys, tmp_path):
    import json

    out = tmp_path / "o.jsonl"
    code, _ = _run(["run", "corpus", "-o", str(out), "-q", "-j", "1", "--doc-timeout", "inf"], capsys)
    assert code == 0 and all(json.loads(line)["status"] == "ok" for line in out.read_text().splitlines())
    code, err = _run(["run", "corpus", "--doc-timeout", "-1"], capsys)
    assert code == 2 and len(err) == 1


def test_a_fifo_and_the_runs_own_output_inside_an_input_folder(capsys, tmp_path):
    import json

    (tmp_path / "a.txt").write_text("Tỉnh đã tiếp nhận 27 dự án viện trợ trong năm.", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    out = tmp_path / "out.txt"  # the output inside the folder it reads, with a name it would read
    code, err = _run(["run", str(tmp_path), "-o", str(out), "-q", "-j", "1"], capsys)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a"] + (["pipe"] if hasattr(os, "mkfifo") else [])
    if hasattr(os, "mkfifo"):
        assert code == 3 and "not a regular file" in recs[1]["error"]["message"]


def test_a_scale_word_repeated_past_any_sum_is_not_money():
    import extract

    text = "Dự án được đầu tư với tổng số tiền là 1 " + "nghìn " * 1600 + "đồng theo báo cáo."
    rec = extract.extract_text(text)
    assert rec["status"] == "ok" and rec["amounts"] == []


ARTICLE = "Tiêu đề bài viết\n\nTỉnh đã tiếp nhận 27 dự án viện trợ trị giá 5 tỷ đồng trong năm nay.\n"


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(capsys, tmp_path):
    src = tmp_path / "news.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, err = _run(["run", str(src), "-o", str(src), "-q", "-j", "1"], capsys)
    assert code == 2 and len(err) == 1 and "is the input" in err[0]
    assert src.read_text(encoding="utf-8") == ARTICLE
    code, err = _run(["run", str(tmp_path / "*.txt"), "-o", str(src), "-q", "-j", "1"], capsys)  # a glob's match
    assert code == 2 and src.read_text(encoding="utf-8") == ARTICLE
    records = tmp_path / "records.jsonl"
    assert _run(["run", str(src), "-o", str(records), "-q", "-j", "1"], capsys)[0] == 0
    before = records.read_bytes()
    code, err = _run(["citations", str(records), "--csv", str(records)], capsys)
    assert code == 2 and "is the records file" in err[0] and records.read_bytes() == before


def test_input_articles_given_where_records_belong(capsys, tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": "Tỉnh đã tiếp nhận 27 dự án."}\n', encoding="utf-8")
    for argv in (["tables", str(articles), "-o", str(tmp_path / "t")], ["citations", str(articles)],
                 ["eval", "--gold", "gold", "--pred", str(articles)]):
        code, err = _run(argv, capsys)
        assert code == 2 and len(err) == 1 and "an input article" in err[0] and "vnextract run" in err[0], argv
    handmade = tmp_path / "handmade.jsonl"  # a record with an id but not written by run
    handmade.write_text('{"id": "a1", "sha256": "x", "amounts": []}\n', encoding="utf-8")
    code, err = _run(["tables", str(handmade), "-o", str(tmp_path / "t")], capsys)
    assert code == 2 and "no status" in err[0]


@pytest.mark.parametrize("stray", ['{"x": 1}', "[1, 2]", '{"id": 7}'])
def test_a_stray_json_file_in_the_gold_folder_is_named(stray, capsys, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "notes.json").write_text(stray, encoding="utf-8")
    for argv in (["validate", str(gold)], ["eval", "--gold", str(gold), "--pred", str(tmp_path / "p.jsonl")]):
        (tmp_path / "p.jsonl").write_text('{"id": "x", "status": "ok"}\n', encoding="utf-8")
        code, err = _run(argv, capsys)
        assert code == 2 and len(err) == 1 and "notes.json: not a gold record" in err[0], argv


def test_eval_warns_about_gold_ids_without_a_prediction(capsys, tmp_path):
    records = tmp_path / "records.jsonl"
    assert _run(["run", "corpus/000_b98956806c35580f.txt", "-o", str(records), "-q", "-j", "1"], capsys)[0] == 0
    code, err = _run(["eval", "--gold", "gold", "--pred", str(records), "--texts", "corpus"], capsys)
    assert code == 0 and len(err) == 1 and "gold ids have no predicted record" in err[0]


def test_files_of_a_folder_that_are_no_documents_are_counted(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "sheet.csv").write_text("a,b\n", encoding="utf-8")
    code, err = _run(["run", str(folder), "-o", str(tmp_path / "o.jsonl"), "-j", "1"], capsys)
    assert code == 0 and len(err) == 1
    assert "1 documents" in err[0] and "2 files, members or records not documents" in err[0] and "photo.png" in err[0]


def test_small_usage_errors(capsys, tmp_path):
    out = str(tmp_path / "o.jsonl")
    code, err = _run(["run", "corpus", "-o", out, "--near-threshold", "0.9"], capsys)
    assert code == 2 and err == ["vnextract run: --near-threshold needs --dedup near"]
    code, err = _run(["run", "corpus", "-o", out, "--max-bytes", "0"], capsys)
    assert code == 2 and len(err) == 1 and "every document away" in err[0]
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": "one", "text": "Tỉnh đã tiếp nhận 27 dự án."}\n', encoding="utf-8")
    code, err = _run(["text", f"{lines}#two"], capsys)
    assert code == 2 and err == [f"vnextract text: {lines} holds no document with id 'two'"]
    (tmp_path / "empty.txt").write_bytes(b"")
    code, err = _run(["bench", str(tmp_path / "empty.txt"), "--jobs", "", "--no-reference", "--passes", "1"], capsys)
    assert code == 2 and "nothing to time" in err[-1]


def test_per_doc_table_marks_layout_pages_unscored_for_entities():
    from extract.score.evaluate import evaluate, format_table

    gold = {"p1": {"id": "p1", "title": "Tiêu đề", "published": None, "byline": None, "paragraphs": [[0, 10]]}}
    pred = {"p1": {"id": "p1", "title": "Tiêu đề", "published": None, "byline": None, "paragraphs": [[0, 10]],
                   "sentences": [], "directives": [], "amounts": [], "counts": [], "places": [], "countries": []}}
    row = [line for line in format_table(evaluate(gold, pred), per_doc=True).splitlines() if line.startswith("p1 ")][0]
    assert row.split()[1:6] == ["-"] * 5 and row.split()[6] == "1.000" and row.split()[7] == "-"


def test_validate_names_a_missing_texts_folder_and_hints_at_texts(capsys, tmp_path, monkeypatch):
    from .conftest import ROOT

    code, err = _run(["validate", str(ROOT / "gold"), "--texts", str(tmp_path / "nope")], capsys)
    assert code == 2 and err == [f"vnextract validate: --texts {tmp_path / 'nope'}: no such folder"]
    monkeypatch.chdir(tmp_path)  # elsewhere: the default text folders are not there
    code, err = _run(["validate", str(ROOT / "gold")], capsys)
    assert code == 3 and "give --texts DIR, or --skip-missing" in err[-1]
