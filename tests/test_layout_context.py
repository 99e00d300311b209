"""The second pass over the neighbours' probabilities (stacking) and the evidence added
with it: keyword lines at any length, a teaser that copies a nearby line and breaks off, a
caption above a lone photo credit, a sum of money, a weekday that is no place. Every page is written for the test."""

from __future__ import annotations

import pytest

from extract.segment.features import (
    CONTEXT,
    NAMES,
    context_features,
    line_features,
    never_text,
    teaser_copies,
)
from extract.segment.lines import cues, split_lines
from extract.segment.meta import read_layout
from extract.segment.model import ROLES, LayoutModel, default_model

from .test_layouts import TITLE, A, B, C, paragraphs, read


def _features(*lines: str) -> tuple[list, list[dict[str, float]]]:
    text = "\n".join(lines)
    rows, feats = line_features(split_lines(text), text)
    return rows, [dict(zip(NAMES, x, strict=True)) for x in feats]


def test_context_reads_the_first_pass_around_each_line():
    p = {"paragraph": [0.0, 0.9, 0.2, 0.8], "title": [0.9, 0.0, 0.1, 0.0],
         "date": [0.0, 0.0, 0.0, 0.0], "byline": [0.0, 0.0, 0.7, 0.0]}
    ctx = [dict(zip(CONTEXT, c, strict=True)) for c in context_features(p)]
    assert ctx[2]["c_par_self"] == 0.2 and ctx[2]["c_par_prev"] == 0.9 and ctx[2]["c_par_next"] == 0.8
    assert ctx[2]["c_par_both"] == pytest.approx(0.72)  # a line between two paragraphs
    assert ctx[1]["c_title_prev"] == 0.9 and ctx[1]["c_below_title"] == 1.0 and ctx[0]["c_below_title"] == 0.0
    assert ctx[3]["c_byline_above"] == 0.7 and ctx[2]["c_byline_above"] == 0.0  # only lines above count
    assert ctx[0]["c_par_prev"] == 0.0 and ctx[3]["c_par_next"] == 0.0  # the page's ends


def test_the_second_pass_replaces_only_the_roles_it_reads_again():
    text = "\n".join([TITLE, A, B, C])
    rows, _ = line_features(split_lines(text), text)
    feats = [[1.0] + [0.0] * (len(NAMES) - 1) for _ in rows]  # the bias, nothing else
    zero = {r: [0.0] * len(NAMES) for r in ROLES}
    first_only = LayoutModel(zero, dict.fromkeys(ROLES, 0.5))
    # a second pass that says "paragraph" when the first pass thought so of the line
    # below (c_par_next): lines with a paragraph-likely line under them
    w = [0.0] * (len(NAMES) + len(CONTEXT))
    w[len(NAMES) + CONTEXT.index("c_par_next")] = 10.0
    w[0] = -4.0
    both = LayoutModel(zero, dict.fromkeys(ROLES, 0.5), stack={"paragraph": w})
    one, two = first_only.scores(rows, feats), both.scores(rows, feats)
    assert one["paragraph"] == [0.5] * 4
    assert two["paragraph"][0] > 0.7 and two["paragraph"][3] < 0.1  # nothing under the last line
    assert two["title"] == one["title"]
    # a text of fewer lines has too few neighbours: the first pass stands
    assert both.scores(rows[:2], feats[:2])["paragraph"] == [0.5] * 2


def test_shipped_model_has_a_second_pass_over_the_context():
    model = default_model()
    assert model.stack and set(model.stack) <= set(ROLES)
    assert all(len(w) == len(NAMES) + len(CONTEXT) for w in model.stack.values())


def test_a_long_keyword_line_is_a_keyword_line():
    tags = ("Tags: hợp tác quốc tế, viện trợ phi chính phủ, học bổng, nước sạch, y tế cơ sở, trạm xá, "
            "giáo dục vùng cao, tình nguyện viên, hội hữu nghị, đối ngoại nhân dân, ký kết, biên bản ghi nhớ")
    assert len(tags.split()) > 25  # beyond the furniture cue's reach
    _, f = _features(TITLE, A, tags, B)
    assert f[2]["keyword_line"] == 1.0 and f[2]["furniture_cue"] == 0.0
    assert f[1]["keyword_line"] == 0.0


def test_a_teaser_that_copies_the_lead_and_breaks_off_is_no_paragraph():
    lead = ("Sáng 12-3, đoàn công tác của Hội hữu nghị tỉnh do ông Trưởng ban làm trưởng đoàn đã đến thăm "
            "và tặng quà cho các gia đình chính sách tại hai xã biên giới của huyện miền núi.")
    teaser = lead[:110].rstrip() + "..."
    rec, text = read(teaser, lead, B, C)
    rows = split_lines(text)
    assert teaser_copies([r for r in rows if r.text]) == {0}
    assert teaser not in paragraphs(rec, text) and lead in paragraphs(rec, text)


def test_a_line_that_breaks_off_without_copying_a_neighbour_is_no_teaser():
    rows = [r for r in split_lines(f"{TITLE}\nCòn nhiều việc phải làm trong những năm tới...\n{A}") if r.text]
    assert teaser_copies(rows) == set()


def test_a_weekday_is_no_place_and_a_header_clock_gives_no_date():
    assert not cues().place_date.match("Thứ Năm, ngày 6 tháng 3 năm 2025")
    assert cues().place_date.match("Quảng Trị, ngày 6 tháng 3 năm 2025")
    text = "\n".join(["Thứ Năm, ngày 6 tháng 3 năm 2025", "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
                      "Tìm kiếm", TITLE, A, B, C])
    assert read_layout(text).published != "2025-03-06"


def test_a_line_above_a_lone_photo_credit_is_its_caption():
    caption = "Các em học sinh nhận xe đạp do tổ chức tài trợ trao tặng tại điểm trường"
    rows = [r for r in split_lines("\n".join([TITLE, A, caption, "Ảnh: Minh Khôi", B])) if r.text]
    assert never_text(rows) == {2}
    # a paragraph of several sentences above a credit stays text
    rows = [r for r in split_lines("\n".join([TITLE, A + " " + B, "(Ảnh: Minh Khôi)", C])) if r.text]
    assert never_text(rows) == set()


def test_a_sum_of_money_in_a_line():
    money = "Mỗi gia đình được hỗ trợ 3,5 triệu đồng để sửa chữa nhà ở trước mùa mưa bão."
    _, f = _features(TITLE, A, money, B)
    assert f[2]["money"] == 1.0 and f[1]["money"] == 0.0
