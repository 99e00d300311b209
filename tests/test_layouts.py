"""The layout evidence unseen sites need (issue: segmentation that holds on sites it has
never seen). Every page here is written for the test, in the shapes scraped pages take;
none is copied from a labelled page."""

from __future__ import annotations

import extract
from extract.find.dates import parse_datetime
from extract.segment.meta import credit_text

# Body paragraphs of an invented report (long, punctuated, function-word rich).
A = ("Chiều 14/9, tại trụ sở Ủy ban nhân dân tỉnh, Liên hiệp các tổ chức hữu nghị tỉnh đã tổ chức hội nghị "
     "sơ kết công tác vận động viện trợ phi chính phủ nước ngoài trong sáu tháng đầu năm và bàn phương hướng "
     "cho những tháng cuối năm.")
B = ("Theo báo cáo tại hội nghị, từ đầu năm đến nay toàn tỉnh đã tiếp nhận 27 dự án với tổng giá trị cam kết "
     "hơn 4,6 triệu USD, chủ yếu dành cho y tế cơ sở, nước sạch và học bổng cho học sinh vùng khó khăn.")
C = ("Phát biểu kết luận, đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh đề nghị các sở, ngành phối hợp chặt chẽ "
     "hơn nữa với các tổ chức quốc tế, rút ngắn thời gian thẩm định và phê duyệt các khoản viện trợ mới.")
D = ("Dịp này, Ban tổ chức đã trao bằng khen cho các tập thể và cá nhân có thành tích xuất sắc trong công tác "
     "đối ngoại nhân dân, đồng thời ký kết biên bản ghi nhớ hợp tác với ba tổ chức phi chính phủ.")
TITLE = "Sơ kết công tác vận động viện trợ phi chính phủ sáu tháng đầu năm"


def read(*lines: str) -> tuple[dict, str]:
    text = "\n".join(lines)
    return extract.extract_text(text, id="x"), text


def paragraphs(rec: dict, text: str) -> list[str]:
    return [text[s:e] for s, e in rec["paragraphs"]]


# -- lines repeated on the page ------------------------------------------------------------


def test_caption_under_its_photo_and_again_as_alt_text_is_no_paragraph():
    caption = "Đại diện tổ chức Hope for Children trao thiết bị y tế cho Trung tâm Y tế huyện miền núi"
    rec, text = read(TITLE, "15/09/2024 08:30", A, caption, caption, B, C)
    assert paragraphs(rec, text) == [A, B, C]


def test_related_headline_doubled_inside_one_line_is_not_text():
    doubled = "Tỉnh đoàn ra quân tình nguyện hè Tỉnh đoàn ra quân tình nguyện hè"
    rec, text = read(TITLE, A, B, C, "Tin cùng chuyên mục", doubled,
                     "Khai mạc tuần lễ văn hóa hữu nghị Khai mạc tuần lễ văn hóa hữu nghị")
    assert rec["title"] == TITLE
    assert paragraphs(rec, text) == [A, B, C]


def test_sapo_repeated_below_the_title_is_kept_once():
    sapo = ("Trong sáu tháng, tỉnh tiếp nhận 27 dự án viện trợ phi chính phủ với tổng giá trị cam kết hơn "
            "4,6 triệu USD, tập trung cho y tế, nước sạch và giáo dục.")
    rec, text = read(TITLE, sapo, "Thứ Hai, 16/09/2024 - 07:15", sapo, A, B)
    assert rec["title"] == TITLE
    assert rec["published"] == "2024-09-16T07:15"
    assert paragraphs(rec, text).count(sapo) >= 1 and A in paragraphs(rec, text) and B in paragraphs(rec, text)


