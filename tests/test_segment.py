"""Segmentation on layouts unlike the seeds: related-links blocks, one-line bodies,
captions between paragraphs, no title or date at all."""

from __future__ import annotations

import extract
from extract.find.dates import parse_datetime
from extract.segment.sentences import split_sentences

from .conftest import assert_offsets

P1 = ("Sáng 12/6, tại thành phố Huế, Liên hiệp các tổ chức hữu nghị tỉnh Thừa Thiên Huế đã tổ chức "
      "hội nghị tổng kết công tác vận động viện trợ phi chính phủ nước ngoài năm 2022.")
P2 = ("Theo báo cáo, trong năm qua tỉnh đã tiếp nhận 42 dự án với tổng giá trị cam kết hơn 3,2 triệu USD, "
      "tập trung vào y tế, giáo dục và sinh kế cho người dân vùng núi.")
P3 = ("Phát biểu tại hội nghị, ông Nguyễn Văn Hải cho biết tỉnh sẽ tiếp tục thực hiện Chỉ thị số 04-CT/TW "
      "của Ban Bí thư và mở rộng quan hệ với các đối tác mới trong thời gian tới.")

RELATED = [
    "Tin liên quan",
    "Đoàn đại biểu tỉnh Quảng Trị thăm và làm việc tại nước bạn Lào",
    "Khánh thành trường học do tổ chức Plan tài trợ tại huyện A Lưới",
    "Hội hữu nghị Việt - Nhật tổ chức giao lưu văn hóa nhân dịp năm mới",
    "Trao 200 suất học bổng cho học sinh nghèo vượt khó",
    "Tập huấn kỹ năng đối ngoại cho cán bộ cơ sở",
    "Ký kết bản ghi nhớ hợp tác giữa hai địa phương",
    "Lượt xem: 1.245",
    "© Bản quyền thuộc Liên hiệp các tổ chức hữu nghị tỉnh",
]


def test_long_related_links_block_after_the_body():
    text = "\n".join(["Trang chủ | Tin tức | Liên hệ", "Huế tổng kết công tác viện trợ phi chính phủ",
                      "Thứ Hai, 12/6/2023 - 10:15", P1, P2, P3, "Minh Châu", *RELATED])
    rec = extract.extract_text(text, id="x")
    assert rec["title"] == "Huế tổng kết công tác viện trợ phi chính phủ"
    assert rec["published"] == "2023-06-12T10:15"
    assert rec["byline"] == "Minh Châu"
    assert [text[s:e] for s, e in rec["paragraphs"]] == [P1, P2, P3]
    assert [a["text"] for a in rec["amounts"]] == ["3,2 triệu USD"]
    assert [c["text"] for c in rec["counts"]] == ["42 dự án"]
    assert_offsets(rec, text)


def test_related_links_without_a_heading_are_still_left_out():
    text = "\n".join(["Huế tổng kết công tác viện trợ phi chính phủ", P1, P2, P3, *RELATED[1:7]])
    rec = extract.extract_text(text, id="x")
    assert [text[s:e] for s, e in rec["paragraphs"]] == [P1, P2, P3]


def test_whole_body_on_one_line_with_glued_caption_and_byline():
    body = "Các đại biểu cắt băng khánh thành công trình " + P1 + " " + P2 + " " + P3 + " Thanh Hà"
    text = "Huế tổng kết công tác viện trợ phi chính phủ\n" + P1 + "\n" + body + "\n"
    rec = extract.extract_text(text, id="x")
    assert rec["title"].startswith("Huế tổng kết")
    assert len(rec["paragraphs"]) == 2
    assert rec["byline"] == "Thanh Hà"
    last = rec["sentences"][-1]
    assert text[last[0]:last[1]] == "Thanh Hà"
    assert rec["published"] is None


def test_captions_between_paragraphs_are_not_paragraphs():
    text = "\n\n".join([
        "Huế tổng kết công tác viện trợ phi chính phủ",
        "Cập nhật: 05/03/2022 14:30",
        P1,
        "IMG_2041.jpg",
        "Ông Nguyễn Văn Hải trao quà cho các em học sinh tại xã Hồng Thượng, huyện A Lưới",
        "Ảnh: Thanh Bình",
        P2,
        "Kết quả nổi bật",
        P3,
    ])
    rec = extract.extract_text(text, id="x")
    assert rec["published"] == "2022-03-05T14:30"
    assert rec["byline"] is None  # a photo credit is not the article's byline
    assert [text[s:e] for s, e in rec["paragraphs"]] == [P1, P2, "Kết quả nổi bật", P3]


