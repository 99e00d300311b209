"""``vnextract show``: the article as extracted, each mention with its values."""

from __future__ import annotations

from html.parser import HTMLParser

import extract
from extract.analysis.display import render_html, render_terminal
from extract.cli import main

TEXT = ("Tỉnh Kon Tum tiếp nhận viện trợ từ Nhật Bản\n"
        "Năm 2024, tỉnh Kon Tum tiếp nhận 12 dự án viện trợ với tổng giá trị cam kết 3,5 triệu USD.\n"
        "Thực hiện Chỉ thị số 04-CT/TW ngày 06/7/2011 của Ban Bí thư, hội có 8 hội viên.\n")


class _Blocks(HTMLParser):
    """The text of each <h1> and <p> block, and the labels of the marks inside them."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.labels: list[str] = []
        self._in: str | None = None
        self._label = False  # inside a mark's <small> label

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "p") and ("class", "legend") not in attrs:
            self._in = tag
            self.blocks.append("")
        if tag == "mark" and self._in:
            self.labels.append(dict(attrs).get("title", ""))
        self._label = self._label or tag == "small"

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None
        if tag == "small":
            self._label = False

    def handle_data(self, data):
        if self._in and not self._label:
            self.blocks[-1] += data


def test_html_keeps_title_and_paragraphs_apart_and_shows_values():
    rec = extract.extract_text(TEXT, id="kt")
    page = _Blocks()
    page.feed(render_html(TEXT, rec))
    assert len(page.blocks) == 1 + len(rec["paragraphs"])  # the title, then each paragraph
    assert page.blocks[0].startswith("Tỉnh Kon Tum tiếp nhận")
    assert "AMOUNT 3500000 USD · aid · committed" in page.labels
    assert "DIRECTIVE 04-CT/TW · 2011-07-06 · Ban Bí thư" in page.labels
    assert "COUNTRY JP" in page.labels and any(label.startswith("PLACE") for label in page.labels)
    assert any(label.startswith("COUNT 12") for label in page.labels)


def test_nested_mentions_are_nested_marks():
    """A province inside a directive's issuer is marked inside the directive's mark."""
    text = "Thực hiện Kế hoạch số 12/KH-UBND ngày 5/3/2021 của UBND tỉnh Đồng Nai.\n"
    rec = extract.extract_text(text)
    out = render_html(text, rec)
    assert out.count("<mark") == out.count("</mark>")
    if rec["places"] and rec["directives"]:
        assert out.index("DIRECTIVE") < out.index("PLACE")


def test_show_writes_the_page_without_spacy(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a.html"
    assert main(["show", str(src), "--html", str(out)]) == 0
    assert "mentions ->" in capsys.readouterr().out
    assert "AMOUNT 3500000 USD" in out.read_text(encoding="utf-8")


def test_terminal_view_names_values():
    rec = extract.extract_text(TEXT)
    shown = render_terminal(TEXT, rec)
    assert "[[3,5 triệu USD|AMOUNT 3500000 USD · aid · committed]]" in shown
    assert shown.splitlines()[0].startswith("title: Tỉnh Kon Tum")