def test_the_repeated_sapo_rule_needs_prose_right_under_the_title_repeated_just_below():
    from extract.segment.lines import split_lines
    from extract.segment.meta import _repeated_sapo

    sapo = "Năm nay, huyện dành 12 tỷ đồng để làm mới 40 km đường giao thông nông thôn cho các xã vùng cao."
    rows = [r for r in split_lines("\n".join([TITLE, sapo, "08:20 | 03/11/2021", sapo, A])) if r.text]
    assert _repeated_sapo(rows, 0) == 1
    rows = [r for r in split_lines("\n".join([TITLE, sapo, A, B, C, sapo])) if r.text]
    assert _repeated_sapo(rows, 0) is None  # the copy is far below: a pull quote, not a reprint
    rows = [r for r in split_lines("\n".join([TITLE, "Ảnh minh họa", "08:20", "Ảnh minh họa", A])) if r.text]
    assert _repeated_sapo(rows, 0) is None  # a short caption printed twice is no sapo


# -- image-table residue and unmarked captions ---------------------------------------------


def test_image_table_residue_and_caption_cells_are_not_text():
    rec, text = read(TITLE, "![]() |", "Quang cảnh buổi làm việc giữa hai đoàn đại biểu. |", A, B,
                     "![]() |", "Các đại biểu chụp ảnh lưu niệm bên lề hội nghị. |", C)
    assert paragraphs(rec, text) == [A, B, C]
    assert rec["title"] == TITLE


def test_unmarked_caption_between_paragraphs_breaks_the_narrative():
    caption = "Ông Trần Văn Minh (thứ hai từ trái sang) trao tặng quà cho các hộ nghèo tại xã biên giới"
    rec, text = read(TITLE, "Cập nhật: 15/09/2024", A, B, caption, C, D)
    assert paragraphs(rec, text) == [A, B, C, D]


def test_caption_with_a_full_stop_naming_a_person_and_post_is_no_paragraph():
    """A caption that ends like a sentence: one sentence, a person named with the post
    they hold, no narration (no ``đã``, ``cho biết``), between two paragraphs."""
    caption = "Bà Nguyễn Thị Lan, Giám đốc Sở Ngoại vụ, trao tặng thiết bị học tập cho học sinh vùng biên giới."
    rec, text = read(TITLE, "Cập nhật: 15/09/2024", A, B, caption, C, D)
    assert caption not in paragraphs(rec, text)
    assert paragraphs(rec, text) == [A, B, C, D]


def test_a_numbered_item_is_never_the_title():
    """A page that opens on a numbered section (the headline was dropped) has no title."""
    rec, text = read("1. Kết quả vận động viện trợ phi chính phủ năm 2024", A, B, "2. Phương hướng năm tới", C)
    assert rec["title"] is None
    assert "2. Phương hướng năm tới" in paragraphs(rec, text)


# -- sidebar and teaser headlines ----------------------------------------------------------


def test_teaser_headlines_before_the_body_and_after_it_are_left_out():
    rec, text = read(
        "Trang chủ > Tin tức > Đối ngoại",
        "Hội Hữu nghị Việt - Nhật tỉnh tổ chức giao lưu văn hóa",
        "Khánh thành điểm trường do tổ chức quốc tế tài trợ",
        TITLE,
        "Ngày đăng: 15/09/2024 10:20",
        A, B, C,
        "Tin khác",
        "Tăng cường hợp tác với các địa phương nước bạn Lào",
        "Trao học bổng cho học sinh nghèo vượt khó",
        "Tập huấn nghiệp vụ đối ngoại cho cán bộ cơ sở",
    )
    assert rec["title"] == TITLE
    assert rec["published"] == "2024-09-15T10:20"
    assert paragraphs(rec, text) == [A, B, C]


# -- banners, slogans, controls: never titles ----------------------------------------------


def test_banners_slogans_controls_and_language_switches_are_never_titles():
    rec, text = read(
        "Skip to main content",
        "English | Tiếng Việt",
        "Chào mừng bạn đến với Cổng thông tin điện tử tỉnh",
        "Nhiệt liệt chào mừng kỷ niệm 79 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "In trang",
        TITLE,
        "15/09/2024",
        A, B, C,
    )
    assert rec["title"] == TITLE
    assert paragraphs(rec, text) == [A, B, C]


def test_a_page_of_controls_only_has_no_title():
    rec, _ = read("Skip to main content", "English", "In trang", "Đăng nhập")
    assert rec["title"] is None


