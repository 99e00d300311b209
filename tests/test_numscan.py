"""The fast scans of the number finder give exactly what the general patterns give."""

from __future__ import annotations

import re

import pytest
import regex

from extract.find.counts import number_anchors
from extract.find.numbers import _scans, find_number_spans
from extract.find.numscan import DIGIT_RUN, digit_runs, literal_starts, lowered

TEXTS = [
    "Năm 2023 xã có 1.250 hộ, thu 3,5 tỷ đồng; 12/5 họp; mã K13.",
    "Đơn giá 400.000đ, tổng 8.500.000USD và 250tỷđồng.",
    "Số liệu chữ số khác: ١٢٣ hội viên và ２０ dự án.",  # Arabic-Indic and full-width digits
    "Ngân sách 40 TỶ, thêm Hai Triệu rưỡi, còn tỉnh nghìn ngàn vạn.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_digit_runs_are_those_of_re(text):
    for start, end in [(0, len(text)), (3, max(3, len(text) - 4))]:
        want = [m.span() for m in re.compile(DIGIT_RUN).finditer(text, start, end)]
        assert digit_runs(text, start, end) == want


def test_the_regex_module_knows_every_digit_re_knows():
    """digit_runs relies on it: a run with a digit ``re`` knows is never missed."""
    digits = [chr(c) for c in range(0x110000) if chr(c).isdecimal()]
    assert all(regex.fullmatch(r"\d", ch) for ch in digits)


def test_literal_starts_finds_every_case():
    text = "Ba TRIỆU, hai Triệu và bốn triệu; tỉnh"
    assert literal_starts(text, ("triệu", "tỉ"), 0, len(text)) == [3, 14, 27, 34]
    assert lowered(text) is lowered(text)  # once per document
    assert len(lowered("İstanbul")) == len("İstanbul")  # offsets never move


@pytest.mark.parametrize(
    "text",
    [
        "Có hai mươi lăm hội viên và ba  dự án, Mười tổ chức.",
        "Tỉnh có năm\thội viên, sáu\u00a0dự án và bảy   đoàn.",  # a tab and a no-break space
        "khai dự án, bahội, ba tc và ba tcpcpnn",  # a word that only ends like a number word
        "HAI hội viên, tám chi hội",
    ],
)
def test_anchor_stops_are_the_pattern_match_ends(text):
    anchors = number_anchors()
    for start in range(0, len(text), 3):
        for end in (len(text), len(text) - 5):
            want = [m.end() for m in anchors.pattern.finditer(text, start, end)]
            assert anchors.stops(text, start, end) == want


def test_anchor_fast_path_says_no_and_yes():
    anchors = number_anchors()
    assert anchors.stops("ông thành lập dự án", 0, 19) == []  # a head, but no number word before
    text = "có mười  hiệp hội"
    assert anchors.stops(text, 0, len(text)) == [9]
    assert anchors.stops(text, 6, len(text)) == []  # "mười" begins before the region


def test_scale_words_in_any_case_and_glued():
    text = "Thu 40 TỶ, chi Hai Triệu rưỡi, lãi 250tỷđồng, ở tỉnh"
    spans = find_number_spans(text)
    assert [text[n.start : n.end] for n in spans] == ["40 TỶ", "Hai Triệu rưỡi", "250tỷ"]
    scale = _scans()[0]
    want = [m.start() for m in scale.finditer(text)]
    assert [p for p in literal_starts(text, _scans()[1], 0, len(text)) if scale.match(text, p)] == want


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh cam kết hỗ trợ 2 tỷ đồng, giải ngân 1 tỷ; nhưng vốn vay ưu đãi chưa về.",
        "Mức 105%kế hoạch, vốnODA và vốn ODA2, cam kếtt, trong khi đó nhưngvậy.",
        "Khoản viện trợ không hoàn lại; tuy nhiên, còn vốn đối ứng.",
    ],
)
def test_cue_tries_match_as_the_plain_alternation(text):
    from extract.resolve.money_cues import _LETTER, _word_alternatives, load_cues

    words = ["cam kết", "cam", "hỗ trợ", "giải ngân", "vốn vay", "vốn", "vốn vay ưu đãi", "viện trợ", "nhưng", "kế hoạch"]
    plain = re.compile(
        rf"(?<!{_LETTER})(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?![^\W_])"
    )
    fast = re.compile("|".join(_word_alternatives(words, r"(?![^\W_])")))
    low = text.lower()
    for start in range(0, len(text), 4):
        assert [m.span() for m in fast.finditer(low, start)] == [m.span() for m in plain.finditer(low, start)]
    assert [m.span() for m in fast.finditer(low)]  # the examples hold cues
    cues = load_cues()
    assert [m.span() for m in cues.stage_break.finditer(text, 0, len(text))]


