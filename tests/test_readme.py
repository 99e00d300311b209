"""Every Python block in the README runs as written (from a folder holding the corpus,
after the shell commands its comments name)."""

from __future__ import annotations

import os
import re

import pytest

from extract.cli import main

from .conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_python_blocks():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    monkeypatch.chdir(tmp_path)
    # the commands the walk-through's comment names
    assert main(["run", "corpus/", "-o", "out/records.jsonl", "-q", "-j", "1"]) == 0
    assert main(["tables", "out/records.jsonl", "-o", "out/tables"]) == 0
    exec(compile(BLOCKS[index], f"README.md python block {index + 1}", "exec"), {"__name__": "readme"})
    assert os.getcwd() == str(tmp_path)