# -- title missing, after the lead, above a kicker ----------------------------------------


def test_title_missing_from_the_text_gives_null():
    rec, text = read(A, B, C)
    assert rec["title"] is None
    assert paragraphs(rec, text) == [A, B, C]


def test_title_standing_after_the_lead():
    """Some templates print the sapo above the headline; the headline is still the title
    and the sapo is still the article's first paragraph."""
    lead = ("(Đối ngoại) - Năm nay, công tác vận động viện trợ của tỉnh tiếp tục đạt kết quả tích cực, "
            "góp phần hỗ trợ người dân vùng sâu, vùng xa cải thiện đời sống.")
    rec, text = read("Trang chủ", "Tin tức", lead, TITLE, "15/09/2024 08:30", A, B, C)
    assert rec["title"] == TITLE
    assert rec["published"] == "2024-09-15T08:30"
    assert paragraphs(rec, text) == [lead, A, B, C]


def test_title_one_line_above_a_kicker():
    kicker = "Đối ngoại nhân dân"
    rec, text = read("Trang chủ", TITLE, kicker, "15/09/2024 09:00", A, B, C)
    assert rec["title"] == TITLE
    assert paragraphs(rec, text) == [A, B, C]


# -- subheadings, bullets, numbered lines --------------------------------------------------


def test_short_subheadings_and_bulleted_and_numbered_lines_are_paragraphs():
    bullets = [
        "- Tăng cường công tác thông tin đối ngoại, quảng bá hình ảnh địa phương với bạn bè quốc tế;",
        "- Đẩy mạnh vận động các nguồn viện trợ phục vụ phát triển kinh tế - xã hội;",
        "1. Rà soát, hoàn thiện quy chế quản lý và sử dụng viện trợ phi chính phủ nước ngoài.",
        "2. Kiện toàn đội ngũ cán bộ làm công tác đối ngoại ở cấp huyện và cấp xã.",
    ]
    rec, text = read(TITLE, "15/09/2024", A, B, "Nhiệm vụ trọng tâm", C, *bullets, D)
    assert paragraphs(rec, text) == [A, B, "Nhiệm vụ trọng tâm", C, *bullets, D]


# -- date lines ----------------------------------------------------------------------------


def test_date_forms_pages_write():
    assert parse_datetime("Cập nhật: Thứ Tư, 02/10/2024 | 3:05:41 PM") == "2024-10-02T15:05"
    assert parse_datetime("Ngày đăng: 02-10-2024 07:05:09") == "2024-10-02T07:05"
    assert parse_datetime("08:20 | 03/11/2021") == "2021-11-03T08:20"
    assert parse_datetime("Thứ năm, 21/3/2024 14:02 [GMT +7]") == "2024-03-21T14:02+07:00"
    assert parse_datetime("21/03/2024 14:02 GMT+7") == "2024-03-21T14:02+07:00"
    assert parse_datetime("Thứ Bảy, 5 Tháng Mười 2019") == "2019-10-05"
    assert parse_datetime("12 Tháng Tư 202009:30 SA") == "2020-04-12T09:30"
    assert parse_datetime("Ngày 7 tháng 5 năm 2019 (lượt xem 120)") == "2019-05-07"
    assert parse_datetime("15/04/201708:45:10 (lượt đọc: 77)") == "2017-04-15T08:45"  # time glued to the year
    assert parse_datetime("Wednesday, October 9, 2013") == "2013-10-09"  # an English blog template
    assert parse_datetime("Posted 9 Oct 2013") == "2013-10-09"
    assert parse_datetime("Mayday 9 2013") is None and parse_datetime("June 31, 2013") is None


def test_a_dated_update_line_above_the_title_is_the_publication_date():
    """Above the headline, a bare date is a header clock, but a date the page calls its
    update or posting time is the article's."""
    rec, _ = read("Cập nhật lúc: Thứ Hai, 16/09/2024 - 7:15 AM", TITLE, A, B, C)
    assert rec["title"] == TITLE
    assert rec["published"] == "2024-09-16T07:15"


