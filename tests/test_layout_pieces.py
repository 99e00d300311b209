"""Layout rules for pieces of a page the model reads alone: a photo's numbered alt text,
the lead of a clean page, and a sentence hard-wrapped across lines. Every page here is
written for the test; none is copied from a labelled page."""

from __future__ import annotations

import extract
from extract.segment.features import numbered_photos
from extract.segment.lines import split_lines
from extract.segment.meta import decode, headline_on_clean_page, lead_on_clean_page, quoted_title
from extract.segment.runons import runs_on, whole_sentences, wrapped_runs

TITLE = "Huyện miền núi khánh thành ba cây cầu dân sinh trước mùa mưa lũ"
A = ("Sáng 12/8, Ủy ban nhân dân huyện tổ chức lễ khánh thành và đưa vào sử dụng ba cây cầu dân sinh bắc "
     "qua suối Nậm Mu, với tổng kinh phí hơn 6 tỷ đồng từ nguồn vốn xã hội hóa và ngân sách địa phương.")
B = ("Theo Ban quản lý dự án, các cây cầu có chiều dài từ 40 đến 65 mét, tải trọng 5 tấn, giúp hơn 900 hộ "
     "dân ở bốn bản vùng cao đi lại an toàn trong mùa mưa, khi nước suối thường dâng cao và chảy xiết.")
C = ("Phát biểu tại buổi lễ, lãnh đạo huyện đề nghị chính quyền các xã phân công người trông coi, bảo dưỡng "
     "định kỳ và tuyên truyền để người dân không chăn thả gia súc trên mặt cầu.")


def read(*lines: str) -> tuple[dict, str]:
    text = "\n".join(lines)
    return extract.extract_text(text, id="x"), text


def paragraphs(rec: dict, text: str) -> list[str]:
    return [text[s:e] for s, e in rec["paragraphs"]]


def rows_of(*lines: str):
    return [r for r in split_lines("\n".join(lines)) if r.text]


# -- a photo's alt text numbered by the page ------------------------------------------------


def test_a_headline_numbered_as_a_photos_alt_text_is_never_text():
    rec, text = read(TITLE, "12/08/2024 09:10", A, f"{TITLE} - Ảnh 1.", B, f"{TITLE} - Ảnh 2.", C)
    assert paragraphs(rec, text) == [A, B, C]
    assert rec["title"] == TITLE


def test_numbered_photos_needs_the_number_at_the_end_after_a_dash():
    rows = rows_of(TITLE, A, "Cây cầu mới nối hai bản – ảnh 12", "Bộ ảnh - Ảnh đẹp mùa lũ ở vùng cao", B)
    assert numbered_photos(rows) == {2}
    assert numbered_photos(rows_of(TITLE, "Triển lãm có 45 bức ảnh 1.000 ngày trên công trường.", A)) == set()


# -- the lead of a clean page --------------------------------------------------------------


LEAD = "Ba cây cầu dân sinh giúp hơn 900 hộ dân vùng cao đi lại an toàn trong mùa mưa lũ năm nay"


def test_an_unterminated_lead_under_the_headline_of_a_clean_text_is_kept():
    body = " ".join([A, B, C, "Dự kiến cuối năm nay, huyện sẽ khởi công thêm hai cây cầu"])  # cut mid-sentence
    rec, text = read(TITLE, LEAD, body)
    assert rec["title"] == TITLE
    assert paragraphs(rec, text) == [LEAD, body]


def test_the_clean_page_lead_rule_needs_a_clean_page_and_prose_below():
    assert lead_on_clean_page(rows_of(TITLE, LEAD, A, B), 0) == 1
    assert lead_on_clean_page(rows_of(TITLE, LEAD), 0) == 1  # a headline and its text alone
    assert lead_on_clean_page(rows_of(TITLE, LEAD, A, B), None) is None  # no headline found
    assert lead_on_clean_page(rows_of("Thời sự", TITLE, LEAD, A), 1) is None  # the headline is not first
    assert lead_on_clean_page(rows_of(TITLE, "Cập nhật 12/08/2024 09:10", A), 0) is None  # a date line
    assert lead_on_clean_page(rows_of(TITLE, "Tin mới nhất hôm nay", A), 0) is None  # too short for a lead
    assert lead_on_clean_page(rows_of(TITLE, LEAD, "Tin liên quan", A), 0) is None  # no prose below it
    assert lead_on_clean_page(rows_of(TITLE, TITLE, A), 0) is None  # the headline printed twice
    caption = "Người dân đi trên cây cầu mới bắc qua suối. Ảnh: Minh Hà"
    assert lead_on_clean_page(rows_of(TITLE, LEAD, A, caption, B), 0) is None  # a caption line: not clean


def test_a_line_wholly_in_quotes_is_no_lead():
    quoted = "“Phát huy vai trò của thanh niên trong xây dựng nông thôn mới ở vùng cao”"
    assert quoted_title(quoted)
    assert not quoted_title("“Chúng tôi sẽ hoàn thành ba cây cầu trước mùa mưa lũ năm nay.”")
    assert not quoted_title("“Cầu mới” giúp hơn 900 hộ dân vùng cao đi lại an toàn")
    assert lead_on_clean_page(rows_of(TITLE, quoted, A, B), 0) is None
    rec, text = read("Hội thảo khoa học cấp tỉnh năm 2024", quoted, A)
    assert paragraphs(rec, text) == [A]


# -- the headline of a clean page ----------------------------------------------------------


