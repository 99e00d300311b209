"""Every sub-command turns bad input into one line on standard error and exit 2 (usage)
or 3 (inputs that gave error records), never a traceback."""

from __future__ import annotations

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
# inputs that make a record of their own (an error record) exit 3; the rest are usage errors
EXPECTED = {"run": 3, "text": 3, "show": 3}


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
