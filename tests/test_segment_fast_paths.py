"""The segmenter's fast paths give the answers of the general code they stand in for.

Each fast path (the inlined sentence-boundary test, the year gate before the date search,
the ``ảnh`` gate before a caption search, the per-word evidence from the word table, the
furniture search the line classifier already made, the substring gates before the title's
bans, the model's word sets from a table) is
checked here against the plain computation on examples written for its branches."""

from __future__ import annotations

import random

import regex

from extract import lexicon
from extract.find.dates import DATE
from extract.segment import features, lines, model
from extract.segment.features import NAMES, line_features
from extract.segment.lines import has_anh as _has_anh
from extract.segment.meta import clean_layout
from extract.segment.sentences import _END, _cuts_rules, boundary_ok, split_sentences

# every branch of the boundary test: abbreviations (long, short, dotted, lower case),
# a capitalised function word after one, initials, item numbers, numbers and years before
# a dot, ellipses before a capital and before a quote, a dash as a bullet and as an
# attribution, quotes and brackets around the end, a dot at the very start
BRANCHES = [
    "Ông gặp Ths. Trần Minh tại Cty. Sao Mai. Sau đó ông về TP. Vinh.",
    "Bà là PGS.TS. Lê Hoa. Ông là TSKH. Đỗ Nam. Họ ở tp. Huế. Tại TP. Huế có mưa.",
    "Anh Nguyễn V. Bình đến. A. Ông Phan đi. Các bên v.v. Đều đồng ý.",
    "Nội dung như sau: 1. Rà soát hồ sơ. 2. Báo cáo kết quả. 12. Tổng hợp. 123. Khác.",
    "Kinh phí là 12.500.000 đồng. Năm 2024. Ông nói. Số 7. Tiếp theo.",
    "Hàng hóa gồm gạo, muối… (Hòa Bình). Người dân vui… Họ cảm ơn... Rồi về... “Cảm ơn”.",
    "Ông nói: “Sẽ làm tốt!” - ông Tâm cho biết. - Tăng cường hợp tác. — Phát triển bền vững.",
    "Họ hỏi: “Khi nào?” (Ông Tùng trả lời). [Ghi chú] «Hết». ‘Vâng’. 'Được'. •Mục một. +Mục hai. *Mục ba.",
    ". Câu mở đầu. .. Câu hai. A.B. Câu ba./. Câu bốn.\u00a0Câu năm.\tCâu sáu.",
    "Xong.  \u2003Câu sau. Hết.2 Mới. Số 3. 4 Năm.",
]


