"""Unmarked photo captions (``extract/segment/captions.py``, ``patterns/captions.yaml``):
the example corpus both ways, and the position evidence on a page written for this test."""

from __future__ import annotations

import pytest

from extract import lexicon
from extract.segment.captions import CAPTION, bare_sentence, caption_cues, caption_evidence
from extract.segment.features import NAMES, line_features
from extract.segment.lines import BLANK, split_lines


def _row(text: str):
    return next(ln for ln in split_lines(text) if ln.kind != BLANK)


def _cases():
    return [pytest.param(ex, id=f"captions-{i}") for i, ex in enumerate(lexicon.examples("captions"), 1)]


@pytest.mark.parametrize("example", _cases())
def test_caption_example(example):
    line = _row(example["text"])
    c = caption_cues()
    assert bare_sentence(line) is example["bare"], example["text"]
    assert bool(c.subject.match(line.text)) is example["subject"], example["text"]
    assert bool(c.act.search(line.text)) is example["act"], example["text"]


def test_caption_examples_cover_every_cue_both_ways():
    seen = {(key, ex[key]) for ex in lexicon.examples("captions") for key in ("bare", "subject", "act")}
    assert all((key, value) in seen for key in ("bare", "subject", "act") for value in (True, False))


PARA_1 = ("Sáng 20/4, Ủy ban nhân dân huyện Yên Thế tổ chức lễ khởi công xây dựng trường mầm non xã Đồng Kỳ "
          "với tổng vốn đầu tư hơn 12 tỷ đồng từ ngân sách tỉnh và nguồn xã hội hóa.")
CAPTION_LINE = "Lãnh đạo huyện Yên Thế và nhà tài trợ thực hiện nghi thức khởi công công trình."
PARA_2 = ("Theo kế hoạch, công trình gồm 8 phòng học, nhà bếp và sân chơi, dự kiến hoàn thành trước năm học mới "
          "để đón khoảng 250 cháu ở các thôn vùng cao của xã.")
HEADING = "Mở rộng hợp tác"


def test_caption_between_paragraphs_and_not_a_subheading():
    text = "\n\n".join([PARA_1, CAPTION_LINE, PARA_2, HEADING, PARA_1.replace("20/4", "21/4")]) + "\n"
    rows, feats = line_features(split_lines(text), text)
    at = {name: NAMES.index(name) for name in CAPTION}
    caption = next(k for k, r in enumerate(rows) if r.text == CAPTION_LINE)
    heading = next(k for k, r in enumerate(rows) if r.text == HEADING)
    assert [feats[caption][at[n]] for n in CAPTION] == [1.0, 1.0, 1.0]
    assert [feats[heading][at[n]] for n in CAPTION] == [0.0, 0.0, 0.0]
    assert caption_evidence(rows, 0, False) == (0.0, 0.0, 0.0)  # the dated lead is narration


def test_caption_at_the_end_is_not_between():
    text = "\n\n".join([PARA_1, PARA_2, CAPTION_LINE]) + "\n"
    rows = [r for r in split_lines(text) if r.kind != BLANK]
    assert caption_evidence(rows, 2, False) == (1.0, 1.0, 0.0)
