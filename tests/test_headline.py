"""Headline evidence (``extract/segment/headline.py``): the author block of an academic
paper and a section label over a headline are never titles, and the headline stands
nearest above the date line. Every page here is written for the test."""

from __future__ import annotations

import pytest

import extract
from extract import lexicon
from extract.segment.headline import (
    author_block,
    headline_cues,
    headline_features,
    labels_over_headlines,
    last_sentence,
)
from extract.segment.lines import BLANK, split_lines
from extract.segment.model import eligible

CUES = ("degree_name", "institution", "author_contact", "period_label", "column_label")
BODY = (
    "Nghiên cứu này đánh giá tác động của chương trình tín dụng ưu đãi đối với hộ nông dân trồng cà phê ở "
    "ba huyện miền núi, dựa trên số liệu điều tra của hơn bốn trăm hộ trong hai năm liền.",
    "Kết quả cho thấy thu nhập của các hộ được vay vốn tăng nhanh hơn so với nhóm đối chứng, nhưng khoảng "
    "cách này thu hẹp dần khi giá cà phê trên thị trường thế giới giảm mạnh vào cuối kỳ nghiên cứu.",
)


def rows_of(*lines: str):
    text = "\n".join(lines)
    return [r for r in split_lines(text) if r.kind != BLANK]


@pytest.mark.parametrize("example", lexicon.examples("headline"), ids=lambda e: f"{e['cue']}-{e['text'][:20]}")
def test_headline_cue(example):
    pattern = getattr(headline_cues(), example["cue"])
    found = pattern.search(example["text"]) if example["cue"] == "period_label" else pattern.match(example["text"])
    assert bool(found) is example["match"]


def test_examples_cover_every_cue_both_ways():
    seen = {(e["cue"], e["match"]) for e in lexicon.examples("headline")}
    assert all((cue, m) in seen for cue in CUES for m in (True, False))
    assert set(CUES) == set(lexicon.load("headline"))


def test_author_block_names_the_degree_name_and_its_institution_line():
    rows = rows_of("ThS. Lê Thị Minh Hằng", "Khoa Quản trị kinh doanh, Trường Đại học Nha Trang",
                   "Email: hang.le@truongxyz.edu.vn", "Tóm tắt", *BODY)
    assert author_block(rows) == {0, 1}
    assert eligible("title", rows)[:2] == [False, False]


def test_an_institution_line_far_from_any_author_is_no_author_block():
    rows = rows_of("Viện Nghiên cứu Nông nghiệp miền Trung công bố giống lúa mới", *BODY)
    assert author_block(rows) == set()


def test_a_paper_whose_title_was_not_scraped_has_no_title_from_its_author_block():
    rec = extract.extract_text("\n".join(("PGS.TS. Đỗ Văn Hải", "Viện Nghiên cứu Kinh tế Nông nghiệp",
                                          "Email: hai.do@vien.vn", "Tóm tắt", *BODY)), id="x")
    assert rec["title"] is None


def test_a_season_label_over_a_headline_is_no_title_but_the_headline_may_be():
    rows = rows_of("Xuân Giáp Thìn 2024", "Những mùa cà phê đổi đời trên cao nguyên!", *BODY)
    can = [True] * len(rows)
    assert labels_over_headlines(rows, can) == {0}
    assert not eligible("title", rows)[0] and eligible("title", rows)[1]


def test_a_date_written_in_english_is_no_section_label():
    rows = rows_of("Sunday, March 3, 2024", "Những mùa cà phê đổi đời trên cao nguyên!", *BODY)
    assert labels_over_headlines(rows, [True] * len(rows)) == set()


def test_a_label_with_no_headline_below_stays_a_candidate():
    rows = rows_of("Phóng sự", *BODY)  # the line below is a paragraph, no headline
    assert labels_over_headlines(rows, eligible("title", rows)) == set()


def test_nearest_above_date_skips_a_kicker_line_but_not_past_the_window():
    rows = rows_of("Cổng thông tin huyện", "Giá cà phê tăng, nông dân phấn khởi", "Kinh tế",
                   "12/03/2024 08:15", *BODY)
    assert [f[0] for f in headline_features(rows)][:4] == [0.0, 0.0, 1.0, 0.0]
    rows = rows_of(*BODY)  # no date line: no line gets it
    assert not any(f[0] for f in headline_features(rows))


def test_the_model_takes_the_headline_above_the_date_line():
    headline = "Giá cà phê tăng, nông dân Tây Nguyên phấn khởi vào vụ mới"
    rec = extract.extract_text("\n".join(("Cổng thông tin điện tử huyện", headline, "12/03/2024 08:15", *BODY)), id="x")
    assert rec["title"] == headline


@pytest.mark.parametrize("text", ["TS" * 40000 + "!", "TS. An Bc" + ", An Bc" * 15000 + " x", "TS. " * 20000,
                                  "2020 " * 20000 + "x", "Trường " * 20000, "Phóng sự - " + "a " * 20000])
def test_headline_cues_take_linear_time_on_hostile_lines(text):
    import time

    c = headline_cues()
    start = time.perf_counter()
    for name in CUES:
        pattern = getattr(c, name)
        pattern.search(text) if name == "period_label" else pattern.match(text)
    assert time.perf_counter() - start < 1.0


def test_the_last_line_of_a_page_is_no_title_when_it_is_a_sentence():
    rows = rows_of("Giá lúa tăng nhẹ trong tuần qua.", "Nông dân bán được 3 tấn lúa với giá cao hơn năm trước.")
    assert last_sentence(rows) == {1}
    assert last_sentence(rows_of("Giá lúa tăng nhẹ", *BODY[:1], "Liên hệ quảng cáo")) == set()
    assert last_sentence(rows_of("Giá lúa tăng nhẹ trong tuần qua.")) == set()  # a one-line text is its own body