SHORT_TITLE = "Nan giải chuyện đỗ xe"  # a short headline (``Nan`` is no script residue)
SAPO = "Nhiều khu phố cổ không còn chỗ đỗ xe máy khiến người dân và du khách gặp khó mỗi dịp cuối tuần"
PHOTO = ("Một tuyến phố đông xe vào giờ cao điểm. Ảnh: Minh Hà Theo Sở Giao thông vận tải, thành phố hiện chỉ đáp "
         "ứng được khoảng 10% nhu cầu đỗ xe, phần còn lại lấn chiếm vỉa hè và lòng đường, gây ùn tắc kéo dài vào "
         "giờ cao điểm ở các quận trung tâm, nhất là quanh chợ và trường học.")


def test_a_short_first_line_of_a_clean_page_is_its_headline():
    for second in (SAPO, A):  # a lead without its full stop, or a first paragraph
        rec, text = read(SHORT_TITLE, second, PHOTO)
        assert rec["title"] == SHORT_TITLE
        assert paragraphs(rec, text) == [second, PHOTO]


def test_the_clean_page_headline_rule_needs_a_clean_page():
    can = [0.5] * 5
    assert headline_on_clean_page(rows_of(SHORT_TITLE, SAPO, A, B), can)
    assert not headline_on_clean_page(rows_of(SHORT_TITLE, SAPO, A, B), [0.0] + can)  # cannot be a title
    assert not headline_on_clean_page(rows_of(SHORT_TITLE + ".", SAPO, A), can)  # a full stop: a sentence
    assert not headline_on_clean_page(rows_of(SAPO, SHORT_TITLE, A), can)  # longer than the line below
    assert not headline_on_clean_page(rows_of(SHORT_TITLE, "Giao thông đô thị", A), can)  # no lead below
    assert not headline_on_clean_page(rows_of(SHORT_TITLE, SAPO, "Tin liên quan", A), can)  # not running prose
    assert not headline_on_clean_page(rows_of(SHORT_TITLE, SAPO, "Cập nhật 12/08/2024 09:10", A), can)
    caption = "Người dân đi trên cây cầu mới bắc qua suối. Ảnh: Minh Hà"
    assert not headline_on_clean_page(rows_of(SHORT_TITLE, SAPO, A, caption, B), can)  # a caption line


# -- a sentence hard-wrapped across lines --------------------------------------------------


def test_runs_on_reads_the_break_from_typography():
    lower = rows_of("Ba cây cầu có chiều dài từ 40 đến", "65 mét và tải trọng 5 tấn.")  # a digit: no case
    assert not runs_on(*lower)
    assert runs_on(*rows_of("Ba cây cầu có chiều dài từ 40 mét đến", "sáu mươi lăm mét, tải trọng 5 tấn."))
    assert runs_on(*rows_of("Đoàn do ông Lò Văn Páo,", "Phó Chủ tịch huyện, dẫn đầu đã đến thăm bản."))
    assert runs_on(*rows_of("Hội phụ nữ xã ra mắt tổ “", "Bản xanh” có 30 thành viên tham gia."))
    assert runs_on(*rows_of("Hội phụ nữ xã ra mắt tổ “Bản", "Xanh” có 30 thành viên tham gia."))
    # a heading over its paragraph: no full stop, but the next line opens a new sentence
    assert not runs_on(*rows_of("Bảo dưỡng cầu định kỳ", "Các xã phân công người trông coi cây cầu."))
    assert not runs_on(*rows_of("Cây cầu được khánh thành.", "sau đó người dân đi lại."))  # a full stop
    assert not runs_on(*rows_of("Khánh thành cầu,", "12/08/2024 09:10"))  # a date line


def test_a_sentence_wrapped_across_lines_is_taken_whole():
    rows = rows_of(TITLE, "Sáng 12/8, đoàn công tác do ông Lò Văn Páo,",
                   "Phó Chủ tịch Ủy ban nhân dân huyện, dẫn đầu đã đến dự lễ khánh thành cầu", "treo bản Nà Sản.", B)
    assert wrapped_runs(rows) == [[1, 2, 3]]
    assert whole_sentences([1, 4], rows, set()) == [1, 2, 3, 4]
    assert whole_sentences([1, 4], rows, {3}) == [1, 2, 4]  # a row barred (taken by another role) stays out
    assert whole_sentences([4], rows, set()) == [4]  # no piece taken: none added


# -- a credit printed twice -------------------------------------------------------------------


def test_a_credit_repeated_under_the_text_is_no_paragraph():
    """Even when the model scores the credit's second copy as text: the decoder drops it."""
    text = "\n".join([TITLE, "Minh Châu - 07:40, 02/03/2021", A, B, C, "Minh Châu"])
    rows = [r for r in split_lines(text) if r.text]
    p = {"title": [0.9, 0, 0, 0, 0, 0], "date": [0, 0.9, 0, 0, 0, 0], "byline": [0.0] * 6,
         "paragraph": [0, 0, 0.9, 0.9, 0.9, 0.9]}  # fmt: skip
    layout = decode(text, rows, p, {"title": 0.5, "date": 0.5, "byline": 0.5, "paragraph": 0.5})
    assert layout.byline == "Minh Châu"
    assert [text[s:e] for s, e in layout.paragraphs] == [A, B, C]


def test_a_follow_button_is_no_paragraph_and_no_title():
    rec, text = read("Theo dõi Báo Điện Biên trên Google News", TITLE, A, B, C)
    assert rec["title"] == TITLE
    assert paragraphs(rec, text) == [A, B, C]