def _reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cuts as the general test gives them: ``boundary_ok`` for every candidate."""
    out = []
    for m in _END.finditer(text, start, end):
        nxt = boundary_ok(text, m.start(), m.end(), end)
        if nxt is not None:
            out.append((m.end(), nxt))
    return out


def test_the_inlined_boundary_test_agrees_with_boundary_ok_on_every_branch():
    for text in BRANCHES:
        assert _cuts_rules(text, 0, len(text)) == _reference(text, 0, len(text)), text
        for start in range(0, len(text), 7):  # a paragraph starting inside a word reads the word whole
            assert _cuts_rules(text, start, len(text)) == _reference(text, start, len(text)), (text, start)


def test_the_inlined_boundary_test_agrees_on_random_strings_of_the_same_pieces():
    pieces = ["Ông", " ", "  ", "\u00a0", ".", "…", "...", "./.", "!", "?", "“", "”", "(", ")", "-", "–",
              "TP", "Ths", "Cty", "PGS.TS", "tp", "V", "1", "12", "2024", "nay", "Tại", "của", "a", "'", "•"]
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        assert _cuts_rules(text, 0, len(text)) == _reference(text, 0, len(text)), text


def test_abbreviations_initials_and_item_numbers_still_hold_their_dots():
    text = "Ông gặp Ths. Trần Minh tại Cty. Sao Mai. Nội dung: 1. Rà soát. Anh Nguyễn V. Bình đến."
    spans = split_sentences(text, [[0, len(text)]])
    assert [text[s:e] for s, e in spans] == [
        "Ông gặp Ths. Trần Minh tại Cty. Sao Mai.", "Nội dung: 1. Rà soát.", "Anh Nguyễn V. Bình đến."]


def test_the_year_gate_only_skips_lines_where_no_date_can_be_read():
    # date forms without a year from 1900 to 2099: the date search finds none of them
    for line in ("Cập nhật 24/07/18 08:53", "ngày 5 tháng 6", "Thứ Hai, 3-4", "1899-05-30", "08:15 | 03/11"):
        assert not lines._may_hold_date(line)
        assert DATE.search(line) is None
    # every form it reads holds its year
    for line in ("Cập nhật 24/07/2019 08:53", "Ngày 5 tháng Sáu năm 2021", "2023-05-30", "ngày 27 tháng 12, 1999"):
        assert lines._may_hold_date(line) and DATE.search(line)
    assert lines.split_lines("Đăng ngày 3/4/2022")[0].has_date
    assert not lines.split_lines("Đăng ngày 3/4")[0].has_date


def test_the_anh_gate_finds_the_word_in_any_case():
    for text in ("ẢNH: Hoàng Lan", "Người dân nhận quà (ảnh trên)", "Toàn cảnh hội nghị. ẢNh: T.Nam"):
        assert _has_anh(text) == ("ảnh" in text.lower()) is True
    for text in ("Hình: Hoàng Lan", "Ánh sáng và bóng tối", "anh em một nhà", ""):
        assert _has_anh(text) == ("ảnh" in text.lower()) is False


def test_a_caption_in_capitals_between_paragraphs_is_not_a_clean_text():
    body = ("Hội nghị đã thống nhất kế hoạch hỗ trợ các xã vùng cao trong năm tới, với sự tham gia "
            "của nhiều tổ chức trong và ngoài nước.")
    caption = ("Các đại biểu tham quan mô hình trồng rau sạch của hợp tác xã tại xã miền núi "
               "trong buổi sáng hôm qua. ẢNH: MINH TÂM")
    title = "Hỗ trợ các xã vùng cao phát triển sinh kế"
    assert clean_layout("\n".join((title, body, body + " Thêm một câu.")), lines.split_lines(
        "\n".join((title, body, body + " Thêm một câu.")))) is not None
    text = "\n".join((title, body, caption, body + " Thêm một câu."))
    assert clean_layout(text, lines.split_lines(text)) is None


def _plain_evidence(line_text: str) -> tuple[float, float]:
    """The function-word and capital shares as a loop over the words computes them."""
    c = lines.cues()
    if len(line_text) > 1500:
        mid = len(line_text) // 2
        tokens = " ".join((line_text[:400], line_text[mid - 200 : mid + 200], line_text[-400:])).split()
        n_words = line_text.count(" ") + 1
    else:
        tokens = line_text.split()
        n_words = len(tokens)
    words = [t.strip(".,;:!?…\"“”'()[]") for t in tokens[:: max(1, len(tokens) // 80)]]
    alpha = [w for w in words if w[:1].isalpha()]
    func = sum(1 for w in alpha if w.lower() in c.function_words)
    caps = sum(1 for w in alpha if w[0].isupper()) if n_words <= 30 else 0
    return (func / len(alpha) if alpha else 0.0, caps / len(alpha) if alpha else 0.0)


def test_the_per_word_evidence_is_the_loops():
    sentence = "Trong năm nay, “Các” hộ dân (ở) xã Tân An đã được hỗ trợ 25 con bò và 3.000 cây giống. "
    cases = [
        "Trong năm nay, các hộ dân ở xã Tân An đã được hỗ trợ.",  # short: capitals counted
        "Hội Nông dân Tỉnh Tổ chức Lễ Trao Quà",
        "... 123 --- (?) “” 4.5",  # no word starts with a letter
        sentence * 12,  # long: every word
        sentence * 30,  # longer: a sample of the words
        sentence * 40,  # past 1,500 characters: three stretches of the line
    ]
    for text in cases:
        line = lines.split_lines(text)[0]
        assert (line.func_share, line.cap_share) == _plain_evidence(text), text[:40]


def test_the_word_tables_stay_bounded_and_right_when_emptied(monkeypatch):
    monkeypatch.setattr(lines, "_TABLE_SIZE", 5)
    table = lines._word_table(lines.cues().function_words)
    text = "Hôm nay, “Các” đoàn viên (của) Hội Chữ thập đỏ và người dân xã Yên Bình đã dọn vệ sinh đường làng."
    for _ in range(3):
        line = lines.split_lines(text)[0]
        assert (line.func_share, line.cap_share) == _plain_evidence(text)
        assert len(table) <= 5


def test_the_letter_count_from_the_words_gives_the_kind_the_text_gives():
    c = lines.cues()
    for text in ("Hotline 0912 345 678 - 0234 3822 000 - 1900 1234",  # mostly digits: furniture
                 "12/03 - 14/03 - 16/03 - 18/03 ... xem 1.204",
                 "Lễ ra quân tình nguyện hè 2024 của 15 đoàn cơ sở",  # mostly letters: a short line
                 "A1 B2 C3 D4 E5 F6 G7 H8",
                 " ".join(["1"] * 170)):  # 170 words under 400 characters: only a sample is read
        line = lines.split_lines(text)[0]
        assert line.kind == lines._kind(line, c), text
    assert lines.split_lines("Hotline 0912 345 678 - 0234 3822 000 - 1900 1234")[0].kind == lines.FURNITURE


def test_a_line_the_classifier_searched_holds_no_furniture_cue():
    furniture = lines.cue_parts("furniture")
    cued = ["Số lượt truy cập: 12.345", "Hotline: 0987 000 111", "Từ khóa: nông thôn mới, cầu đường",
            "© 2023 Tạp chí Làng quê", "Chia sẻ"]
    plain = ["Nông dân xã Hòa Lạc thu hoạch lúa sớm", "Các hộ dân góp đất mở rộng đường liên thôn cho xe tải vào.",
             "Hội nghị tổng kết công tác năm 2023 của huyện"]
    for text in cued:
        line = lines.split_lines(text)[0]
        assert lines.has_cue(furniture, text) and not lines.furniture_searched(line), text
    for text in plain:
        line = lines.split_lines(text)[0]
        assert lines.furniture_searched(line) and not lines.has_cue(furniture, text), text
    # a line of more than 25 words is not searched by the classifier: it must be searched later
    long_cued = " ".join(["Bà con"] * 14) + " lượt xem 120"
    assert not lines.furniture_searched(lines.split_lines(long_cued)[0])
    # the cue feature of the model reads the same answer with and without the skip
    for text in cued + plain:
        rows, feats = line_features(lines.split_lines(text), text)
        assert feats[0][NAMES.index("furniture_cue")] == float(bool(lines.cues().furniture.search(text))), text


def _can_be_title_ungated(line: lines.Line) -> bool:
    """``can_be_title`` as written before its substring gates."""
    c = lines.cues()
    t = line.text
    if line.kind not in (lines.SHORT, lines.PROSE) or not 1 <= line.words <= 40 or t.endswith((",", ";", ":")):
        return False
    if lines.is_date_line(line) or "![" in t or t.endswith("|") or model.is_slogan(t) or model._CONTACT.search(t) \
            or model._ENUMERATED.match(t):
        return False
    return not (c.caption.search(t) or c.caption_marks.search(t) or c.controls.search(t))


def test_the_title_gates_answer_as_the_searches():
    # the cues the gates stand on: every caption cue names ``ảnh``, every caption mark opens a bracket
    data = lexicon.load("boilerplate")
    assert all("ảnh" in p for p in data["caption_cues"])
    assert all(p.removeprefix("(?i)").startswith(r"\(") for p in data["caption_marks"])
    for text in ("Đoàn kết - Sáng tạo - Phát triển", "Đoàn kết – Sáng tạo – Phát triển",  # slogans
                 "Điện thoại: 0234 3822 111", "Liên hệ email. ", "Đại biểu trao quà (bên phải)",
                 "Đại biểu trao quà cho các em học sinh. ẢNH: HỒNG NHUNG", "Xuân Quê Hương - Tết Sum Vầy",
                 "Nông dân vui mùa lúa mới", "Hợp tác xã (HTX) chuyển đổi số", "Đăng nhập", "Giá lúa tăng: nông dân phấn khởi"):
        line = lines.split_lines(text)[0]
        assert model.can_be_title(line) == _can_be_title_ungated(line), text
    assert not model.can_be_title(lines.split_lines("Đoàn kết - Sáng tạo - Phát triển")[0])
    assert model.can_be_title(lines.split_lines("Xuân Quê Hương - Tết Sum Vầy")[0])
    assert not model.can_be_title(lines.split_lines("Đại biểu trao quà (bên phải)")[0])


def test_the_word_sets_of_the_model_are_the_loops():
    for text in ("Ông NAM, “Chủ tịch” (xã) nói: Được!", "İstanbul ĐÀ NẴNG | đà nẵng –", "a  b\u00a0c\td", ""):
        assert features._words(text) == {w.strip(features._PUNCT) for w in text.lower().split()}


def test_the_furniture_gates_answer_as_the_searches():
    data = lexicon.load("boilerplate")
    # every gate stands for a cue of the list (a cue edited in the YAML is searched ungated)
    assert set(lines._CUE_GATES) <= set(data["furniture"])
    gated = [p for p in lines.cue_parts("furniture") if isinstance(p, lines._Gated)]
    assert len(gated) == len(lines._CUE_GATES)
    # the letters the gates test match only themselves and their capitals under ``(?i)``
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "ợởgữẻflbc":
        assert sorted(regex.findall(f"(?i){letter}", everything)) == sorted({letter, letter.upper()}), letter
    texts = ["Số LƯỢT xem: 1.200", "Tin đã có 45 lượt  đọc", "Lượt truy cập hôm nay", "Luot xem 10",
             "© 2024 Báo Làng quê", "Bản quyền thuộc về Hội Nông dân", "BẢN QUYỀN CỦA TỈNH", "Copyright 2024 ABC",
             "Website được phát triển bởi Công ty X", "THIẾT KẾ BỞI NHÓM Y", "Trang do công ty Z thiết kế",
             "Bài viết hay. In trang", "Cỡ chữ ", "CHIA SẺ", "Xuất PDF\u00a0", "Gửi Email\n", "Chia sẻ bài viết",
             "In trang này", "copy", "b", "", "Nông dân thu hoạch lúa bởi vì trời sắp mưa.", "Ông Bảy gửi email"]
    for text in texts:
        for cue in gated:
            assert bool(cue.search(text)) == bool(cue.pattern.search(text)), (text, cue.pattern.pattern)
    # and on random strings of the cues' pieces
    pieces = ["lượt", "LƯỢT", " ", "xem", "©", "bản quyền", "Bản quyền ", "thuộc", "copyright", "bởi", "BỞI",
              "phát triển", "thiết kế", "in trang", "CỠ CHỮ", "chia sẻ", "pdf", "email", "\t", "\n", ".", "a"]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        for cue in gated:
            assert bool(cue.search(text)) == bool(cue.pattern.search(text)), (text, cue.pattern.pattern)


def _body_line(words: str) -> str:
    return f"Hợp tác xã nông nghiệp của xã đã {words} cho bà con trong vụ lúa đông xuân năm nay với nhiều giống mới."


def test_the_clean_test_reads_the_last_line_first_and_answers_the_same():
    head = "Nông dân huyện Hòa Vang thu hoạch lúa sớm"
    # (a last line without its full stop is prose when it runs past 40 words)
    ending = ("Cán bộ khuyến nông cho biết sẽ tiếp tục hướng dẫn bà con chăm sóc lúa trong thời gian tới, "
              "đồng thời phối hợp với hợp tác xã để bao tiêu sản phẩm và giữ giá ổn định cho người trồng lúa "
              "của các thôn trong xã")
    # the last line ends no sentence and holds no credit: not clean
    text = "\n".join([head, _body_line("hỗ trợ máy gặt"), ending + " và các"])
    assert clean_layout(text, lines.split_lines(text)) is None
    # the same with a credit glued after its last sentence: clean, and the credit is the byline
    text = "\n".join([head, _body_line("hỗ trợ máy gặt"), ending + ". Minh Châu"])
    layout = clean_layout(text, lines.split_lines(text))
    assert layout is not None and layout.byline == "Minh Châu"
    assert text[layout.glued_byline_start:].startswith("Minh Châu")
    # a line holding a caption mark fails the text whether or not the last line also fails
    for last in (ending + " và các", ending + ". Minh Châu", ending + "."):
        text = "\n".join([head, _body_line("trao giống lúa (bên phải)"), last])
        assert clean_layout(text, lines.split_lines(text)) is None, last


def test_the_caption_numbers_skip_the_act_search_only_where_they_are_none():
    from extract.segment.captions import bare_sentence, caption_cues, caption_evidence

    texts = ["Đồng chí Bí thư trao quà cho các hộ nghèo", "Lãnh đạo tỉnh trao quà: mỗi hộ một phần",
             "Đại biểu thăm mô hình trồng rau; bà con phấn khởi", "các đại biểu dự lễ khởi công",
             "Ông Nam nói “sẽ trao quà” cho các hộ", "Lãnh đạo huyện kiểm tra tiến độ thu hoạch lúa."]
    for text in texts:
        rows = lines.split_lines(text)
        line = rows[0]
        c = caption_cues()
        subject, act = bool(c.subject.match(text)), bool(c.act.search(text))
        plain = (float(subject), float(act)) if (subject or act) and bare_sentence(line) else (0.0, 0.0)
        assert caption_evidence(rows, 0, False)[:2] == plain, text