def test_published_comes_from_the_date_line_not_a_header_clock_or_the_body():
    rec, _ = read(
        "Thứ Ba, 01/12/2026",  # the header clock, above the menus
        "Trang chủ | Tin tức | Liên hệ",
        TITLE,
        "Cập nhật: 15/09/2024 10:20",
        A, B,
        "Ngày 20/9/2024, tỉnh sẽ tổ chức tổng kết toàn diện công tác đối ngoại nhân dân năm nay.",
    )
    assert rec["published"] == "2024-09-15T10:20"


def test_a_print_access_or_crawl_date_is_never_published():
    """A page saved from its print view, or a scraper that writes when it fetched the
    page, dates the copy, not the article: with no other date line, published is null."""
    rec, _ = read("In ngày 02/03/2026 14:10", TITLE, A, B, C)
    assert rec["title"] == TITLE and rec["published"] is None
    rec, _ = read(TITLE, A, B, C, "Ngày truy cập: 02/03/2026")
    assert rec["published"] is None
    rec, _ = read("Ngày in: 02/03/2026", TITLE, "Ngày đăng: 11/10/2024 16:05", A, B, C)
    assert rec["published"] == "2024-10-11T16:05"


def test_a_page_with_only_a_header_clock_has_no_published_date():
    rec, _ = read("Thứ Ba, 01/12/2026 10:05", "Trang chủ | Giới thiệu | Tin tức", TITLE, A, B, C)
    assert rec["published"] is None


# -- bylines -------------------------------------------------------------------------------


def test_byline_on_its_own_line_after_the_body():
    rec, text = read(TITLE, "15/09/2024", A, B, C, "Hoàng Lan")
    assert rec["byline"] == "Hoàng Lan"
    assert paragraphs(rec, text) == [A, B, C]


def test_byline_before_the_body():
    rec, text = read(TITLE, "Bài, ảnh: NGUYỄN THU", "15/09/2024 08:00", A, B, C)
    assert rec["byline"] == "Bài, ảnh: NGUYỄN THU"
    assert paragraphs(rec, text) == [A, B, C]


def test_byline_glued_to_the_last_line():
    rec, text = read(TITLE, "15/09/2024", A, B, C + " Thu Hà")
    assert rec["byline"] == "Thu Hà"


def test_byline_sharing_a_line_with_the_date():
    assert credit_text("Minh Châu - 07:40, 02/03/2021") == "Minh Châu"
    assert credit_text("T.Hải, 15/09/2024") == "T.Hải"
    rec, text = read(TITLE, "Lê Hằng - 09:15, 15/09/2024", A, B, C)
    assert rec["published"] == "2024-09-15T09:15"
    assert rec["byline"] == "Lê Hằng"


# -- legal documents published as pages ----------------------------------------------------


def test_legal_document_letterhead_is_not_text_and_the_subject_is_the_title():
    body = [
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và các văn bản hướng dẫn thi "
         "hành, Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai công tác đối ngoại nhân dân năm 2024."),
        ("Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố căn cứ nhiệm vụ được giao xây dựng kế "
         "hoạch chi tiết, báo cáo kết quả thực hiện về Sở Ngoại vụ trước ngày 15 tháng 12 năm 2024."),
    ]
    rec, text = read(
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 215/KH-UBND",
        "Quảng Bình, ngày 12 tháng 3 năm 2024",
        "KẾ HOẠCH TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN NĂM 2024",
        *body,
    )
    assert rec["published"] == "2024-03-12"
    assert paragraphs(rec, text) == body
    assert rec["title"] == "KẾ HOẠCH TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN NĂM 2024"
    assert rec["directives"] == []  # the document's own number is not a citation of it


# -- a clean corpus ------------------------------------------------------------------------


def test_text_without_boilerplate_is_all_article_text():
    rec, text = read(A, B, C, D)
    assert paragraphs(rec, text) == [A, B, C, D]
    rec, text = read(TITLE, A, B, C, D)
    assert rec["title"] == TITLE and paragraphs(rec, text) == [A, B, C, D]


