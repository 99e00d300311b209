"""The speed paths give the answers of the plain ones (issue 16).

- ``find.directives``: the finder tries its patterns only at the candidates one scan of
  the document lists (``find.candidates``). Checked against a reference that tries the
  designation pattern at every position and looks for a type word before every number,
  which is what the finder did before the candidates existed.
- ``read.legacy.looks_modern`` stops counting early; ``read.decode.check_text`` bounds
  combining runs once; ``Record.to_dict`` copies ``__dict__``: each against its plain form.

Every example here is written for this file.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.find import directives as D
from extract.find.candidates import candidates, designation_matches
from extract.find.shortforms import resolve_short_forms
from extract.read import legacy
from extract.read.decode import MAX_MARKS, canonicalize, check_text
from extract.record.models import Amount, Country, Directive, Place, Record

from .conftest import line_regions


def _everywhere(text: str, regions: list[list[int]]) -> list[Directive]:
    """The reference: every position of a region is a designation candidate and every
    number a short-form candidate (no gate)."""
    lex = D.load_lexicon()
    found: list[Directive] = []
    for i, (start, end) in enumerate(regions):
        numbers = [m.start() for m in re.finditer(r"\d+", text[start:end])]
        found.extend(
            D._find_in(
                text, start, end, lex, D._attribute_limit(text, regions, i),
                list(range(start, end)), [start + n for n in numbers],
            )
        )
    found.sort(key=lambda d: d.start)
    resolve_short_forms(found)
    return found


POSITIVES = [
    "Căn cứ Quyết định số 2417/QĐ-UBND ngày 9/11/2022 của UBND tỉnh, và Quyết định 2417 nói trên.",
    "Thực hiện Kết luận 61-KL/TW, Kết luận 62-KL/TW và Kết luận 63 của Ban Bí thư.",
    "Theo Nghị quyết71/NQ-CP và quy định tại số88/2021/NĐ-CP, hồ sơ được duyệt.",
    "Văn bản 318-QĐ-TW và Thông tư\u00a0số\u00a0 27/2023/TT-BYT đã có hiệu lực.",
    "THÔNG TƯ SỐ 14/2019/TT-BTNMT hướng dẫn; NĐ 73/2024/NĐ-CP sửa đổi; QĐ số 57 bãi bỏ.",
    "Chỉ thị 09-CT/TU, 11-CT/TU và 14-CT/TU của Tỉnh ủy được quán triệt.",
    "Nghị định １２３/２０２０/NĐ-CP và Nghị định １２３ (chữ số toàn khổ).",
    "Luật\t\t 59 năm 2020 về doanh nghiệp, Quy định 214 năm 2020 của Bộ Chính trị.",
    "Quyết định số 45a/QĐ-BTC, công văn 3021/BTC-TCT\nngày 14/6/2023 của Bộ Tài chính.",
    "Kết luận 17–KL/TW (gạch ngang dài) và Quy định 08—QĐ/TW (gạch ngang rất dài).",
    "Theo Chỉ thị số 12 - 5 / QĐ-UBND, viết cách quanh dấu.",  # a designation holding another's start
]
POSITIVES += [
    # a slash then a space: the year or the code after it keeps the number a candidate
    "Theo Nghị quyết 18/ 2020/NQ-HĐND và văn bản 3/ KH-UBND, ngày 4/5/2021 họp.",
    "Công văn 12/1999/CV-BXD và 7/ 2005/QĐ-TTg, hạn chót 30/9 /2024.",
]
NEGATIVES = [
    "Lịch họp 5/ 6/2022, 07/11 và 1/12; tỷ số 3/ 1 nghiêng về đội khách.",
    "Năm 2023 có 15 người tham gia, tỷ lệ 30-40%, ngày 12/3/2021 họp lần 2.",
    "Ông quyết định 5 năm nữa mới về; mã số 123456/QĐ-UB quá dài để là số hiệu.",
    "Giá 1.250.000 đồng/kg, điện thoại 0236-3821-456, lúc 8-10 giờ.",
]


@pytest.mark.parametrize("text", POSITIVES + NEGATIVES)
def test_candidates_find_what_every_position_finds(text):
    regions = line_regions(text)
    assert D.find_directives(text, regions) == _everywhere(text, regions)


@pytest.mark.parametrize("text", POSITIVES + NEGATIVES)
def test_designations_at_candidates_are_those_finditer_gives(text):
    lex = D.load_lexicon()
    desig_at, _ = candidates(text, lex.short_gate)
    for start, end in line_regions(text):
        mine = designation_matches(text, start, end, lex.designation, [a for a in desig_at if start <= a < end])
        assert [m.span() for m in mine] == [m.span() for m in lex.designation.finditer(text, start, end)]


def test_the_examples_can_fail():
    """The positives hold mentions and the negatives none: the comparison above is not
    between two empty lists."""
    assert all(D.find_directives(t, line_regions(t)) for t in POSITIVES)
    assert not any(D.find_directives(t, line_regions(t)) for t in NEGATIVES)


def test_gate_says_no_without_a_dash_or_a_type_word_before_a_number():
    text = "Có 12 đội và 7 câu lạc bộ dự giải, sân số hai."
    assert candidates(text, D.load_lexicon().short_gate) == ([], [])
    assert _everywhere(text, line_regions(text)) == []


def test_gate_says_yes_where_a_mention_starts():
    text = "Xem Nghị định 15 và văn bản 27/2023/TT-BYT."
    desig_at, short_at = candidates(text, D.load_lexicon().short_gate)
    assert text.index("27/") in desig_at
    assert text.index("15") in short_at
    assert [d.text for d in D.find_directives(text)] == ["Nghị định 15", "27/2023/TT-BYT"]


def test_number_of_six_digits_is_no_designation_candidate():
    text = "Mã 123456/QĐ-UB và 12345/QĐ-UB."
    desig_at, _ = candidates(text, D.load_lexicon().short_gate)
    assert desig_at == [text.index("12345/")]


PIECES = st.sampled_from([
    "Nghị định ", "nghị quyết", "Quyết định số ", "số ", "số: ", "Luật", "NQ ", "QĐ", "Chỉ thị ",
    "Thông tư liên tịch ", "12", "7", "2019", "１２", "45a", "/", "-", "–", "—", " ", "\u00a0", "\t",
    "NĐ-CP", "CT/TW", "QĐ-UBND", "TT-BTC", "KL/TW", "ngày 5/6/2020", " của Bộ Y tế", " và ", ", ",
    "năm 2021", "\n", "người", ".",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30).map("".join))
def test_candidates_match_the_reference_on_generated_text(text):
    regions = line_regions(text)
    assert D.find_directives(text, regions) == _everywhere(text, regions)


def _looks_modern_plain(text: str) -> bool:
    """The definition: at least 8 such letters in the first 600 characters or 20 in 4,000."""
    count = lambda end: len(legacy._MODERN.findall(text, 0, end))  # noqa: E731
    return count(600) >= 8 or count(4000) >= 20


@pytest.mark.parametrize(
    "text",
    [
        "Đường về làng đã được trải nhựa, người dân phấn khởi.",
        "ă" * 7 + "x" * 600 + "ư" * 12,  # 7 early, 19 in all: no
        "ă" * 7 + "x" * 600 + "ư" * 13,  # 20 in all: yes
        "x" * 599 + "ơ" * 8,  # the 8th after 600: no (only 8 in all)
        "B×nh ThuËn lµ mét tØnh",  # TCVN3 read as Latin-1
        "",
    ],
)
def test_looks_modern_stops_early_with_the_same_answer(text):
    assert legacy.looks_modern(text) == _looks_modern_plain(text)


def test_check_text_bounds_combining_runs_once_with_the_same_result():
    text = "Xe\r\nco" + "\u0301" * (MAX_MARKS + 5) + "n đường"
    checked, notes = check_text(text)
    assert checked == canonicalize(text)
    assert notes and "5 combining mark" in notes[0]


def test_to_dict_copies_each_mention():
    rec = Record(id="r", directives=[Directive(0, 4, "Nghị", "Luật", "5", None)])
    rec.amounts = [Amount(0, 3, "5 tỷ", 5, "VND"), Amount(4, 8, "1-2 tỷ", 1, "VND", value_max=2)]
    rec.places = [Place(0, 2, "Huế", "46", "Thừa Thiên Huế")]
    rec.countries = [Country(0, 3, "Lào", "LA")]
    d = rec.to_dict()
    assert d["directives"] == [dict(vars(rec.directives[0]))]
    assert "value_max" not in d["amounts"][0] and d["amounts"][1]["value_max"] == 2
    assert d["places"] == [dict(vars(rec.places[0]))] and d["countries"] == [dict(vars(rec.countries[0]))]
    d["directives"][0]["ref"] = "changed"
    assert rec.directives[0].ref is None  # a copy, not the object's own fields


def test_a_number_before_a_slash_and_a_digit_that_starts_no_year_is_no_candidate():
    """A date's parts (``5/ 6/2022``, ``07/11``) start no designation (candidates.py,
    ``_date_part_after``); a year or a code after the slash (``18/ 2020/``, ``3/ KH``) keeps
    the number a candidate."""
    text = "Họp 5/ 6/2022 và 07/11; Quyết định 18/ 2020/QĐ-UB, văn bản 3/ KH-UB."
    desig_at, _ = candidates(text, D.load_lexicon().short_gate)
    assert text.index("5/") not in desig_at and text.index("07/") not in desig_at
    assert text.index("18/") in desig_at and text.index("3/ KH") in desig_at