def test_digit_gate_and_join_shortcuts():
    """A digit group followed at once by punctuation is no number a reading needs; spaces
    then a word are read through; tokens farther apart than any gap never join."""
    text = "Năm 2019, có 12   hội viên, góp 1 tỷ 200 triệu đồng và 3 tỷ cho quỹ mà sau đó thêm 200 triệu"
    found = [text[n.start : n.end] for n in find_number_spans(text)]
    assert found == ["12", "1 tỷ 200 triệu", "3 tỷ", "200 triệu"]
    assert [n.value for n in find_number_spans(text)][1] == 1_200_000_000
    assert find_number_spans("tổng 4&nbsp;tỷ")[0].value == 4 * 10**9


GATE_TEXTS = [
    "Quỹ có 12 người, 3 tháng, 5 ngày và 7 hội viên, 8 lượt dự án, 9  tổ chức.",
    "Thu 40 đồng, 2 đô la, 3 Đô La Mỹ, 4 USD, 5 usd, 6 Euro, 7đ, 8&nbsp;đồng, 9\u00a0yên Nhật.",
    "Giá 10 \tĐỒNG, 11 thành viên, 12 đoàn kết, 13 bảng Anh, 14 BẢNG ANH, 15ĐỒNG",
    "Cuối câu 16",
    "Số 17" + " " * 200 + "đồng ở xa",  # beyond the window
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_word_gates_never_say_no_where_the_pattern_matches(text):
    """The amounts and counts gates may say yes where the full pattern fails, never no
    where it matches (so the finders give what they gave without the gate)."""
    from extract.find.amounts import load_lexicon as amounts_lexicon
    from extract.find.counts import load_lexicon as counts_lexicon

    for gate, pattern in [
        (amounts_lexicon().currency_first, amounts_lexicon().currency_after),
        (counts_lexicon().noun_first, counts_lexicon().count),
    ]:
        for pos in range(len(text) + 1):
            if pattern.match(text, pos, min(len(text), pos + 120)):
                assert gate.after(text, pos, 120), (text, pos)


def test_word_gate_says_no_and_yes():
    from extract.find.numscan import WordGate

    gate = WordGate(["đô la", "đ", "yên"], ["USD"])
    text = "5 tháng, 6  Đô La, 7 ĐÔLA, 8usd, 9 USD, 10 đ, 11 Yên, 12 thôi"
    says = {m.group(): gate.after(text, m.end(), 120) for m in re.finditer(r"\d+", text)}
    # "ĐÔLA": no "đô la", but the one-letter "đ" may begin there; "usd" is case-sensitive
    assert says == {"5": False, "6": True, "7": True, "8": False, "9": True, "10": True, "11": True, "12": False}
    assert not gate.after("3" + " " * 10 + "đ", 1, 5)  # the word starts past the window
    assert gate.after("3&nbsp;đ", 1, 120)  # an &nbsp; between: the full pattern decides
    assert WordGate([" la"]).after("3 thôi", 1, 120)  # a word starting with a space: always yes


def test_number_gate_leaves_out_only_numbers_no_stage_reads():
    """The numbers stage keeps a digit group only when a word a later stage needs may
    follow it; amounts and counts come out the same from both lists."""
    from extract.find.amounts import find_amounts
    from extract.find.counts import find_counts, number_gate

    text = "Năm 2023 có 12 người, 5 - 10 tỷ đồng, 7 hội viên, 2 năm, 300 USD, 4 mươi, 6 ngày và 45 tuổi."
    anchors = number_anchors()
    full = find_number_spans(text, 0, len(text), anchors)
    kept = find_number_spans(text, 0, len(text), anchors, number_gate())
    assert [text[n.start : n.end] for n in full if n not in kept] == ["2023", "12", "45"]
    assert [text[n.start : n.end] for n in kept] == ["5", "10 tỷ", "7", "2", "300", "4", "6"]  # "ngà": maybe "ngàn"
    assert find_amounts(text, numbers=kept) == find_amounts(text, numbers=full)
    assert find_counts(text, numbers=kept) == find_counts(text, numbers=full)
    assert len(find_amounts(text, numbers=kept)) == 2 and len(find_counts(text, numbers=kept)) == 1