def test_no_title_no_date_is_a_normal_input():
    rec = extract.extract_text(P1 + "\n" + P2, id="x")
    assert rec["status"] == "ok"
    assert rec["title"] is None and rec["published"] is None
    assert len(rec["paragraphs"]) == 2


def test_date_forms():
    assert parse_datetime("Cập nhật 24/07/2019 08:53 Xem với cỡ chữ") == "2019-07-24T08:53"
    assert parse_datetime("30/05/2023 | 08:08 GMT+7") == "2023-05-30T08:08+07:00"
    assert parse_datetime("Thứ Hai, 12/6/2023 - 10:15") == "2023-06-12T10:15"
    assert parse_datetime("Ngày 27 tháng 12 năm 2006") == "2006-12-27"
    assert parse_datetime("Đăng lúc 9h05 ngày 3-2-2021") == "2021-02-03T09:05"


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [[0, len(text)]])]


def test_sentences_are_not_split_by_abbreviations_numbers_dates_designations():
    text = ("Ths. Lê Văn Nam và PGS.TS. Trần Thu làm việc tại TP. Đà Nẵng ngày 06/7/2011. "
            "Tổng vốn là 8.500.000 USD, tương đương 3.685,3 triệu đồng theo Quyết định 286/2006/QĐ-TTg. "
            "Ông Nguyễn V. An phát biểu! Ai sẽ làm? Dự án mới… hoàn thành./. Nguyễn Hà")
    assert _sents(text) == [
        "Ths. Lê Văn Nam và PGS.TS. Trần Thu làm việc tại TP. Đà Nẵng ngày 06/7/2011.",
        "Tổng vốn là 8.500.000 USD, tương đương 3.685,3 triệu đồng theo Quyết định 286/2006/QĐ-TTg.",
        "Ông Nguyễn V. An phát biểu!",
        "Ai sẽ làm?",
        "Dự án mới… hoàn thành./.",
        "Nguyễn Hà",
    ]


def test_abbreviation_no_is_a_word_not_a_yaml_boolean():
    """YAML 1.1 read the listed abbreviation ``No`` as ``False``, so ``No.`` ended a sentence."""
    import yaml

    from extract import lexicon

    assert yaml.load("[No, on, OFF, yes, true]", Loader=lexicon._Loader) == ["No", "on", "OFF", "yes", True]
    assert _sents("Lô hàng theo hợp đồng No. 27 đã về cảng. Hai bên ký biên bản.") == [
        "Lô hàng theo hợp đồng No. 27 đã về cảng.",
        "Hai bên ký biên bản.",
    ]


def test_sentence_quotes_bullets_and_attribution():
    text = '“Chúng tôi sẽ làm tốt.” Ông nói thêm: “Được!” - ông Hải nói. - Củng cố quan hệ. * Các đối tượng khác.'
    assert _sents(text) == ["“Chúng tôi sẽ làm tốt.”", "Ông nói thêm: “Được!” - ông Hải nói.",
                            "- Củng cố quan hệ.", "* Các đối tượng khác."]


def test_sentences_tile_each_paragraph_exactly():
    text = "  Câu một.   Câu hai?\u00a0 \n"
    spans = split_sentences(text, [[2, 21]])
    assert [text[s:e] for s, e in spans] == ["Câu một.", "Câu hai?"]


def test_tokens_only_when_asked():
    rec = extract.extract_text("Tiêu đề bài viết ngắn\n" + P3, id="x")
    assert "tokens" not in rec
    rec = extract.extract_text("Tiêu đề bài viết ngắn\n" + P3 + " Tổng vốn 3.685,3 triệu USD ngày 06/7/2011.", id="x", tokens=True)
    text = "Tiêu đề bài viết ngắn\n" + P3 + " Tổng vốn 3.685,3 triệu USD ngày 06/7/2011."
    words = [text[s:e] for s, e in rec["tokens"]]
    assert "04-CT/TW" in words and "3.685,3" in words and "06/7/2011" in words
    assert any(" " in w for w in words), "underthesea joins multi-syllable words"
    assert_offsets(rec, text)