def test_a_one_line_text_is_its_own_body():
    rec, text = read("Tỉnh đã tiếp nhận 27 dự án viện trợ phi chính phủ trong sáu tháng đầu năm.")
    assert len(rec["paragraphs"]) == 1
    assert [(c["value"], c["category"]) for c in rec["counts"]] == [(27, "project")]


def test_metadata_stamp_before_the_first_line_is_cut_and_read_as_the_date():
    rec, text = read(" date 2024-09-15 " + A, B, C)
    assert paragraphs(rec, text) == [A, B, C]
    assert rec["published"] == "2024-09-15"


def test_slogans_mottos_and_contact_lines_are_never_titles():
    from extract.segment.lines import split_lines
    from extract.segment.model import can_be_title, is_slogan

    assert is_slogan("Đoàn kết - Sáng tạo - Hiệu quả")
    assert is_slogan("Độc lập - Tự do - Hạnh phúc")
    assert not is_slogan("Việt Nam - Lào: tăng cường hợp tác giáo dục và đào tạo nguồn nhân lực")
    line = split_lines("Tòa soạn: 12 Lê Lợi, TP. Huế - Điện thoại: 0234 3822 000")[0]
    assert not can_be_title(line)
    rec, text = read("Đoàn kết - Sáng tạo - Hiệu quả", "Tòa soạn: 12 Lê Lợi - Điện thoại: 0234 3822 000", A, B, C)
    assert rec["title"] is None
    assert paragraphs(rec, text) == [A, B, C]


def test_an_english_banner_is_no_title_on_a_vietnamese_page_but_an_english_page_keeps_its_own():
    banner = "Working together for a green and prosperous province in the new era"
    rec, text = read("Skip to content", banner, TITLE, "15/09/2024", A, B, C)
    assert rec["title"] == TITLE
    en = ("The provincial union of friendship organisations met partners from three countries on Monday, "
          "and agreed on a plan for clean water projects in the mountain districts.")
    en2 = ("Officials said the projects would reach about twelve thousand people by the end of next year, "
           "with support from international donors and local volunteers.")
    rec, text = read("Friendship union meets international partners", "15/09/2024", en, en2)
    assert rec["title"] == "Friendship union meets international partners"


def test_clean_text_is_read_without_the_model_and_as_the_model_reads_it():
    """A headline and running prose only (what trafilatura leaves of a page) takes the
    clean path; its reading is the one the model gives the same text."""
    from extract.segment.features import line_features
    from extract.segment.lines import split_lines
    from extract.segment.meta import clean_layout, decode
    from extract.segment.model import default_model

    text = "\n".join((TITLE, A, B, C + " Minh Châu"))
    clean = clean_layout(text, split_lines(text))
    assert clean is not None
    assert clean.title == TITLE and clean.byline == "Minh Châu"
    model = default_model()
    rows, feats = line_features(split_lines(text), text)
    by_model = decode(text, rows, model.scores(rows, feats), model.thresholds)
    assert (clean.title, clean.paragraphs, clean.byline, clean.glued_byline_start) == (
        by_model.title, by_model.paragraphs, by_model.byline, by_model.glued_byline_start)


def test_a_page_with_furniture_captions_dates_or_repeats_is_left_to_the_model():
    from extract.segment.lines import split_lines
    from extract.segment.meta import clean_layout

    caption = "Ảnh: Các đại biểu tham dự hội nghị sơ kết công tác vận động viện trợ phi chính phủ nước ngoài năm nay."
    for text in ("\n".join((TITLE, A, caption, B)),
                 "\n".join(("Trang chủ | Tin tức | Liên hệ", TITLE, A, B)),
                 "\n".join((TITLE, "Cập nhật: 15/09/2024 08:30", A, B)),
                 "\n".join((TITLE, A, A, B)),
                 "\n".join((A, B, C))):  # no headline: the model decides what the first line is
        assert clean_layout(text, split_lines(text)) is None
